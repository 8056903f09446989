package dev.weft.translate;

import dev.weft.ValueType;

import java.util.Arrays;

/**
 * The translator's model of the Wasm operand stack. Each entry is a provider of a value:
 * a local (from {@code local.get}), a constant, or a temporary living in the frame slot that
 * belongs to its stack position ({@code tempBase + height}). Providers cost no instruction;
 * they become operands of the instruction that consumes them.
 */
final class Operands {
    static final byte TEMP = 0;
    static final byte LOCAL = 1;
    static final byte CONST = 2;

    private byte[] kind = new byte[64];
    private int[] local = new int[64];
    private long[] bits = new long[64];
    private ValueType[] type = new ValueType[64];
    /** How many LOCAL entries refer to each local: lets local.set skip the stack scan. */
    private int[] localUses = new int[16];
    int height;
    int maxHeight;
    /** Number of LOCAL entries on the stack. */
    private int localEntries;

    void reset(int locals) {
        height = 0;
        maxHeight = 0;
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
            type = Arrays.copyOf(type, n);
        }
    }

    private void pushed() {
        if (++height > maxHeight) {
            maxHeight = height;
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

    ValueType type(int h) {
        return type[h];
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
