package dev.weft;

import dev.weft.runtime.MemoryInstance;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A WebAssembly linear memory: bytes in pages of 64 KiB, held off-heap.
 *
 * <p>Two ways in. The accessors read and write the guest's data the way its loads and stores
 * do: little-endian, unaligned allowed, addresses and lengths being the guest's <em>unsigned</em>
 * 32-bit values (pass on a pointer a host function received as it is), strings in UTF-8:
 *
 * <pre>{@code
 * // env.log(ptr, len): prints a string the guest passes
 * .function("env", "log", FunctionType.of(List.of(I32, I32), List.of()),
 *           call -> System.out.println(call.memory().readString(call.i32(0), call.i32(1))))
 *
 * Memory memory = instance.memory("memory");
 * memory.writeI32(1024, 42);                     // as i32.store does
 * long total = memory.readI64(1032);             // as i64.load does
 * byte[] data = memory.readBytes(ptr, len);      // a copy
 * MemorySegment view = memory.slice(ptr, len);   // no copy
 * }</pre>
 *
 * <p>Every accessor checks its range against the memory's current size and throws a
 * {@link TrapException} of kind {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} if any byte lies
 * outside, as the WebAssembly access would trap; nothing is read or written then. Thrown from a
 * host function, that trap makes the calling WebAssembly code trap, so a guest passing a bad
 * pointer ends in a trap like any other. The typed accessors ({@code readI32}, {@code writeF64},
 * ...) allocate nothing; the others allocate what they return (a {@code byte[]}, a {@code String},
 * a view) and nothing per byte.
 *
 * <p>{@link #segment()} is the memory itself, a {@link MemorySegment}, for anything else (with
 * little-endian layouts, e.g. {@code ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN)}).
 * It is a view of the memory's current size; {@code memory.grow} may move the memory, so take a
 * fresh view after anything that may grow it (the accessors always do).
 *
 * <p>A memory is not synchronised: use it from one thread at a time, like the instance it belongs
 * to. Once it is closed, {@link #segment()} and every accessor throw {@link IllegalStateException}.
 */
public interface Memory extends AutoCloseable {
    /** Bytes per page. */
    long PAGE_SIZE = 65536;

    /**
     * Creates a memory a host can pass as an import.
     *
     * @param type initial and maximum size in pages
     * @return a new zeroed memory
     */
    static Memory create(MemoryType type) {
        return new MemoryInstance(type);
    }

    /** {@return the memory's type (its limits as currently declared)} */
    MemoryType type();

    /** {@return current size in pages} */
    long pages();

    /**
     * Returns the memory's bytes: little-endian data, exactly {@link #pages()} pages long.
     *
     * @return a view of the memory's current bytes, valid until the memory grows
     * @throws IllegalStateException if the memory is closed
     */
    MemorySegment segment();

    /**
     * Releases the memory's bytes, rather than leaving them until the garbage collector finds the
     * memory unreachable. Small memories share their storage in batches, freed together (one JVM
     * handshake per batch rather than per memory), so the bytes may be freed a little later than
     * this call; docs/embedding.md has the details. Afterwards {@link #segment()} and
     * {@link #grow} throw {@link IllegalStateException}, as do calls into an instance using the
     * memory; views taken before fail the same way once the bytes are freed: do not use them.
     * An instance closes the memory it defines itself ({@link Instance#close()}); close a memory
     * made with {@link #create} when done with it. Closing twice does nothing.
     */
    @Override
    void close();

    /**
     * Grows the memory, as {@code memory.grow} does.
     *
     * @param deltaPages pages to add
     * @return the previous size in pages, or -1 if the memory cannot grow that much
     * @throws IllegalStateException if the memory is closed
     */
    long grow(long deltaPages);

    /** {@return the memory's current size in bytes} */
    default long byteSize() {
        return segment().byteSize();
    }

    // ------------------------------------------------------------ typed little-endian accessors

    /**
     * Reads a signed byte, as {@code i32.load8_s} does.
     *
     * @param address guest address (unsigned)
     * @return the byte, sign-extended
     * @throws TrapException (out of bounds memory access) if the byte is outside the memory
     */
    default int readI8(int address) {
        MemorySegment m = segment();
        return m.get(ValueLayout.JAVA_BYTE, GuestRange.check(m, address, 1));
    }

    /**
     * Reads an unsigned byte, as {@code i32.load8_u} does.
     *
     * @param address guest address (unsigned)
     * @return the byte, 0 to 255
     * @throws TrapException (out of bounds memory access) if the byte is outside the memory
     */
    default int readU8(int address) {
        return readI8(address) & 0xFF;
    }

    /**
     * Reads a signed 16-bit integer, as {@code i32.load16_s} does.
     *
     * @param address guest address (unsigned)
     * @return the value, sign-extended
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default int readI16(int address) {
        MemorySegment m = segment();
        return m.get(GuestRange.I16, GuestRange.check(m, address, 2));
    }

    /**
     * Reads an unsigned 16-bit integer, as {@code i32.load16_u} does.
     *
     * @param address guest address (unsigned)
     * @return the value, 0 to 65535
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default int readU16(int address) {
        return readI16(address) & 0xFFFF;
    }

    /**
     * Reads a 32-bit integer, as {@code i32.load} does.
     *
     * @param address guest address (unsigned)
     * @return the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default int readI32(int address) {
        MemorySegment m = segment();
        return m.get(GuestRange.I32, GuestRange.check(m, address, 4));
    }

    /**
     * Reads an unsigned 32-bit integer, as {@code i64.load32_u} does: for a pointer or a size
     * stored in memory.
     *
     * @param address guest address (unsigned)
     * @return the value, 0 to 2<sup>32</sup> - 1
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default long readU32(int address) {
        return Integer.toUnsignedLong(readI32(address));
    }

    /**
     * Reads a 64-bit integer, as {@code i64.load} does.
     *
     * @param address guest address (unsigned)
     * @return the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default long readI64(int address) {
        MemorySegment m = segment();
        return m.get(GuestRange.I64, GuestRange.check(m, address, 8));
    }

    /**
     * Reads a 32-bit float, as {@code f32.load} does (NaN payloads kept).
     *
     * @param address guest address (unsigned)
     * @return the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default float readF32(int address) {
        MemorySegment m = segment();
        return m.get(GuestRange.F32, GuestRange.check(m, address, 4));
    }

    /**
     * Reads a 64-bit float, as {@code f64.load} does (NaN payloads kept).
     *
     * @param address guest address (unsigned)
     * @return the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default double readF64(int address) {
        MemorySegment m = segment();
        return m.get(GuestRange.F64, GuestRange.check(m, address, 8));
    }

    /**
     * Writes a byte, as {@code i32.store8} does.
     *
     * @param address guest address (unsigned)
     * @param value the value; its low 8 bits are written
     * @throws TrapException (out of bounds memory access) if the byte is outside the memory
     */
    default void writeI8(int address, int value) {
        MemorySegment m = segment();
        m.set(ValueLayout.JAVA_BYTE, GuestRange.check(m, address, 1), (byte) value);
    }

    /**
     * Writes a 16-bit integer, as {@code i32.store16} does.
     *
     * @param address guest address (unsigned)
     * @param value the value; its low 16 bits are written
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default void writeI16(int address, int value) {
        MemorySegment m = segment();
        m.set(GuestRange.I16, GuestRange.check(m, address, 2), (short) value);
    }

    /**
     * Writes a 32-bit integer, as {@code i32.store} does.
     *
     * @param address guest address (unsigned)
     * @param value the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default void writeI32(int address, int value) {
        MemorySegment m = segment();
        m.set(GuestRange.I32, GuestRange.check(m, address, 4), value);
    }

    /**
     * Writes a 64-bit integer, as {@code i64.store} does.
     *
     * @param address guest address (unsigned)
     * @param value the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default void writeI64(int address, long value) {
        MemorySegment m = segment();
        m.set(GuestRange.I64, GuestRange.check(m, address, 8), value);
    }

    /**
     * Writes a 32-bit float, as {@code f32.store} does (NaN payloads kept).
     *
     * @param address guest address (unsigned)
     * @param value the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default void writeF32(int address, float value) {
        MemorySegment m = segment();
        m.set(GuestRange.F32, GuestRange.check(m, address, 4), value);
    }

    /**
     * Writes a 64-bit float, as {@code f64.store} does (NaN payloads kept).
     *
     * @param address guest address (unsigned)
     * @param value the value
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default void writeF64(int address, double value) {
        MemorySegment m = segment();
        m.set(GuestRange.F64, GuestRange.check(m, address, 8), value);
    }

    // ------------------------------------------------------------ bytes and strings

    /**
     * Returns a view of part of the memory, without copying: reads and writes through it are the
     * memory's. Like {@link #segment()}, it is valid until the memory grows.
     *
     * @param address guest address (unsigned)
     * @param length bytes (unsigned)
     * @return the view
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     */
    default MemorySegment slice(int address, int length) {
        MemorySegment m = segment();
        long bytes = Integer.toUnsignedLong(length);
        return m.asSlice(GuestRange.check(m, address, bytes), bytes);
    }

    /**
     * Copies bytes out of the memory into a new array.
     *
     * @param address guest address (unsigned)
     * @param length bytes (unsigned)
     * @return the bytes
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     * @throws IllegalArgumentException if the range is longer than a Java array can be
     */
    default byte[] readBytes(int address, int length) {
        MemorySegment m = segment();
        long offset = GuestRange.checkArray(m, address, length);
        byte[] bytes = new byte[length];
        MemorySegment.copy(m, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return bytes;
    }

    /**
     * Copies bytes out of the memory into part of an array, allocating nothing.
     *
     * @param address guest address (unsigned)
     * @param destination where to copy them
     * @param offset the first index of {@code destination} written
     * @param length bytes to copy
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     * @throws IndexOutOfBoundsException if the range is outside {@code destination}
     */
    default void readBytes(int address, byte[] destination, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, destination.length);
        MemorySegment m = segment();
        MemorySegment.copy(m, ValueLayout.JAVA_BYTE, GuestRange.check(m, address, length), destination, offset, length);
    }

    /**
     * Copies a whole array into the memory.
     *
     * @param address guest address (unsigned)
     * @param source the bytes
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     */
    default void writeBytes(int address, byte[] source) {
        writeBytes(address, source, 0, source.length);
    }

    /**
     * Copies part of an array into the memory.
     *
     * @param address guest address (unsigned)
     * @param source the bytes
     * @param offset the first index of {@code source} copied
     * @param length bytes to copy
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     * @throws IndexOutOfBoundsException if the range is outside {@code source}
     */
    default void writeBytes(int address, byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        MemorySegment m = segment();
        MemorySegment.copy(source, offset, m, ValueLayout.JAVA_BYTE, GuestRange.check(m, address, length), length);
    }

    /**
     * Copies {@code destination.remaining()} bytes out of the memory into a buffer (heap or
     * direct), advancing its position by that much.
     *
     * @param address guest address (unsigned)
     * @param destination where to copy them
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     * @throws ReadOnlyBufferException if the buffer is read-only
     */
    default void read(int address, ByteBuffer destination) {
        if (destination.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int length = destination.remaining();
        MemorySegment m = segment();
        long offset = GuestRange.check(m, address, length);
        MemorySegment.ofBuffer(destination).copyFrom(m.asSlice(offset, length));
        destination.position(destination.position() + length);
    }

    /**
     * Copies {@code source.remaining()} bytes of a buffer (heap or direct) into the memory,
     * advancing its position by that much.
     *
     * @param address guest address (unsigned)
     * @param source the bytes
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     */
    default void write(int address, ByteBuffer source) {
        int length = source.remaining();
        MemorySegment m = segment();
        long offset = GuestRange.check(m, address, length);
        m.asSlice(offset, length).copyFrom(MemorySegment.ofBuffer(source));
        source.position(source.position() + length);
    }

    /**
     * Copies {@code destination.byteSize()} bytes out of the memory into a segment.
     *
     * @param address guest address (unsigned)
     * @param destination where to copy them
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     * @throws IllegalArgumentException if the destination is read-only
     */
    default void read(int address, MemorySegment destination) {
        if (destination.isReadOnly()) {
            throw new IllegalArgumentException("the destination segment is read-only");
        }
        MemorySegment m = segment();
        long length = destination.byteSize();
        MemorySegment.copy(m, GuestRange.check(m, address, length), destination, 0, length);
    }

    /**
     * Copies a whole segment into the memory.
     *
     * @param address guest address (unsigned)
     * @param source the bytes
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     */
    default void write(int address, MemorySegment source) {
        MemorySegment m = segment();
        long length = source.byteSize();
        MemorySegment.copy(source, 0, m, GuestRange.check(m, address, length), length);
    }

    /**
     * Reads a UTF-8 string given by pointer and length, the way Rust, Go and most bindings pass
     * strings. Malformed UTF-8 becomes U+FFFD, as {@link String#String(byte[], java.nio.charset.Charset)} does.
     *
     * @param address guest address of the first byte (unsigned)
     * @param length bytes (unsigned)
     * @return the string
     * @throws TrapException (out of bounds memory access) if a byte is outside the memory
     * @throws IllegalArgumentException if the range is longer than a Java array can be
     */
    default String readString(int address, int length) {
        return new String(readBytes(address, length), StandardCharsets.UTF_8);
    }

    /**
     * Reads a NUL-terminated UTF-8 string (a C string), without its NUL.
     *
     * @param address guest address of the first byte (unsigned)
     * @return the string
     * @throws TrapException (out of bounds memory access) if the address is outside the memory or
     *     no NUL follows it before the memory's end
     */
    default String readCString(int address) {
        MemorySegment m = segment();
        return readString(address, GuestRange.cStringLength(m, address));
    }

    /**
     * Writes a string in UTF-8, without a terminator.
     *
     * @param address guest address of the first byte (unsigned)
     * @param value the string
     * @return the bytes written
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     *     (then nothing is written)
     */
    default int writeString(int address, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeBytes(address, bytes);
        return bytes.length;
    }

    /**
     * Writes a string in UTF-8 followed by a NUL (a C string).
     *
     * @param address guest address of the first byte (unsigned)
     * @param value the string
     * @return the bytes written, the NUL included
     * @throws TrapException (out of bounds memory access) if a byte would land outside the memory
     *     (then nothing is written)
     */
    default int writeCString(int address, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        MemorySegment m = segment();
        long offset = GuestRange.check(m, address, bytes.length + 1L);
        MemorySegment.copy(bytes, 0, m, ValueLayout.JAVA_BYTE, offset, bytes.length);
        m.set(ValueLayout.JAVA_BYTE, offset + bytes.length, (byte) 0);
        return bytes.length + 1;
    }
}
