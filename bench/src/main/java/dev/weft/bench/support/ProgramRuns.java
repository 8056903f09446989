package dev.weft.bench.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runs of the {@link Program}s, read from {@code bench/corpus/expected.json} (bundled in the jar):
 * for each program and {@link Role}, the arguments and the exact stdout and exit code recorded on
 * V8 ({@code bench/corpus/record.mjs}, the one definition of the sizes).
 */
public final class ProgramRuns {
    /** What a run is for. */
    public enum Role {
        /** Weft's own tests (not used here) */
        TEST("test"),
        /** the broad warm-up and the history of the age benchmark: about a fifth of a measured run */
        WARMUP("warmup"),
        /** the run that is measured */
        MEASURED("measured");

        private final String id;

        Role(String id) {
            this.id = id;
        }
    }

    /**
     * One recorded run.
     *
     * @param program the program
     * @param role what it is for
     * @param args the guest's arguments after the program name
     * @param exitCode the expected exit code
     * @param stdout the expected standard output, byte for byte
     */
    public record Run(Program program, Role role, List<String> args, int exitCode, byte[] stdout) {
        /** @return the guest's argv: the module's file name, then {@link #args()} */
        public List<String> argv() {
            List<String> argv = new ArrayList<>();
            argv.add(program.id() + ".wasm");
            argv.addAll(args);
            return argv;
        }

        /** @return e.g. {@code json_tree 4000} */
        public String describe() {
            return args.isEmpty() ? program.id() + " (defaults)" : program.id() + " " + String.join(" ", args);
        }
    }

    private static volatile List<Run> runs;

    private ProgramRuns() {
    }

    /**
     * @param program the program
     * @param role which run
     * @return its single run of that role
     * @throws IllegalStateException unless expected.json has exactly one
     */
    public static Run of(Program program, Role role) {
        List<Run> found = all().stream().filter(r -> r.program() == program && r.role() == role).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected.json has " + found.size() + " " + role.id + " runs of " + program.id()
                    + ", the benchmarks need exactly one");
        }
        return found.get(0);
    }

    /** @return every recorded run of the benchmarked programs */
    public static List<Run> all() {
        List<Run> r = runs;
        if (r == null) {
            r = load();
            runs = r;
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Run> load() {
        String text;
        try (InputStream in = ProgramRuns.class.getResourceAsStream("/dev/weft/bench/corpus/expected.json")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no dev/weft/bench/corpus/expected.json (bench/corpus/)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Run> list = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(text)) {
            Map<String, Object> e = (Map<String, Object>) o;
            Program program;
            try {
                program = Program.of((String) e.get("program"));
            } catch (IllegalArgumentException notBenchmarked) {
                continue;
            }
            if (!program.source().id().equals(e.get("source"))) {
                throw new IllegalStateException(program.id() + " is listed with source " + e.get("source"));
            }
            Role role = null;
            for (Role candidate : Role.values()) {
                if (candidate.id.equals(e.get("role"))) {
                    role = candidate;
                }
            }
            if (role == null) {
                throw new IllegalStateException("unknown role " + e.get("role") + " in expected.json");
            }
            List<String> args = new ArrayList<>();
            for (Object a : (List<Object>) e.get("args")) {
                args.add((String) a);
            }
            list.add(new Run(program, role, List.copyOf(args), ((Double) e.get("exit_code")).intValue(),
                    ((String) e.get("stdout")).getBytes(StandardCharsets.UTF_8)));
        }
        return List.copyOf(list);
    }
}
