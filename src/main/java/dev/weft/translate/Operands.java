package dev.weft.translate;

import dev.weft.ValueType;
import dev.weft.code.ValueSlots;

import java.util.Arrays;

/**
 * The translator's model of the Wasm operand stack. Each entry is a provider of a value:
 * a local (from {@code local.get}), a constant, or a temporary living in the frame slots that
 * belong to its stack position ({@code tempBase + offset(height)}: one slot per entry below it,
 * two per v128, see {@link ValueSlots}). Providers cost no instruction; they become operands of
 * the instruction that consumes them.
 */
final class Operands {
    static final byte TEMP = 0;
    static final byte LOCAL = 1;
    static final byte CONST = 2;

    private byte[] kind = new byte[64];
    private int[] local = new int[64];
    private long[] bits = new long[64];
    /** The high 64 bits of v128 constants. */
    private long[] bitsHigh = new long[64];
    private ValueType[] type = new ValueType[64];
    /** Slot offset of each height from the first temporary: offset[h + 1] = offset[h] + width(type[h]). */
    private int[] offset = new int[65];
    /** How many LOCAL entries refer to each local: lets local.set skip the stack scan. */
    private int[] localUses = new int[16];
    int height;
    int maxHeight;
    /** The most temporary slots in use at once (maxHeight where no v128 is on the stack). */
    int maxSlots;
    /** Number of LOCAL entries on the stack. */
    private int localEntries;

    void reset(int locals) {
        height = 0;
        maxHeight = 0;
        maxSlots = 0;
        localEntries = 0;
        if (localUses.length < locals) {
            localUses = new int[Math.max(locals, localUses.length * 2)];
        } else {
            Arrays.fill(localUses, 0, locals, 0);
        }
    }

    private void ensure() {
        if (height == kind.length) {
            int n = kind.length * 2;
            kind = Arrays.copyOf(kind, n);
            local = Arrays.copyOf(local, n);
            bits = Arrays.copyOf(bits, n);
            bitsHigh = Arrays.copyOf(bitsHigh, n);
            type = Arrays.copyOf(type, n);
            offset = Arrays.copyOf(offset, n + 1);
        }
    }

    private void pushed() {
        int h = height;
        offset[h + 1] = offset[h] + ValueSlots.width(type[h]);
        if (++height > maxHeight) {
            maxHeight = height;
        }
        if (offset[height] > maxSlots) {
            maxSlots = offset[height];
        }
    }

    void pushTemp(ValueType t) {
        ensure();
        kind[height] = TEMP;
        type[height] = t;
        pushed();
    }

    void pushLocal(int index, ValueType t) {
        ensure();
        kind[height] = LOCAL;
        local[height] = index;
        type[height] = t;
        localUses[index]++;
        localEntries++;
        pushed();
    }

    void pushConst(ValueType t, long value) {
        ensure();
        kind[height] = CONST;
        bits[height] = value;
        type[height] = t;
        pushed();
    }

    /**
     * Pushes a v128 constant.
     *
     * @param low its low 64 bits
     * @param high its high 64 bits
     */
    void pushConstV128(long low, long high) {
        ensure();
        kind[height] = CONST;
        bits[height] = low;
        bitsHigh[height] = high;
        type[height] = ValueType.V128;
        pushed();
    }

    /** Removes the top entry. */
    void pop() {
        int h = --height;
        if (kind[h] == LOCAL) {
            localUses[local[h]]--;
            localEntries--;
        }
    }

    /** @param n entries to remove */
    void pop(int n) {
        for (int i = 0; i < n; i++) {
            pop();
        }
    }

    /** Marks entry h as a temporary (its value now sits in its own slot). */
    void becomeTemp(int h) {
        if (kind[h] == LOCAL) {
            localUses[local[h]]--;
            localEntries--;
        }
        kind[h] = TEMP;
    }

    /** Drops everything above height h (unreachable code, block ends). */
    void truncate(int h) {
        while (height > h) {
            pop();
        }
    }

    byte kind(int h) {
        return kind[h];
    }

    int local(int h) {
        return local[h];
    }

    long bits(int h) {
        return bits[h];
    }

    /** @return the high 64 bits of the v128 constant at h */
    long bitsHigh(int h) {
        return bitsHigh[h];
    }

    ValueType type(int h) {
        return type[h];
    }

    /**
     * @param h a height, at most {@link #height}
     * @return the slot offset of height h from the first temporary (h where no v128 lies below)
     */
    int offset(int h) {
        return offset[h];
    }

    void retype(int h, ValueType t) {
        type[h] = t;
    }

    int localEntries() {
        return localEntries;
    }

    int uses(int localIndex) {
        return localUses[localIndex];
    }

    int top() {
        return height - 1;
    }
}
