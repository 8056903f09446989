package dev.weft.exec;

import dev.weft.code.InstructionDecoder.CopyFar;

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
}
