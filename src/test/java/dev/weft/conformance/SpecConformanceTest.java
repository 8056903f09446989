package dev.weft.conformance;

import dev.weft.DispatchMode;
import dev.weft.Tier;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Runs the official spec test suite: for each mode (validate, one execution mode per dispatch mode, and
 * the compiled tier's), one container per folder and script, one test
 * per command (named like {@code core/binary.wast:123 assert_malformed}), commands in script order.
 *
 * <p>Gating: folders listed in {@value #GATE_PROPERTY} (default {@value #DEFAULT_GATE}; an entry
 * {@code mode:folder} gates one mode only) get a test per command, so their failures fail the
 * build. Every other folder (the {@code proposals/*}, which are
 * not WebAssembly 2.0) runs in one report-only test: its results go to the summary, and it fails
 * only if something other than a Weft exception escaped.
 *
 * <p>Properties: {@value SpecSuite#DIR_PROPERTY} (suite directory), {@value #GATE_PROPERTY},
 * {@value #MODES_PROPERTY} (comma-separated mode names, default all), and
 * {@value ConformanceReport#OUT_PROPERTY} (where {@code summary.json} goes).
 */
class SpecConformanceTest {
    /** Comma-separated folders whose failures fail the build. */
    static final String GATE_PROPERTY = "weft.spectest.gate";
    /** Comma-separated names of the modes to run. */
    static final String MODES_PROPERTY = "weft.conformance.modes";

    /** Every mode there is; execution modes are added here. */
    private static final List<ConformanceMode> MODES = List.of(new ValidateMode(),
            new ExecutionMode(DispatchMode.SWITCH), new ExecutionMode(DispatchMode.HANDLES),
            new ExecutionMode(Tier.COMPILED));
    /** Gated by default: every mode on core and simd (WebAssembly 2.0). */
    static final String DEFAULT_GATE = "core,simd";

    private static final ConformanceResults RESULTS = new ConformanceResults();
    private static final SpecSuite SUITE = SpecSuite.fromSystemProperty();
    /** Commands whose 2.0 expectation WebAssembly 3.0 changed: location to why (see the resource). */
    private static final Map<String, String> SUPERSEDED = superseded();

    @TestFactory
    Stream<DynamicNode> specTests() {
        List<ConformanceMode> modes = selectedModes();
        modes.forEach(m -> RESULTS.noteMode(m.name()));
        if (!SUITE.exists()) {
            return Stream.of(dynamicTest("spec test suite not found", () -> Assumptions.abort(
                    "no spec test suite at " + SUITE.root() + "; set -D" + SpecSuite.DIR_PROPERTY
                            + "=<dir> (the pom sets it to ${project.basedir}/../shared/spec-testsuite)")));
        }
        Set<String> gated = commaSeparated(System.getProperty(GATE_PROPERTY, DEFAULT_GATE));
        List<String> folders = SUITE.folders();
        return modes.stream().map(mode -> dynamicContainer(mode.name(), folders.stream()
                .map(folder -> gated.contains(folder) || gated.contains(mode.name() + ":" + folder)
                        ? gatedFolder(mode, folder) : reportOnlyFolder(mode, folder))));
    }

    @AfterAll
    static void writeReport() throws IOException {
        ConformanceReport report = ConformanceReport.fromSystemProperty();
        report.write(RESULTS);
        ConformanceReport.printTable(RESULTS, System.out);
        System.out.println("  written: " + report.dir().resolve(ConformanceReport.SUMMARY) + ", "
                + report.dir().resolve(ConformanceReport.MISMATCHES));
    }

    private static List<ConformanceMode> selectedModes() {
        String property = System.getProperty(MODES_PROPERTY);
        if (property == null || property.isBlank()) {
            return MODES;
        }
        Set<String> names = commaSeparated(property);
        List<ConformanceMode> selected = MODES.stream().filter(m -> names.contains(m.name())).toList();
        if (selected.size() != names.size()) {
            throw new IllegalArgumentException(MODES_PROPERTY + "=" + property + " names an unknown mode; known: "
                    + MODES.stream().map(ConformanceMode::name).toList());
        }
        return selected;
    }

    private static Set<String> commaSeparated(String s) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(set::add);
        return set;
    }

    private static DynamicNode gatedFolder(ConformanceMode mode, String folder) {
        return dynamicContainer(folder, SUITE.scripts(folder).stream().map(script -> {
            LazyRun run = new LazyRun(mode, script);
            return dynamicContainer(script.displayName(), script.commands().stream()
                    .map(command -> dynamicTest(command.displayName(), () -> report(command, run.run(command)))));
        }));
    }

    private static DynamicTest reportOnlyFolder(ConformanceMode mode, String folder) {
        return dynamicTest(folder + " (report only, not gating)", () -> {
            List<String> escaped = new ArrayList<>();
            Throwable first = null;
            long failed = 0;
            for (SpecScript script : SUITE.scripts(folder)) {
                LazyRun run = new LazyRun(mode, script);
                for (SpecCommand command : script.commands()) {
                    CommandOutcome outcome = run.run(command);
                    if (outcome.status() == CommandOutcome.Status.FAILED) {
                        failed++;
                    }
                    if (outcome.escaped()) {
                        escaped.add(command.displayName() + ": " + outcome.detail());
                        first = first == null ? outcome.cause() : first;
                    }
                }
            }
            System.out.println("[" + mode.name() + "] " + folder + ": " + failed
                    + " failed commands (report only, see summary.json)");
            if (!escaped.isEmpty()) {
                throw new AssertionFailedError(escaped.size() + " non-Weft exceptions escaped in " + folder
                        + ":\n  " + String.join("\n  ", escaped), first);
            }
        });
    }

    private static Map<String, String> superseded() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = SpecConformanceTest.class.getResourceAsStream("spec2-superseded.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int space = line.indexOf(' ');
                    map.put(line.substring(0, space), line.substring(space).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    private static void report(SpecCommand command, CommandOutcome outcome) {
        String superseded = SUPERSEDED.get(command.location());
        if (superseded != null && outcome.status() == CommandOutcome.Status.FAILED && !outcome.escaped()) {
            // counted as failed in the summary; not a regression: Weft follows WebAssembly 3.0 here
            Assumptions.abort("superseded by WebAssembly 3.0 (" + superseded + "): " + outcome.detail());
        }
        switch (outcome.status()) {
            case PASSED -> {
            }
            case SKIPPED -> Assumptions.abort(outcome.detail());
            case FAILED -> {
                if (outcome.escaped()) {
                    System.err.println("!!! " + command.displayName() + ": " + outcome.detail());
                    outcome.cause().printStackTrace();
                }
                throw new AssertionFailedError(command.displayName() + ": " + outcome.detail(), outcome.cause());
            }
        }
    }

    /** A script's run, begun when its first command runs, recording every outcome. */
    private static final class LazyRun {
        private final ConformanceMode mode;
        private final SpecScript script;
        private ConformanceMode.ScriptRun run;

        LazyRun(ConformanceMode mode, SpecScript script) {
            this.mode = mode;
            this.script = script;
        }

        CommandOutcome run(SpecCommand command) {
            if (run == null) {
                run = mode.begin(script);
            }
            CommandOutcome outcome = run.run(command);
            RESULTS.record(mode.name(), command, outcome);
            return outcome;
        }
    }
}
