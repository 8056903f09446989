package dev.weft.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * The four WASI clocks ({@code clockid}), as far as Java can tell them:
 * <ul>
 * <li>{@code realtime} (0): {@link Instant#now()}, ns since 1970;
 * <li>{@code monotonic} (1): {@link System#nanoTime()}, counted from the context's creation so it
 *     starts near 0 and never goes backwards;
 * <li>{@code process_cputime_id} (2): {@link ProcessHandle.Info#totalCpuDuration()}, the CPU time of
 *     the whole JVM (the guest shares the process), with the coarse granularity the OS reports it in;
 * <li>{@code thread_cputime_id} (3): the calling thread's CPU time ({@link ThreadMXBean}), if the JVM
 *     supports measuring it.
 * </ul>
 * A clock Java cannot read fails with {@code EINVAL}, as an unknown id does.
 */
final class Clocks {
    static final int REALTIME = 0;
    static final int MONOTONIC = 1;
    static final int PROCESS_CPUTIME = 2;
    static final int THREAD_CPUTIME = 3;

    private final long monotonicOrigin = System.nanoTime();

    /**
     * @param id a clock id
     * @return the clock's current time in ns
     * @throws WasiError INVAL for an unknown or unreadable clock
     */
    long now(int id) {
        return switch (id) {
            case REALTIME -> realtime();
            case MONOTONIC -> monotonic();
            case PROCESS_CPUTIME -> ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                    .orElseThrow(() -> new WasiError(Errno.INVAL));
            case THREAD_CPUTIME -> threadCpuTime();
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    /**
     * @param id a clock id
     * @return the clock's resolution in ns
     * @throws WasiError INVAL for an unknown or unreadable clock
     */
    long resolution(int id) {
        return switch (id) {
            case REALTIME -> 1_000; // Instant.now() is at least microsecond-precise on the JDK's platforms
            case MONOTONIC -> 1;
            case PROCESS_CPUTIME -> 10_000_000; // OSes report process CPU time in scheduler ticks
            case THREAD_CPUTIME -> {
                threadCpuTime();
                yield 1_000;
            }
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    long realtime() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long monotonic() {
        return System.nanoTime() - monotonicOrigin;
    }

    private static long threadCpuTime() {
        ThreadMXBean threads = ThreadCpu.BEAN;
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new WasiError(Errno.INVAL);
        }
        long t = threads.getCurrentThreadCpuTime();
        if (t < 0) {
            throw new WasiError(Errno.INVAL);
        }
        return t;
    }

    /** Loaded on first use only: most guests never ask, and the management beans cost start-up time. */
    private static final class ThreadCpu {
        static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    }
}
