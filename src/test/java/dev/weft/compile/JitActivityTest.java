package dev.weft.compile;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler thread's wait for the JVM's JIT: bounded, never shorter than the quiet windows, ended by an interrupt. */
class JitActivityTest {
    @Test
    void waitsForQuietWindowsButNoLongerThanTheLimit() {
        long start = System.nanoTime();
        long waited = JitActivity.awaitQuiet();
        long elapsed = System.nanoTime() - start;
        assertTrue(waited <= elapsed, "reports no more than it waited");
        long ms = TimeUnit.NANOSECONDS.toMillis(elapsed);
        if (JitActivity.MAX_WAIT_MS > 0) {
            assertTrue(ms >= Math.min(200, JitActivity.MAX_WAIT_MS), "two windows of 100 ms at least: " + ms + " ms");
        }
        // the last window may begin just before the limit; the rest is slack for a loaded machine
        assertTrue(ms <= JitActivity.MAX_WAIT_MS + 100 + 1000, "bounded by weft.tier.jitWait: " + ms + " ms");
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            long waited = JitActivity.awaitQuiet();
            assertTrue(TimeUnit.NANOSECONDS.toMillis(waited) < 100, "returned at the interrupt");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
