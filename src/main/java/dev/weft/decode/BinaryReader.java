package dev.weft.decode;

import dev.weft.MalformedModuleException;

/**
 * Reads the primitive encodings of the WebAssembly binary format (bytes, LEB128 integers,
 * IEEE floats) from a byte array, between a position and a limit. Every read past the limit
 * or outside the spec's LEB128 bounds throws {@link MalformedModuleException} with the byte
 * offset; nothing else escapes.
 *
 * <p>Used by the decoder for sections and by the validator and translator for function
 * bodies, so it is written for speed: no allocation, one-byte LEB128 fast paths.
 */
public final class BinaryReader {
    private final byte[] bytes;
    // read directly by the instruction reader's loop (same package), which runs interpreted until
    // the JIT has compiled it: a field is much cheaper than a call there
    int pos;
    int limit;

    /**
     * @param bytes the module binary
     * @param pos first byte to read
     * @param limit one past the last byte that may be read
     */
    public BinaryReader(byte[] bytes, int pos, int limit) {
        this.bytes = bytes;
        this.pos = pos;
        this.limit = limit;
    }

    /** @return the underlying bytes (not copied) */
    public byte[] bytes() {
        return bytes;
    }

    /** @return the offset of the next byte to read */
    public int pos() {
        return pos;
    }

    /** @param pos the offset of the next byte to read */
    public void pos(int pos) {
        this.pos = pos;
    }

    /** @return one past the last readable byte */
    public int limit() {
        return limit;
    }

    /** @param limit one past the last readable byte */
    public void limit(int limit) {
        this.limit = limit;
    }

    /** @return true if every byte up to the limit has been read */
    public boolean atEnd() {
        return pos >= limit;
    }

    /** @return number of bytes left before the limit */
    public int remaining() {
        return limit - pos;
    }

    /**
     * @param reason message
     * @param at offset
     * @return a malformed-module exception (for {@code throw})
     */
    public static MalformedModuleException malformed(String reason, int at) {
        return new MalformedModuleException(reason, at);
    }

    // One wording wherever the bytes run out (inside a section, a function body or at the end of the
    // file), as the reference interpreter reports it; the spec tests that expect "unexpected end" match
    // it too, since they check only that prefix.
    private MalformedModuleException unexpectedEnd() {
        return malformed("unexpected end of section or function", pos);
    }

    /** @return the next byte, unsigned */
    public int u8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos++] & 0xFF;
    }

    /** @return the next byte, unsigned, without consuming it */
    public int peekU8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos] & 0xFF;
    }

    /** @param n number of bytes to skip */
    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw unexpectedEnd();
        }
        pos += n;
    }

    /** @return an unsigned LEB128 value of at most 32 bits, as an int bit pattern (use as unsigned) */
    public int u32() {
        if (pos < limit) {
            int b = bytes[pos];
            if (b >= 0) {
                pos++;
                return b;
            }
        }
        return u32Slow();
    }

    private int u32Slow() {
        int start = pos;
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                if ((b & 0x70) != 0) {
                    throw malformed("integer too large", start);
                }
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /**
     * Reads an unsigned 32-bit LEB128 count or index that must fit a Java int.
     *
     * @param what what is being read, for the error message
     * @return the value, 0 .. Integer.MAX_VALUE
     */
    public int u32Int(String what) {
        int at = pos;
        int v = u32();
        if (v < 0) {
            throw malformed(what + " too large", at);
        }
        return v;
    }

    /** @return a signed LEB128 value of at most 32 bits */
    public int s32() {
        if (pos < limit) {
            int b = bytes[pos];
            if ((b & 0xC0) == 0) {
                pos++;
                return b;
            }
            if ((b & 0xC0) == 0x40) {
                pos++;
                return b | 0xFFFFFF80;
            }
        }
        return s32Slow();
    }

    private int s32Slow() {
        int start = pos;
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                // bits 4..6 of the last byte must all equal bit 3 (the sign of the 32-bit value)
                int high = b & 0x78;
                if (high != 0 && high != 0x78) {
                    throw malformed("integer too large", start);
                }
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return used < 32 ? (result << (32 - used)) >> (32 - used) : result;
            }
        }
    }

    /**
     * Reads a signed 33-bit LEB128 (block types).
     *
     * @return the value
     */
    public long s33() {
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                int high = b & 0x70;
                if (high != 0 && high != 0x70) {
                    throw malformed("integer too large", start);
                }
                result |= (long) (b & 0x7F) << 28;
                return (result << 29) >> 29;
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return (result << (64 - used)) >> (64 - used);
            }
        }
    }

    /** @return an unsigned LEB128 value of at most 64 bits */
    public long u64() {
        if (pos < limit) {
            int b = bytes[pos];
            if (b >= 0) {
                pos++;
                return b;
            }
        }
        return u64Slow();
    }

    private long u64Slow() {
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                if ((b & 0x7E) != 0) {
                    throw malformed("integer too large", start);
                }
                return result | ((long) b << 63);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** @return a signed LEB128 value of at most 64 bits */
    public long s64() {
        if (pos < limit) {
            int b = bytes[pos];
            if ((b & 0xC0) == 0) {
                pos++;
                return b;
            }
            if ((b & 0xC0) == 0x40) {
                pos++;
                return b | 0xFFFFFFFFFFFFFF80L;
            }
        }
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long", start);
                }
                // only bit 0 is payload; bits 1..6 must equal it (sign extension)
                int high = b & 0x7F;
                if (high != 0 && high != 0x7F) {
                    throw malformed("integer too large", start);
                }
                return result | ((long) b << 63);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return (result << (64 - used)) >> (64 - used);
            }
        }
    }

    /** @return 4 bytes little-endian (an f32 bit pattern) */
    public int fixed32() {
        if (limit - pos < 4) {
            pos = limit;
            throw unexpectedEnd();
        }
        int p = pos;
        pos += 4;
        return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 3] & 0xFF) << 24;
    }

    /** @return 8 bytes little-endian (an f64 bit pattern) */
    public long fixed64() {
        int lo = fixed32();
        int hi = fixed32();
        return (lo & 0xFFFFFFFFL) | ((long) hi << 32);
    }
}
