package dev.weft.translate;

import dev.weft.code.CodeBuffer;

import java.util.Arrays;

/**
 * Pending forward branches, as linked chains in flat arrays: each records where the 32-bit
 * offset field is and where its instruction starts, so binding the label patches
 * {@code target - instructionStart} into every field of the chain.
 */
final class Fixups {
    static final int NONE = -1;

    private int[] field = new int[64];
    private int[] instruction = new int[64];
    private int[] next = new int[64];
    private int size;

    void reset() {
        size = 0;
    }

    /**
     * @param chain the chain to extend (NONE for a new one)
     * @param fieldAt offset of the branch offset field
     * @param instructionAt offset of the branch instruction
     * @return the new chain head
     */
    int add(int chain, int fieldAt, int instructionAt) {
        if (size == field.length) {
            int n = size * 2;
            field = Arrays.copyOf(field, n);
            instruction = Arrays.copyOf(instruction, n);
            next = Arrays.copyOf(next, n);
        }
        field[size] = fieldAt;
        instruction[size] = instructionAt;
        next[size] = chain;
        return size++;
    }

    /**
     * @param chain a chain head
     * @return the offset of the branch instruction recorded at the head
     */
    int instructionAt(int chain) {
        return instruction[chain];
    }

    /**
     * @param chain a chain head
     * @return the rest of the chain
     */
    int next(int chain) {
        return next[chain];
    }

    /**
     * Patches every branch of a chain to jump to target.
     *
     * @param chain chain head
     * @param target offset of the label
     * @param code the code being written
     */
    void bind(int chain, int target, CodeBuffer code) {
        for (int f = chain; f != NONE; f = next[f]) {
            code.patchI32(field[f], target - instruction[f]);
        }
    }
}
