package dev.weft.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A limit on something an engine's instances hold outside the garbage collector's view, and how
 * much of it is held: the bytes of their linear memories (off-heap), or the number of live
 * instances. Releasing is the owner's job ({@code close()}, or a {@link java.lang.ref.Cleaner}
 * once the owner is unreachable), so a host that forgets to close can hold the whole budget
 * with garbage. When a reservation does not fit, the budget therefore first asks the garbage
 * collector to find such garbage and waits a little for the cleaners to release it, as the JDK
 * does for direct buffers ({@code -XX:MaxDirectMemorySize}); only then does the reservation fail.
 * Thread-safe.
 */
public final class Budget {
    /** No limit (memories a host creates itself). */
    public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE);

    /** The most a reservation waits for the cleaners in all: half a second, in doubling sleeps. */
    private static final int WAITS = 9;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limit the most that may be held at once */
    public Budget(long limit) {
        this.limit = limit;
    }

    /** @return the limit */
    public long limit() {
        return limit;
    }

    /** @return how much is held now */
    public long used() {
        return used.get();
    }

    /**
     * Takes {@code amount} from the budget, reclaiming garbage first if it does not fit.
     *
     * @param amount how much, at least 0
     * @return false if it does not fit even after reclamation (nothing is taken)
     */
    public boolean reserve(long amount) {
        if (tryReserve(amount)) {
            return true;
        }
        if (amount > limit) {
            return false;
        }
        System.gc(); // finds what unreachable owners still hold; their cleaners then release it
        long sleep = 1_000_000;
        for (int i = 0; i < WAITS; i++) {
            if (tryReserve(amount)) {
                return true;
            }
            LockSupport.parkNanos(sleep);
            sleep *= 2;
        }
        return tryReserve(amount);
    }

    private boolean tryReserve(long amount) {
        for (;;) {
            long now = used.get();
            if (amount > limit - now) {
                return false;
            }
            if (used.compareAndSet(now, now + amount)) {
                return true;
            }
        }
    }

    /** @param amount what an earlier {@link #reserve} took, given back */
    public void release(long amount) {
        used.addAndGet(-amount);
    }

    @Override
    public String toString() {
        return used() + " of " + (limit == Long.MAX_VALUE ? "unlimited" : limit);
    }
}
