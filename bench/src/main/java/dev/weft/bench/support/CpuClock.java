package dev.weft.bench.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's CPU clock, for {@link ThreadCpuTime} (kept out of that class: JMH reports
 * every public value-returning member of an {@code @AuxCounters} state as a counter).
 */
public final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    /** @return CPU time of the current thread in nanoseconds */
    public static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
