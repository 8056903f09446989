package dev.weft.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How running calls learn that something outside them changed: one JVM-wide counter, the
 * <em>epoch</em>, that every running machine compares with the value it saw last, at each loop
 * back-edge and call ({@link Machine}). Whoever wants running calls to look again raises it:
 * {@link dev.weft.Execution#interrupt()}, {@link dev.weft.Instance#close()}, and the watchdog
 * thread below, once a millisecond while any call has a deadline. A machine that sees a new epoch
 * checks, on its slow path, whether any of it concerns its own call; most of the time nothing
 * does, and it carries on.
 *
 * <p>Why one global counter: the check on the hot path is a single load the JIT cannot hoist out
 * of the loop (an opaque read: a plain field read is hoisted and never sees the change, see
 * design/jvm-runtime-notes.md) and a compare, and nobody has to know which machines are running
 * where. Events are rare (closes, interrupts) or cheap to look at (a deadline tick costs each
 * running machine a {@code System.nanoTime()} a millisecond).
 */
public final class Attention {
    private Attention() {
    }

    private static volatile long epoch;
    private static final VarHandle EPOCH;
    /** How often the watchdog raises the epoch while calls have deadlines. */
    static final long TICK_NANOS = 1_000_000;
    /** Calls running with a deadline: the watchdog ticks while this is positive. */
    private static final AtomicInteger ARMED = new AtomicInteger();
    /** Counts instance and memory closes, so a machine walks its frames for closed instances only after one. */
    private static final AtomicLong CLOSES = new AtomicLong();
    private static volatile Thread watchdog;

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

    /** A call with a deadline starts: the watchdog ticks until it ends ({@link #disarm()}). */
    static void arm() {
        if (ARMED.getAndIncrement() == 0) {
            Thread t = watchdog;
            if (t == null) {
                startWatchdog();
            } else {
                LockSupport.unpark(t);
            }
        }
    }

    /** A call with a deadline ended. */
    static void disarm() {
        ARMED.decrementAndGet();
    }

    private static synchronized void startWatchdog() {
        if (watchdog != null) {
            LockSupport.unpark(watchdog);
            return;
        }
        Thread t = Thread.ofPlatform().daemon().name("weft-deadline-watchdog").unstarted(Attention::tick);
        t.setPriority(Thread.MAX_PRIORITY);
        watchdog = t;
        t.start();
    }

    /** The watchdog: raises the epoch every {@link #TICK_NANOS} while deadlines are armed, else sleeps. */
    private static void tick() {
        for (;;) {
            if (ARMED.get() > 0) {
                LockSupport.parkNanos(TICK_NANOS);
                raise();
            } else {
                LockSupport.park();
            }
        }
    }
}
