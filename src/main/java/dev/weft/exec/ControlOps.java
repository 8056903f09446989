package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.code.InstructionDecoder.Jump;
import dev.weft.code.InstructionDecoder.JumpTable;
import dev.weft.code.InstructionDecoder.Trap;

import java.lang.foreign.MemorySegment;

/** Handlers of branches and traps. */
final class ControlOps {
    private ControlOps() {
    }

    private static final TrapKind[] KINDS = TrapKind.values();

    static int halt(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        return Machine.EXIT;
    }

    static int unreachable(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        throw new TrapException(TrapKind.UNREACHABLE);
    }

    static int trap(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        throw new TrapException(KINDS[Trap.kind(code, pc, w)]);
    }

    static int br(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        return pc + Jump.off(code, pc, w);
    }

    static int brTable(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        int index = (int) s[fp + JumpTable.index(code, pc, w)];
        int count = JumpTable.count(code, pc, w);
        int entry = Integer.compareUnsigned(index, count) < 0 ? index : count;
        return pc + JumpTable.targets(code, pc, entry);
    }
}
