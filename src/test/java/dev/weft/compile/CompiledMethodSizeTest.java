package dev.weft.compile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot does not JIT-compile a method of 8000 bytes of bytecode or more: a compiled function
 * whose method is that large would run in the JVM's bytecode interpreter, slower than Weft's own.
 * So such functions stay interpreted: checked here on real code, CoreMark (every function fits) and
 * SpiderMonkey's largest functions (where the limit bites), by measuring the methods the compiler
 * builds and comparing with what it installed.
 */
class CompiledMethodSizeTest {
    private static Path benchWasm() {
        Path dir = Modules.benchWasm();
        Assumptions.assumeTrue(dir != null, "bench-wasm not found (set -Dweft.benchwasm.dir): skipping");
        return dir;
    }

    /** Compiles the functions, then checks every one against the size of its method. */
    private static List<Integer> check(Modules m, List<Integer> functions) {
        ModuleTier tier = m.tier();
        List<FunctionPlan> plans = new ArrayList<>();
        for (int f : functions) {
            FunctionPlan p = FunctionPlan.scan(m.code(), m.decoded(), f);
            if (p.reject == null) {
                plans.add(p);
            }
        }
        Map<Integer, Integer> sizes = plans.isEmpty() ? Map.of()
                : ClassCompiler.methodSizes(ClassCompiler.build(tier, plans).getKey());
        tier.compileNow(functions);
        List<Integer> oversized = new ArrayList<>();
        for (int f : functions) {
            Integer size = sizes.get(f);
            boolean compiled = tier.isCompiled(f);
            if (size != null && size < FunctionPlan.HUGE_METHOD) {
                assertTrue(compiled, "func " + f + " (" + size + " bytes) fits the JIT and was not compiled: " + tier.summary());
            } else {
                assertTrue(!compiled, "func " + f + " (" + size + " bytes of bytecode) was compiled");
                oversized.add(f);
            }
        }
        sizes.entrySet().stream().sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()).limit(3)
                .forEach(e -> System.out.println("  func " + e.getKey() + ": " + e.getValue() + " bytes of bytecode"));
        return oversized;
    }

    @Test
    void everyCoreMarkFunctionCompilesBelowTheLimit() {
        Modules m = Modules.of(benchWasm().resolve("coremark-minimal.wasm"));
        List<Integer> all = new ArrayList<>();
        for (int f = m.decoded().importedFunctionCount; f < m.decoded().functionTypes.length; f++) {
            all.add(f);
        }
        System.out.println("CoreMark's largest compiled methods:");
        assertEquals(List.of(), check(m, all));
        assertEquals(all.size(), m.tier().compiledCount(), m.tier().summary());
    }

    @Test
    void spiderMonkeysLargestFunctionsStayInterpreted() {
        Modules m = Modules.of(benchWasm().resolve("large/spidermonkey.wasm"));
        // every 5th of the 400 largest functions not rejected before compiling (by their instruction
        // count): the largest are over the limit, the smaller ones not
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
        System.out.println("SpiderMonkey's largest compiled methods:");
        List<Integer> oversized = check(m, largest);
        System.out.println("  " + oversized.size() + " of " + largest.size() + " over the limit: " + m.tier().summary());
        assertTrue(!oversized.isEmpty() && oversized.size() < largest.size(), "the limit bites on some, not all");
    }
}
