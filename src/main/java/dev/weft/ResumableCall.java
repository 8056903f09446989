package dev.weft;

import dev.weft.runtime.Resumption;

/**
 * A call started with {@link Execution#start}: finished, or suspended where it stopped, to be
 * resumed on any thread:
 *
 * <pre>{@code
 * Execution run = Execution.create().setFuel(1_000_000);
 * ResumableCall call = run.start(instance.function("work"), 42);
 * while (!call.isFinished()) {       // out of fuel: let other work run, then continue
 *     run.addFuel(1_000_000);
 *     call.resume();
 * }
 * int result = (int) call.results()[0];
 * }</pre>
 *
 * <p>Resuming continues exactly where the call stopped, as if it had never stopped: the same
 * results, the same fuel consumed in all. The call holds its WebAssembly stack while suspended,
 * and its instance stays usable meanwhile; a call never resumed is simply garbage collected.
 * Resume one call from one thread at a time.
 */
public final class ResumableCall {
    /** Where a resumable call is. */
    public enum State {
        /** It returned: {@link #results()} has its results. */
        FINISHED,
        /** It suspended because its fuel ran out: add fuel, then resume. */
        OUT_OF_FUEL,
        /** A host function it called asked it to suspend ({@link HostCall#suspend()}). */
        YIELDED,
        /** A resumption trapped (and threw the trap): the call is over. */
        FAILED
    }

    private static final State[] STATES = State.values();
    private final Resumption call;

    ResumableCall(Resumption call) {
        this.call = call;
    }

    /** {@return where the call is} */
    public State state() {
        return STATES[call.state()];
    }

    /** {@return whether the call returned} */
    public boolean isFinished() {
        return call.state() == Resumption.FINISHED;
    }

    /**
     * The results of a finished call.
     *
     * @return the call's results, boxed as {@link WasmFunction#call} returns them
     * @throws IllegalStateException if the call has not finished
     */
    public Object[] results() {
        if (!isFinished()) {
            throw new IllegalStateException("the call is suspended (" + state() + "), not finished");
        }
        return call.results().clone();
    }

    /**
     * The host function a yielded call is suspended in.
     *
     * @return the type of the host function the call is suspended in, when {@link State#YIELDED}
     * @throws IllegalStateException otherwise
     */
    public FunctionType yieldedIn() {
        if (state() != State.YIELDED) {
            throw new IllegalStateException("the call did not yield in a host function");
        }
        return call.yieldedType();
    }

    /**
     * Continues the call on this thread until it finishes or suspends again (at once, if it
     * still lacks the fuel it stopped for).
     *
     * @return this
     * @throws TrapException if it traps, passes its deadline or is interrupted (the call is over)
     * @throws IllegalStateException if it has finished, or another thread is resuming it, or this
     *     thread is inside a WebAssembly call
     */
    public ResumableCall resume() {
        call.resume(new Object[0]);
        return this;
    }

    /**
     * Continues a call that {@link State#YIELDED}, giving the results of the host function it
     * yielded in.
     *
     * @param hostResults one value per result of {@link #yieldedIn()}, boxed as
     *     {@link WasmFunction#call} takes arguments
     * @return this
     * @throws IllegalArgumentException if the call did not yield, or the values do not match
     * @see #resume()
     */
    public ResumableCall resume(Object... hostResults) {
        call.resume(hostResults);
        return this;
    }

    @Override
    public String toString() {
        return "ResumableCall[" + state() + "]";
    }
}
