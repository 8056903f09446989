package dev.weft.compile;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * How busy the JVM's own JIT compilers are, read from the time they report having spent
 * compiling. Before it compiles anything, the compiler thread waits for them to go quiet. While
 * the JVM is still warming up (a fresh JVM spends its first second or so JIT-compiling the
 * interpreter, the decoder and the host), a class the tier adds joins the same JIT queue and runs
 * in the JVM's bytecode interpreter until it leaves it, slower than the interpreter it replaces,
 * and generating and JIT-compiling it delays everything else: measured on the corpus, a one-second
 * program ran 1.16x slower under {@code auto} than interpreted without the wait and 0.99x with it
 * (docs/performance.md, "Start-up under auto"). The JVM's own tiering does the same: its compile
 * thresholds grow with its compile queues.
 */
final class JitActivity {
    private JitActivity() {
    }

    /** Longest wait for quiet, ms: {@code -Dweft.tier.jitWait}, default 2000; 0 never waits. */
    static final long MAX_WAIT_MS = Math.max(0, Long.getLong("weft.tier.jitWait", 2000));
    /** The window over which the JIT's activity is read, ms. */
    private static final long WINDOW_MS = 100;
    /** JIT time (summed over its threads) within a window at or below which the window is quiet, ms. */
    private static final long QUIET_MS = 10;
    /** Consecutive quiet windows that make the JIT quiet. */
    private static final int QUIET_WINDOWS = 2;

    private static final CompilationMXBean JIT = jit();

    private static CompilationMXBean jit() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit : null;
    }

    /**
     * Returns once the JIT compilers have been quiet for {@value #QUIET_WINDOWS} windows of
     * {@value #WINDOW_MS} ms, or after {@link #MAX_WAIT_MS} at most; at once in a JVM without a
     * JIT or one that does not report its compilation time.
     *
     * @return how long it waited, ns
     */
    static long awaitQuiet() {
        if (JIT == null || MAX_WAIT_MS == 0) {
            return 0;
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        long before = JIT.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < QUIET_WINDOWS && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(WINDOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = JIT.getTotalCompilationTime();
            quiet = now - before <= QUIET_MS ? quiet + 1 : 0;
            before = now;
        }
        return System.nanoTime() - start;
    }
}
