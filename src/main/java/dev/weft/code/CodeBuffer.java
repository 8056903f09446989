package dev.weft.code;

import dev.weft.UnsupportedFeatureException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A growable off-heap buffer of internal code, the hand-written base of the generated
 * {@link InstructionEncoder}. The translator writes one function at a time into it, then
 * {@link CompiledCode} copies the function out ({@link #written()}) and the buffer is
 * {@link #reset()} for the next; functions are translated lazily, on whichever thread first calls
 * them, so the buffer's memory is managed by the garbage collector rather than confined to a
 * thread. {@link #finish()} copies everything written, padded, into a segment of its own.
 */
public class CodeBuffer {
    private static final int INITIAL = 1 << 12;
    /** Offsets are Java ints; keep clear of the top so arithmetic on them cannot overflow. */
    private static final long MAX_CODE = Integer.MAX_VALUE - (1 << 16);

    private MemorySegment segment = Arena.ofAuto().allocate(INITIAL);
    private int position;

    /** Creates an empty buffer. */
    protected CodeBuffer() {
    }

    /** @return offset where the next instruction goes (the code length so far) */
    public final int position() {
        return position;
    }

    /**
     * Moves the write position back, discarding what follows (the translator rewinds to fuse
     * an instruction it has just written into the next one).
     *
     * @param position an offset not beyond the current position
     */
    public final void position(int position) {
        if (position < 0 || position > this.position) {
            throw new IllegalArgumentException("cannot rewind to " + position);
        }
        this.position = position;
    }

    /**
     * Reserves room for an instruction.
     *
     * @param size the instruction's size in bytes
     * @return its offset
     */
    protected final int reserve(int size) {
        int at = position;
        long end = (long) at + size;
        if (end + CodeLayout.PADDING > segment.byteSize()) {
            grow(end + CodeLayout.PADDING);
        }
        position = (int) end;
        return at;
    }

    private void grow(long needed) {
        if (needed > MAX_CODE) {
            throw new UnsupportedFeatureException("translated code larger than " + MAX_CODE + " bytes", -1);
        }
        long size = Math.min(MAX_CODE, Math.max(needed, segment.byteSize() * 2));
        MemorySegment bigger = Arena.ofAuto().allocate(size);
        MemorySegment.copy(segment, 0, bigger, 0, position);
        segment = bigger;
    }

    /** @param opcode an opcode, which must be one of {@link Opcodes} */
    protected static void checkOpcode(int opcode) {
        if (opcode < 0 || opcode >= Opcodes.COUNT) {
            throw new IllegalArgumentException("not an opcode: " + opcode);
        }
    }

    /** @param slots the OR of slot values, each of which must fit 16 bits */
    protected static void checkSlots(int slots) {
        if ((slots & ~CodeLayout.MAX_SLOT) != 0) {
            throw new IllegalArgumentException("slot field out of range: " + Integer.toHexString(slots));
        }
    }

    /** @param count a list length field, which must be non-negative and not absurdly large */
    protected static void checkListLength(int count) {
        if (count < 0 || count > (1 << 26)) {
            throw new IllegalArgumentException("bad list length " + count);
        }
    }

    /**
     * Writes 8 bytes; may write past the current instruction into padding that the next one overwrites.
     *
     * @param at offset
     * @param value bytes, little-endian
     */
    protected final void putWord(int at, long value) {
        segment.set(CodeLayout.WORD, at, value);
    }

    /**
     * @param at offset
     * @param value 16 bits
     */
    protected final void putU16(int at, int value) {
        segment.set(CodeLayout.U16, at, (short) value);
    }

    /**
     * @param at offset
     * @param value 32 bits
     */
    protected final void putI32(int at, int value) {
        segment.set(CodeLayout.I32, at, value);
    }

    /**
     * @param at offset
     * @param value 64 bits
     */
    protected final void putI64(int at, long value) {
        segment.set(CodeLayout.I64, at, value);
    }

    /**
     * Overwrites a 32-bit field of an instruction already written (branch offsets, list entries).
     *
     * @param at offset of the field
     * @param value new value
     */
    public final void patchI32(int at, int value) {
        checkWritten(at, 4);
        segment.set(CodeLayout.I32, at, value);
    }

    /**
     * Overwrites a slot field of an instruction already written (retargeting a result).
     *
     * @param at offset of the field
     * @param slot new slot
     */
    public final void patchSlot(int at, int slot) {
        checkSlots(slot);
        checkWritten(at, 2);
        segment.set(CodeLayout.U16, at, (short) slot);
    }

    /**
     * @param at offset of a 16-bit field already written
     * @return its value, unsigned
     */
    public final int readU16(int at) {
        checkWritten(at, 2);
        return segment.get(CodeLayout.U16, at) & 0xFFFF;
    }

    /**
     * @param at offset of a 32-bit field already written
     * @return its value
     */
    public final int readI32(int at) {
        checkWritten(at, 4);
        return segment.get(CodeLayout.I32, at);
    }

    private void checkWritten(int at, int size) {
        if (at < 0 || at + size > position) {
            throw new IllegalArgumentException("offset " + at + " is not in written code");
        }
    }

    /** Empties the buffer for the next function's code, keeping its storage. */
    public final void reset() {
        position = 0;
    }

    /** {@return the code written so far, exactly (valid until the next write or {@link #reset()})} */
    public final MemorySegment written() {
        return segment.asSlice(0, position);
    }

    /** @return a view of the code written so far (valid until the next write or {@link #finish()}) */
    public final MemorySegment view() {
        return segment.asSlice(0, position + CodeLayout.PADDING);
    }

    /**
     * Ends writing: copies the code, followed by zero padding, into a read-only segment managed
     * by the garbage collector. The encoder cannot be used afterwards.
     *
     * @return the finished code
     */
    public final MemorySegment finish() {
        MemorySegment done = Arena.ofAuto().allocate(position + CodeLayout.PADDING, 8);
        MemorySegment.copy(segment, 0, done, 0, position);
        segment = null;
        return done.asReadOnly();
    }
}
