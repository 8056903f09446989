package dev.weft.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.WasmModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Decodes and validates every binary module of the spec test suite's {@code core} and
 * {@code simd} scripts: each {@code module} (and each module of an {@code assert_unlinkable} or
 * {@code assert_uninstantiable}, which must validate) must be accepted, each binary
 * {@code assert_invalid} must throw {@link InvalidModuleException} and each binary
 * {@code assert_malformed} {@link MalformedModuleException}. Text-format commands are skipped.
 * Reasons that do not contain the expected text are written to
 * {@code target/validator-spec/message-mismatches.txt}; only wrong exception classes fail.
 */
class SpecSuiteValidationTest {
    private static final Path SUITE = Path.of(System.getProperty("weft.spectest.dir", "../shared/spec-testsuite"));

    @Test
    void core() throws IOException {
        run("core");
    }

    @Test
    void simd() throws IOException {
        run("simd");
    }

    private static void run(String folder) throws IOException {
        Path dir = SUITE.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "spec test suite not found at " + dir);
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        List<Path> scripts;
        try (Stream<Path> s = Files.list(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path script : scripts) {
            for (JsonNode cmd : json.readTree(script.toFile()).get("commands")) {
                String type = cmd.get("type").asText();
                JsonNode file = cmd.get("filename");
                if (file == null || !file.asText().endsWith(".wasm")) {
                    continue;
                }
                String where = script.getFileName() + ":" + cmd.get("line").asInt() + " " + type;
                byte[] bytes = Files.readAllBytes(dir.resolve(file.asText()));
                Class<? extends ModuleException> expected = switch (type) {
                    case "assert_invalid" -> InvalidModuleException.class;
                    case "assert_malformed" -> MalformedModuleException.class;
                    default -> null;
                };
                checked++;
                try {
                    WasmModule.parse(bytes);
                    if (expected != null) {
                        failures.add(where + ": accepted, expected " + expected.getSimpleName() + " \""
                                + cmd.get("text").asText() + "\"");
                    }
                } catch (ModuleException e) {
                    if (expected == null) {
                        failures.add(where + ": rejected: " + e);
                    } else if (!expected.isInstance(e)) {
                        failures.add(where + ": expected " + expected.getSimpleName() + " \""
                                + cmd.get("text").asText() + "\", got " + e);
                    } else if (!e.reason().contains(cmd.get("text").asText())) {
                        mismatches.add(where + ": expected \"" + cmd.get("text").asText() + "\", got \""
                                + e.reason() + "\"");
                    }
                } catch (RuntimeException | Error e) {
                    failures.add(where + ": escaped " + e);
                }
            }
        }
        Path out = Path.of("target", "validator-spec");
        Files.createDirectories(out);
        Files.write(out.resolve(folder + "-message-mismatches.txt"), mismatches);
        Files.write(out.resolve(folder + "-failures.txt"), failures);
        System.out.printf("spec %s: %d binary modules checked, %d failures, %d message mismatches%n", folder, checked,
                failures.size(), mismatches.size());
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 40)),
                failures.size() + " failures in " + folder);
    }
}
