package dev.weft.exec;

import dev.weft.code.CodeLayout;

import java.lang.foreign.MemorySegment;

/**
 * The machine's side of lazy translation (docs/embedding.md): a function is translated at its
 * first call, and a dispatch loop that finds its view of the code outgrown takes the current one.
 * Both are cold paths, kept out of {@link Machine}.
 */
final class LazyCode {
    private LazyCode() {
    }

    /**
     * A function's first call: translates it (on this thread, under its module's lock) and takes
     * the code view that includes it. If translation fails (a feature Weft cannot run, a limit),
     * the call fails with that exception, before its frame is set up.
     *
     * @param m the machine entering the function, its frame record already pushed
     * @param function the function, of the machine's current instance
     * @return its entry pc
     */
    static int translate(Machine m, int function) {
        try {
            int entry = m.inst.code.translate(function);
            m.code = m.inst.code.code;
            return entry;
        } catch (RuntimeException e) {
            m.leave(); // the frame record the call pushed: the trap's stack ends at the caller
            throw e;
        }
    }

    /**
     * The dispatch loop read past the end of its view of the code: another thread translated a
     * function since this machine took the view, and this one jumped into it (a call returns to
     * older code, which every view holds). Takes the current view so that the loop can run the
     * instruction at {@code pc} again: nothing of it has run, as every read of the code happens
     * before any effect.
     *
     * @param m the machine
     * @param t what the loop caught
     * @param view the view the loop was reading
     * @param pc the instruction it was at
     * @param fp its frame pointer
     * @return true if that was it (the loop continues from the machine's pc and fp), false for
     *     any other failure
     */
    static boolean staleCode(Machine m, Throwable t, MemorySegment view, int pc, int fp) {
        if (!(t instanceof IndexOutOfBoundsException) || m.inst == null || view != m.code) {
            return false;
        }
        MemorySegment current = m.inst.code.code;
        if (current == view || pc < 0 || pc + CodeLayout.PADDING > current.byteSize()) {
            return false;
        }
        m.code = current;
        m.pc = pc;
        m.fp = fp;
        return true;
    }
}
