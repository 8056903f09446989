package dev.weft.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code poll_oneoff}: waits for clock subscriptions; file descriptor subscriptions report ready
 * at once.
 *
 * <p>Subscriptions are 48 bytes ({@code userdata} u64; tag u8 at 8: 0 clock, 1 fd_read, 2
 * fd_write; a clock's id u32 at 16, timeout u64 at 24, precision u64 at 32, flags u16 at 40; an
 * fd's number u32 at 16). Events are 32 bytes ({@code userdata} u64, {@code error} u16 at 8,
 * {@code type} u8 at 10, {@code nbytes} u64 at 16, {@code flags} u16 at 24).
 *
 * <p>If any descriptor subscription is present the call returns without sleeping: a readable
 * file reports the bytes left before its end, stdin what {@link java.io.InputStream#available()}
 * says (which may be 0: Java cannot wait for a stream without reading it), anything writable 0;
 * a closed descriptor gets an event with {@code EBADF}. Otherwise the call sleeps until the
 * earliest clock deadline and reports every clock subscription due by then. Realtime and monotonic
 * clocks can be waited on, relative or absolute ({@code subscription_clock_abstime}); the CPU-time
 * clocks get an event with {@code ENOTSUP}, unknown clocks {@code EINVAL}. An interrupt of the
 * waiting thread ends the call with {@code EINTR}.
 */
final class PollCalls {
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAGS_ABSTIME = 1;

    private final FdTable fds;
    private final Clocks clocks;

    PollCalls(FdTable fds, Clocks clocks) {
        this.fds = fds;
        this.clocks = clocks;
    }

    private record Event(long userdata, int error, int type, long nbytes) {
    }

    private record Timer(long userdata, long deadline) {
    }

    int pollOneoff(GuestMemory m, int in, int out, int count, int eventsPointer) throws IOException {
        if (count == 0) {
            throw new WasiError(Errno.INVAL);
        }
        long n = Integer.toUnsignedLong(count);
        m.check(in, n * SUBSCRIPTION_SIZE);
        m.check(out, n * EVENT_SIZE);
        m.check(eventsPointer, 4);
        List<Event> ready = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        long now = clocks.monotonic();
        for (int i = 0; i < count; i++) {
            int s = in + i * SUBSCRIPTION_SIZE;
            long userdata = m.i64(s);
            int tag = m.u8(s + 8);
            switch (tag) {
                case EVENTTYPE_CLOCK -> {
                    int id = m.i32(s + 16);
                    long timeout = m.i64(s + 24);
                    boolean absolute = (m.u16(s + 40) & SUBCLOCKFLAGS_ABSTIME) != 0;
                    switch (id) {
                        case Clocks.MONOTONIC, Clocks.REALTIME ->
                                timers.add(new Timer(userdata, deadline(id, timeout, absolute, now)));
                        case Clocks.PROCESS_CPUTIME, Clocks.THREAD_CPUTIME ->
                                ready.add(new Event(userdata, Errno.NOTSUP, tag, 0));
                        default -> ready.add(new Event(userdata, Errno.INVAL, tag, 0));
                    }
                }
                case EVENTTYPE_FD_READ, EVENTTYPE_FD_WRITE -> ready.add(fdEvent(userdata, tag, m.i32(s + 16)));
                default -> throw new WasiError(Errno.INVAL);
            }
        }
        if (ready.isEmpty()) {
            long earliest = Long.MAX_VALUE;
            for (Timer t : timers) {
                earliest = Math.min(earliest, t.deadline());
            }
            if (!sleepUntil(earliest)) {
                throw new WasiError(Errno.INTR);
            }
        }
        long reached = clocks.monotonic();
        for (Timer t : timers) {
            if (t.deadline() <= reached) {
                ready.add(new Event(t.userdata(), Errno.SUCCESS, EVENTTYPE_CLOCK, 0));
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            Event e = ready.get(i);
            int at = out + i * EVENT_SIZE;
            m.zero(at, EVENT_SIZE);
            m.setI64(at, e.userdata());
            m.setU16(at + 8, e.error());
            m.setU8(at + 10, e.type());
            m.setI64(at + 16, e.nbytes());
        }
        m.setI32(eventsPointer, ready.size());
        return Errno.SUCCESS;
    }

    /** A deadline on the monotonic clock; timeouts are unsigned and saturate. */
    private long deadline(int clock, long timeout, boolean absolute, long now) {
        if (!absolute) {
            return timeout < 0 || timeout > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeout;
        }
        if (clock == Clocks.MONOTONIC) {
            return timeout < 0 ? Long.MAX_VALUE : timeout;
        }
        long fromNow = timeout - clocks.realtime(); // absolute wall-clock time: how far ahead it is now
        return fromNow <= 0 ? now : fromNow > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + fromNow;
    }

    private Event fdEvent(long userdata, int type, int fd) throws IOException {
        Descriptor d = fds.find(fd);
        if (d == null) {
            return new Event(userdata, Errno.BADF, type, 0);
        }
        if ((d.rightsBase & Rights.POLL_FD_READWRITE) == 0) {
            return new Event(userdata, Errno.NOTCAPABLE, type, 0);
        }
        long nbytes = 0;
        if (type == EVENTTYPE_FD_READ) {
            nbytes = switch (d) {
                case OpenFile f -> Math.max(0, f.channel.size() - f.channel.position());
                case StdioStream s -> s.available();
                case OpenDirectory dir -> 0;
            };
        }
        return new Event(userdata, Errno.SUCCESS, type, nbytes);
    }

    /** @return false if the thread was interrupted before the deadline */
    private boolean sleepUntil(long deadline) {
        while (true) {
            long remaining = deadline - clocks.monotonic();
            if (remaining <= 0) {
                return true;
            }
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(remaining);
        }
    }
}
