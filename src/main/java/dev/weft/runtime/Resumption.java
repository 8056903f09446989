package dev.weft.runtime;

import dev.weft.FunctionType;
import dev.weft.exec.ExecutionState;
import dev.weft.exec.Executor;
import dev.weft.exec.Machine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A resumable call: started on the calling thread's machine, and if it suspends, holding that
 * machine (the whole WebAssembly stack of the call) until it is resumed, on whatever thread
 * resumes it. Behind {@link dev.weft.ResumableCall}.
 */
public final class Resumption {
    /** States, as {@link dev.weft.ResumableCall.State} orders them. */
    public static final int FINISHED = 0;
    public static final int OUT_OF_FUEL = 1;
    public static final int YIELDED = 2;
    public static final int FAILED = 3;

    private final FunctionInstance function;
    private final Executor executor;
    private final AtomicBoolean busy = new AtomicBoolean();
    private Machine machine;
    private int base;
    private int state;
    private Object[] results;

    private Resumption(FunctionInstance function) {
        this.function = function;
        this.executor = function.owner.executor;
    }

    /**
     * Starts a call.
     *
     * @param f a WebAssembly function (a host function just runs: nothing to suspend)
     * @param execution its bounds
     * @param args its arguments
     * @return the call, finished or suspended
     * @throws dev.weft.TrapException if it traps
     */
    public static Resumption start(FunctionInstance f, ExecutionState execution, Object[] args) {
        Resumption r = new Resumption(f);
        if (f.host != null) {
            r.results = f.call(execution, args);
            return r;
        }
        Machine m = r.executor.machine();
        int base = m.reserve(f.callSlots);
        f.writeArguments(m, base, args);
        r.base = base;
        r.settle(m, m.start(f, base, execution));
        return r;
    }

    /**
     * Resumes a suspended call on this thread.
     *
     * @param hostResults for a call that {@link #YIELDED}: the results of the host function it
     *     yielded in (none to keep those it set); must be empty otherwise
     * @throws IllegalStateException if the call is finished, or being resumed by another thread
     * @throws dev.weft.TrapException if it traps (the call is then over)
     */
    public void resume(Object[] hostResults) {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("the call is being resumed by another thread");
        }
        try {
            if (state == FINISHED || state == FAILED) {
                throw new IllegalStateException(state == FINISHED ? "the call has finished" : "the call has trapped");
            }
            Machine m = machine;
            if (hostResults.length > 0) {
                if (state != YIELDED) {
                    throw new IllegalArgumentException("results can be given only to a call suspended by a host function");
                }
                Values.write(m.yieldedType().results(), hostResults, m, m.yieldedBase(), "result");
            }
            Machine own = executor.attach(m);
            boolean finished;
            try {
                machine = null; // a trap ends the call: nothing left to resume
                state = FAILED;
                finished = m.resume();
            } finally {
                executor.restore(own);
            }
            settle(m, finished);
        } finally {
            busy.set(false);
        }
    }

    private void settle(Machine m, boolean finished) {
        if (finished) {
            state = FINISHED;
            machine = null;
            results = function.readResults(m, base);
        } else {
            state = m.suspendedFor();
            machine = m;
            executor.detach(m);
        }
    }

    /** @return {@link #FINISHED}, {@link #OUT_OF_FUEL}, {@link #YIELDED} or {@link #FAILED} */
    public int state() {
        return state;
    }

    /** @return the results, once finished */
    public Object[] results() {
        return results;
    }

    /** @return the type of the host function a {@link #YIELDED} call is suspended in */
    public FunctionType yieldedType() {
        return state == YIELDED ? machine.yieldedType() : null;
    }
}
