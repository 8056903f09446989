package dev.weft.exec;

import dev.weft.code.InstructionDecoder.Bulk3;
import dev.weft.code.InstructionDecoder.Dst;
import dev.weft.code.InstructionDecoder.Segment;
import dev.weft.code.InstructionDecoder.SegmentBulk3;
import dev.weft.code.InstructionDecoder.Unary;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Semantics of loads and stores, and handlers of the memory instructions. The effective
 * address is the unsigned sum of the 32-bit address and the static offset (up to 2^33), so
 * it never wraps; the memory segment's own bounds check catches every out-of-bounds access,
 * which becomes the trap here.
 */
final class MemoryOps {
    private MemoryOps() {
    }

    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static long ea(int addr, int offset) {
        return Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(offset);
    }

    static int i32Load(Machine m, int addr, int offset) {
        try {
            return m.memory.get(I32, ea(addr, offset));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static long i64Load(Machine m, int addr, int offset) {
        try {
            return m.memory.get(I64, ea(addr, offset));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static int i32Load8S(Machine m, int addr, int offset) {
        try {
            return m.memory.get(I8, ea(addr, offset));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static int i32Load8U(Machine m, int addr, int offset) {
        return i32Load8S(m, addr, offset) & 0xFF;
    }

    static int i32Load16S(Machine m, int addr, int offset) {
        try {
            return m.memory.get(I16, ea(addr, offset));
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static int i32Load16U(Machine m, int addr, int offset) {
        return i32Load16S(m, addr, offset) & 0xFFFF;
    }

    static long i64Load8S(Machine m, int addr, int offset) {
        return i32Load8S(m, addr, offset);
    }

    static long i64Load8U(Machine m, int addr, int offset) {
        return i32Load8U(m, addr, offset);
    }

    static long i64Load16S(Machine m, int addr, int offset) {
        return i32Load16S(m, addr, offset);
    }

    static long i64Load16U(Machine m, int addr, int offset) {
        return i32Load16U(m, addr, offset);
    }

    static long i64Load32S(Machine m, int addr, int offset) {
        return i32Load(m, addr, offset);
    }

    static long i64Load32U(Machine m, int addr, int offset) {
        return Integer.toUnsignedLong(i32Load(m, addr, offset));
    }

    // Loads fused with the i32.add_imm that computed their address: addr + imm wraps at 32 bits,
    // as that add does, before the offset is added (which does not).

    static int i32LoadAddImm(Machine m, int addr, int imm, int offset) {
        return i32Load(m, addr + imm, offset);
    }

    static long i64LoadAddImm(Machine m, int addr, int imm, int offset) {
        return i64Load(m, addr + imm, offset);
    }

    static int i32Load8UAddImm(Machine m, int addr, int imm, int offset) {
        return i32Load8U(m, addr + imm, offset);
    }

    static void i32Store(Machine m, int addr, int offset, int value) {
        try {
            m.memory.set(I32, ea(addr, offset), value);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void i64Store(Machine m, int addr, int offset, long value) {
        try {
            m.memory.set(I64, ea(addr, offset), value);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void i32Store8(Machine m, int addr, int offset, int value) {
        try {
            m.memory.set(I8, ea(addr, offset), (byte) value);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    static void i32Store16(Machine m, int addr, int offset, int value) {
        try {
            m.memory.set(I16, ea(addr, offset), (short) value);
        } catch (IndexOutOfBoundsException e) {
            throw Traps.memoryOutOfBounds();
        }
    }

    // ------------------------------------------------------------------ memory instructions

    static int size(int pc, long w, long w2, long[] s, int fp, Machine m) {
        s[fp + Dst.dst(w, w2)] = (int) m.inst.memory.pages();
        return pc + Dst.SIZE;
    }

    static int grow(int pc, long w, long w2, long[] s, int fp, Machine m) {
        long delta = Integer.toUnsignedLong((int) s[fp + Unary.src(w, w2)]);
        s[fp + Unary.dst(w, w2)] = (int) m.inst.memory.grow(delta);
        m.refreshMemory();
        return pc + Unary.SIZE;
    }

    /** Bounds check of a bulk access: [at, at + n) must lie in [0, size). Both are unsigned 32-bit. */
    private static void check(int at, int n, long size) {
        if (Integer.toUnsignedLong(at) + Integer.toUnsignedLong(n) > size) {
            throw Traps.memoryOutOfBounds();
        }
    }

    /**
     * Bulk operations on memory go in chunks of this many bytes, looking between chunks whether
     * the call must stop: a fill of a gigabyte takes longer than the promised reaction time.
     */
    static final long CHUNK = 4L << 20;

    static int fill(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int dst = (int) s[fp + Bulk3.a(w, w2)];
        byte value = (byte) s[fp + Bulk3.b(w, w2)];
        int n = (int) s[fp + Bulk3.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        MemorySegment mem = m.memory;
        check(dst, n, mem.byteSize());
        long at = Integer.toUnsignedLong(dst);
        long end = at + Integer.toUnsignedLong(n);
        for (long from = at; from < end; from += CHUNK) {
            if (from != at) {
                m.pollBulk();
            }
            mem.asSlice(from, Math.min(CHUNK, end - from)).fill(value);
        }
        return pc + Bulk3.SIZE;
    }

    static int copy(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int dst = (int) s[fp + Bulk3.a(w, w2)];
        int src = (int) s[fp + Bulk3.b(w, w2)];
        int n = (int) s[fp + Bulk3.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        MemorySegment mem = m.memory;
        check(dst, n, mem.byteSize());
        check(src, n, mem.byteSize());
        long to = Integer.toUnsignedLong(dst);
        long from = Integer.toUnsignedLong(src);
        long length = Integer.toUnsignedLong(n);
        // Chunks in the direction that never overwrites source bytes not yet copied (memmove).
        for (long done = 0; done < length; done += CHUNK) {
            if (done != 0) {
                m.pollBulk();
            }
            long c = Math.min(CHUNK, length - done);
            long offset = to <= from ? done : length - done - c;
            MemorySegment.copy(mem, from + offset, mem, to + offset, c);
        }
        return pc + Bulk3.SIZE;
    }

    static int init(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int segment = SegmentBulk3.segment(w, w2);
        int dst = (int) s[fp + SegmentBulk3.a(w, w2)];
        int src = (int) s[fp + SegmentBulk3.b(w, w2)];
        int n = (int) s[fp + SegmentBulk3.c(w, w2)];
        if (m.bounds.chargeBulk(n, pc, fp) != 0) {
            return Machine.SUSPEND;
        }
        m.inst.initMemory(segment, dst, src, n);
        return pc + SegmentBulk3.SIZE;
    }

    static int dataDrop(int pc, long w, long w2, long[] s, int fp, Machine m) {
        m.inst.dataDropped[Segment.segment(w, w2)] = true;
        return pc + Segment.SIZE;
    }
}
