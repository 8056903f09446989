package dev.weft.bench.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread, reported by JMH next to wall time as the secondary
 * metrics {@code threadCpuMs} and {@code calls} (per iteration; CPU ms per call =
 * threadCpuMs / calls). On a shared machine wall time also counts the time other processes
 * held the CPU; thread CPU time does not (the report shows both). Reading the clock costs
 * about a microsecond, so only benchmarks whose calls take milliseconds use it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ThreadCpuTime {
    /** CPU milliseconds of the measured calls in this iteration. */
    public double threadCpuMs;
    /** Calls measured in this iteration. */
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
        threadCpuMs = 0;
        calls = 0;
    }

    /**
     * Counts one call.
     *
     * @param startNanos {@link CpuClock#now()} taken before the call
     */
    public void add(long startNanos) {
        threadCpuMs += (CpuClock.now() - startNanos) / 1e6;
        calls++;
    }
}
