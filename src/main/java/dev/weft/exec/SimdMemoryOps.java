package dev.weft.exec;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Semantics of the v128 loads and stores. As for {@link MemoryOps}, the effective address is the
 * unsigned sum of address and static offset, and the memory segment's own bounds check catches
 * every out-of-bounds access, which becomes the trap. A 16-byte store writes its high half
 * first: if that is out of bounds nothing has been written, and if it is not, neither is the
 * low half, so a trapping store never changes memory.
 */
final class SimdMemoryOps {
    private SimdMemoryOps() {
    }

    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static long ea(int addr, int offset) {
        return Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(offset);
    }

    private static long i64(Machine m, long ea) {
        try {
            return m.memory.get(I64, ea);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    private static long u32(Machine m, long ea) {
        try {
            return Integer.toUnsignedLong(m.memory.get(I32, ea));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    private static long u16(Machine m, long ea) {
        try {
            return m.memory.get(I16, ea) & 0xFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    private static long u8(Machine m, long ea) {
        try {
            return m.memory.get(I8, ea) & 0xFFL;
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    // ------------------------------------------------------------------ loads

    static void load(long[] s, int d, Machine m, int addr, int offset) {
        long ea = ea(addr, offset);
        long lo = i64(m, ea);
        s[d + 1] = i64(m, ea + 8);
        s[d] = lo;
    }

    static void load8x8S(long[] s, int d, Machine m, int addr, int offset) {
        I16x8Ops.extendLowS(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load8x8U(long[] s, int d, Machine m, int addr, int offset) {
        I16x8Ops.extendLowU(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load16x4S(long[] s, int d, Machine m, int addr, int offset) {
        I32x4Ops.extendLowS(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load16x4U(long[] s, int d, Machine m, int addr, int offset) {
        I32x4Ops.extendLowU(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load32x2S(long[] s, int d, Machine m, int addr, int offset) {
        I64x2Ops.extendLowS(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load32x2U(long[] s, int d, Machine m, int addr, int offset) {
        I64x2Ops.extendLowU(s, d, i64(m, ea(addr, offset)), 0);
    }

    static void load8Splat(long[] s, int d, Machine m, int addr, int offset) {
        V128Ops.splat64(s, d, u8(m, ea(addr, offset)) * Lanes.ONES8);
    }

    static void load16Splat(long[] s, int d, Machine m, int addr, int offset) {
        V128Ops.splat64(s, d, u16(m, ea(addr, offset)) * Lanes.ONES16);
    }

    static void load32Splat(long[] s, int d, Machine m, int addr, int offset) {
        V128Ops.splat64(s, d, u32(m, ea(addr, offset)) * 0x1_0000_0001L);
    }

    static void load64Splat(long[] s, int d, Machine m, int addr, int offset) {
        V128Ops.splat64(s, d, i64(m, ea(addr, offset)));
    }

    static void load32Zero(long[] s, int d, Machine m, int addr, int offset) {
        s[d] = u32(m, ea(addr, offset));
        s[d + 1] = 0;
    }

    static void load64Zero(long[] s, int d, Machine m, int addr, int offset) {
        s[d] = i64(m, ea(addr, offset));
        s[d + 1] = 0;
    }

    // ------------------------------------------------------------------ loads into one lane

    static void load8Lane(long[] s, int d, Machine m, int addr, int offset, long lo, long hi, int lane) {
        long v = u8(m, ea(addr, offset));
        V128Ops.copy(s, d, lo, hi);
        Lanes.setLane(s, d, 8, lane, v);
    }

    static void load16Lane(long[] s, int d, Machine m, int addr, int offset, long lo, long hi, int lane) {
        long v = u16(m, ea(addr, offset));
        V128Ops.copy(s, d, lo, hi);
        Lanes.setLane(s, d, 16, lane, v);
    }

    static void load32Lane(long[] s, int d, Machine m, int addr, int offset, long lo, long hi, int lane) {
        long v = u32(m, ea(addr, offset));
        V128Ops.copy(s, d, lo, hi);
        Lanes.setLane(s, d, 32, lane, v);
    }

    static void load64Lane(long[] s, int d, Machine m, int addr, int offset, long lo, long hi, int lane) {
        long v = i64(m, ea(addr, offset));
        V128Ops.copy(s, d, lo, hi);
        Lanes.setLane(s, d, 64, lane, v);
    }

    // ------------------------------------------------------------------ stores

    static void store(Machine m, int addr, int offset, long lo, long hi) {
        long ea = ea(addr, offset);
        try {
            m.memory.set(I64, ea + 8, hi); // first: see the class comment
            m.memory.set(I64, ea, lo);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void store8Lane(Machine m, int addr, int offset, long lo, long hi, int lane) {
        try {
            m.memory.set(I8, ea(addr, offset), (byte) Lanes.lane(lo, hi, 8, lane));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void store16Lane(Machine m, int addr, int offset, long lo, long hi, int lane) {
        try {
            m.memory.set(I16, ea(addr, offset), (short) Lanes.lane(lo, hi, 16, lane));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void store32Lane(Machine m, int addr, int offset, long lo, long hi, int lane) {
        try {
            m.memory.set(I32, ea(addr, offset), (int) Lanes.lane(lo, hi, 32, lane));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void store64Lane(Machine m, int addr, int offset, long lo, long hi, int lane) {
        try {
            m.memory.set(I64, ea(addr, offset), lane == 0 ? lo : hi);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }
}
