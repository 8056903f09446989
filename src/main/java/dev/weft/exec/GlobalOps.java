package dev.weft.exec;

import dev.weft.code.InstructionDecoder.GlobalGet;
import dev.weft.code.InstructionDecoder.GlobalSet;

/** Handlers of global.get and global.set. */
final class GlobalOps {
    private GlobalOps() {
    }

    static int get(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + GlobalGet.dst(w, w2)] = m.globals[GlobalGet.global(w, w2)].value;
        return pc + GlobalGet.SIZE;
    }

    static int set(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.globals[GlobalSet.global(w, w2)].value = s[fp + GlobalSet.src(w, w2)];
        return pc + GlobalSet.SIZE;
    }

    static int getRef(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.refs[fp + GlobalGet.dst(w, w2)] = m.globals[GlobalGet.global(w, w2)].ref;
        return pc + GlobalGet.SIZE;
    }

    static int setRef(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.globals[GlobalSet.global(w, w2)].ref = m.refs[fp + GlobalSet.src(w, w2)];
        return pc + GlobalSet.SIZE;
    }
}
