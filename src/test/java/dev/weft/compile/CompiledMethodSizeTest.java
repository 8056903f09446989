package dev.weft.compile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot does not JIT-compile a method of 8000 bytes of bytecode or more: a compiled function
 * whose method is that large would run in the JVM's bytecode interpreter, slower than Weft's own.
 * So a function too large for one method is split into parts, each a method below the limit
 * ({@link FunctionParts}): checked here on real code, CoreMark (every function fits in one method)
 * and SpiderMonkey's largest functions (where the limit bites), by the sizes of the methods the
 * tier installed.
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
        assertEquals(List.of(), check(m, all));
        assertEquals(all.size(), m.tier().compiledCount(), m.tier().summary());
    }

    @Test
    void spiderMonkeysLargestFunctionsAreSplitBelowTheLimit() {
        Modules m = Modules.of(benchWasm().resolve("large/spidermonkey.wasm"));
        // every 5th of the 400 largest functions (by their instruction count): the largest are
        // split, the smaller ones not
        List<FunctionPlan> plans = new ArrayList<>();
        for (int f = m.decoded().importedFunctionCount; f < m.decoded().functionTypes.length; f++) {
            FunctionPlan p = FunctionPlan.scan(m.code(), m.decoded(), f);
            if (p.reject == null) {
                plans.add(p);
            }
        }
        List<FunctionPlan> bySize = plans.stream().sorted(Comparator.comparingInt((FunctionPlan p) -> p.instructions).reversed())
                .limit(400).toList();
        List<Integer> largest = new ArrayList<>();
        for (int i = 0; i < bySize.size(); i += 5) {
            largest.add(bySize.get(i).function);
        }
        System.out.println("SpiderMonkey's largest functions:");
        List<Integer> split = check(m, largest);
        assertTrue(!split.isEmpty() && split.size() < largest.size(), "the limit bites on some, not all: " + split.size());
        assertTrue(split.contains(largest.getFirst()), "the largest function is split");
    }
}
