package dev.weft.code;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop cost table of {@link CompiledCode#loopCost}: from the offset backward branches jump to
 * (a loop's start) to the fuel of one iteration. An open-addressing hash table of {@code long}s,
 * each entry {@code (offset + 1) << 32 | cost} written whole, so that it can be read without a
 * lock while functions are being translated and added: one writer at a time (the code's lock)
 * inserts entries in place, or publishes a larger copy when the table is half full. Entries of a
 * function are added before the function's entry is published, so a machine running the function
 * always finds them. Read only when fuel is metered, on a back-edge that misses the machine's
 * one-entry cache.
 */
public final class LoopCosts {
    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[] table = new long[16];
    private int size;

    /**
     * Records the cost of the loop starting at {@code target} (again: the larger cost stays).
     * Under the code's lock.
     *
     * @param target offset of the loop's first instruction, or of the instruction its rotated
     *     back-edges jump to
     * @param cost fuel per iteration, at least 1
     */
    void put(int target, int cost) {
        long[] t = table;
        if ((size + 1) * 2 > t.length) {
            long[] bigger = new long[t.length * 2];
            for (long e : t) {
                if (e != 0) {
                    insert(bigger, e);
                }
            }
            t = bigger;
            table = t; // published before the new entry, which goes into the table readers now see
        }
        long e = (long) (target + 1) << 32 | cost;
        int mask = t.length - 1;
        for (int i = hash(target) & mask; ; i = (i + 1) & mask) {
            long old = t[i];
            if (old == 0) {
                ENTRY.setRelease(t, i, e);
                size++;
                return;
            }
            if ((int) (old >>> 32) == target + 1) {
                if ((int) old < cost) {
                    ENTRY.setRelease(t, i, e);
                }
                return;
            }
        }
    }

    private static void insert(long[] t, long e) {
        int mask = t.length - 1;
        int target = (int) (e >>> 32) - 1;
        for (int i = hash(target) & mask; ; i = (i + 1) & mask) {
            if (t[i] == 0) {
                t[i] = e;
                return;
            }
        }
    }

    /**
     * @param target an offset
     * @return the cost recorded for it, or 1 if none
     */
    int lookup(int target) {
        long[] t = table;
        int mask = t.length - 1;
        for (int i = hash(target) & mask; ; i = (i + 1) & mask) {
            long e = t[i];
            if ((int) (e >>> 32) == target + 1) {
                return (int) e;
            }
            if (e == 0) {
                return 1;
            }
        }
    }

    private static int hash(int target) {
        int h = target * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
