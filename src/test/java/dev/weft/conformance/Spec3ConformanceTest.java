package dev.weft.conformance;

import dev.weft.RunMode;
import dev.weft.TextFormatException;
import dev.weft.text.Script;
import dev.weft.text.ScriptParser;
import dev.weft.text.ScriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Runs the WebAssembly 3.0 spec test suite straight from its {@code .wast} scripts (directory
 * {@value #DIR_PROPERTY}, default {@code ../shared/spec-testsuite-3}), parsed by Weft's own text
 * format and script parser, in the modes {@code validate} (decode and validate with every rule
 * Weft knows), {@code switch} and {@code handles} (execute in the interpreter) and {@code compiled}
 * (every function compiled up front that the compiled tier takes), and writes one summary row per
 * (mode, folder, command kind) with folder {@code spec3/} + the script's path without
 * {@code .wast}.
 *
 * <p>Commands that need a feature Weft does not run yet fail: the summary is the feature-progress
 * table ({@code docs/features.md} is generated from it). The scripts listed in
 * {@code spec3-must-pass.txt} pass completely in every mode today; each of their commands is a
 * test, so a regression fails the build. The others run in one report-only test per script and
 * mode, which fails only if something other than a Weft exception escapes. A script that does not
 * parse counts as one failed command of kind {@code script}.
 */
class Spec3ConformanceTest {
    /** Where the suite is. */
    static final String DIR_PROPERTY = "weft.spectest3.dir";
    /** The scripts that must pass, one path (without {@code .wast}) per line. */
    static final String MUST_PASS = "spec3-must-pass.txt";

    private static final ConformanceResults RESULTS = new ConformanceResults();
    private static final Path ROOT = Path.of(System.getProperty(DIR_PROPERTY, "../shared/spec-testsuite-3"));

    /** A mode: its name in the summary, and a fresh runner for a script (validating only without a run mode). */
    private record Mode(String name, RunMode run) {
        ScriptRunner runner() {
            return run == null ? ScriptRunner.validating() : ScriptRunner.executing(run.engine());
        }
    }

    private static final List<Mode> MODES = Stream.concat(Stream.of(new Mode(ValidateMode.NAME, null)),
            Arrays.stream(RunMode.values()).map(r -> new Mode(r.id(), r))).toList();

    @TestFactory
    Stream<DynamicNode> spec3Tests() throws IOException {
        List<Mode> modes = selectedModes();
        modes.forEach(m -> RESULTS.noteRun(m.name(), "spec3"));
        if (!Files.isDirectory(ROOT)) {
            return Stream.of(dynamicTest("spec test suite 3.0 not found", () -> Assumptions.abort(
                    "no WebAssembly 3.0 spec test suite at " + ROOT.toAbsolutePath() + "; set -D" + DIR_PROPERTY
                            + "=<dir> (the pom sets it to ${project.basedir}/../shared/spec-testsuite-3)")));
        }
        List<String> scripts = scripts();
        Set<String> mustPass = mustPass();
        for (String m : mustPass) {
            if (!scripts.contains(m)) {
                throw new IllegalStateException(MUST_PASS + " names " + m + ", which is not in " + ROOT);
            }
        }
        return modes.stream().map(mode -> dynamicContainer(mode.name(), scripts.stream()
                .map(s -> mustPass.contains(s) ? gated(mode, s) : reportOnly(mode, s))));
    }

    @AfterAll
    static void writeReport() throws IOException {
        ConformanceReport report = ConformanceReport.fromSystemProperty();
        report.write(RESULTS);
        Map<String, long[]> totals = new TreeMap<>();
        for (ConformanceResults.Row r : RESULTS.rows()) {
            long[] t = totals.computeIfAbsent(r.mode(), k -> new long[3]);
            t[0] += r.passed();
            t[1] += r.failed();
            t[2] += r.skipped();
        }
        System.out.println("\nSpec conformance, WebAssembly 3.0 suite (passed / failed / skipped; rows in "
                + report.dir().resolve(ConformanceReport.SUMMARY) + ")");
        totals.forEach((mode, t) -> System.out.printf("  %-9s %8d %8d %8d%n", mode, t[0], t[1], t[2]));
    }

    private static List<Mode> selectedModes() {
        String property = System.getProperty(SpecConformanceTest.MODES_PROPERTY);
        if (property == null || property.isBlank()) {
            return MODES;
        }
        Set<String> names = new LinkedHashSet<>(Arrays.asList(property.split("\\s*,\\s*")));
        return MODES.stream().filter(m -> names.contains(m.name())).toList();
    }

    /** @return every script's path relative to the root, without {@code .wast}, sorted */
    private static List<String> scripts() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> p.toString().endsWith(".wast"))
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/').replaceFirst("\\.wast$", ""))
                    .sorted().toList();
        }
    }

    static Set<String> mustPass() {
        Set<String> set = new LinkedHashSet<>();
        try (InputStream in = Spec3ConformanceTest.class.getResourceAsStream(MUST_PASS)) {
            if (in == null) {
                return set;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    /** One script run in one mode: parsed and started when its first command runs, closed after its last. */
    private static final class Run {
        private final Mode mode;
        private final String path;
        private Script script;
        private ScriptRunner runner;
        private int done;

        Run(Mode mode, String path) {
            this.mode = mode;
            this.path = path;
        }

        String folder() {
            return "spec3/" + path;
        }

        /** @return the script, or null (recorded as a failed {@code script} command) if it does not parse */
        Script script() {
            if (script == null) {
                try {
                    script = ScriptParser.parse(Files.readAllBytes(ROOT.resolve(path + ".wast")), path + ".wast");
                } catch (TextFormatException e) {
                    RESULTS.record(mode.name(), folder(), "script", path + ".wast", null,
                            CommandOutcome.failed("script does not parse: " + e.getMessage(), e));
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return script;
        }

        CommandOutcome run(Script.Command command) {
            if (runner == null) {
                runner = mode.runner();
            }
            ScriptRunner.Outcome o = runner.run(command);
            CommandOutcome outcome = switch (o.status()) {
                case PASSED -> o.rejection() != null ? CommandOutcome.rejectedAsExpected(o.rejection())
                        : CommandOutcome.passed();
                case FAILED -> CommandOutcome.failed(o.detail(), o.cause());
                case SKIPPED -> CommandOutcome.skipped(o.detail());
            };
            String expected = command instanceof Script.AssertModule a ? a.text() : null;
            RESULTS.record(mode.name(), folder(), command.kind(), path + ".wast:" + command.line(), expected, outcome);
            if (++done == script.commands().size()) {
                runner.close();
            }
            return outcome;
        }
    }

    private static DynamicNode gated(Mode mode, String path) {
        Run run = new Run(mode, path);
        Script script = run.script();
        if (script == null) {
            return dynamicTest(path, () -> {
                throw new AssertionFailedError(path + ".wast no longer parses (it is in " + MUST_PASS + ")");
            });
        }
        return dynamicContainer(path, script.commands().stream().map(command -> dynamicTest(
                path + ".wast:" + command.line() + " " + command.kind(), () -> {
                    CommandOutcome o = run.run(command);
                    if (o.status() == CommandOutcome.Status.SKIPPED) {
                        Assumptions.abort(o.detail());
                    }
                    if (o.status() == CommandOutcome.Status.FAILED) {
                        throw new AssertionFailedError(path + ".wast:" + command.line() + " " + command.kind()
                                + ": " + o.detail() + " (the script is in " + MUST_PASS + ")", o.cause());
                    }
                })));
    }

    private static DynamicTest reportOnly(Mode mode, String path) {
        return dynamicTest(path + " (report only)", () -> {
            Run run = new Run(mode, path);
            Script script = run.script();
            if (script == null) {
                return;
            }
            List<String> escaped = new ArrayList<>();
            Throwable first = null;
            for (Script.Command command : script.commands()) {
                CommandOutcome o = run.run(command);
                if (o.escaped()) {
                    escaped.add(path + ".wast:" + command.line() + ": " + o.detail());
                    first = first == null ? o.cause() : first;
                }
            }
            if (!escaped.isEmpty()) {
                throw new AssertionFailedError(escaped.size() + " non-Weft exceptions escaped in " + path + ":\n  "
                        + String.join("\n  ", escaped), first);
            }
        });
    }
}
