package dev.weft.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How running calls learn that something outside them changed: one JVM-wide counter, the
 * <em>epoch</em>, that every running machine compares with the value it saw last, at each loop
 * back-edge and call ({@link Machine}). Whoever wants running calls to look again raises it:
 * {@link dev.weft.Execution#interrupt()}, {@link dev.weft.Instance#close()}, and the watchdog
 * thread below, when a running call's deadline passes. A machine that sees a new epoch checks, on
 * its slow path, whether any of it concerns its own call; most of the time nothing does, and it
 * carries on.
 *
 * <p>Why one global counter: the check on the hot path is a single load the JIT cannot hoist out
 * of the loop (an opaque read: a plain field read is hoisted and never sees the change, see
 * design/jvm-runtime-notes.md) and a compare, and nobody has to know which machines are running
 * where. Events are rare: closes, interrupts, and deadlines that pass.
 *
 * <p>Why the watchdog sleeps until the earliest deadline instead of ticking: with a tick, every
 * running call took its slow path once per tick, so the JIT profiled that path as taken and
 * compiled it into the interpreter's loop; measured, one JVM in three then ran its loops up to
 * 1.6x slower with a deadline armed (docs/performance.md). Raised only when a deadline is due,
 * the slow path stays as cold as it is without deadlines.
 */
public final class Attention {
    private Attention() {
    }

    private static volatile long epoch;
    private static final VarHandle EPOCH;
    /** A running call's deadline ({@link System#nanoTime()} based); {@code id} tells equal deadlines apart. */
    private record Armed(long deadline, long id) implements Comparable<Armed> {
        @Override
        public int compareTo(Armed o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /** The deadlines of running calls, earliest first. */
    private static final ConcurrentSkipListSet<Armed> DEADLINES = new ConcurrentSkipListSet<>();
    private static final AtomicLong IDS = new AtomicLong();
    /** Counts instance and memory closes, so a machine walks its frames for closed instances only after one. */
    private static final AtomicLong CLOSES = new AtomicLong();
    private static volatile Thread watchdog;
    /**
     * The deadline the watchdog signalled last: it waits for the first one after it. A deadline
     * signalled stays armed until its call ends, so the earliest armed deadline is not always the
     * one the watchdog waits for (see {@link #arm}).
     */
    private static volatile Armed signalled = new Armed(Long.MIN_VALUE, Long.MIN_VALUE);

    static {
        try {
            EPOCH = MethodHandles.lookup().findStaticVarHandle(Attention.class, "epoch", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return the epoch, read opaquely: cheap, never hoisted, eventually up to date */
    static long epoch() {
        return (long) EPOCH.getOpaque();
    }

    /** @return the epoch, read with full (volatile) ordering, for the slow path */
    static long epochNow() {
        return epoch;
    }

    /** Makes every running call look at its bounds at its next back-edge or call. */
    public static void raise() {
        EPOCH.getAndAdd(1L);
    }

    /** Records that an instance or memory was closed, then {@link #raise()}s. */
    public static void closed() {
        CLOSES.incrementAndGet();
        raise();
    }

    /** @return how many closes there have been */
    static long closes() {
        return CLOSES.get();
    }

    /**
     * A call with a deadline starts: the watchdog raises the epoch when the deadline passes, unless
     * the call has ended ({@link #disarm}) by then.
     *
     * @param deadline the deadline, in {@link System#nanoTime()}'s terms
     * @return the token to disarm it with
     */
    static Object arm(long deadline) {
        Armed armed = new Armed(deadline, IDS.incrementAndGet());
        DEADLINES.add(armed);
        Thread t = watchdog;
        if (t == null) {
            startWatchdog();
        } else if (firstNotSignalled(armed)) {
            LockSupport.unpark(t);
        }
        return armed;
    }

    /**
     * Whether {@code armed} is the first deadline not signalled yet: the watchdog then sleeps until
     * a later one, or with nothing to wait for (an earlier deadline, signalled, may still be armed:
     * a call running past its deadline in a host function). Both sides write, then read the other's
     * volatile state ({@code arm} adds, then reads {@link #signalled}; the watchdog writes it, then
     * looks for the next), so one of them sees the other: either the watchdog finds this deadline
     * or it is woken. The earliest armed deadline answers most cases; the search past the last
     * signalled one, which costs a call some 5 % more, is needed only when that one is signalled.
     */
    private static boolean firstNotSignalled(Armed armed) {
        Armed last = signalled;
        Armed first = DEADLINES.first();
        if (first == armed) {
            return true;
        }
        return first.compareTo(last) <= 0 && DEADLINES.higher(last) == armed;
    }

    /**
     * A call with a deadline ended.
     *
     * @param token what {@link #arm} returned
     */
    static void disarm(Object token) {
        DEADLINES.remove((Armed) token);
    }

    private static synchronized void startWatchdog() {
        if (watchdog != null) {
            LockSupport.unpark(watchdog);
            return;
        }
        Thread t = Thread.ofPlatform().daemon().name("weft-deadline-watchdog").unstarted(Attention::watch);
        t.setPriority(Thread.MAX_PRIORITY);
        watchdog = t;
        t.start();
    }

    /**
     * The watchdog: sleeps until the earliest deadline not signalled yet, raises the epoch when it
     * passes, and sleeps while there is none. A deadline is signalled once; the call it belongs to
     * sees the new epoch at its next back-edge or call (or when a host function it is in returns).
     */
    private static void watch() {
        for (;;) {
            Armed next = DEADLINES.higher(signalled);
            if (next == null) {
                LockSupport.park();
                continue;
            }
            long wait = next.deadline - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue; // woken early, or for an earlier deadline: look again
            }
            signalled = next;
            raise();
        }
    }
}
