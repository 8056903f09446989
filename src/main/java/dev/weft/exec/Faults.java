package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.runtime.InternalErrors;
import dev.weft.runtime.ModuleInstance;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * What leaves the executor when something escapes a handler or compiled code: the trap it means,
 * with the WebAssembly stack of the machine it escaped from. {@link Machine} loads this class
 * with itself (see its {@code STACK_OVERFLOW}), so that the stack-overflow path never loads it.
 */
final class Faults {
    private Faults() {
    }

    /** The trap of a Java stack overflow. */
    static final TrapKind STACK_OVERFLOW = TrapKind.CALL_STACK_EXHAUSTED;

    /**
     * Turns what escaped a handler into what leaves the executor: traps get the WebAssembly
     * stack; the JVM's stack overflow (host functions recursing through WebAssembly) becomes
     * the "call stack exhausted" trap; a host function's exception passes; anything else is a
     * bug in Weft and becomes an {@code InternalErrorException} naming the function.
     */
    static RuntimeException fault(Machine m, Throwable t, MemorySegment atCode, int atPc) {
        ModuleInstance inst = m.inst;
        RuntimeException r = asTrap(m, t,
                inst != null && atCode != null && inst.code.holds(atCode) ? inst.describeFunctionAt(atPc) : null, atPc);
        if (r instanceof TrapException trap) {
            // a trap from a nested run (host function -> WebAssembly) already lists that run's frames: add ours
            trap.withWasmStackTrace(stackTrace(m, atCode, atPc));
        }
        return r;
    }

    /**
     * What escaped a handler or compiled code, as the trap it means (see {@link #fault}).
     *
     * @param m the machine it escaped on
     * @param t what escaped
     * @param function the function it escaped from, or null if unknown
     * @param at where in it (an offset of its code), or -1
     * @return the trap, the host's own exception, or an {@code InternalErrorException}
     */
    static RuntimeException asTrap(Machine m, Throwable t, String function, long at) {
        if (t instanceof TrapException te) {
            return te;
        } else if (t instanceof StackOverflowError) {
            return new TrapException(STACK_OVERFLOW);
        } else if (t instanceof IllegalStateException && m.bounds.closedOnStack()) {
            // a memory freed by a close while this call was running: the access failed safely
            return CallBounds.closedTrap();
        }
        return InternalErrors.convert(t, "running WebAssembly", function, at);
    }

    private static List<String> stackTrace(Machine m, MemorySegment atCode, int atPc) {
        List<String> frames = new ArrayList<>();
        ModuleInstance current = m.inst;
        // atCode may be an older view of the current instance's code (translated since), or, if a
        // switch to another instance failed half way, that of the instance the pc belongs to
        if (current != null && atCode != null && current.code.holds(atCode)) {
            frames.add(current.describeFunctionAt(atPc));
        }
        for (int d = m.depth - 1; d >= 0 && frames.size() < TrapException.MAX_FRAMES; d--) {
            int returnPc = m.framePc[d];
            if (returnPc < 0) {
                current = m.frameInst[d];
                if (current == null) {
                    break; // the entry from the host
                }
                returnPc = ~returnPc;
            }
            frames.add(current.describeFunctionAt(returnPc - 1));
        }
        return frames;
    }

    /** @return the error of an opcode the dispatch loops do not know (a bug: code is generated) */
    static IllegalStateException badOpcode(int pc, int opcode) {
        return new IllegalStateException("internal error: bad opcode " + opcode + " at " + pc);
    }
}
