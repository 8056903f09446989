package dev.weft.compile;

import dev.weft.Engine;
import dev.weft.Tier;
import dev.weft.WasmModule;
import dev.weft.text.TextFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A split function's driver ({@link PartDriver}) has a switch case for every place another part
 * branches into. A function with thousands of such places cannot be compiled: its driver would be
 * over the JIT's 8000-byte limit, and past some 8,000 of them not even fit a class file's 64 KB
 * method, which the class-file API refuses. The tier knows this before building
 * ({@link FunctionPlan#driverOverLimit}) and leaves the function interpreted with that reason,
 * rather than failing the build of its class and rebuilding the other functions of its batch one
 * class at a time.
 */
class PartDriverLimitTest {
    /**
     * A function of {@code blocks} nested blocks whose first instructions branch out of each
     * one, and after each block's end an add: every end is a branch target, and those past the
     * first part are entries of the parts that hold them. Returns 1 + 2 + ... + blocks.
     */
    private static byte[] manyEntries(int blocks) {
        StringBuilder b = new StringBuilder("(module (func (export \"f\") (param i32) (result i32) (local i32)\n");
        b.append("block ".repeat(blocks)).append('\n'); // flat, not folded: no nesting for the text parser
        for (int i = 0; i < blocks; i++) {
            b.append("local.get 0 br_if ").append(i).append('\n');
        }
        for (int i = 1; i <= blocks; i++) {
            b.append("end local.get 1 i32.const ").append(i).append(" i32.add local.set 1\n");
        }
        return TextFormat.compile(b.append("local.get 1))").toString());
    }

    @Test
    void aFunctionWhoseDriverCannotFitStaysInterpretedForThatReason() {
        for (int blocks : new int[] {1_500, 9_000}) { // a driver over 8000 bytes; one over 64 KB
            Modules m = Modules.of(manyEntries(blocks));
            FunctionPlan plan = FunctionPlan.scan(m.code(), m.decoded(), 0);
            assertTrue(ModuleTier.splits(plan), blocks + " blocks: split, " + plan.instructions + " instructions");
            ModuleTier tier = m.tier();
            tier.compileNow(List.of(0));
            assertFalse(tier.isCompiled(0), blocks + " blocks: " + tier.summary());
            Map<String, Integer> rejections = tier.rejections();
            assertEquals(Map.of("compiled method over the JIT's 8000-byte limit (the driver of its parts)", 1), rejections,
                    blocks + " blocks");
            // and it runs, interpreted, under the compiled tier
            WasmModule module = WasmModule.parse(manyEntries(blocks));
            int sum = blocks * (blocks + 1) / 2;
            for (int arg : new int[] {0, 1}) {
                assertEquals(sum, Engine.builder().tier(Tier.COMPILED).build().instantiate(module).function("f").call(arg)[0],
                        blocks + " blocks, f(" + arg + ")");
            }
        }
    }

    @Test
    void aDriverThatFitsIsCompiled() {
        Modules m = Modules.of(manyEntries(300)); // two parts, some 150 entries into the second
        ModuleTier tier = m.tier();
        tier.compileNow(List.of(0));
        assertTrue(tier.isCompiled(0), tier.summary());
        int[] size = tier.methodSizes(0);
        assertTrue(size[1] > 0, "split into parts");
        assertTrue(size[0] < FunctionPlan.HUGE_METHOD && size[1] < FunctionPlan.HUGE_METHOD, size[0] + " and " + size[1] + " bytes");
    }
}
