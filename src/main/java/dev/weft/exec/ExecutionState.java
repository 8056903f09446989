package dev.weft.exec;

/**
 * The state behind a {@link dev.weft.Execution}: its fuel account, timeout and interrupt flag.
 * A machine copies the fuel in when a call through the execution starts or resumes, charges its
 * own copy while running (no shared write on the hot path), and writes what is left back when
 * the call returns, traps or suspends.
 */
public final class ExecutionState {
    /** Whether calls through this execution are metered. */
    boolean metered;
    /** Fuel left between calls; while a call runs, the machine holds the live value. */
    long fuel;
    /** Timeout of each call (and each resumption), in nanoseconds; 0 for none. */
    long timeoutNanos;
    /** Set by {@link #interrupt()} from any thread; read by machines on their slow path. */
    private volatile boolean interrupted;
    /** The machine running a call through this execution, or null. */
    volatile Machine running;

    /** @return whether calls are metered */
    public boolean metered() {
        return metered;
    }

    /** @return fuel left (meaningful when {@link #metered()}) */
    public long fuel() {
        return fuel;
    }

    /**
     * Turns metering on with this much fuel.
     *
     * @param units fuel, at least 0
     */
    public void setFuel(long units) {
        metered = true;
        fuel = units;
    }

    /** @param nanos timeout per call in nanoseconds, 0 for none */
    public void setTimeoutNanos(long nanos) {
        timeoutNanos = nanos;
    }

    /** @return timeout per call in nanoseconds, 0 for none */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Stops the running call (and every later one until {@link #clearInterrupt()}). */
    public void interrupt() {
        interrupted = true;
        Attention.raise();
    }

    /** @return whether interrupted */
    public boolean interrupted() {
        return interrupted;
    }

    /** Lets calls run again after {@link #interrupt()}. */
    public void clearInterrupt() {
        interrupted = false;
    }
}
