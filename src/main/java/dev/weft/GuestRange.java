package dev.weft;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Bounds checks and layouts for {@link Memory}'s typed accessors: guest addresses and lengths are
 * unsigned 32-bit values, WebAssembly data is little-endian and may be unaligned, and a range
 * outside the memory is the trap a WebAssembly load or store would raise there.
 */
final class GuestRange {
    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** The longest Java array the JDK reliably allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private GuestRange() {
    }

    /**
     * Checks that {@code length} bytes at {@code address} lie inside the memory.
     *
     * @param memory the memory's current view
     * @param address a guest address, unsigned
     * @param length a byte count, non-negative
     * @return the address as a non-negative offset
     * @throws TrapException (out of bounds memory access) if the range leaves the memory
     */
    static long check(MemorySegment memory, int address, long length) {
        long offset = Integer.toUnsignedLong(address);
        if (length > memory.byteSize() - offset) {
            throw outOfBounds(offset, length, memory.byteSize());
        }
        return offset;
    }

    /**
     * Like {@link #check}, for a range that is copied into a Java array or string.
     *
     * @throws IllegalArgumentException if the range is inside the memory but longer than a Java array can be
     */
    static long checkArray(MemorySegment memory, int address, int length) {
        long bytes = Integer.toUnsignedLong(length);
        long offset = check(memory, address, bytes);
        if (bytes > MAX_ARRAY) {
            throw new IllegalArgumentException(bytes + " bytes do not fit a Java array");
        }
        return offset;
    }

    /**
     * Finds the NUL that ends a C string.
     *
     * @return the string's length in bytes, without the NUL
     * @throws TrapException (out of bounds memory access) if the address is outside the memory or no NUL follows it there
     */
    static int cStringLength(MemorySegment memory, int address) {
        long start = check(memory, address, 1);
        long size = memory.byteSize();
        for (long i = start; i < size; i++) {
            if (memory.get(ValueLayout.JAVA_BYTE, i) == 0) {
                long length = i - start;
                if (length > MAX_ARRAY) {
                    throw new IllegalArgumentException(length + " bytes do not fit a Java array");
                }
                return (int) length;
            }
        }
        throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.message()
                + ": no NUL ends the string at 0x" + Long.toHexString(start) + " before the end of the memory ("
                + size + " bytes)");
    }

    static TrapException outOfBounds(long offset, long length, long size) {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.message()
                + ": " + length + " bytes at 0x" + Long.toHexString(offset) + " in a memory of " + size + " bytes");
    }
}
