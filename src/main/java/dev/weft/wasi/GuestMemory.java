package dev.weft.wasi;

import dev.weft.HostCall;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling instance's linear memory as one WASI call sees it: every access is bounds-checked
 * against the memory's current size and a bad guest pointer or length fails the call with
 * {@code EFAULT} (a {@link WasiError}), never with a Java exception. Pointers are the guest's
 * unsigned 32-bit addresses. Take one per call: {@code memory.grow} may replace the segment.
 */
final class GuestMemory {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

    private final MemorySegment segment;

    private GuestMemory(MemorySegment segment) {
        this.segment = segment;
    }

    /**
     * @param call the host call
     * @return the caller's memory
     * @throws WasiError EFAULT if the caller has no memory
     */
    static GuestMemory of(HostCall call) {
        try {
            return new GuestMemory(call.memory().segment());
        } catch (IllegalStateException noMemory) {
            throw new WasiError(Errno.FAULT);
        }
    }

    /**
     * Checks that {@code [pointer, pointer + length)} lies inside the memory.
     *
     * @param pointer a guest address (unsigned)
     * @param length a byte count (unsigned 32-bit, or larger for arrays of structs)
     * @return the address as a non-negative offset
     */
    long check(int pointer, long length) {
        long address = Integer.toUnsignedLong(pointer);
        if (length < 0 || address + length > segment.byteSize()) {
            throw new WasiError(Errno.FAULT);
        }
        return address;
    }

    int u8(int pointer) {
        return segment.get(ValueLayout.JAVA_BYTE, check(pointer, 1)) & 0xFF;
    }

    int u16(int pointer) {
        return segment.get(U16, check(pointer, 2)) & 0xFFFF;
    }

    int i32(int pointer) {
        return segment.get(U32, check(pointer, 4));
    }

    long i64(int pointer) {
        return segment.get(U64, check(pointer, 8));
    }

    void setU8(int pointer, int value) {
        segment.set(ValueLayout.JAVA_BYTE, check(pointer, 1), (byte) value);
    }

    void setU16(int pointer, int value) {
        segment.set(U16, check(pointer, 2), (short) value);
    }

    void setI32(int pointer, int value) {
        segment.set(U32, check(pointer, 4), value);
    }

    void setI64(int pointer, long value) {
        segment.set(U64, check(pointer, 8), value);
    }

    /** Zeroes {@code length} bytes (struct padding the guest may compare). */
    void zero(int pointer, int length) {
        segment.asSlice(check(pointer, length), length).fill((byte) 0);
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset} to guest memory. */
    void write(int pointer, byte[] bytes, int offset, int length) {
        MemorySegment.copy(bytes, offset, segment, ValueLayout.JAVA_BYTE, check(pointer, length), length);
    }

    void write(int pointer, byte[] bytes) {
        write(pointer, bytes, 0, bytes.length);
    }

    /** Copies {@code length} bytes from guest memory at absolute offset {@code address} (already checked). */
    void read(long address, byte[] into, int offset, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, address, into, offset, length);
    }

    /** Copies {@code length} bytes into guest memory at absolute offset {@code address} (already checked). */
    void writeAt(long address, byte[] from, int offset, int length) {
        MemorySegment.copy(from, offset, segment, ValueLayout.JAVA_BYTE, address, length);
    }

    /** A byte buffer over guest memory for channel I/O (already checked; length at most 2 GiB - 1). */
    ByteBuffer buffer(long address, int length) {
        return segment.asSlice(address, length).asByteBuffer();
    }

    /**
     * Reads a guest string (path, symlink target) given as pointer and length.
     *
     * @throws WasiError EFAULT for bad bounds, EILSEQ if the bytes are not UTF-8
     */
    String string(int pointer, int length) {
        long address = check(pointer, Integer.toUnsignedLong(length));
        byte[] bytes = new byte[checkedLength(length)];
        read(address, bytes, 0, bytes.length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }

    /** Rejects guest lengths no Java array can hold (they cannot fit in any real memory anyway). */
    private static int checkedLength(int length) {
        if (length < 0) {
            throw new WasiError(Errno.FAULT);
        }
        return length;
    }
}
