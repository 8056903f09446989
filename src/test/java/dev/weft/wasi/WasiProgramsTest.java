package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.RunMode;
import dev.weft.WasmModule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The C programs of the shared bench-wasm set ({@code wasi/*.wasm}: sha256, matmul, tokenizer,
 * nbody, compiled with wasi-libc) print exactly the stdout bytes and exit with exactly the codes
 * recorded in its {@code wasi/expected.json}, in both dispatch modes. The directory comes from the
 * system property {@code weft.benchwasm.dir}; without it the test is skipped (aborted, not passed).
 *
 * <p>Runtime: the four default-argument runs are nearly all of it. Measured on the 2-core build
 * machine within {@code mvn verify} (after the conformance suite, under load): switch mode 58 s
 * for all twelve runs (sha256's defaults alone 51 s), handles mode 67 s for them. That is over
 * the minute per mode this suite allows itself, so switch mode (the default) runs every recorded
 * argument list and handles mode only the eight smaller ones, which take a few seconds and still
 * run every program through every WASI call it makes.
 */
class WasiProgramsTest {
    private static final Path DIR = Path.of(System.getProperty("weft.benchwasm.dir", "../shared/bench-wasm"))
            .resolve("wasi");
    private static final Map<String, WasmModule> MODULES = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> programsPrintTheRecordedOutput() throws IOException {
        Path expected = DIR.resolve("expected.json");
        if (!Files.isRegularFile(expected)) {
            return Stream.of(dynamicTest("bench-wasm WASI programs", () -> Assumptions.abort(
                    "no " + expected + "; set -Dweft.benchwasm.dir to the bench-wasm directory to run these")));
        }
        List<JsonNode> cases = new ArrayList<>();
        new ObjectMapper().readTree(expected.toFile()).forEach(cases::add);
        List<DynamicNode> modes = new ArrayList<>();
        for (RunMode mode : RunMode.values()) {
            modes.add(dynamicContainer(mode.id(), cases.stream()
                    .filter(c -> mode == RunMode.SWITCH || !c.get("args").isEmpty())
                    .map(c -> dynamicTest(name(c), () -> run(mode, c)))));
        }
        return modes.stream();
    }

    private static String name(JsonNode c) {
        List<String> args = new ArrayList<>();
        c.get("args").forEach(a -> args.add(a.asText()));
        return c.get("file").asText() + (args.isEmpty() ? " (defaults)" : " " + String.join(" ", args));
    }

    private static void run(RunMode mode, JsonNode c) {
        String file = c.get("file").asText();
        WasmModule module = MODULES.computeIfAbsent(file, f -> WasmModule.parse(DIR.resolve(f)));
        List<String> argv = new ArrayList<>();
        argv.add(file);
        c.get("args").forEach(a -> argv.add(a.asText()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (Wasi wasi = Wasi.builder().args(argv.toArray(String[]::new)).stdout(out).stderr(err).build()) {
            exit = wasi.runStart(mode.builder().build().instantiate(module, wasi.imports()));
        }
        assertEquals(c.get("stdout").asText(), out.toString(StandardCharsets.UTF_8), "stdout");
        assertEquals(c.get("exit_code").asInt(), exit, "exit code; stderr: " + err.toString(StandardCharsets.UTF_8));
    }
}
