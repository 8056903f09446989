package dev.weft.exec;

import dev.weft.FunctionType;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.runtime.EngineLog;
import dev.weft.runtime.ModuleInstance;

/**
 * A machine's slow path for the bounds of the call it runs: where the fuel, deadline and
 * interruption of a call come from when it starts, what happens when they are reached, and the
 * state of a suspended call. The hot part (charging fuel, noticing that something happened)
 * is in {@link Machine#branch} and {@link Machine#enter}; everything here runs once per call, per
 * suspension, per bulk instruction ({@link #chargeBulk}), or when {@link Attention} says something
 * changed.
 *
 * <p>Nested entries (a host function calling back into WebAssembly) share the bounds of the call
 * in progress, unless they come with an execution of their own: then the outer call's bounds are
 * saved and restored around them.
 */
final class CallBounds {
    /** Why a resumable call is suspended. */
    static final int NOT_SUSPENDED = 0;
    static final int OUT_OF_FUEL = 1;
    static final int YIELDED = 2;

    /** {@link #begin} result of a nested entry that inherits the bounds of the call in progress. */
    private static final Object INHERITED = new Object();

    private final Machine m;
    private final CallDefaults defaults;
    /**
     * Whether calls made without an execution are neither metered nor timed: then an outermost
     * such call needs no {@link #begin} at all, as {@link #end} leaves the bounds as {@link #begin}
     * would set them for it. Only the attention state ({@code m.seenEpoch}, {@link #closesSeen})
     * is left as the last call or check saw it: at most older than the truth, never newer, so
     * the call's first poll takes {@link #attention} once after any raise since, which looks at
     * everything again (docs/performance.md, finding 31).
     */
    final boolean plain;

    /** The execution the running call belongs to, or null (engine defaults). */
    private ExecutionState execution;
    /** Whether the outermost call may suspend. */
    private boolean resumable;
    private boolean hasDeadline;
    private long deadline;
    /** The watchdog's token for the deadline ({@link Attention#arm}), while {@link #hasDeadline}. */
    private Object armed;
    private long timeoutNanos;
    /** The number of closes ({@link Attention#closes()}) after which this machine last looked for closed instances. */
    private long closesSeen;
    private int suspendedFor;
    /** Fuel the suspended call still has to pay before it continues. */
    private long pendingFuel;
    private boolean yieldRequested;
    private FunctionType yieldedType;
    private int yieldedBase;

    CallBounds(Machine m, CallDefaults defaults) {
        this.m = m;
        this.defaults = defaults;
        this.plain = defaults.fuel() < 0 && defaults.timeoutNanos() <= 0;
    }

    /** What a nested entry with an execution of its own replaces, to restore afterwards. */
    private record Outer(ExecutionState execution, boolean metered, long fuel, boolean hasDeadline, long deadline,
            Object armed, long timeoutNanos, boolean resumable) {
    }

    /**
     * A call starts on the machine ({@code m.nesting} not yet incremented).
     *
     * @return what {@link #end} needs to restore
     * @throws TrapException if the execution is interrupted already
     * @throws IllegalStateException if the execution is running another call
     */
    Object begin(ExecutionState ex, boolean resumable) {
        if (m.nesting > 0 && ex == null) {
            return INHERITED;
        }
        if (ex != null) {
            if (ex.interrupted()) {
                throw interrupted();
            }
            if (ex.running != null) {
                throw new IllegalStateException("the execution is already running a call (one call at a time)");
            }
        }
        Object outer = m.nesting == 0 ? null
                : new Outer(execution, m.metered, m.fuel, hasDeadline, deadline, armed, timeoutNanos, this.resumable);
        execution = ex;
        this.resumable = resumable;
        if (ex != null) {
            ex.running = m;
            m.metered = ex.metered;
            m.fuel = ex.fuel;
            timeoutNanos = ex.timeoutNanos;
        } else {
            m.metered = defaults.fuel() >= 0;
            m.fuel = Math.max(0, defaults.fuel());
            timeoutNanos = defaults.timeoutNanos();
        }
        // the epoch before the deadline is armed: a raise for it, however soon, is then seen
        m.seenEpoch = Attention.epochNow();
        closesSeen = Attention.closes();
        armDeadline();
        suspendedFor = NOT_SUSPENDED;
        return outer;
    }

