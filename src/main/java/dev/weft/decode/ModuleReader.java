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
     * The first thing read that is well-formed WebAssembly 3.0 (or a proposal the suite tests) but
     * that Weft's model cannot hold yet; the decoder throws it once the whole binary decoded, so a
     * malformed module is malformed whatever it uses.
     */
    UnsupportedFeatureException unsupported;

    /** Notes something well-formed that Weft does not support yet (the first one is reported). */
    void unsupported(String what, int at) {
        if (unsupported == null) {
            unsupported = new UnsupportedFeatureException(what + " is not supported by Weft yet", at);
        }
    }

    /**
     * Reads a value type of WebAssembly 3.0, with the reference interpreter's messages for bad bytes.
     *
     * @return the type, or {@link ValueType#FUNCREF} in place of a reference type beyond 2.0's
     *     (noted as unsupported)
     */
    ValueType valueType() {
        int at = in.pos();
        int code = CodeReader.readValType(in);
        return model(code, at);
    }

    /** @return a reference type (a value type that is one, else "malformed reference type") */
    ValueType referenceType() {
        int at = in.pos();
        int code = CodeReader.readValType(in);
        if (!TypeCodes.isRef(code)) {
            throw malformed("malformed reference type", at);
        }
        return model(code, at);
    }

    /** The model's type for a type code: 2.0's types map, the others are noted as unsupported. */
    private ValueType model(int code, int at) {
        ValueType t = switch (code) {
            case TypeCodes.FUNCREF -> ValueType.FUNCREF;
            case TypeCodes.EXTERNREF -> ValueType.EXTERNREF;
            default -> TypeCodes.isRef(code) ? null : ValueType.fromCode(code);
        };
        if (t == null) {
            unsupported("value type " + TypeCodes.name(code) + " (typed references)", at);
            return ValueType.FUNCREF;
        }
        return t;
    }

    /**
     * Reads limits: a flags byte (bit 0: a maximum follows; bit 1: shared, threads, memories only;
     * bit 2: 64-bit addresses, memory64), the minimum and the optional maximum (u64 for 64-bit,
     * else u32). Shared and 64-bit limits are noted as unsupported; other flags are malformed.
     *
     * @param memory whether these are a memory's limits (else a table's)
     * @return the limits (not validated: min &lt;= max and the size bounds are the validator's)
     */
    Limits limits(boolean memory) {
        int at = in.pos();
        int flags = in.u8();
        // shared (bit 1) exists for memories only, and only in the threads proposal
        if ((flags & ~0x07) != 0 || (flags & 2) != 0 && !memory) {
            throw malformed("malformed limits flags", at);
        }
        if ((flags & 2) != 0) {
            unsupported("shared memory (threads)", at);
        }
        boolean wide = (flags & 4) != 0;
        if (wide) {
            unsupported("64-bit addresses (memory64, table64)", at);
        }
        long min = wide ? in.u64() : Integer.toUnsignedLong(in.u32());
        if ((flags & 1) == 0) {
            return Limits.of(wide ? Math.max(min, 0) : min);
        }
        long max = wide ? in.u64() : Integer.toUnsignedLong(in.u32());
        return wide ? Limits.of(Math.max(min, 0), Math.max(max, 0)) : Limits.of(min, max);
    }

    /** @return a table type: reference type, then limits */
    TableType tableType() {
        ValueType element = referenceType();
        return new TableType(element, limits(false));
    }

    /** @return a memory type */
    MemoryType memoryType() {
        return new MemoryType(limits(true));
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
