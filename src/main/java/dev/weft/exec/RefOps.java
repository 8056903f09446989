package dev.weft.exec;

import dev.weft.code.InstructionDecoder.CopyFar;
import dev.weft.code.InstructionDecoder.Dst;
import dev.weft.code.InstructionDecoder.FuncRef;
import dev.weft.code.InstructionDecoder.Select;
import dev.weft.code.InstructionDecoder.Unary;

/** Handlers of reference values, which live in the machine's parallel reference slots. */
final class RefOps {
    private RefOps() {
    }

    static int copyRef(int pc, long w, long w2, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        r[fp + Unary.dst(w, w2)] = r[fp + Unary.src(w, w2)];
        return pc + Unary.SIZE;
    }

    static int copyRefFar(int pc, long w, long w2, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        r[fp + CopyFar.dst(w, w2)] = r[fp + CopyFar.src(w, w2)];
        return pc + CopyFar.SIZE;
    }

    static int selectRef(int pc, long w, long w2, long[] s, int fp, Machine m) {
        Object[] r = m.refs;
        boolean first = (int) s[fp + Select.cond(w, w2)] != 0;
        r[fp + Select.dst(w, w2)] = r[fp + (first ? Select.a(w, w2) : Select.b(w, w2))];
        return pc + Select.SIZE;
    }

    static int refNull(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.refs[fp + Dst.dst(w, w2)] = null;
        return pc + Dst.SIZE;
    }

    static int isNull(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + Unary.dst(w, w2)] = m.refs[fp + Unary.src(w, w2)] == null ? 1 : 0;
        return pc + Unary.SIZE;
    }

    static int refFunc(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.refs[fp + FuncRef.dst(w, w2)] = m.inst.functions[FuncRef.func(w, w2)];
        return pc + FuncRef.SIZE;
    }
}
