package dev.weft.exec;

import dev.weft.code.InstructionDecoder.CopyFar;
import dev.weft.code.InstructionDecoder.CopyJumpIf;
import dev.weft.code.InstructionDecoder.Move2;

/** Semantics of copies, constants and select (on raw 64-bit slot values). */
final class MoveOps {
    private MoveOps() {
    }

    static long copy(long v) {
        return v;
    }

    static int const32(int v) {
        return v;
    }

    static long const64(long v) {
        return v;
    }

    static long select(int cond, long a, long b) {
        return cond != 0 ? a : b;
    }

    static int copyFar(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + CopyFar.dst(w, w2)] = s[fp + CopyFar.src(w, w2)];
        return pc + CopyFar.SIZE;
    }

    /** Two copies in one instruction, in order: loops that rotate locals end with such pairs. */
    static int copy2(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + Move2.dst(w, w2)] = s[fp + Move2.src(w, w2)];
        s[fp + Move2.dst2(w, w2)] = s[fp + Move2.src2(w, w2)];
        return pc + Move2.SIZE;
    }

    /** A copy, then br_if: the loop-closing pair of loops that move a local before testing another. */
    static int copyBrIf(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + CopyJumpIf.dst(w, w2)] = s[fp + CopyJumpIf.src(w, w2)];
        return (int) s[fp + CopyJumpIf.cond(w, w2)] != 0 ? m.branch(pc, CopyJumpIf.off(w, w2), fp) : pc + CopyJumpIf.SIZE;
    }

    /** A copy, then a branch taken when the condition is zero. */
    static int copyBrIfNot(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + CopyJumpIf.dst(w, w2)] = s[fp + CopyJumpIf.src(w, w2)];
        return (int) s[fp + CopyJumpIf.cond(w, w2)] == 0 ? m.branch(pc, CopyJumpIf.off(w, w2), fp) : pc + CopyJumpIf.SIZE;
    }
}
