package dev.weft.code;

import java.util.Arrays;

/**
 * Builds and reads the loop cost table of {@link CompiledCode#loopCost}: an open-addressing hash
 * table from the offset backward branches jump to (a loop's start) to the fuel of one iteration.
 * Read only when fuel is metered, at loop back-edges, so it is a flat {@code int[]} of pairs with
 * linear probing: one or two array reads per lookup.
 */
public final class LoopCosts {
    private static final int[] EMPTY = new int[2];

    private int[] table = new int[32];
    private int size;

    /** @return a table with no loops */
    public static int[] empty() {
        return EMPTY;
    }

    /**
     * Records the cost of the loop starting at {@code target} (again: the larger cost stays).
     *
     * @param target offset of the loop's first instruction, or of the instruction its rotated
     *     back-edges jump to
     * @param cost fuel per iteration, at least 1
     */
    public void put(int target, int cost) {
        if ((size + 1) * 4 > table.length) { // keep the load under one half
            int[] old = table;
            table = new int[old.length * 2];
            size = 0;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    put(old[i] - 1, old[i + 1]);
                }
            }
        }
        int mask = table.length / 2 - 1;
        for (int i = hash(target) & mask; ; i = (i + 1) & mask) {
            int key = table[2 * i];
            if (key == 0) {
                table[2 * i] = target + 1;
                table[2 * i + 1] = cost;
                size++;
                return;
            }
            if (key == target + 1) {
                table[2 * i + 1] = Math.max(table[2 * i + 1], cost);
                return;
            }
        }
    }

    /** @return the table */
    public int[] build() {
        return size == 0 ? EMPTY : Arrays.copyOf(table, table.length);
    }

    /**
     * @param table a table from {@link #build()}
     * @param target an offset
     * @return the cost recorded for it, or 1 if none
     */
    static int lookup(int[] table, int target) {
        int mask = table.length / 2 - 1;
        for (int i = hash(target) & mask; ; i = (i + 1) & mask) {
            int key = table[2 * i];
            if (key == target + 1) {
                return table[2 * i + 1];
            }
            if (key == 0) {
                return 1;
            }
        }
    }

    private static int hash(int target) {
        int h = target * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
