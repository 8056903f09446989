package dev.weft.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Tier;
import dev.weft.WasmModule;
import dev.weft.wasi.Wasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of real compiler output ({@code bench/corpus/}: ten C programs written for Weft,
 * compiled to wasm32-wasi by clang with wasi-libc, three of them also with {@code -msimd128})
 * prints exactly the stdout recorded on V8 in {@code bench/corpus/expected.json}, and exits with
 * the recorded code, in both dispatch modes and compiled.
 * Only the runs of role {@code test} are made (a few tens of milliseconds each; the larger
 * {@code warmup} and {@code measured} runs are the benchmarks'). The corpus is part of the
 * repository, so a missing file fails rather than skips. The directory is
 * {@code bench/corpus} under the working directory (Maven runs tests in the project's), or the
 * system property {@code weft.corpus.dir}.
 *
 * <p>Runtime: 2 s for all 26 runs alone ({@code mvn -q test -Dtest=CorpusProgramsTest}), 12 s
 * within {@code mvn verify} on the 2-core machine at load ~8.
 */
class CorpusProgramsTest {
    private static final Path DIR = Path.of(System.getProperty("weft.corpus.dir", "bench/corpus"));
    private static final Map<String, WasmModule> MODULES = new ConcurrentHashMap<>();
    private static final String SIMD_SUFFIX = "-simd";

    @TestFactory
    Stream<DynamicNode> programsPrintTheRecordedOutput() throws IOException {
        List<JsonNode> runs = testRuns();
        List<DynamicNode> modes = new ArrayList<>();
        for (DispatchMode mode : DispatchMode.values()) {
            Engine engine = Engine.builder().dispatch(mode).build();
            modes.add(dynamicContainer(mode.id(), runs.stream().map(r -> dynamicTest(name(r), () -> run(engine, r)))));
        }
        // every function compiled (the SIMD builds' vectorised loops included)
        Engine compiled = Engine.builder().tier(Tier.COMPILED).build();
        modes.add(dynamicContainer(Tier.COMPILED.id(), runs.stream().map(r -> dynamicTest(name(r), () -> run(compiled, r)))));
        return modes.stream();
    }

    /** Every corpus program has test runs, so none drops out of the tests unnoticed. */
    @Test
    void everyProgramHasTestRuns() throws IOException {
        TreeSet<String> programs = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".c"))
                    .forEach(f -> programs.add(f.substring(0, f.length() - 2)));
        }
        TreeSet<String> tested = new TreeSet<>();
        TreeSet<String> simdBuilds = new TreeSet<>();
        for (JsonNode r : testRuns()) {
            String program = r.get("program").asText();
            // NAME-simd: NAME.c built with -msimd128 (bench/corpus/build.sh)
            if (program.endsWith(SIMD_SUFFIX)) {
                simdBuilds.add(program);
                program = program.substring(0, program.length() - SIMD_SUFFIX.length());
            }
            tested.add(program);
        }
        assertFalse(programs.isEmpty(), "no C sources in " + DIR.toAbsolutePath());
        assertEquals(programs, tested, "programs with sources vs programs with test runs in expected.json");
        for (String p : programs) {
            assertTrue(Files.isRegularFile(DIR.resolve(p + ".wasm")), p + ".wasm is committed next to " + p + ".c");
        }
        assertEquals(Set.of("image_filter-simd", "string_search-simd", "dot_matrix-simd"), simdBuilds, "SIMD builds with test runs");
        for (String p : simdBuilds) {
            assertTrue(Files.isRegularFile(DIR.resolve(p + ".wasm")), p + ".wasm is committed");
        }
    }

    private static List<JsonNode> testRuns() throws IOException {
        Path expected = DIR.resolve("expected.json");
        assertTrue(Files.isRegularFile(expected), "the corpus is part of the repository: missing " + expected.toAbsolutePath());
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(expected.toFile())) {
            if (e.get("source").asText().equals("corpus") && e.get("role").asText().equals("test")) {
                runs.add(e);
            }
        }
        return runs;
    }

    private static String name(JsonNode r) {
        List<String> args = new ArrayList<>();
        r.get("args").forEach(a -> args.add(a.asText()));
        return r.get("program").asText() + " " + String.join(" ", args);
    }

    private static void run(Engine engine, JsonNode r) {
        String file = r.get("file").asText();
        WasmModule module = MODULES.computeIfAbsent(file, f -> WasmModule.parse(DIR.resolve(f)));
        List<String> argv = new ArrayList<>();
        argv.add(file);
        r.get("args").forEach(a -> argv.add(a.asText()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (Wasi wasi = Wasi.builder().args(argv.toArray(String[]::new)).stdout(out).stderr(err).build()) {
            exit = wasi.runStart(engine.instantiate(module, wasi.imports()));
        }
        assertEquals(r.get("stdout").asText(), out.toString(StandardCharsets.UTF_8), "stdout");
        assertEquals(r.get("exit_code").asInt(), exit, "exit code; stderr: " + err.toString(StandardCharsets.UTF_8));
    }
}
