package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.code.InstructionDecoder.Call;
import dev.weft.code.InstructionDecoder.CallIndirect;
import dev.weft.code.InstructionDecoder.Src;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.TableInstance;

/** Handlers of calls and returns: they change the frame and return {@link Machine#RELOAD}. */
final class CallOps {
    private CallOps() {
    }

    static int call(int pc, long w, long w2, long[] s, int fp, Machine m) {
        return m.callLocal(Call.func(w, w2), pc + Call.SIZE, fp, fp + Call.base(w, w2));
    }

    static int callImport(int pc, long w, long w2, long[] s, int fp, Machine m) {
        FunctionInstance f = m.inst.functions[Call.func(w, w2)];
        return m.call(f, pc + Call.SIZE, fp, fp + Call.base(w, w2));
    }

    static int callIndirect(int pc, long w, long w2, long[] s, int fp, Machine m) {
        FunctionInstance f = target(m, (int) s[fp + CallIndirect.index(w, w2)], CallIndirect.table(w, w2),
                CallIndirect.type(w, w2));
        return m.call(f, pc + CallIndirect.SIZE, fp, fp + CallIndirect.base(w, w2));
    }

    /** The function call_indirect calls (also compiled code's): the table's element, checked. */
    static FunctionInstance target(Machine m, int index, int tableIndex, int type) {
        TableInstance table = m.inst.tables[tableIndex];
        if (Integer.compareUnsigned(index, table.size) >= 0) {
            throw new TrapException(TrapKind.UNDEFINED_ELEMENT);
        }
        Object element = table.elements[index];
        if (element == null) {
            throw new TrapException(TrapKind.UNINITIALIZED_ELEMENT);
        }
        FunctionInstance f = (FunctionInstance) element;
        if (f.typeId != m.inst.typeIds[type]) {
            throw new TrapException(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }

    static int returnVoid(int pc, long w, long w2, long[] s, int fp, Machine m) {
        return m.leave();
    }

    static int returnOne(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp] = s[fp + Src.src(w, w2)];
        return m.leave();
    }
}
