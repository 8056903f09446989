package dev.weft.exec;

import dev.weft.code.InstructionDecoder.CopyFar;
import dev.weft.code.InstructionDecoder.Dst;
import dev.weft.code.InstructionDecoder.FuncRef;
import dev.weft.code.InstructionDecoder.Select;
import dev.weft.code.InstructionDecoder.Unary;

import java.lang.foreign.MemorySegment;

/** Handlers of reference values, which live in the machine's parallel reference slots. */
final class RefOps {
    private RefOps() {
    }

    static int copyRef(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        r[fp + Unary.dst(code, pc, w)] = r[fp + Unary.src(code, pc, w)];
        return pc + Unary.SIZE;
    }

    static int copyRefFar(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        r[fp + CopyFar.dst(code, pc, w)] = r[fp + CopyFar.src(code, pc, w)];
        return pc + CopyFar.SIZE;
    }

    static int selectRef(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        boolean first = (int) s[fp + Select.cond(code, pc, w)] != 0;
        r[fp + Select.dst(code, pc, w)] = r[fp + (first ? Select.a(code, pc, w) : Select.b(code, pc, w))];
        return pc + Select.SIZE;
    }

    static int refNull(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.refs[fp + Dst.dst(code, pc, w)] = null;
        return pc + Dst.SIZE;
    }

    static int isNull(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        s[fp + Unary.dst(code, pc, w)] = m.refs[fp + Unary.src(code, pc, w)] == null ? 1 : 0;
        return pc + Unary.SIZE;
    }

    static int refFunc(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.refs[fp + FuncRef.dst(code, pc, w)] = m.inst.functions[FuncRef.func(code, pc, w)];
        return pc + FuncRef.SIZE;
    }
}
