package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.RunMode;
import dev.weft.text.Script;
import dev.weft.text.ScriptParser;
import dev.weft.text.ScriptRunner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Translator bugs that were found outside the spec suite (by the differential fuzzer, by real
 * programs), each kept as a small script in {@code src/test/resources/dev/weft/translate/regressions/}
 * whose comment says where it came from. Every command of every script must pass in every run
 * mode: the compiled tier compiles the translator's output, so a translator bug shows there too.
 */
class TranslatorRegressionTest {
    @TestFactory
    Stream<DynamicTest> everyScriptPassesInEveryMode() throws IOException, URISyntaxException {
        Path dir = Path.of(TranslatorRegressionTest.class.getResource("regressions").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no regression scripts in " + dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path script : scripts) {
            for (RunMode mode : RunMode.values()) {
                tests.add(DynamicTest.dynamicTest(script.getFileName() + " (" + mode.id() + ")", () -> run(script, mode)));
            }
        }
        return tests.stream();
    }

    private static void run(Path file, RunMode mode) throws IOException {
        Script script = ScriptParser.parse(Files.readAllBytes(file), file.getFileName().toString());
        List<String> failed = new ArrayList<>();
        int asserted = 0;
        try (ScriptRunner runner = ScriptRunner.executing(mode.engine())) {
            for (Script.Command command : script.commands()) {
                ScriptRunner.Outcome outcome = runner.run(command);
                if (outcome.status() != ScriptRunner.Status.PASSED) {
                    failed.add("line " + command.line() + " " + command.kind() + ": " + outcome.status() + " " + outcome.detail());
                }
                if (command.kind().startsWith("assert_")) {
                    asserted++;
                }
            }
        }
        assertTrue(asserted > 0, file + " asserts nothing");
        assertEquals(List.of(), failed, file.getFileName() + " in " + mode.id());
    }
}