    private void armDeadline() {
        hasDeadline = timeoutNanos > 0;
        if (hasDeadline) {
            // at most 2^62 ns (146 years) ahead, so that deadlines stay ordered as plain longs
            deadline = System.nanoTime() + Math.min(timeoutNanos, 1L << 62);
            armed = Attention.arm(deadline);
        }
    }

    private void disarmDeadline() {
        if (hasDeadline) {
            hasDeadline = false;
            Attention.disarm(armed);
            armed = null;
        }
    }

    /** The call that {@link #begin} started returned or trapped ({@code m.nesting} already decremented). */
    void end(Object outer) {
        if (outer == INHERITED) {
            return;
        }
        disarmDeadline();
        if (execution != null) {
            execution.fuel = m.fuel;
            execution.running = null;
        }
        if (outer instanceof Outer o) {
            execution = o.execution;
            m.metered = o.metered;
            m.fuel = o.fuel;
            hasDeadline = o.hasDeadline;
            deadline = o.deadline;
            armed = o.armed;
            timeoutNanos = o.timeoutNanos;
            resumable = o.resumable;
            if (hasDeadline) {
                // its deadline may have been signalled while the nested call ran (which then took
                // the epoch as seen): look at the bounds again at the next back-edge or call
                m.seenEpoch = Attention.epochNow() - 1;
            }
        } else {
            // the machine is idle again: the state a plain call relies on
            execution = null;
            m.metered = false;
            m.fuel = 0;
            timeoutNanos = 0;
            resumable = false;
        }
    }

    /** @return whether the running call may suspend (compiled tier hook: such a call runs interpreted) */
    boolean resumable() {
        return resumable;
    }

    /** @return whether the last run of the loop ended by suspending */
    boolean suspended() {
        return suspendedFor != NOT_SUSPENDED;
    }

    /** @return why the call is suspended: {@link #OUT_OF_FUEL} or {@link #YIELDED} */
    int suspendedFor() {
        return suspendedFor;
    }

    /** The call suspended: its fuel goes back to the execution and its deadline stops. */
    void suspend() {
        disarmDeadline();
        execution.fuel = m.fuel;
        execution.running = null;
    }

    /**
     * A suspended call continues: fuel from the execution (the host may have added some), a new
     * deadline, and the charge it stopped before.
     *
     * @return false if the fuel still does not cover that charge (the call stays suspended)
     * @throws TrapException if the execution was interrupted meanwhile
     */
    boolean resume() {
        ExecutionState ex = execution;
        if (ex.interrupted()) {
            throw interrupted();
        }
        if (ex.running != null) {
            throw new IllegalStateException("the execution is already running a call (one call at a time)");
        }
        ex.running = m;
        m.metered = ex.metered;
        m.fuel = ex.fuel;
        timeoutNanos = ex.timeoutNanos;
        m.seenEpoch = Attention.epochNow(); // before arming, as in begin
        closesSeen = Attention.closes();
        armDeadline();
        if (suspendedFor == OUT_OF_FUEL) {
            if (m.metered && m.fuel < pendingFuel) {
                return false;
            }
            m.fuel -= m.metered ? pendingFuel : 0;
            pendingFuel = 0;
        }
        suspendedFor = NOT_SUSPENDED;
        return true;
    }

    /**
     * The call needs {@code cost} fuel and has less. The machine's pc and fp are where it would
     * continue. A resumable outermost call suspends there, to pay the charge when resumed;
     * anything else traps.
     *
     * @return {@link Machine#SUSPEND}
     * @throws TrapException otherwise
     */
    int outOfFuel(long cost) {
        if (resumable && m.nesting == 1) {
            suspendedFor = OUT_OF_FUEL;
            pendingFuel = cost;
            return Machine.SUSPEND;
        }
        EngineLog.limitReached("fuel", m.fuel, "out of fuel: " + cost + " needed");
        throw new TrapException(TrapKind.OUT_OF_FUEL,
                "out of fuel: " + cost + " needed to go on, " + m.fuel + " left");
    }

