package dev.weft.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConformanceReportTest {
    private static SpecCommand command(SpecScript script, String kind, String text) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", kind).put("line", 7);
        if (text != null) {
            json.put("text", text);
        }
        return new SpecCommand(script, 7, kind, json);
    }

    @Test
    void rowsOfOtherModesSurviveAndRowsOfTheWrittenModesAreReplaced(@TempDir Path dir) throws IOException {
        SpecScript core = new SpecScript("core", dir.resolve("x.json"));
        SpecScript simd = new SpecScript("simd", dir.resolve("y.json"));
        ConformanceReport report = new ConformanceReport(dir);

        ConformanceResults first = new ConformanceResults();
        first.record("switch", command(core, "assert_return", null), CommandOutcome.passed());
        first.record("validate", command(core, "module", null), CommandOutcome.failed("old", null));
        report.write(first);

        ConformanceResults second = new ConformanceResults();
        second.record("validate", command(simd, "module", null), CommandOutcome.passed());
        second.record("validate", command(core, "module", null), CommandOutcome.passed());
        second.record("validate", command(core, "module", null), CommandOutcome.skipped("why"));
        report.write(second);

        assertEquals(List.of(
                new ConformanceResults.Row("switch", "core", "assert_return", 1, 0, 0),
                new ConformanceResults.Row("validate", "core", "module", 1, 0, 1),
                new ConformanceResults.Row("validate", "simd", "module", 1, 0, 0)),
                ConformanceReport.readSummary(dir.resolve(ConformanceReport.SUMMARY)));
    }

    @Test
    void suitesRunInTheSameModeDoNotReplaceEachOthersRows(@TempDir Path dir) throws IOException {
        SpecScript core = new SpecScript("core", dir.resolve("binary.json"));
        SpecScript spec3 = new SpecScript("spec3/core", dir.resolve("z.json"));
        ConformanceReport report = new ConformanceReport(dir);

        ConformanceResults spec = new ConformanceResults();
        spec.noteMode("switch");
        spec.record("switch", command(core, "assert_return", null), CommandOutcome.passed());
        spec.record("switch", command(spec3, "assert_return", null), CommandOutcome.passed());
        spec.record("validate", command(core, "assert_malformed", "integer too large"), CommandOutcome
                .rejectedAsExpected(new dev.weft.MalformedModuleException("integer representation too long", 3)));
        report.write(spec);

        ConformanceResults wasi = new ConformanceResults();
        wasi.noteRun("switch", ConformanceReport.WASI_SUITE);
        wasi.noteRun("validate", ConformanceReport.WASI_SUITE);
        wasi.record("switch", ConformanceReport.WASI_SUITE, "c", CommandOutcome.passed());
        wasi.record("switch", ConformanceReport.WASI_SUITE, "c", CommandOutcome.failed("exit code", null));
        report.write(wasi);

        ConformanceResults specAgain = new ConformanceResults();
        specAgain.noteMode("switch");
        specAgain.record("switch", command(core, "assert_return", null), CommandOutcome.failed("now", null));
        report.write(specAgain);

        // the spec rerun replaced only (switch, spec): spec3 and the WASI suite kept their rows
        assertEquals(List.of(
                new ConformanceResults.Row("switch", "core", "assert_return", 0, 1, 0),
                new ConformanceResults.Row("switch", "spec3/core", "assert_return", 1, 0, 0),
                new ConformanceResults.Row("switch", "wasi-testsuite", "c", 1, 1, 0)),
                ConformanceReport.readSummary(dir.resolve(ConformanceReport.SUMMARY)).stream()
                        .filter(r -> r.mode().equals("switch")).toList());
        assertEquals(1, Files.readAllLines(dir.resolve(ConformanceReport.MISMATCHES)).size(),
                "the WASI run in mode validate keeps the spec suite's mismatches");
    }

    @Test
    void foldersBelongToTheirSuite() {
        assertEquals(ConformanceReport.WASI_SUITE, ConformanceReport.suite("wasi-testsuite"));
        assertEquals(ConformanceReport.SPEC3_SUITE, ConformanceReport.suite("spec3/proposals/gc"));
        assertEquals(ConformanceReport.SPEC_SUITE, ConformanceReport.suite("core"));
        assertEquals(ConformanceReport.SPEC_SUITE, ConformanceReport.suite("proposals/tail-call"));
        assertEquals(ConformanceReport.SPEC_SUITE, ConformanceReport.suite("spec3x"));
    }

    @Test
    void onlyRejectionsWhoseReasonLacksTheExpectedTextAreMismatches(@TempDir Path dir) throws IOException {
        SpecScript core = new SpecScript("core", dir.resolve("binary.json"));
        ConformanceResults results = new ConformanceResults();
        results.record("validate", command(core, "assert_malformed", "unexpected end"), CommandOutcome
                .rejectedAsExpected(new dev.weft.MalformedModuleException("unexpected end of section or function", 3)));
        results.record("validate", command(core, "assert_malformed", "integer too large"), CommandOutcome
                .rejectedAsExpected(new dev.weft.MalformedModuleException("integer representation too long", 3)));
        new ConformanceReport(dir).write(results);

        assertEquals(List.of("[validate] core/binary.wast:7  expected: \"integer too large\"  ours: "
                        + "\"integer representation too long\""),
                Files.readAllLines(dir.resolve(ConformanceReport.MISMATCHES)));
    }
}
