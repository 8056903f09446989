package dev.weft.exec;

import dev.weft.code.InstructionDecoder.GlobalGet;
import dev.weft.code.InstructionDecoder.GlobalSet;

import java.lang.foreign.MemorySegment;

/** Handlers of global.get and global.set. */
final class GlobalOps {
    private GlobalOps() {
    }

    static int get(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        s[fp + GlobalGet.dst(code, pc, w)] = m.globals[GlobalGet.global(code, pc, w)].value;
        return pc + GlobalGet.SIZE;
    }

    static int set(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.globals[GlobalSet.global(code, pc, w)].value = s[fp + GlobalSet.src(code, pc, w)];
        return pc + GlobalSet.SIZE;
    }

    static int getRef(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.refs[fp + GlobalGet.dst(code, pc, w)] = m.globals[GlobalGet.global(code, pc, w)].ref;
        return pc + GlobalGet.SIZE;
    }

    static int setRef(MemorySegment code, int pc, long w, long[] s, int fp, Machine m) {
        m.globals[GlobalSet.global(code, pc, w)].ref = m.refs[fp + GlobalSet.src(code, pc, w)];
        return pc + GlobalSet.SIZE;
    }
}
