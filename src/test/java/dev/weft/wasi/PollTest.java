package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poll_oneoff}: clock subscriptions wait, descriptor subscriptions are ready at once. */
class PollTest {
    /** Subscriptions under construction in guest memory. */
    private static final class Subscriptions {
        final Probe p;
        final int base;
        int count;

        Subscriptions(Probe p, int max) {
            this.p = p;
            this.base = p.alloc(max * PollCalls.SUBSCRIPTION_SIZE);
        }

        Subscriptions clock(long userdata, int clock, long timeout, boolean absolute) {
            int s = base + count++ * PollCalls.SUBSCRIPTION_SIZE;
            p.setI64(s, userdata);
            p.setU8(s + 8, PollCalls.EVENTTYPE_CLOCK);
            p.setI32(s + 16, clock);
            p.setI64(s + 24, timeout);
            p.setI64(s + 32, 0);
            p.setU16(s + 40, absolute ? PollCalls.SUBCLOCKFLAGS_ABSTIME : 0);
            return this;
        }

        Subscriptions fd(long userdata, int type, int fd) {
            int s = base + count++ * PollCalls.SUBSCRIPTION_SIZE;
            p.setI64(s, userdata);
            p.setU8(s + 8, type);
            p.setI32(s + 16, fd);
            return this;
        }
    }

    private record Event(long userdata, int error, int type, long nbytes) {
    }

    private static Event[] poll(Subscriptions subs) {
        Probe p = subs.p;
        int out = p.alloc(subs.count * PollCalls.EVENT_SIZE);
        int n = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call("poll_oneoff", subs.base, out, subs.count, n));
        Event[] events = new Event[p.i32(n)];
        for (int i = 0; i < events.length; i++) {
            int e = out + i * PollCalls.EVENT_SIZE;
            events[i] = new Event(p.i64(e), p.u16(e + 8), p.u8(e + 10), p.i64(e + 16));
        }
        return events;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void aRelativeClockSleepsForItsTimeout() {
        try (Probe p = new Probe(Wasi.builder())) {
            long start = System.nanoTime();
            Event[] events = poll(new Subscriptions(p, 1).clock(77, Clocks.MONOTONIC, 30_000_000L, false));
            assertTrue(millisSince(start) >= 30, "slept " + millisSince(start) + " ms");
            assertEquals(1, events.length);
            assertEquals(new Event(77, Errno.SUCCESS, PollCalls.EVENTTYPE_CLOCK, 0), events[0]);
        }
    }

    @Test
    void theEarliestClockEndsTheWaitAndOnlyDueClocksAreReported() {
        try (Probe p = new Probe(Wasi.builder())) {
            long start = System.nanoTime();
            Event[] events = poll(new Subscriptions(p, 2)
                    .clock(1, Clocks.MONOTONIC, 60_000_000_000L, false)
                    .clock(2, Clocks.REALTIME, 10_000_000L, false));
            long waited = millisSince(start);
            assertTrue(waited >= 10 && waited < 30_000, "waited " + waited + " ms");
            assertEquals(1, events.length);
            assertEquals(2, events[0].userdata());
        }
    }

    @Test
    void absoluteDeadlinesOnBothClocks() {
        try (Probe p = new Probe(Wasi.builder())) {
            int out = p.alloc(8);
            assertErrno(Errno.SUCCESS, p.call("clock_time_get", Clocks.MONOTONIC, 0L, out));
            long start = System.nanoTime();
            Event[] past = poll(new Subscriptions(p, 1).clock(5, Clocks.MONOTONIC, p.i64(out), true));
            assertTrue(millisSince(start) < 1000, "a deadline in the past does not wait");
            assertEquals(5, past[0].userdata());

            assertErrno(Errno.SUCCESS, p.call("clock_time_get", Clocks.REALTIME, 0L, out));
            start = System.nanoTime();
            Event[] future = poll(new Subscriptions(p, 1).clock(6, Clocks.REALTIME, p.i64(out) + 25_000_000L, true));
            assertTrue(millisSince(start) >= 20, "waited " + millisSince(start) + " ms for a realtime deadline");
            assertEquals(6, future[0].userdata());
        }
    }

    @Test
    void descriptorsAreReadyAtOnceWithTheBytesAvailable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data"), "0123456789");
        ByteArrayInputStream stdin = new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8));
        try (Probe p = new Probe(Wasi.builder().stdin(stdin).stdout(new ByteArrayOutputStream()).preopen(dir, "."))) {
            int file = p.open(3, "data", 0, Probe.READ_RIGHTS, 0);
            p.seek(file, 4, ReadWriteCalls.WHENCE_SET);
            long start = System.nanoTime();
            Event[] events = poll(new Subscriptions(p, 5)
                    .clock(1, Clocks.MONOTONIC, 60_000_000_000L, false)
                    .fd(2, PollCalls.EVENTTYPE_FD_READ, 0)
                    .fd(3, PollCalls.EVENTTYPE_FD_WRITE, 1)
                    .fd(4, PollCalls.EVENTTYPE_FD_READ, file)
                    .fd(5, PollCalls.EVENTTYPE_FD_READ, 99));
            assertTrue(millisSince(start) < 30_000, "did not wait for the clock");
            assertEquals(4, events.length, "the clock is not due");
            assertEquals(new Event(2, Errno.SUCCESS, PollCalls.EVENTTYPE_FD_READ, 3), events[0]);
            assertEquals(new Event(3, Errno.SUCCESS, PollCalls.EVENTTYPE_FD_WRITE, 0), events[1]);
            assertEquals(new Event(4, Errno.SUCCESS, PollCalls.EVENTTYPE_FD_READ, 6), events[2]);
            assertEquals(new Event(5, Errno.BADF, PollCalls.EVENTTYPE_FD_READ, 0), events[3]);
        }
    }

    @Test
    void cpuClocksAndUnknownClocksGetAnErrorEvent() {
        try (Probe p = new Probe(Wasi.builder())) {
            Event[] events = poll(new Subscriptions(p, 2)
                    .clock(1, Clocks.PROCESS_CPUTIME, 1_000L, false)
                    .clock(2, 9, 1_000L, false));
            assertEquals(2, events.length);
            assertEquals(Errno.NOTSUP, events[0].error());
            assertEquals(Errno.INVAL, events[1].error());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Probe p = new Probe(Wasi.builder())) {
            Subscriptions one = new Subscriptions(p, 1).clock(1, Clocks.MONOTONIC, 0, false);
            int out = p.alloc(PollCalls.EVENT_SIZE);
            int n = p.alloc(4);
            assertErrno(Errno.INVAL, p.call("poll_oneoff", one.base, out, 0, n), "no subscriptions");
            Subscriptions bad = new Subscriptions(p, 1).fd(1, 7, 0);
            assertErrno(Errno.INVAL, p.call("poll_oneoff", bad.base, out, 1, n), "unknown event type");
            int end = p.memorySize();
            assertErrno(Errno.FAULT, p.call("poll_oneoff", end - 40, out, 1, n), "subscriptions outside memory");
            assertErrno(Errno.FAULT, p.call("poll_oneoff", one.base, end - 16, 1, n), "events outside memory");
            assertErrno(Errno.FAULT, p.call("poll_oneoff", one.base, out, 1, end), "count outside memory");
            assertErrno(Errno.FAULT, p.call("poll_oneoff", one.base, out, 100_000_000, n), "more than memory holds");
        }
    }
}
