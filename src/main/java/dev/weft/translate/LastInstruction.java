package dev.weft.translate;

/**
 * The fusion state, in one place: what the last instruction written is, while the next one may
 * still absorb it, rewrite it or retarget its result. {@link Emitter#note} records each
 * instruction here; {@link Emitter#takeBack} removes it for the instruction that absorbs it;
 * {@link #forget} ends every fusion with it (a label was bound after it, or control cannot fall
 * through it).
 */
final class LastInstruction {
    /** Where it starts, or -1 when there is none that may be removed (see {@link Emitter#takeBack}). */
    int pc = -1;
    /** Its internal opcode. */
    int opcode;
    /** Height of the operand-stack temporary it wrote, or -1 (none, or fused with no longer). */
    int dstHeight = -1;
    /** The slot it wrote its result to (a temporary, or a local it was retargeted to), or -1. */
    int resultSlot = -1;
    /** Whether it is a plain near {@code copy}, which the next instruction may absorb. */
    boolean copy;

    /** A new instruction was written at pc: no fusion is known about it yet. */
    void wrote(int at, int op) {
        pc = at;
        opcode = op;
        dstHeight = -1;
        resultSlot = -1;
        copy = false;
    }

    /** Ends every fusion with the last instruction; {@link #pc} still says where it is. */
    void forget() {
        dstHeight = -1;
        resultSlot = -1;
        copy = false;
    }

    /**
     * The operand-stack entry at height h was dropped without anything being written: if it was
     * the temporary this instruction wrote, no fusion may take that height for it any more (the
     * next value pushed there, a local or a constant, is not its result).
     */
    void dropped(int h) {
        if (dstHeight == h) {
            dstHeight = -1;
        }
    }

    /** The instruction just written computed the value of the temporary at height h into slot. */
    void produced(int h, int slot) {
        dstHeight = h;
        resultSlot = slot;
    }
}
