package dev.weft.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.weft.conformance.ConformanceReport;
import dev.weft.conformance.ConformanceResults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing shared suite is named, with where it was looked for and how to provide it, in the banner and the summary. */
class MissingSuitesBannerTest {
    private final String saved = System.getProperty(SharedSuite.BENCH_WASM.property());

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(SharedSuite.BENCH_WASM.property());
        } else {
            System.setProperty(SharedSuite.BENCH_WASM.property(), saved);
        }
    }

    @Test
    void theBannerNamesTheSuiteItsPlaceItsPropertyAndTheSkippedTests(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-bench-wasm");
        System.setProperty(SharedSuite.BENCH_WASM.property(), nowhere.toString());
        assertFalse(SharedSuite.BENCH_WASM.present());
        assertTrue(SharedSuite.missing().contains(SharedSuite.BENCH_WASM));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MissingSuitesBanner.print(List.of(SharedSuite.BENCH_WASM), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String banner = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(banner.contains("1 SHARED TEST SUITE IS MISSING"), banner);
        assertTrue(banner.contains("SKIPPED, not passed"), banner);
        assertTrue(banner.contains("bench-wasm: "), banner);
        assertTrue(banner.contains("not found at " + nowhere.toAbsolutePath()), banner);
        assertTrue(banner.contains("-Dweft.benchwasm.dir=DIR"), banner);
        assertTrue(banner.contains("skipped: WasiProgramsTest, ResumeProgramsTest, MainTest"), banner);
    }

    @Test
    void theSummaryListsMissingSuites(@TempDir Path dir) throws IOException {
        Path nowhere = dir.resolve("no-bench-wasm");
        System.setProperty(SharedSuite.BENCH_WASM.property(), nowhere.toString());
        new ConformanceReport(dir).write(new ConformanceResults());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve(ConformanceReport.SUMMARY).toFile());
        assertEquals(0, summary.path("results").size());
        boolean listed = false;
        for (JsonNode m : summary.path("missing")) {
            if (m.path("suite").asText().equals("bench-wasm")) {
                listed = true;
                assertEquals(nowhere.toAbsolutePath().toString(), m.path("dir").asText());
                assertEquals("weft.benchwasm.dir", m.path("property").asText());
            }
        }
        assertTrue(listed, summary.toString());
    }
}