    /**
     * A bulk instruction needs {@code cost} fuel and has less: like {@link #outOfFuel}, but the
     * call suspends before the instruction, which charges again when it runs on resumption.
     */
    int outOfFuelBefore(long cost) {
        int r = outOfFuel(cost);
        pendingFuel = 0;
        return r;
    }

    /**
     * Charges a bulk instruction (memory.fill/copy/init, table.fill/copy/init) for its length
     * before it runs: one unit per {@value #BULK_UNIT} bytes or elements started, on top of the
     * unit its instruction counts in its loop or function.
     *
     * @param count the operation's length (an unsigned 32-bit value)
     * @param pc the instruction's offset: a resumable call suspends there and runs it again
     * @param fp the frame pointer
     * @return 0 to go on, or {@link Machine#SUSPEND}
     */
    int chargeBulk(int count, int pc, int fp) {
        if (!m.metered) {
            return 0;
        }
        long cost = (Integer.toUnsignedLong(count) + BULK_UNIT - 1) / BULK_UNIT;
        if (m.fuel < cost) {
            m.pc = pc;
            m.fp = fp;
            return outOfFuelBefore(cost);
        }
        m.fuel -= cost;
        return 0;
    }

    /** Bytes or elements of a bulk instruction that cost one unit of fuel. */
    static final int BULK_UNIT = 64;

    /** @return whether the machine's current instance, its memory, or an instance on its frame stack is closed */
    boolean closedOnStack() {
        if (m.inst != null && m.inst.unusable()) {
            return true;
        }
        for (int d = m.depth - 1; d >= 0; d--) {
            ModuleInstance caller = m.frameInst[d];
            if (m.framePc[d] < 0 && caller != null && caller.unusable()) {
                return true;
            }
        }
        return false;
    }

    /** A host function asks the resumable call to suspend when it returns. */
    void requestYield() {
        if (!resumable || m.nesting != 1) {
            throw new IllegalStateException("only a host function called by a resumable call (Execution.start) can"
                    + " suspend it, and not from inside a nested call");
        }
        yieldRequested = true;
    }

    boolean yieldRequested() {
        return yieldRequested;
    }

    /**
     * Suspends after the host function that asked to; the machine's pc and fp are after its call.
     *
     * @param type the host function's type
     * @param base where its results are
     * @return {@link Machine#SUSPEND}
     */
    int yieldNow(FunctionType type, int base) {
        yieldRequested = false;
        suspendedFor = YIELDED;
        yieldedType = type;
        yieldedBase = base;
        return Machine.SUSPEND;
    }

    /** @return the type of the host function the call yielded in */
    FunctionType yieldedType() {
        return yieldedType;
    }

    /** @return the first slot of the results of the host function the call yielded in */
    int yieldedBase() {
        return yieldedBase;
    }

    /**
     * The slow path of {@link Machine}'s check: the epoch moved or the thread is interrupted.
     * Throws the trap that stops the call if anything concerns it; returns otherwise.
     */
    void attention() {
        m.seenEpoch = Attention.epochNow();
        if (Thread.interrupted()) {
            throw new TrapException(TrapKind.INTERRUPTED, "interrupted: the calling thread was interrupted");
        }
        if (execution != null && execution.interrupted()) {
            throw interrupted();
        }
        if (hasDeadline && System.nanoTime() - deadline >= 0) {
            EngineLog.limitReached("timeout", timeoutNanos, "deadline exceeded");
            throw new TrapException(TrapKind.DEADLINE_EXCEEDED, "deadline exceeded: the call ran longer than "
                    + timeoutNanos / 1_000_000.0 + " ms");
        }
        long closes = Attention.closes();
        if (closes != closesSeen) {
            closesSeen = closes;
            if (closedOnStack()) {
                throw closedTrap();
            }
        }
    }

    private static TrapException interrupted() {
        return new TrapException(TrapKind.INTERRUPTED, "interrupted: Execution.interrupt() was called");
    }

    /** @return the trap of a call running in, or entering, a closed instance or memory */
    static TrapException closedTrap() {
        return new TrapException(TrapKind.INTERRUPTED, "interrupted: the instance or its memory was closed");
    }
}
