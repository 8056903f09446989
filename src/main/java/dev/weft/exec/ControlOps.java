package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.code.InstructionDecoder.Jump;
import dev.weft.code.InstructionDecoder.JumpTable;
import dev.weft.code.InstructionDecoder.Trap;

/** Handlers of branches and traps. */
final class ControlOps {
    private ControlOps() {
    }

    private static final TrapKind[] KINDS = TrapKind.values();

    static int unreachable(int pc, long w, long w2, long[] s, int fp, Machine m) {
        throw new TrapException(TrapKind.UNREACHABLE);
    }

    static int trap(int pc, long w, long w2, long[] s, int fp, Machine m) {
        throw new TrapException(KINDS[Trap.kind(w, w2)]);
    }

    static int br(int pc, long w, long w2, long[] s, int fp, Machine m) {
        return m.branch(pc, Jump.off(w, w2), fp);
    }

    static int brTable(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int index = (int) s[fp + JumpTable.index(w, w2)];
        int count = JumpTable.count(w, w2);
        int entry = Integer.compareUnsigned(index, count) < 0 ? index : count;
        return m.branch(pc, JumpTable.targets(m.code, pc, entry), fp);
    }
}
