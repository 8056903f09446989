package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.code.InstructionDecoder.Call;
import dev.weft.code.InstructionDecoder.CallIndirect;
import dev.weft.code.InstructionDecoder.Src;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.TableInstance;

import java.lang.foreign.MemorySegment;

/** Handlers of calls and returns: they change the frame and return {@link Machine#RELOAD}. */
final class CallOps {
    private CallOps() {
    }

    static int call(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.pushFrame(pc + Call.SIZE, fp, m.inst);
        m.enter(Call.func(code, pc, w), fp + Call.base(code, pc, w));
        return Machine.RELOAD;
    }

    static int callImport(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        FunctionInstance f = m.inst.functions[Call.func(code, pc, w)];
        return m.call(f, pc + Call.SIZE, fp, fp + Call.base(code, pc, w));
    }

    static int callIndirect(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        int index = (int) s[fp + CallIndirect.index(code, pc, w)];
        TableInstance table = m.inst.tables[CallIndirect.table(code, pc, w)];
        if (Integer.compareUnsigned(index, table.size) >= 0) {
            throw new TrapException(TrapKind.UNDEFINED_ELEMENT);
        }
        Object element = table.elements[index];
        if (element == null) {
            throw new TrapException(TrapKind.UNINITIALIZED_ELEMENT);
        }
        FunctionInstance f = (FunctionInstance) element;
        if (f.typeId != m.inst.typeIds[CallIndirect.type(code, pc, w)]) {
            throw new TrapException(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return m.call(f, pc + CallIndirect.SIZE, fp, fp + CallIndirect.base(code, pc, w));
    }

    static int returnVoid(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        return m.leave();
    }

    static int returnOne(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        s[fp] = s[fp + Src.src(code, pc, w)];
        return m.leave();
    }
}
