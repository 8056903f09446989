package dev.weft.exec;

import dev.weft.FunctionType;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.code.CompiledCode;
import dev.weft.runtime.EngineLog;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.GlobalInstance;
import dev.weft.runtime.MemoryInstance;
import dev.weft.runtime.ModuleInstance;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One thread's execution state: the value stack (slots, plus a parallel array for
 * references), the frame stack, and the registers the dispatch loop keeps in locals
 * ({@link #code}, {@link #pc}, {@link #fp}, {@link #slots}).
 *
 * <p>WebAssembly calls never recurse on the Java stack: a call pushes a frame record here and
 * returns {@link #RELOAD} to the loop, which reloads its locals and continues in the callee.
 * Depth and value-stack size are bounded by the engine's configuration; reaching either is
 * the "call stack exhausted" trap. The value stack grows on demand, up to its limit.
 *
 * <p>Host functions called on the machine see their call through its {@link HostFrame}.
 */
public final class Machine {
    /** Returned by a handler after it changed the frame: the loop reloads its locals. */
    public static final int RELOAD = -1;
    /** Returned when the entry frame returns: the loop ends. */
    public static final int EXIT = -2;
    /** Returned when a resumable call suspends, its pc and fp saved in the machine: the loop ends. */
    public static final int SUSPEND = -3;
    /**
     * How many times the dispatch loop reloads its locals in place (after {@link #RELOAD}) before
     * it returns to its caller, which calls it again: the path by which the loop returns must be
     * taken during any call that runs long, not only when the call ends (see the loops' {@code run}).
     */
    static final int RELOADS_PER_DISPATCH = 16;
    /** Back-edges between two {@link #RELOAD}s that {@link #branch} returns, so that loops without calls reload too. */
    static final int BACK_EDGES_PER_RELOAD = CompiledTier.Module.BACK_EDGES_PER_CALL * 64;
    private static final int INITIAL_SLOTS = 1 << 12;
    private static final int INITIAL_FRAMES = 1 << 8;
    /**
     * The trap of a Java stack overflow, read here so that {@link Faults} and TrapKind are loaded
     * and initialised with the machine: doing that first on the overflow path could fail and
     * break it for good.
     */
    @SuppressWarnings("unused")
    private static final TrapKind STACK_OVERFLOW = Faults.STACK_OVERFLOW;

    private final boolean handles;
    final CallBounds bounds;
    final int maxDepth;
    private final int maxSlots;
    private final int maxNesting;
    // The limit traps' messages, made up front: a limit may be reached with little Java stack left
    // (see ModuleInstance.describeFunction), where linking a string concatenation could fail for good.
    private final String depthMessage;
    private final String slotsMessage;
    private final String nestingMessage;

    // Registers the loop keeps in locals, reloaded after RELOAD.
    MemorySegment code;
    int pc;
    int fp;
    long[] slots;
    Object[] refs;

    // The current instance and what handlers read from it. The function table is read through
    // inst.code at a call's entry: a field of its own cost a G1-barriered store per entry (finding 32).
    ModuleInstance inst;
    MemorySegment memory;
    GlobalInstance[] globals;

    // Frame records. framePc >= 0: a call within the same instance, returning to that pc in the
    // same code. framePc < 0: ~framePc is the return pc and frameInst holds the caller's instance
    // (null for an entry from the host: returning from it ends the loop). Same-instance calls, the common
    // case, thus store only ints: no reference store, no GC write barrier.
    int depth;
    int[] framePc;
    private int[] frameFp;
    ModuleInstance[] frameInst;

    /** What host functions called on this machine see of their call (reused: host calls allocate nothing). */
    private final HostFrame host = new HostFrame(this);
    /** First slot free for an entry from the host (above the frames of any host call in progress). */
    int top;
    /** Entries from the host that are in progress on this thread (host to Wasm to host to Wasm ...). */
    int nesting;

    // Bounds of the running call, checked at loop back-edges and calls: what the hot path reads is
    // here, the rest (deadline, interruption, suspension) in CallBounds.
    /** Whether the running call is metered. */
    boolean metered;
    /** Its fuel left; never negative (a charge that does not fit is not made: the call stops before it). */
    long fuel;
    /** The {@link Attention} epoch this machine last looked at. */
    long seenEpoch;
    /** One-entry cache of the current code's loop costs (target offset, cost): inner loops hit it. */
    private int cachedLoop = -1;
    private int cachedLoopCost;

    // Compiled tier hook (docs/compiled-tier.md, CompiledTier, CompiledSupport).
    /** The engine's compiled tier, or null when it only interprets. */
    private final CompiledTier tier;
    /** The current instance's module in the compiled tier ({@link #switchTo}), or null. */
    CompiledTier.Module tiered;
    /**
     * What compiled frames may still take: frames below the depth limit (high 32 bits, counted from
     * where compiled code was entered) and bytes of Java stack (low 32 bits). See {@link CompiledSupport}.
     */
    long budget = CompiledSupport.STACK_BUDGET;
    /** The first slot free when compiled code was entered: where its calls out pass arguments and results. */
    int compiledBase;
    /**
     * Loop back-edges until {@link #branch} next takes a sample: counts them for the running
     * function (compiled tier hook) and returns {@link #RELOAD}.
     */
    int backEdges;

    /**
     * @param handles whether to dispatch through method handles rather than the switch
     * @param maxDepth the most frames the stack may hold
     * @param maxSlots the most value slots the stack may hold
     * @param maxNesting the most nested entries from host functions back into WebAssembly
     * @param defaults the fuel and timeout of calls made without an {@link ExecutionState}
     * @param tier the compiled tier, or null to only interpret
     */
    public Machine(boolean handles, int maxDepth, int maxSlots, int maxNesting, CallDefaults defaults, CompiledTier tier) {
        this.tier = tier;
        this.handles = handles;
        this.bounds = new CallBounds(this, defaults);
        this.maxDepth = maxDepth;
        this.maxSlots = maxSlots;
        this.maxNesting = maxNesting;
        this.depthMessage = "call stack exhausted: more than " + maxDepth + " frames";
        this.slotsMessage = "call stack exhausted: more than " + maxSlots + " value slots";
        this.nestingMessage = "call stack exhausted: more than " + maxNesting + " nested calls from host functions into WebAssembly";
        // never larger than the limits: the limits are only checked when the arrays grow
        int initialSlots = Math.min(INITIAL_SLOTS, maxSlots);
        this.slots = new long[initialSlots];
        this.refs = new Object[initialSlots];
        int initialFrames = Math.min(INITIAL_FRAMES, maxDepth);
        this.framePc = new int[initialFrames];
        this.frameFp = new int[initialFrames];
        this.frameInst = new ModuleInstance[initialFrames];
    }

    // ------------------------------------------------------------------ entry from the host

    /**
     * Reserves value slots for a call from the host and returns where its arguments go.
     *
     * @param size slots needed for the arguments and results
     * @return the first slot
     */
    public int reserve(int size) {
        ensureSlots((long) top + size);
        return top;
    }

    /** @return the value slots (valid until the next call: calls may grow them) */
    public long[] slots() {
        return slots;
    }

    /** @return the reference slots (valid until the next call) */
    public Object[] refs() {
        return refs;
    }

    /**
     * Calls a function whose arguments are in slots {@code base..}; leaves its results in
     * slots {@code base..}. An entry from a host function (a call nested in one in progress on
     * this thread) runs under the bounds of the call in progress; otherwise the call runs under
     * the engine's defaults.
     *
     * @param f the function
     * @param base first argument slot, from {@link #reserve}
     * @throws TrapException if the function traps
     */
    public void invoke(FunctionInstance f, int base) {
        invoke(f, base, null);
    }

    /**
     * {@link #invoke(FunctionInstance, int)} under an execution's fuel, timeout and interruption.
     *
     * @param f the function
     * @param base first argument slot, from {@link #reserve}
     * @param execution the execution, or null (see {@link #invoke(FunctionInstance, int)})
     * @throws TrapException if the function traps (also when it runs out of fuel)
     */
    public void invoke(FunctionInstance f, int base, ExecutionState execution) {
        if (f.host != null) {
            callHost(f, base);
            return;
        }
        if (execution == null && nesting == 0 && bounds.plain) {
            runPlain(f, base);
            return;
        }
        run(f, base, execution, false);
    }

    /**
     * Starts a resumable call: like {@link #invoke(FunctionInstance, int, ExecutionState)}, but
     * when its fuel runs out, or a host function it calls asks to suspend, the call
     * suspends instead: this machine then holds the suspended call, and the thread must stop
     * using it ({@link Executor#detach}). Only a call that is not nested in another may suspend.
     *
     * @param f a WebAssembly function
     * @param base first argument slot, from {@link #reserve}
     * @param execution the execution
     * @return true if the call finished (results in slots {@code base..}), false if it suspended
     * @throws TrapException if the function traps
     */
    public boolean start(FunctionInstance f, int base, ExecutionState execution) {
        if (nesting != 0) {
            throw new IllegalStateException("a resumable call cannot start inside another WebAssembly call on this thread");
        }
        return run(f, base, execution, true);
    }

    /**
     * Continues a suspended call where it stopped.
     *
     * @return true if the call finished (results where {@link #start} said), false if it suspended again
     * @throws TrapException if the function traps
     */
    public boolean resume() {
        boolean suspended = false;
        try {
            if (!bounds.resume()) {
                suspended = true;
                return false; // still not enough fuel for what the call was about to do
            }
            loop();
            suspended = bounds.suspended();
            return !suspended;
        } finally {
            if (suspended) {
                bounds.suspend();
            } else {
                nesting = 0;
                depth = 0;
                top = 0;
                idle();
                bounds.end(null);
            }
        }
    }

    /**
     * The common call from the host: not nested in another, without an execution, under engine
     * defaults that neither meter nor time calls ({@link CallBounds#plain}). The machine is idle,
     * so there is nothing to save, and the bounds are already what {@link CallBounds#begin} would
     * set. The attention state is not read again either (9 %, finding 31): a stale one only sends
     * the first poll to the slow path, which catches up. Small on purpose: the JIT compiles it
     * into the caller ({@code WasmFunction.handle()}), where {@link #run} is too large to go
     * (docs/performance.md, finding 24).
     */
    private void runPlain(FunctionInstance f, int base) {
        assert depth == 0 && top == 0 && inst == null : "an outermost call on a machine that is not idle";
        f.owner.checkOpen();
        nesting = 1;
        try {
            runEntry(f, base);
        } finally {
            nesting = 0;
            depth = 0;
            top = 0;
            idle();
        }
    }

    /** Pushes the entry record of a call from the host and runs {@code f} to its end or suspension. */
    private void runEntry(FunctionInstance f, int base) {
        makeCurrent(f.owner); // checkOpen() has checked the instance: a close since, the first poll sees
        pushCrossFrame(0, 0, null);
        // compiled tier hook: run the compiled function if there is one and it may run here
        if ((tiered == null || !tiered.call(this, f.index, base, true)) && enter(f.index, base) != SUSPEND) {
            loop();
        }
    }

    private boolean run(FunctionInstance f, int base, ExecutionState execution, boolean resumable) {
        if (nesting >= maxNesting) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, nestingMessage);
        }
        f.owner.checkOpen();
        int savedDepth = depth;
        int savedTop = top;
        ModuleInstance savedInst = inst;
        MemorySegment savedCode = code;
        int savedPc = pc;
        int savedFp = fp;
        Object outer = bounds.begin(execution, resumable);
        nesting++;
        boolean suspended = false;
        try {
            runEntry(f, base);
            suspended = bounds.suspended();
            return !suspended;
        } finally {
            if (suspended) {
                bounds.suspend();
            } else {
                nesting--;
                depth = savedDepth;
                top = savedTop;
                code = savedCode;
                pc = savedPc;
                fp = savedFp;
                if (savedInst != null) {
                    switchTo(savedInst);
                } else {
                    idle();
                }
                bounds.end(outer);
            }
        }
    }

    void loop() {
        if (handles) {
            HandleInterpreter.run(this);
        } else {
            SwitchInterpreter.run(this);
        }
    }

    /** Forgets the current instance: no call is in progress on this machine. */
    private void idle() {
        inst = null;
        code = null;
        memory = null;
        globals = null;
        tiered = null; // compiled tier hook: an idle thread keeps no module's compiled code alive
    }

    // ------------------------------------------------------------------ calls and returns

    /** Makes {@code target} the current instance (a call between instances); traps if it or its memory is closed. */
    void switchTo(ModuleInstance target) {
        makeCurrent(target);
        if (target.closed) {
            throw CallBounds.closedTrap();
        }
    }

    /** Makes {@code target} current (code, memory, globals as handlers read them); traps if its memory is closed. */
    private void makeCurrent(ModuleInstance target) {
        inst = target;
        code = target.code.code;
        globals = target.globals;
        memory = target.memory == null ? null : target.memory.segment;
        cachedLoop = -1;
        tiered = tier == null ? null : tier.module(target); // compiled tier hook
        if (memory == MemoryInstance.CLOSED) {
            throw CallBounds.closedTrap();
        }
    }

    /** Re-reads the memory view (after memory.grow, or anything that might have grown it). */
    void refreshMemory() {
        MemorySegment current = inst == null || inst.memory == null ? null : inst.memory.segment;
        if (memory != current) { // after every host call: stored only when it changed (see HostFrame)
            memory = current;
        }
    }

    /** Records a return to {@code returnPc} in the current instance. */
    void pushFrame(int returnPc, int callerFp) {
        int d = depth;
        if (d == framePc.length) {
            growFrames();
        }
        framePc[d] = returnPc;
        frameFp[d] = callerFp;
        depth = d + 1;
    }

    /** Records a return to {@code returnPc} in {@code caller} (null: return to the host). */
    void pushCrossFrame(int returnPc, int callerFp, ModuleInstance caller) {
        pushFrame(~returnPc, callerFp);
        frameInst[depth - 1] = caller;
    }

    private void growFrames() {
        if (depth >= maxDepth) {
            throw depthExhausted();
        }
        growFramesTo(depth + 1);
    }

    private void growFramesTo(int needed) {
        int n = (int) Math.min(maxDepth, Math.max(needed, (long) framePc.length * 2));
        framePc = Arrays.copyOf(framePc, n);
        frameFp = Arrays.copyOf(frameFp, n);
        frameInst = Arrays.copyOf(frameInst, n);
    }

    /** @return the trap of reaching the depth limit */
    TrapException depthExhausted() {
        EngineLog.limitReached("maxCallDepth", maxDepth, depthMessage);
        return new TrapException(TrapKind.CALL_STACK_EXHAUSTED, depthMessage);
    }

    /**
     * Compiled tier hook: counts {@code frames} frames of compiled code (which push no records)
     * before the records pushed next, so that the depth limit counts them. The skipped records are
     * never read: a trap's walk stops at the entry record pushed above them.
     */
    void skipFrames(int frames) {
        int d = depth + frames;
        if (d > framePc.length) {
            if (d > maxDepth) {
                throw depthExhausted();
            }
            growFramesTo(d);
        }
        depth = d;
    }

    /**
     * Sets up the frame of a function of the current instance at newFp and moves pc to its entry;
     * charges the call's fuel and looks at the call's bounds.
     *
     * @return {@link #RELOAD}, or {@link #SUSPEND} if the call suspends at the callee's entry
     */
    int enter(int function, int newFp) {
        CompiledCode compiled = inst.code;
        int[] fn = compiled.functions;
        int row = function * CompiledCode.STRIDE;
        int entry = compiled.entryAcquire(function);
        if (entry == CompiledCode.UNTRANSLATED) {
            entry = LazyCode.translate(this, function);
        }
        int frame = fn[row + CompiledCode.FRAME];
        if (newFp + frame > slots.length) {
            ensureFrameSlots((long) newFp + frame);
        }
        int locals = fn[row + CompiledCode.LOCALS];
        if (locals != 0) {
            clearLocals(newFp + fn[row + CompiledCode.PARAMS], locals, fn[row + CompiledCode.FLAGS]);
        }
        pc = entry;
        fp = newFp;
        if (metered) {
            int cost = fn[row + CompiledCode.FUEL];
            if (fuel < cost) {
                return bounds.outOfFuel(cost);
            }
            fuel -= cost;
        }
        return poll(RELOAD);
    }

    /**
     * A taken branch. Forward, it is just the target; backward (a loop's next iteration, or a
     * loop branching to itself: offset 0) it charges the iteration's fuel and looks at the call's
     * bounds, which is what makes every guest stoppable: a guest can only run long by looping
     * or calling.
     *
     * @param pc the branch's offset
     * @param off its branch offset
     * @param fp the frame pointer (saved if the call suspends)
     * @return the next pc, {@link #RELOAD} (every {@value #BACK_EDGES_PER_RELOAD} back-edges, the
     *     machine's pc and fp set to the target), or {@link #SUSPEND}
     */
    int branch(int pc, int off, int fp) {
        int target = pc + off;
        if (off > 0) {
            return target;
        }
        if (metered) {
            int cost = loopCost(target);
            if (fuel < cost) {
                this.pc = target;
                this.fp = fp;
                return bounds.outOfFuel(cost);
            }
            fuel -= cost;
        }
        if (--backEdges < 0) {
            return backEdgeSample(pc, target, fp);
        }
        return poll(target);
    }

    /**
     * Every {@value #BACK_EDGES_PER_RELOAD} back-edges: counts them for the running function
     * (compiled tier hook), and returns {@link #RELOAD} with the machine's pc and fp at the target,
     * so that the dispatch loop's return path is taken in loops without calls too (see the loops'
     * {@code run}). The rare path, apart from {@link #branch}, whose common path is then one
     * decrement and compare more than before, in place of the compiled tier's null check.
     */
    private int backEdgeSample(int pc, int target, int fp) {
        backEdges = BACK_EDGES_PER_RELOAD;
        if (tiered != null) {
            CompiledSupport.countBackEdges(this, pc);
        }
        this.pc = target;
        this.fp = fp;
        return poll(RELOAD);
    }

    /**
     * Looks whether the call must stop (the check of every back-edge and call, after its charge).
     *
     * @param next what to return when it goes on
     * @return {@code next}
     * @throws TrapException if it must stop
     */
    private int poll(int next) {
        if (attentionNeeded()) {
            bounds.attention();
        }
        return next;
    }

    /** Between the chunks of a long bulk operation: stops it if its call must stop (see {@link #branch}). */
    void pollBulk() {
        poll(0);
    }

    private int loopCost(int target) {
        if (target != cachedLoop) {
            cachedLoopCost = inst.code.loopCost(target);
            cachedLoop = target;
        }
        return cachedLoopCost;
    }

    /**
     * Whether something may concern the running call: a new {@link Attention} epoch (an
     * interrupt, a close, a deadline tick) or an interrupt of this thread. Two opaque loads
     * and a compare on the hot path.
     */
    private boolean attentionNeeded() {
        return Attention.epoch() != seenEpoch || Thread.currentThread().isInterrupted();
    }

    private void clearLocals(int from, int count, int flags) {
        Arrays.fill(slots, from, from + count, 0L);
        if (flags != 0) {
            Arrays.fill(refs, from, from + count, null);
        }
    }

    /** A call of a function of the current instance. */
    int callLocal(int function, int returnPc, int callerFp, int newFp) {
        if (tiered != null && tiered.call(this, function, newFp, false)) { // compiled tier hook: ran compiled code
            pc = returnPc;
            fp = callerFp;
            return RELOAD;
        }
        pushFrame(returnPc, callerFp);
        return enter(function, newFp);
    }

    /**
     * Grows the value stack for a frame being entered; if that traps, pops the frame record the
     * call pushed first, so the trap's stack ends at the caller (the callee never started).
     */
    private void ensureFrameSlots(long needed) {
        try {
            ensureSlots(needed);
        } catch (TrapException e) {
            leave();
            throw e;
        }
    }

    /** Pops the current frame: back to the caller (in its instance), or for the entry frame {@link #EXIT}. */
    int leave() {
        int d = --depth;
        int returnPc = framePc[d];
        fp = frameFp[d];
        if (returnPc >= 0) {
            pc = returnPc;
            return RELOAD;
        }
        return leaveInstance(d, ~returnPc);
    }

    private int leaveInstance(int d, int returnPc) {
        pc = returnPc;
        ModuleInstance caller = frameInst[d];
        if (caller == null) {
            return EXIT; // the entry from the host returned: invoke() restores the rest
        }
        frameInst[d] = null;
        switchTo(caller);
        return RELOAD;
    }

    /** A call of {@code f} (imported or from a table) from the instruction before {@code returnPc}. */
    int call(FunctionInstance f, int returnPc, int callerFp, int newFp) {
        if (f.owner == inst) {
            return callLocal(f.index, returnPc, callerFp, newFp);
        }
        if (f.host != null) {
            ModuleInstance caller = inst;
            callHost(f, newFp);
            pc = returnPc;
            fp = callerFp;
            if (inst != caller) {
                switchTo(caller);
            } else {
                refreshMemory();
            }
            return bounds.yieldRequested() ? bounds.yieldNow(f.type, newFp) : RELOAD;
        }
        pushCrossFrame(returnPc, callerFp, inst);
        switchTo(f.owner);
        return enter(f.index, newFp);
    }

    void callHost(FunctionInstance f, int base) {
        host.call(f, base);
    }

    /** A host function asks the resumable call to suspend when it returns (see {@link CallBounds#requestYield}). */
    void requestYield() {
        bounds.requestYield();
    }

    /** Grows the value stack to at least {@code needed} slots, or traps at the limit. */
    void ensureSlots(long needed) {
        if (needed <= slots.length) {
            return;
        }
        if (needed > maxSlots) {
            EngineLog.limitReached("maxValueSlots", maxSlots, slotsMessage);
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, slotsMessage);
        }
        int n = (int) Math.min(maxSlots, Math.max(needed, (long) slots.length * 2));
        slots = Arrays.copyOf(slots, n);
        refs = Arrays.copyOf(refs, n);
    }

    /** @return why the suspended call stopped: 1 out of fuel, 2 a host function asked to suspend */
    public int suspendedFor() {
        return bounds.suspendedFor();
    }

    /** @return the type of the host function a suspended call yielded in */
    public FunctionType yieldedType() {
        return bounds.yieldedType();
    }

    /** @return the first slot of the results of the host function a suspended call yielded in */
    public int yieldedBase() {
        return bounds.yieldedBase();
    }
}
