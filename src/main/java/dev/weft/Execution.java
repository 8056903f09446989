package dev.weft;

import dev.weft.exec.ExecutionState;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.Resumption;

import java.time.Duration;

/**
 * Bounds for calls into WebAssembly, and a way to stop them: a fuel account, a timeout per
 * call, and an interrupt that works from any thread. This is how a host runs untrusted code:
 *
 * <pre>{@code
 * Execution run = Execution.create().setFuel(50_000_000).setTimeout(Duration.ofMillis(200));
 * try {
 *     Object[] results = run.call(instance.function("handle"), requestPtr, requestLen);
 * } catch (TrapException e) {
 *     switch (e.kind()) {
 *         case OUT_OF_FUEL, DEADLINE_EXCEEDED, INTERRUPTED -> reject(e);   // bounded, stopped
 *         default -> fail(e);                                            // a real trap
 *     }
 * }
 * long used = 50_000_000 - run.fuel();
 * }</pre>
 *
 * <h2>Fuel</h2>
 * Metering is off until {@link #setFuel(long)}. Fuel counts WebAssembly instructions, charged
 * where a guest can make work repeat, never per instruction: a call costs the number of
 * instructions in the callee's body, and each further iteration of a loop costs the number of
 * instructions in the loop's body (nested loops included once). The charge is an upper bound of
 * the instructions that can run before the next charge, so fuel bounds work; it is the same for
 * the same module and inputs, in every dispatch mode. A charge that does not fit is not made:
 * the call stops before the work, with {@link TrapKind#OUT_OF_FUEL}, or suspends if it was
 * started with {@link #start}. Host functions may charge for their own work
 * ({@link HostCall#consumeFuel}). The account belongs to the execution: calls through it draw on
 * it one after another, and what is left is {@link #fuel()} between calls.
 *
 * <h2>Timeout and interruption</h2>
 * {@link #setTimeout} gives each call (and each resumption) a wall-clock deadline, after which it
 * traps with {@link TrapKind#DEADLINE_EXCEEDED}; {@link #interrupt()} stops the running call with
 * {@link TrapKind#INTERRUPTED}. Both are checked at loop back-edges and calls, so a guest stops
 * within about a millisecond even in a tight loop; a host function that blocks is not
 * interrupted (it is the host's code). Interrupting the calling thread ({@link Thread#interrupt()})
 * stops any call the same way, whether or not it runs through an execution, and the trap clears
 * the thread's interrupt status, as {@link InterruptedException} does.
 *
 * <p>An execution runs one call at a time, on any thread; {@link #interrupt()} may be called from
 * any thread. Calls through a {@link WasmFunction} directly run under the engine's defaults
 * ({@link Engine.Builder#callFuel}, {@link Engine.Builder#callTimeout}). A host function calling
 * back into WebAssembly runs under the bounds of the call it is part of.
 */
public final class Execution {
    private final ExecutionState state = new ExecutionState();

    private Execution() {
    }

    /** {@return an execution with no fuel metering, no timeout} */
    public static Execution create() {
        return new Execution();
    }

    /**
     * Turns fuel metering on, with this much fuel.
     *
     * @param units fuel, at least 0
     * @return this
     */
    public Execution setFuel(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("fuel must not be negative");
        }
        state.setFuel(units);
        return this;
    }

    /**
     * Adds fuel (turning metering on if it was off), e.g. before resuming a call that ran out.
     *
     * @param units fuel to add, at least 0 (the account saturates at {@link Long#MAX_VALUE})
     * @return this
     */
    public Execution addFuel(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("fuel must not be negative");
        }
        long now = state.metered() ? state.fuel() : 0;
        state.setFuel(now + units < 0 ? Long.MAX_VALUE : now + units);
        return this;
    }

    /**
     * The fuel left.
     *
     * @return the fuel left after the last call through this execution returned, trapped or
     *     suspended, or {@link Long#MAX_VALUE} if metering is off (a host function reads the live
     *     value with {@link HostCall#fuel()})
     */
    public long fuel() {
        return state.metered() ? state.fuel() : Long.MAX_VALUE;
    }

    /** {@return whether fuel is metered} */
    public boolean isMetered() {
        return state.metered();
    }

    /**
     * Sets a timeout for each call.
     *
     * @param timeout the longest each call (and each resumption of a suspended call) may run, or
     *     null or zero for no limit
     * @return this
     */
    public Execution setTimeout(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        state.setTimeoutNanos(timeout == null ? 0 : saturatedNanos(timeout));
        return this;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@return the timeout of each call, or {@link Duration#ZERO} for none} */
    public Duration timeout() {
        return Duration.ofNanos(state.timeoutNanos());
    }

    /**
     * Stops the call running through this execution, on whatever thread, at its next loop
     * back-edge or call (within about a millisecond), with {@link TrapKind#INTERRUPTED}. The
     * execution stays interrupted, so that later calls and resumptions trap at once too, until
     * {@link #clearInterrupt()}. Thread-safe; does nothing else to the instance, which stays usable.
     */
    public void interrupt() {
        state.interrupt();
    }

    /** {@return whether {@link #interrupt()} was called since the last {@link #clearInterrupt()}} */
    public boolean isInterrupted() {
        return state.interrupted();
    }

    /**
     * Lets calls through this execution run again after {@link #interrupt()}.
     *
     * @return this
     */
    public Execution clearInterrupt() {
        state.clearInterrupt();
        return this;
    }

    /**
     * Calls a function under this execution's bounds, to completion.
     *
     * @param function the function
     * @param args its arguments, boxed as {@link WasmFunction#call} takes them
     * @return its results
     * @throws TrapException if it traps, runs out of fuel, passes its deadline or is interrupted
     * @throws IllegalStateException if this execution is running another call
     */
    public Object[] call(WasmFunction function, Object... args) {
        return ((FunctionInstance) function).call(state, args);
    }

    /**
     * Starts a resumable call: one that, instead of trapping when its fuel runs out, suspends, as
     * it also does when a host function asks to ({@link HostCall#suspend()}). Resume it, after
     * {@link #addFuel} or later, on any thread, with {@link ResumableCall#resume()}. A suspended
     * call holds its WebAssembly stack (frames and values, a few KiB and up) and nothing else:
     * no thread waits for it, and one never resumed is garbage like any object.
     *
     * @param function the function
     * @param args its arguments
     * @return the call, finished or suspended
     * @throws TrapException if it traps, passes its deadline or is interrupted (the call is over)
     * @throws IllegalStateException if this thread is inside a WebAssembly call already, or this
     *     execution is running another call
     */
    public ResumableCall start(WasmFunction function, Object... args) {
        return new ResumableCall(Resumption.start((FunctionInstance) function, state, args));
    }

    @Override
    public String toString() {
        return "Execution[" + (state.metered() ? "fuel " + state.fuel() : "unmetered")
                + (state.timeoutNanos() > 0 ? ", timeout " + timeout() : "") + (isInterrupted() ? ", interrupted" : "")
                + "]";
    }
}
