package dev.weft.exec;

import dev.weft.code.InstructionDecoder.CopyFar;

import java.lang.foreign.MemorySegment;

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

    static int copyFar(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        s[fp + CopyFar.dst(code, pc, w)] = s[fp + CopyFar.src(code, pc, w)];
        return pc + CopyFar.SIZE;
    }
}
