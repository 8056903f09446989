package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Clocks, {@code random_get}, {@code sched_yield} and {@code proc_raise}. */
class ClockRandomTest {
    private static long time(Probe p, int clock) {
        int out = p.alloc(8);
        assertErrno(Errno.SUCCESS, p.call("clock_time_get", clock, 1L, out), "clock " + clock);
        return p.i64(out);
    }

    @Test
    void realtimeIsNanosecondsSinceTheEpoch() {
        try (Probe p = new Probe(Wasi.builder())) {
            long before = System.currentTimeMillis();
            long t = time(p, Clocks.REALTIME);
            long after = System.currentTimeMillis();
            assertTrue(t / 1_000_000 >= before - 1 && t / 1_000_000 <= after + 1, t + " ns vs " + before + " ms");
        }
    }

    @Test
    void monotonicNeverGoesBackwardsAndAdvances() throws InterruptedException {
        try (Probe p = new Probe(Wasi.builder())) {
            long previous = time(p, Clocks.MONOTONIC);
            assertTrue(previous >= 0);
            for (int i = 0; i < 1000; i++) {
                long t = time(p, Clocks.MONOTONIC);
                assertTrue(t >= previous, "monotonic went from " + previous + " to " + t);
                previous = t;
            }
            Thread.sleep(5);
            assertTrue(time(p, Clocks.MONOTONIC) - previous >= 5_000_000, "5 ms of sleep is seen");
        }
    }

    @Test
    void processCpuTimeIsPositiveAndDoesNotDecrease() {
        try (Probe p = new Probe(Wasi.builder())) {
            long first = time(p, Clocks.PROCESS_CPUTIME);
            assertTrue(first > 0);
            assertTrue(time(p, Clocks.PROCESS_CPUTIME) >= first);
        }
    }

    @Test
    void threadCpuTimeGrowsWithWork() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(),
                "this JVM cannot measure thread CPU time");
        try (Probe p = new Probe(Wasi.builder())) {
            long first = time(p, Clocks.THREAD_CPUTIME);
            long end = System.nanoTime() + 30_000_000;
            double sink = 0;
            while (System.nanoTime() < end) {
                sink += Math.sqrt(sink + 1);
            }
            assertTrue(sink > 0);
            assertTrue(time(p, Clocks.THREAD_CPUTIME) > first);
        }
    }

    @Test
    void resolutionsArePositiveAndUnknownClocksAreEinval() {
        try (Probe p = new Probe(Wasi.builder())) {
            int out = p.alloc(8);
            for (int clock = 0; clock <= 3; clock++) {
                if (clock == Clocks.THREAD_CPUTIME
                        && !ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
                    continue;
                }
                assertErrno(Errno.SUCCESS, p.call("clock_res_get", clock, out), "clock " + clock);
                assertTrue(p.i64(out) > 0);
            }
            assertErrno(Errno.INVAL, p.call("clock_res_get", 4, out));
            assertErrno(Errno.INVAL, p.call("clock_time_get", 4, 0L, out));
            assertErrno(Errno.INVAL, p.call("clock_time_get", -1, 0L, out));
        }
    }

    @Test
    void clockPointersOutsideMemoryAreEfault() {
        try (Probe p = new Probe(Wasi.builder())) {
            int end = p.memorySize();
            assertErrno(Errno.FAULT, p.call("clock_time_get", Clocks.MONOTONIC, 0L, end - 7));
            assertErrno(Errno.SUCCESS, p.call("clock_time_get", Clocks.MONOTONIC, 0L, end - 8));
            assertErrno(Errno.FAULT, p.call("clock_res_get", Clocks.MONOTONIC, end));
        }
    }

    @Test
    void randomGetUsesTheHostsRandomSoSeededRunsRepeat() {
        try (Probe p = new Probe(Wasi.builder().random(new Random(42)))) {
            int buf = p.alloc(100);
            assertErrno(Errno.SUCCESS, p.call("random_get", buf, 100));
            byte[] expected = new byte[100];
            new Random(42).nextBytes(expected);
            assertArrayEquals(expected, p.bytes(buf, 100));
            assertErrno(Errno.SUCCESS, p.call("random_get", buf, 0), "zero bytes is fine");
        }
    }

    @Test
    void randomGetByDefaultFillsLargeBuffersWithSecureRandomBytes() {
        try (Probe p = new Probe(Wasi.builder())) {
            int size = 200_000; // more than one internal chunk
            p.instance.memory("memory").grow(3);
            int buf = p.alloc(size);
            assertErrno(Errno.SUCCESS, p.call("random_get", buf, size));
            byte[] first = p.bytes(buf, size);
            int[] histogram = new int[256];
            for (byte b : first) {
                histogram[b & 0xFF]++;
            }
            assertTrue(Arrays.stream(histogram).allMatch(c -> c > 500), "every byte value shows up");
            assertErrno(Errno.SUCCESS, p.call("random_get", buf, 64));
            assertFalse(Arrays.equals(Arrays.copyOf(first, 64), p.bytes(buf, 64)), "two calls differ");
        }
    }

    @Test
    void randomGetOutsideMemoryIsEfaultAndWritesNothing() {
        try (Probe p = new Probe(Wasi.builder().random(new Random(1)))) {
            int end = p.memorySize();
            assertErrno(Errno.FAULT, p.call("random_get", end - 10, 11));
            assertArrayEquals(new byte[10], p.bytes(end - 10, 10));
            assertErrno(Errno.FAULT, p.call("random_get", 0, -1));
        }
    }

    @Test
    void schedYieldSucceedsAndProcRaiseIsNotSupported() {
        try (Probe p = new Probe(Wasi.builder())) {
            assertErrno(Errno.SUCCESS, p.call("sched_yield"));
            assertErrno(Errno.NOSYS, p.call("proc_raise", 6));
            assertEquals(Errno.NOSYS, p.call("proc_raise", 0));
        }
    }
}
