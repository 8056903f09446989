package dev.weft.compile;

import dev.weft.code.InstructionDecoder;
import dev.weft.text.TextFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link FunctionParts} cuts functions: parts cover the code in order, weigh at most what was
 * asked (an instruction that accesses memory weighs more), can be entered wherever a branch from another part lands, and keep a loop
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
            assertEquals(plan.weight() > max, parts.parts.size() > 1, "max " + max + ": split when longer");
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

    @Test
    void memoryAccessesWeighMore() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) { // a load, a store and arithmetic, 30 times
            body.append("local.get 0 i32.load offset=").append(4 * i).append(" local.get 1 i32.add local.set 1\n");
            body.append("local.get 0 local.get 1 i32.const ").append(i + 1).append(" i32.xor i32.store offset=")
                    .append(4 * i + 200).append('\n');
        }
        Modules m = Modules.of(TextFormat.compile("""
                (module (memory 1) (func (export "f") (param i32) (result i32) (local i32)
                  %s
                  local.get 1))
                """.formatted(body)));
        FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), 0);
        int accesses = 0;
        for (int pc = plan.entry; pc < plan.end; pc += InstructionDecoder.size(m.code().code, pc)) {
            accesses += GeneratedEmitters.accessesMemory(InstructionDecoder.opcode(m.code().code, pc)) ? 1 : 0;
        }
        assertEquals(60, accesses, "every load and store accesses memory, nothing else does");
        assertEquals(plan.instructions + (long) (FunctionPlan.MEMORY_WEIGHT - 1) * accesses, plan.weight());
        for (int max : new int[] {FunctionPlan.MEMORY_WEIGHT * 2, 100, 400}) {
            FunctionParts parts = FunctionParts.cut(plan, m.code().code, m.decoded(), max);
            checkInvariants(plan, parts, m.code().code, max);
            assertTrue(parts.parts.size() >= plan.weight() / max, "max " + max + ": " + parts.parts.size() + " parts");
        }
    }

    @Test
    void aHeavyLoopThatFitsInInstructionsStaysWhole() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append("local.get 0 i32.load offset=").append(4 * i).append(" local.get 1 i32.add local.set 1\n");
        }
        Modules m = Modules.of(TextFormat.compile("""
                (module (memory 1) (func (export "f") (param i32) (result i32) (local i32)
                  %s
                  (loop $l
                    %s
                    local.get 0 i32.const 1 i32.sub local.tee 0
                    br_if $l)
                  %s
                  local.get 1))
                """.formatted(body, body, body)));
        FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), 0);
        int[] loop = loops(plan, m.code().code).getFirst();
        int size = instructionsBetween(m.code().code, loop[0], loop[1]) + 1;
        int max = size + 2;
        assertTrue(weightBetween(plan, m.code().code, loop[0], loop[1]) > max, "the loop weighs more than its parts may");
        FunctionParts parts = FunctionParts.cut(plan, m.code().code, m.decoded(), max);
        checkInvariants(plan, parts, m.code().code, max);
        assertTrue(partOf(parts, loop[0]).contains(loop[1]), "the loop of " + size + " instructions is one part: " + parts.parts);
        assertTrue(parts.parts.size() >= 3, "the code before and after the loop is cut by weight: " + parts.parts.size());
    }

    @Test
    void loadsAndStoresAccessMemory() {
        for (String name : new String[] {"i32.load", "i64.store", "i32.load8_u", "i32.store_imm", "i32.load_br_nez", "v128.load",
                "v128.store"}) {
            assertTrue(GeneratedEmitters.accessesMemory(dev.weft.code.Opcodes.byName(name)), name);
        }
        for (String name : new String[] {"i32.add", "copy", "call", "memory.fill", "memory.size", "global.get"}) {
            assertFalse(GeneratedEmitters.accessesMemory(dev.weft.code.Opcodes.byName(name)), name);
        }
    }

    /**
     * Parts cover [entry, end) in order, have at most max instructions and weigh at most max each
     * (unless one instruction or holding a loop kept whole); every cross-part target is an entry.
     */
    private static void checkInvariants(FunctionPlan plan, FunctionParts parts, MemorySegment code, int max) {
        int at = plan.entry;
        for (FunctionParts.Part p : parts.parts) {
            assertEquals(at, p.from(), "parts are contiguous");
            assertTrue(p.to() > p.from(), "a part is not empty");
            int instructions = instructionsBetween(code, p.from(), p.to());
            assertTrue(instructions <= max, "a part has at most " + max + " instructions: " + instructions);
            long weight = weightBetween(plan, code, p.from(), p.to());
            assertTrue(weight <= max || instructions == 1 || isLoop(code, p),
                    "a part weighs at most " + max + " unless it is one instruction or holds a loop kept whole: " + weight);
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

    /** @return whether the part holds a loop: a branch back from inside it that lands inside it */
    private static boolean isLoop(MemorySegment code, FunctionParts.Part p) {
        for (int pc = p.from(); pc < p.to(); pc += InstructionDecoder.size(code, pc)) {
            for (int target : FunctionParts.targets(code, pc)) {
                if (target <= pc && p.contains(target)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long weightBetween(FunctionPlan plan, MemorySegment code, int from, int to) {
        long w = 0;
        for (int pc = from; pc < to; pc += InstructionDecoder.size(code, pc)) {
            w += plan.weight(InstructionDecoder.opcode(code, pc));
        }
        return w;
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
