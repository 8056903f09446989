package dev.weft.decode;

import dev.weft.GlobalType;
import dev.weft.Limits;
import dev.weft.MalformedModuleException;
import dev.weft.MemoryType;
import dev.weft.TableType;
import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;

import java.nio.charset.StandardCharsets;

/**
 * Reads the structured encodings of the module level (lengths, vector counts, indices, names,
 * types, limits) on top of a {@link BinaryReader} that may read up to the end of the binary.
 *
 * <p>Like the reference interpreter, reads are bounded by the end of the binary, not by the
 * enclosing section; the decoder checks each section's size once its content is read. This gives
 * the spec test suite's error texts: a vector that runs past its section is a "section size
 * mismatch", and a length longer than the rest of the binary is "length out of bounds".
 */
final class ModuleReader {
    private final byte[] bytes;
    private final BinaryReader in;

    /**
     * @param bytes the module binary
     * @param pos where to start reading
     */
    ModuleReader(byte[] bytes, int pos) {
        this.bytes = bytes;
        this.in = new BinaryReader(bytes, pos, bytes.length);
    }

    /** @return the underlying primitive reader (same position) */
    BinaryReader primitives() {
        return in;
    }

    int pos() {
        return in.pos();
    }

    boolean atEnd() {
        return in.atEnd();
    }

    int u8() {
        return in.u8();
    }

    int u32() {
        return in.u32();
    }

    void skip(int n) {
        in.skip(n);
    }

    static MalformedModuleException malformed(String reason, int at) {
        return BinaryReader.malformed(reason, at);
    }

    /**
     * Reads a byte length or vector count. Like the reference interpreter it must not exceed the
     * bytes left counted from the length's own first byte; anything between that and the real end
     * fails later as an unexpected end.
     *
     * @return the length, 0 .. bytes left
     */
    int length() {
        int at = in.pos();
        int n = in.u32();
        if (Integer.compareUnsigned(n, in.limit() - at) > 0) {
            throw malformed("length out of bounds", at);
        }
        return n;
    }

    /**
     * Reads a vector count and checks it against an implementation limit. The bounds check comes
     * first, so a huge count in a short binary is malformed, not unsupported, and a count that
     * passes both is safe to allocate an array for.
     *
     * @param max Weft's limit
     * @param what what is counted, plural, for the message
     * @return the count
     */
    int count(int max, String what) {
        int at = in.pos();
        int n = length();
        return checkLimit(n, max, what, at);
    }

    static int checkLimit(int n, int max, String what, int at) {
        if (n > max) {
            throw new UnsupportedFeatureException(
                    "too many " + what + ": " + n + " exceeds Weft's implementation limit of " + max, at);
        }
        return n;
    }

    /**
     * Reads an index (u32). Indices of 2^31 and more can never be valid (the implementation limits
     * keep every index space far smaller), so they are stored as {@link Integer#MAX_VALUE}: still
     * out of range for a plain {@code index >= count} check, never negative.
     *
     * @return the index, 0 .. Integer.MAX_VALUE
     */
    int index() {
        int v = in.u32();
        return v < 0 ? Integer.MAX_VALUE : v;
    }

    /** @return a name: a length-prefixed, well-formed UTF-8 string */
    String name() {
        int n = length();
        int start = in.pos();
        in.skip(n);
        int bad = Utf8.firstInvalid(bytes, start, n);
        if (bad >= 0) {
            throw malformed("malformed UTF-8 encoding", bad);
        }
        return new String(bytes, start, n, StandardCharsets.UTF_8);
    }

    /**
     * Reads a one-byte type code the way the reference interpreter reads its 7-bit signed LEB128:
     * a continuation bit means the encoding is too long for the type.
     */
    private int typeCode() {
        int at = in.pos();
        int b = in.u8();
        if ((b & 0x80) != 0) {
            throw malformed("integer representation too long", at);
        }
        return b;
    }

    /** @return a value type (number, vector or reference type) */
    ValueType valueType() {
        int at = in.pos();
        ValueType t = ValueType.fromCode(typeCode());
        if (t == null) {
            throw malformed("malformed value type", at);
        }
        return t;
    }

    /** @return a reference type (funcref or externref) */
    ValueType referenceType() {
        int at = in.pos();
        ValueType t = ValueType.fromCode(typeCode());
        if (t == null || !t.isReference()) {
            throw malformed("malformed reference type", at);
        }
        return t;
    }

    /**
     * Reads the function type tag 0x60.
     */
    void functionTypeTag() {
        int at = in.pos();
        if (typeCode() != 0x60) {
            throw malformed("malformed function type", at);
        }
    }

    /**
     * Reads limits. The flag is a 1-bit LEB128 in the reference interpreter: 0 (no maximum) or
     * 1 (maximum), so the threads proposal's shared flags 2 and 3 and the memory64 flags are
     * "integer too large", and a two-byte flag is "integer representation too long".
     *
     * @return the limits (not validated: min &lt;= max and the size bounds are the validator's)
     */
    Limits limits() {
        int at = in.pos();
        int flag = in.u8();
        if ((flag & 0x7E) != 0) {
            throw malformed("integer too large", at);
        }
        if ((flag & 0x80) != 0) {
            throw malformed("integer representation too long", at);
        }
        long min = Integer.toUnsignedLong(in.u32());
        return flag == 0 ? Limits.of(min) : Limits.of(min, Integer.toUnsignedLong(in.u32()));
    }

    /** @return a table type: reference type, then limits */
    TableType tableType() {
        ValueType element = referenceType();
        return new TableType(element, limits());
    }

    /** @return a memory type */
    MemoryType memoryType() {
        return new MemoryType(limits());
    }

    /** @return a global type: value type, then mutability (0 or 1) */
    GlobalType globalType() {
        ValueType t = valueType();
        int at = in.pos();
        int mutability = in.u8();
        if (mutability > 1) {
            throw malformed("malformed mutability", at);
        }
        return new GlobalType(t, mutability == 1);
    }
}
