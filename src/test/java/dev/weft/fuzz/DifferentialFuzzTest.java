package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.RunMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Differential fuzzing against V8: binaryen's translate-to-fuzz ({@code wasm-opt -ttf}, Debian
 * package {@code binaryen}) turns seeded random bytes into valid modules using what Weft runs
 * (WebAssembly 2.0; fixed-width SIMD for every second seed); each runs on Node's V8 and on Weft in
 * both dispatch modes and compiled, every exported function called in order; the transcripts
 * (results, traps, every value logged through binaryen's {@code fuzzing-support} imports) must be
 * equal. Every eighth seed also enables reference types, which binaryen 108 mostly turns into
 * typed function references that both engines must reject alike. A v128 cannot cross into
 * JavaScript: a call ends where V8 throws its TypeError (an export with v128 in its signature,
 * {@code log-v128}), on both sides.
 *
 * <p>{@code mvn verify} runs a bounded batch with fixed seeds. For more:
 * {@code mvn -B test -Dtest=DifferentialFuzzTest -Dweft.fuzz.count=5000 [-Dweft.fuzz.seed=N]}.
 * {@code -Dweft.fuzz.maxInput=BYTES} makes larger modules (random input up to that size; default 15 KiB).
 * A mismatch names its seed (rerun it alone with {@code -Dweft.fuzz.seed=SEED -Dweft.fuzz.count=1})
 * and leaves the module and both transcripts in {@code target/fuzz/failures}.
 */
class DifferentialFuzzTest {
    /** Default batch: about 30 s on an idle 2-core machine, a minute or two on a busy one. */
    private static final int DEFAULT_COUNT = 1000;
    private static final long DEFAULT_SEED = 1;
    private static final Path OUT = Path.of("target", "fuzz");

    private static FuzzBatch batch(String name) throws IOException {
        Optional<Path> wasmOpt = ExternalTools.onPath("wasm-opt");
        Optional<Path> node = ExternalTools.onPath("node");
        if (wasmOpt.isEmpty() || node.isEmpty()) {
            String missing = (wasmOpt.isEmpty() ? "wasm-opt (Debian package binaryen) " : "") + (node.isEmpty() ? "node" : "");
            System.err.println("*** DifferentialFuzzTest SKIPPED: not on the PATH: " + missing
                    + "; .ci/run installs binaryen, or: apt-get install binaryen ***");
            Assumptions.abort("differential fuzzing needs " + missing);
        }
        Path dir = OUT.resolve(name);
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return new FuzzBatch(dir, wasmOpt.get(), node.get());
    }

    @Test
    void weftAgreesWithV8OnGeneratedModules() throws Exception {
        int count = Integer.getInteger("weft.fuzz.count", DEFAULT_COUNT);
        long seed = Long.getLong("weft.fuzz.seed", DEFAULT_SEED);
        FuzzBatch.Outcome o = batch("batch").run(seed, count, v -> v);
        System.out.printf("differential fuzz: seeds %d..%d: %d modules (%d valid), %d exports called on V8 and in each"
                + " Weft mode, %d values logged, %d traps; %d mismatches; generating %d ms, running %d ms%n",
                seed, seed + count - 1, o.modules(), o.valid(), o.calls(), o.logs(), o.traps(), o.mismatches().size(),
                o.generateMillis(), o.runMillis());
        if (!o.mismatches().isEmpty()) {
            Path failures = OUT.resolve("failures");
            Files.createDirectories(failures);
            for (FuzzBatch.Mismatch m : o.mismatches()) {
                String base = "seed-" + m.c().seed();
                Files.copy(m.c().wasm(), failures.resolve(base + ".wasm"), StandardCopyOption.REPLACE_EXISTING);
                Files.write(failures.resolve(base + ".v8.txt"), m.v8());
                Files.write(failures.resolve(base + "." + m.mode() + ".txt"), m.weft());
            }
            throw new AssertionFailedError(o.mismatches().size() + " mismatches (modules and transcripts in "
                    + failures.toAbsolutePath() + "):\n" + o.mismatches().stream().limit(20)
                            .map(FuzzBatch.Mismatch::describe).collect(Collectors.joining("\n")));
        }
        // the comparison must have compared something
        assertTrue(o.valid() >= count / 2, "too few valid modules: " + o.valid() + " of " + count);
        assertTrue(o.calls() >= o.valid(), "too few calls: " + o.calls());
        if (count >= 20) {
            assertTrue(o.logs() > 0 && o.traps() > 0, "no values logged or no traps in " + count + " modules");
        }
    }

    /**
     * The comparison is real: the same pipeline with a Weft whose log-i32 import logs x + 1 must
     * report mismatches, in both modes, at a logged i32.
     */
    @Test
    void aPlantedMismatchIsCaught() throws Exception {
        FuzzBatch.Outcome o = batch("planted").run(DEFAULT_SEED, 6, v -> v + 1);
        assertTrue(o.logs() > 0, "the planted batch logged nothing");
        assertTrue(!o.mismatches().isEmpty(), "a Weft that logs x + 1 went unnoticed");
        for (FuzzBatch.Mismatch m : o.mismatches()) {
            assertTrue(m.weft().get(m.line()).startsWith("log i32:"), m.describe());
        }
        assertEquals(RunMode.values().length, o.mismatches().stream().map(FuzzBatch.Mismatch::mode).distinct().count());
    }

    @Test
    void nanPayloadsAreNotCompared() {
        assertEquals(WeftRunner.format(Float.intBitsToFloat(0x7fc00001)), WeftRunner.format(Float.intBitsToFloat(0xffc00000)));
        assertEquals(WeftRunner.format(Double.longBitsToDouble(0x7ff0000000000001L)), WeftRunner.format(Double.NaN));
        assertTrue(!WeftRunner.format(0.0).equals(WeftRunner.format(-0.0)), "-0 and 0 differ");
        assertEquals(1, FuzzBatch.firstDifference(List.of("a", "b"), List.of("a", "c")));
        assertEquals(2, FuzzBatch.firstDifference(List.of("a", "b"), List.of("a", "b", "trap")));
        assertEquals(-1, FuzzBatch.firstDifference(List.of("a", "f32:nan"), List.of("a", "f32:nan")));
    }
}
