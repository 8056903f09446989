package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code -Dweft.profile=true} the profile printed at exit counts executed WebAssembly
 * instructions, from what the translator attributed to each internal instruction. For loops of
 * known size ({@link WasmCountProbe#MODULE}) the count must be exact, in both dispatch modes:
 * each run is a JVM of its own (the flag is a constant of the dispatch loops).
 */
class ExecutedWasmCountTest {
    private static final Pattern TOTALS = Pattern.compile(
            "weft profile: executed ([0-9,]+) WebAssembly instructions, ([0-9,]+) internal instructions");

    /** Executed WebAssembly and internal instructions of one call. */
    record Counts(long wasm, long internal) {
    }

    static Counts run(String mode, String function, int n) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "-Dweft.profile=true", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, WasmCountProbe.class.getName(), mode, function, Integer.toString(n)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        assertEquals(0, p.exitValue(), out);
        Matcher m = TOTALS.matcher(out);
        assertTrue(m.find(), "no profile totals in:\n" + out);
        return new Counts(Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"switch", "handles"})
    void straightLoopIsCountedExactly(String mode) throws Exception {
        assertEquals(10L * 1000 + 6, run(mode, "sum", 1000).wasm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"switch", "handles"})
    void rotatedLoopCountsTwelvePerIteration(String mode) throws Exception {
        Counts small = run(mode, "count", 1000);
        Counts large = run(mode, "count", 3000);
        assertEquals(12L * 2000, large.wasm() - small.wasm());
        // the translator's fusions: fewer internal instructions than WebAssembly ones, per iteration 3 (add, sub, rotated head)
        assertEquals(3L * 2000, large.internal() - small.internal());
    }
}
