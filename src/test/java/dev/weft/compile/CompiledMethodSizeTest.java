package dev.weft.compile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot does not JIT-compile a method of 8000 bytes of bytecode or more: a compiled function
 * whose method is that large would run in the JVM's bytecode interpreter, slower than Weft's own.
 * So a function too large for one method is split into parts, each a method below the limit
 * ({@link FunctionParts}), and so is one too heavy for C2 to inline its memory accesses
 * ({@link ModuleTier#splits}): checked here on real code, CoreMark (every function fits in one
 * method by size; a few are split for weight) and SpiderMonkey's largest functions (where the
 * size limit bites), by the sizes of the methods the tier installed.
 */
class CompiledMethodSizeTest {
    private static Path benchWasm() {
        Path dir = Modules.benchWasm();
        Assumptions.assumeTrue(dir != null, "bench-wasm not found (set -Dweft.benchwasm.dir): skipping");
        return dir;
    }

    /** Compiles the functions and checks each is compiled, in methods below the limit; returns the split ones. */
    private static List<Integer> check(Modules m, List<Integer> functions) {
        ModuleTier tier = m.tier();
        tier.compileNow(functions);
        List<Integer> split = new ArrayList<>();
        int largest = 0;
        for (int f : functions) {
            assertTrue(tier.isCompiled(f), "func " + f + " was not compiled: " + tier.summary());
            int[] size = tier.methodSizes(f);
            assertTrue(size[0] < FunctionPlan.HUGE_METHOD, "func " + f + "'s method has " + size[0] + " bytes of bytecode");
            assertTrue(size[1] < FunctionPlan.HUGE_METHOD, "func " + f + "'s largest part has " + size[1] + " bytes of bytecode");
            if (size[1] > 0) {
                split.add(f);
            }
            largest = Math.max(largest, Math.max(size[0], size[1]));
            // split when too heavy or certainly too large for one method (and when its method, measured, was too large)
            FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), f);
            assertTrue(!ModuleTier.splits(plan) || size[1] > 0, "func " + f + ": " + plan.instructions + " instructions of weight "
                    + plan.weight() + (plan.oversized ? ", too large for one method" : "") + " is split");
        }
        System.out.println("  " + functions.size() + " functions, " + split.size() + " split; largest method "
                + largest + " bytes of bytecode");
        return split;
    }

    @Test
    void everyCoreMarkFunctionCompilesBelowTheLimit() {
        Modules m = Modules.of(benchWasm().resolve("coremark-minimal.wasm"));
        List<Integer> all = new ArrayList<>();
        for (int f = m.decoded().importedFunctionCount; f < m.decoded().functionTypes.length; f++) {
            all.add(f);
        }
        System.out.println("CoreMark:");
        List<Integer> split = check(m, all);
        for (int f : all) {
            assertFalse(FunctionPlan.scan(m.code(), m.decoded(), f).oversized, "func " + f + " fits in one method by size");
        }
        assertTrue(split.size() < all.size(), "most CoreMark functions are light enough for one method: " + split);
        assertEquals(all.size(), m.tier().compiledCount(), m.tier().summary());
    }

    @Test
    void spiderMonkeysLargestFunctionsAreSplitBelowTheLimit() {
        Modules m = Modules.of(benchWasm().resolve("large/spidermonkey.wasm"));
        // every 5th of the 400 largest functions (by their instruction count), and every 100th of
        // the others: the largest are split, many smaller ones not
        List<FunctionPlan> plans = new ArrayList<>();
        for (int f = m.decoded().importedFunctionCount; f < m.decoded().functionTypes.length; f++) {
            FunctionPlan p = FunctionPlan.scan(m.code(), m.decoded(), f);
            if (p.reject == null) {
                plans.add(p);
            }
        }
        List<FunctionPlan> bySize = plans.stream().sorted(Comparator.comparingInt((FunctionPlan p) -> p.instructions).reversed())
                .toList();
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < bySize.size(); i += i < 400 ? 5 : 100) {
            sample.add(bySize.get(i).function);
        }
        System.out.println("SpiderMonkey's largest functions, and some others:");
        List<Integer> split = check(m, sample);
        assertTrue(!split.isEmpty() && split.size() < sample.size(), "some split, not all: " + split.size() + " of " + sample.size());
        assertTrue(split.contains(sample.getFirst()), "the largest function is split");
        assertTrue(sample.stream().limit(80).anyMatch(f -> FunctionPlan.scan(m.code(), m.decoded(), f).oversized),
                "some are too large for one method by size alone");
    }
}
