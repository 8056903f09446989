package dev.weft.wasi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to run one test of the official WASI test suite and what must come out, read from the
 * {@code NAME.json} next to {@code NAME.wasm} as the suite's {@code specification.md} defines it.
 * Both forms are read: the legacy one ({@code args}, {@code env}, {@code root}, {@code exit_code},
 * {@code stdout}, {@code stderr}) and the operation-based one ({@code operations},
 * {@code proposals}). The legacy form becomes operations as the specification says: a run, a read
 * of stdout and of stderr, a wait. A read compares the next characters of the stream with its
 * payload, as many as the payload has (as the suite's reference runner reads them), so the legacy
 * default, {@code ""}, checks nothing: tests print diagnostics that their JSON does not mention.
 *
 * @param operations what to do and check, in order
 * @param proposals WASI proposals the test needs (Weft supports none: such a test fails)
 */
record WasiTestSpec(List<Operation> operations, List<String> proposals) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LEGACY_KEYS = Set.of("args", "env", "root", "exit_code", "stdout", "stderr");
    private static final Set<String> OPERATION_KEYS = Set.of("operations", "proposals");

    /** One step of a test. */
    sealed interface Operation {
    }

    /**
     * Starts the program.
     *
     * @param args its arguments after the program name
     * @param env its whole environment
     * @param root the directory (relative to the test's) to preopen as {@code /}, or null
     */
    record Run(List<String> args, Map<String, String> env, String root) implements Operation {
    }

    /**
     * Waits for the program to end.
     *
     * @param exitCode the exit code it must end with
     */
    record Wait(int exitCode) implements Operation {
    }

    /**
     * Reads from an output stream.
     *
     * @param stream {@code stdout} or {@code stderr}
     * @param payload what must be read next
     */
    record Read(String stream, String payload) implements Operation {
    }

    /**
     * An operation of the specification that a test of an in-process runtime cannot perform
     * ({@code connect}, {@code send}, {@code recv}: sockets, which preview 1 cannot create).
     *
     * @param type its type
     */
    record Unsupported(String type) implements Operation {
    }

    /** The default specification of a test without a {@code .json}: run, then wait for exit code 0. */
    static WasiTestSpec defaults() {
        return new WasiTestSpec(List.of(new Run(List.of(), Map.of(), null), new Read("stdout", ""),
                new Read("stderr", ""), new Wait(0)), List.of());
    }

    /**
     * @param file a test's {@code .json}, or a path that does not exist for the defaults
     * @return its specification
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it does not follow the format
     */
    static WasiTestSpec read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return defaults();
        }
        JsonNode root = JSON.readTree(file.toFile());
        boolean operationForm = root.has("operations") || root.has("proposals");
        Set<String> allowed = operationForm ? OPERATION_KEYS : LEGACY_KEYS;
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown or mixed-style field " + name);
            }
        }
        return operationForm ? operations(root) : legacy(root);
    }

    private static WasiTestSpec legacy(JsonNode root) {
        return new WasiTestSpec(List.of(run(root), new Read("stdout", text(root, "stdout", "")),
                new Read("stderr", text(root, "stderr", "")), new Wait(root.path("exit_code").asInt(0))),
                List.of());
    }

    private static WasiTestSpec operations(JsonNode root) {
        List<Operation> operations = new ArrayList<>();
        for (JsonNode op : root.path("operations")) {
            String type = op.path("type").asText();
            operations.add(switch (type) {
                case "run" -> run(op);
                case "wait" -> new Wait(op.path("exit_code").asInt(0));
                case "read" -> new Read(text(op, "id", "stdout"), text(op, "payload", ""));
                case "connect", "send", "recv" -> new Unsupported(type);
                default -> throw new IllegalArgumentException("unknown operation type " + type);
            });
        }
        if (!root.has("operations")) {
            operations.addAll(List.of(new Run(List.of(), Map.of(), null), new Wait(0)));
        }
        validate(operations);
        List<String> proposals = new ArrayList<>();
        root.path("proposals").forEach(p -> proposals.add(p.asText()));
        return new WasiTestSpec(operations, proposals);
    }

    /** The specification's rules: every run is followed by its wait; reads and the rest come while running. */
    private static void validate(List<Operation> operations) {
        boolean running = false;
        for (Operation op : operations) {
            switch (op) {
                case Run r -> {
                    if (running) {
                        throw new IllegalArgumentException("run before the previous run's wait");
                    }
                    running = true;
                }
                case Wait w -> {
                    if (!running) {
                        throw new IllegalArgumentException("wait without a run");
                    }
                    running = false;
                }
                default -> {
                    if (!running) {
                        throw new IllegalArgumentException(op + " outside a run");
                    }
                }
            }
        }
        if (running) {
            throw new IllegalArgumentException("run without a wait");
        }
    }

    private static Run run(JsonNode node) {
        List<String> args = new ArrayList<>();
        node.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        node.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode root = node.get("root");
        return new Run(args, env, root == null || root.isNull() ? null : root.asText());
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }
}
