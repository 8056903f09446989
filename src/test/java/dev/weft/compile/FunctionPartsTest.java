package dev.weft.compile;

import dev.weft.code.InstructionDecoder;
import dev.weft.text.TextFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link FunctionParts} cuts functions: parts cover the code in order, hold at most the
 * instructions asked, can be entered wherever a branch from another part lands, and keep a loop
 * that fits in one part whole. (That split code computes what whole methods compute is tested by
 * running the spec suites, the corpus and the WASI programs with every function split: the
 * surefire execution {@code split-functions}.)
 */
class FunctionPartsTest {
    /** A function with straight-line code, a small loop, and more straight-line code. */
    private static final String LOOP = """
            (module (func (export "f") (param i32) (result i32) (local i32 i32)
              %s
              (loop $l
                local.get 1 i32.const 3 i32.mul local.get 2 i32.xor local.set 1
                local.get 2 local.get 1 i32.add i32.const 7 i32.shr_u local.set 2
                local.get 1 i32.const 5 i32.mul local.get 2 i32.xor local.set 1
                local.get 2 local.get 1 i32.add i32.const 9 i32.shr_u local.set 2
                local.get 1 i32.const 11 i32.mul local.get 2 i32.xor local.set 1
                local.get 2 local.get 1 i32.add i32.const 13 i32.shr_u local.set 2
                local.get 0 i32.const 1 i32.sub local.tee 0
                br_if $l)
              %s
              local.get 1 local.get 2 i32.add))
            """;

    private static String straight(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("local.get 1 i32.const ").append(i + 1).append(" i32.add local.get 2 i32.xor local.set 1\n");
        }
        return b.toString();
    }

    @Test
    void aLoopThatFitsStaysInOnePart() {
        for (int before = 0; before <= 12; before++) { // the loop at every distance from a cut
            aLoopThatFitsStaysInOnePart(Modules.of(TextFormat.compile(LOOP.formatted(straight(before), straight(12)))));
        }
    }

    private static void aLoopThatFitsStaysInOnePart(Modules m) {
        for (int max = 8; max <= 40; max += 2) {
            FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), 0);
            FunctionParts parts = FunctionParts.cut(plan, m.code().code, m.decoded(), max);
            checkInvariants(plan, parts, m.code().code, max);
            assertEquals(plan.instructions > max, parts.parts.size() > 1, "max " + max + ": split when longer");
            List<int[]> loops = loops(plan, m.code().code);
            assertEquals(1, loops.size(), "the loop's back-edge");
            for (int[] loop : loops) {
                int size = instructionsBetween(m.code().code, loop[0], loop[1]) + 1;
                if (size <= max) {
                    FunctionParts.Part head = partOf(parts, loop[0]);
                    assertTrue(head.contains(loop[1]), "max " + max + ": the loop [" + loop[0] + ", " + loop[1]
                            + "] of " + size + " instructions is cut: " + parts.parts);
                }
            }
        }
    }

    @Test
    void everyCoreMarkFunctionCutsIntoValidParts() {
        java.nio.file.Path dir = Modules.benchWasm();
        Assumptions.assumeTrue(dir != null, "bench-wasm not found (set -Dweft.benchwasm.dir): skipping");
        Modules m = Modules.of(dir.resolve("coremark-minimal.wasm"));
        int split = 0;
        for (int f = m.decoded().importedFunctionCount; f < m.decoded().functionTypes.length; f++) {
            FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), f);
            for (int max : new int[] {1, 8, 50}) {
                FunctionParts parts = FunctionParts.cut(plan, m.code().code, m.decoded(), max);
                checkInvariants(plan, parts, m.code().code, max);
                split += parts.parts.size() > 1 ? 1 : 0;
            }
        }
        assertTrue(split > 10, split + " cuts into several parts");
    }

    /** Parts cover [entry, end) in order, at most max instructions each; every cross-part target is an entry. */
    private static void checkInvariants(FunctionPlan plan, FunctionParts parts, MemorySegment code, int max) {
        int at = plan.entry;
        for (FunctionParts.Part p : parts.parts) {
            assertEquals(at, p.from(), "parts are contiguous");
            assertTrue(p.to() > p.from(), "a part is not empty");
            assertTrue(instructionsBetween(code, p.from(), p.to()) <= max, "a part has at most " + max + " instructions");
            assertEquals(p.from(), p.entries()[0], "a part is entered at its first instruction");
            at = p.to();
        }
        assertEquals(plan.end, at, "the parts cover the function");
        for (int pc = plan.entry; pc < plan.end; pc += InstructionDecoder.size(code, pc)) {
            FunctionParts.Part source = partOf(parts, pc);
            for (int target : FunctionParts.targets(code, pc)) {
                FunctionParts.Part dest = partOf(parts, target);
                if (dest != source) {
                    assertTrue(java.util.Arrays.stream(dest.entries()).anyMatch(e -> e == target),
                            "the target " + target + " of a branch from another part is an entry");
                }
            }
        }
    }

    private static FunctionParts.Part partOf(FunctionParts parts, int pc) {
        return parts.parts.stream().filter(p -> p.contains(pc)).findFirst().orElseThrow();
    }

    private static int instructionsBetween(MemorySegment code, int from, int to) {
        int n = 0;
        for (int pc = from; pc < to; pc += InstructionDecoder.size(code, pc)) {
            n++;
        }
        return n;
    }

    /** {target, source} of every backward branch. */
    private static List<int[]> loops(FunctionPlan plan, MemorySegment code) {
        List<int[]> loops = new ArrayList<>();
        for (int pc = plan.entry; pc < plan.end; pc += InstructionDecoder.size(code, pc)) {
            for (int target : FunctionParts.targets(code, pc)) {
                if (target <= pc) {
                    loops.add(new int[] {target, pc});
                }
            }
        }
        return loops;
    }
}
