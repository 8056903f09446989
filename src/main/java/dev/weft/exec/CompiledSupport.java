package dev.weft.exec;

import dev.weft.FunctionType;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.ModuleInstance;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Compiled tier hook (docs/compiled-tier.md): what compiled code calls in the executor. Compiled
 * classes are hidden classes defined in this package ({@link #lookup()}), so that they call the
 * instructions' semantics methods (package-private here) and read the machine's fields directly.
 *
 * <p>Compiled functions keep their slots in JVM locals and call each other on the Java stack. Three
 * things make that safe and keep the interpreter's guarantees:
 * <ul>
 * <li><b>A budget</b> per machine ({@code Machine.budget}): frames left below the depth limit in the
 *     high 32 bits, bytes of Java stack in the low 32. Each compiled frame takes one frame and its
 *     estimated size (the JVM interpreter's frame of its method: locals, operand stack, overhead)
 *     while it runs, and must leave {@link #NESTED} bytes; a call that does not fit in the bytes runs
 *     interpreted instead, which needs no Java stack per WebAssembly frame. One that does not fit in
 *     the frames is the interpreter's "call stack exhausted" trap, at the same depth.
 *     {@code StackOverflowError} is never relied on.</li>
 * <li><b>Frames counted across tiers</b>: compiled frames push no frame records, so whenever
 *     compiled code leaves for the interpreter, the host or another instance, the interpreter's
 *     depth first skips as many records as compiled frames are running ({@link #reserveFrames}).</li>
 * <li><b>The same bounds</b>: {@link #enterFrame} makes {@code Machine.enter}'s fuel charge and
 *     attention check at every compiled function's entry, with its body's cost. At each backward branch,
 *     {@link #chargeLoop} charges the loop's cost exactly as {@code Machine.branch} does, but the
 *     attention check ({@link #attention}) runs every {@link #BACK_EDGES_PER_CHECK}th back-edge of a
 *     frame: a few microseconds at most between checks (a loop without calls is at most a JVM
 *     method's worth of code per iteration), and tight loops keep C2's optimisations (each
 *     check's ordered reads would otherwise keep it from hoisting anything out of the loop).
 *     Whether the call is metered cannot change while a frame runs (nested entries restore it),
 *     so compiled frames read it once.</li>
 * </ul>
 * Calls that leave compiled code (host functions, other instances, functions not compiled yet)
 * pass arguments and results in the machine's slots at {@code Machine.compiledBase}, the first slot
 * free when compiled code was entered.
 */
public final class CompiledSupport {
    private CompiledSupport() {
    }

    /** Java stack budget of a thread's compiled frames, bytes (thread stacks are 1 MiB by default on 64-bit JVMs). */
    static final int STACK_BUDGET = 512 << 10;
    /** Bytes kept for the interpreter loop a compiled frame may fall back to (its Java frames and a host call's). */
    public static final int NESTED = 8 << 10;
    /** The least a compiled frame costs, bytes. */
    public static final int MIN_FRAME = 256;
    /** One frame, in {@code Machine.budget}. */
    public static final long FRAME = 1L << 32;
    /** Back-edges of a compiled frame between two attention checks. */
    public static final int BACK_EDGES_PER_CHECK = 1024;

    private static final MethodHandle INTERPRET;

    static {
        try {
            INTERPRET = MethodHandles.lookup().findStatic(CompiledSupport.class, "interpret",
                    MethodType.methodType(Object.class, Machine.class, int.class, FunctionType.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return a full-privilege lookup in this package, where compiled classes are defined */
    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }

    /**
     * Runs a compiled function's entry bridge from the interpreter or the host: compiled frames may
     * take the frames left below the depth limit (one more if the callee's frame has its record).
     *
     * @param entry {@code (Machine, int base)void}: reads the arguments from slots base.., writes the results there
     * @param recorded whether a frame record stands for the callee already (the host's entry)
     */
    static void enter(Machine m, MethodHandle entry, int base, boolean recorded) {
        int savedBase = m.compiledBase;
        long savedBudget = m.budget;
        long frames = m.maxDepth - m.depth + (recorded ? 1 : 0);
        m.compiledBase = base;
        m.budget = frames << 32 | (savedBudget & 0xFFFF_FFFFL);
        try {
            entry.invokeExact(m, base);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            m.compiledBase = savedBase;
            m.budget = savedBudget;
        }
    }

    /**
     * Compiled code leaves for the interpreter, the host or another instance: the interpreter's
     * depth counts the compiled frames running since compiled code was entered, so that its limit
     * holds across tiers.
     *
     * @return the depth to restore afterwards
     */
    private static int reserveFrames(Machine m) {
        int saved = m.depth;
        int compiledFrames = (m.maxDepth - m.depth) - (int) (m.budget >>> 32);
        if (compiledFrames > 0) {
            m.skipFrames(compiledFrames);
        }
        return saved;
    }

    /**
     * A compiled frame starts: as the interpreter's call, the depth limit first (its trap word for
     * word), then the body's fuel and the attention check, as {@code Machine.enter} makes them; then
     * the frame takes its budget.
     *
     * @param taken the machine's budget less this frame: negative if no frame is left below the depth limit
     * @param fuel the body's instruction count
     */
    public static void enterFrame(Machine m, long taken, int fuel) {
        if (taken < 0) {
            throw m.depthExhausted();
        }
        charge(m, fuel);
        m.budget = taken;
    }

    /**
     * {@code Machine.enter}'s charge and check at a function's entry, for compiled code: small
     * enough for C2 to inline.
     *
     * @param m the machine
     * @param cost the fuel: the function body's instruction count
     * @throws TrapException out of fuel, past the deadline, interrupted, or the instance was closed
     */
    private static void charge(Machine m, int cost) {
        if (m.metered) {
            if (m.fuel < cost) {
                throw outOfFuel(m, cost);
            }
            m.fuel -= cost;
        }
        if (Attention.epoch() != m.seenEpoch || Thread.currentThread().isInterrupted()) {
            m.bounds.attention();
        }
    }

    /**
     * A loop's next iteration in a metered call: its fuel, as {@code Machine.branch} charges it.
     *
     * @param m the machine
     * @param cost the loop's instruction count
     * @throws TrapException out of fuel
     */
    public static void chargeLoop(Machine m, int cost) {
        if (m.fuel < cost) {
            throw outOfFuel(m, cost);
        }
        m.fuel -= cost;
    }

    /**
     * {@code Machine.branch}'s attention check, for compiled loops every {@link #BACK_EDGES_PER_CHECK}th back-edge.
     *
     * @param m the machine
     * @throws TrapException past the deadline, interrupted, or the instance was closed
     */
    public static void attention(Machine m) {
        if (Attention.epoch() != m.seenEpoch || Thread.currentThread().isInterrupted()) {
            m.bounds.attention();
        }
    }

    /** Compiled code needs {@code cost} fuel and has less: the trap (it never runs in a call that may suspend). */
    private static RuntimeException outOfFuel(Machine m, int cost) {
        m.bounds.outOfFuel(cost);
        return new IllegalStateException("internal error: compiled code in a call that may suspend");
    }

    /**
     * What escaped a compiled function becomes what leaves it: as in the interpreter's loop, and
     * a trap gets the function's frame.
     *
     * @param function the function's index
     * @return the exception to throw
     */
    public static RuntimeException fault(Throwable t, Machine m, int function) {
        RuntimeException r = Faults.asTrap(m, t, m.inst != null ? m.inst.describeFunction(function) : null, -1);
        if (r instanceof TrapException trap && m.inst != null) {
            trap.withWasmStackTrace(List.of(m.inst.describeFunction(function)));
        }
        return r;
    }

    /**
     * Makes room for {@code count} values at {@code compiledBase}.
     *
     * @return the machine's value slots
     */
    public static long[] slots(Machine m, int count) {
        m.ensureSlots((long) m.compiledBase + count);
        return m.slots;
    }

    /**
     * A call leaving compiled code: a host function, a function of another instance, or one of
     * this instance by index (imports, tables). Arguments are in slots {@code compiledBase..}, and
     * so are the results afterwards.
     *
     * @param f the function
     */
    public static void call(Machine m, FunctionInstance f) {
        int base = m.compiledBase;
        int depth = reserveFrames(m);
        ModuleInstance caller = m.inst;
        try {
            if (f.host != null) {
                m.callHost(f, base);
                m.refreshMemory();
            } else if (f.owner == caller) {
                callHere(m, f.index, base);
            } else {
                m.switchTo(f.owner);
                try {
                    callHere(m, f.index, base);
                } finally {
                    m.switchTo(caller);
                }
            }
        } finally {
            m.depth = depth;
        }
    }

    private static void callHere(Machine m, int function, int base) {
        CompiledTier.Module t = m.tiered;
        if (t == null || !t.call(m, function, base, false)) {
            nested(m, function, base);
        }
    }

    /** Runs a function of the current instance in the interpreter, from compiled code. */
    private static void nested(Machine m, int function, int base) {
        if ((int) m.budget < NESTED) {
            throw exhausted();
        }
        m.budget -= NESTED;
        int savedDepth = m.depth;
        ModuleInstance savedInst = m.inst;
        MemorySegment savedCode = m.code;
        int savedPc = m.pc;
        int savedFp = m.fp;
        try {
            reserveFrames(m);
            m.pushCrossFrame(0, 0, null); // returning from it ends the loop
            if (m.enter(function, base) == Machine.SUSPEND) {
                throw new IllegalStateException("internal error: compiled code in a call that may suspend");
            }
            m.loop();
        } finally {
            m.depth = savedDepth;
            m.code = savedCode;
            m.pc = savedPc;
            m.fp = savedFp;
            if (m.inst != savedInst) {
                m.switchTo(savedInst);
            }
            m.budget += NESTED;
        }
    }

    /** The interpreter's count of loop back-edges: credits the sample just taken ({@link Machine#BACK_EDGES_PER_RELOAD}) to the function running at pc. */
    static void countBackEdges(Machine m, int pc) {
        int sample = Machine.BACK_EDGES_PER_RELOAD;
        ModuleInstance inst = m.inst;
        int function = inst.code.functionAt(pc, inst.decoded.importedFunctionCount);
        if (function >= 0) {
            m.tiered.count(function, sample / CompiledTier.Module.BACK_EDGES_PER_CALL);
        }
    }

    /**
     * A call of a function that has no compiled code yet (or that has no room for its compiled
     * frame): its arguments into slots {@code compiledBase..}, then the interpreter.
     *
     * @param function a function of the current instance
     * @param type its type
     * @param args its arguments: {@code Long} raw bits, or references
     * @return its result if it has exactly one (boxed raw bits, or the reference), else null (several
     *     results are left in slots {@code compiledBase..})
     */
    private static Object interpret(Machine m, int function, FunctionType type, Object[] args) {
        int base = m.compiledBase;
        m.ensureSlots((long) base + Math.max(1, Math.max(type.paramCount(), type.resultCount())));
        long[] s = m.slots;
        Object[] r = m.refs;
        for (int i = 0; i < args.length; i++) {
            if (type.param(i).isReference()) {
                r[base + i] = args[i];
            } else {
                s[base + i] = (Long) args[i];
            }
        }
        if (m.tiered != null) {
            m.tiered.count(function, 1);
        }
        nested(m, function, base);
        if (type.resultCount() != 1) {
            return null;
        }
        return type.result(0).isReference() ? m.refs[base] : (Object) m.slots[base];
    }

    /**
     * @param function a function of a module
     * @param type its type
     * @param exact the type compiled code calls it with ({@code (Machine, long or Object per param)} and
     *     {@code long}, {@code Object} or {@code void})
     * @return a handle of that type running the function in the interpreter
     */
    public static MethodHandle interpreter(int function, FunctionType type, MethodType exact) {
        MethodHandle h = MethodHandles.insertArguments(INTERPRET, 1, function, type);
        return h.asCollector(Object[].class, type.paramCount()).asType(exact);
    }

    /**
     * @param function a function of the current instance
     * @return the handle that runs it interpreted, with its compiled signature: for a compiled
     *     frame that finds too little Java stack budget at its entry
     */
    public static MethodHandle fallback(Machine m, int function) {
        return m.tiered.interpreterHandle(function);
    }

    /**
     * @param function a function of the current instance
     * @return a handle of its compiled signature: its compiled method, or the interpreter (for a
     *     {@code call_indirect} of a function its class does not hold)
     */
    public static MethodHandle handle(Machine m, int function) {
        return m.tiered.handle(function);
    }

    /**
     * The checks of {@code call_indirect}, for compiled code.
     *
     * @return the function the table holds at {@code index}
     */
    public static FunctionInstance indirect(Machine m, int index, int table, int type) {
        return CallOps.target(m, index, table, type);
    }

    /** @return the trap of a call that finds no Java stack budget left (never, with the reserve compiled frames keep) */
    private static TrapException exhausted() {
        return new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "call stack exhausted: no room for compiled frames");
    }
}
