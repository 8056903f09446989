package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Loop rotation re-emits a loop's first instruction with the opposite condition. Any conditional
 * branch can open a loop (the translator fuses loads, adds and copies into branches), so every
 * instruction with a branch offset, except the unconditional {@code br} and {@code br_table},
 * must be rotatable; {@code loop-rotation.wat} runs one loop per kind of head in both modes.
 */
class LoopRotationTest {
    @Test
    void everyConditionalBranchCanBeRotated() {
        List<String> conditional = new ArrayList<>();
        for (int op = 0; op < Opcodes.COUNT; op++) {
            if (!Arrays.asList(InstructionDecoder.fieldKinds(op)).contains("off") || op == Opcodes.BR) {
                continue;
            }
            conditional.add(Opcodes.name(op));
            assertTrue(Branches.rotatable(op), Opcodes.name(op) + " can open a loop but cannot be rotated");
            int negated = Variants.NEGATED[op];
            assertNotEquals(op, negated, Opcodes.name(op));
            assertEquals(op, Variants.NEGATED[negated], "negation of " + Opcodes.name(op) + " is not an involution");
        }
        assertTrue(conditional.containsAll(List.of("br_if", "br_i32.lt_s_imm", "br_not_f64.lt",
                "i32.add_imm_br_nez", "i32.load_br_nez", "copy_br_if")), "found " + conditional);
    }

    @Test
    void unconditionalBranchesAreNot() {
        assertTrue(!Branches.rotatable(Opcodes.BR) && !Branches.rotatable(Opcodes.BR_TABLE)
                && !Branches.rotatable(Opcodes.I32_LOAD));
    }
}
