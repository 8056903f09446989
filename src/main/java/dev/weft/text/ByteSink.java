package dev.weft.text;

import dev.weft.decode.TypeCodes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with the binary format's encodings: LEB128 integers, IEEE floats, names, types. */
final class ByteSink {
    private byte[] b = new byte[64];
    private int n;

    int size() {
        return n;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(b, n);
    }

    void byte_(int v) {
        if (n == b.length) {
            b = Arrays.copyOf(b, n * 2);
        }
        b[n++] = (byte) v;
    }

    void bytes(byte[] src) {
        bytes(src, 0, src.length);
    }

    void bytes(byte[] src, int off, int len) {
        if (n + len > b.length) {
            b = Arrays.copyOf(b, Math.max(n + len, n * 2));
        }
        System.arraycopy(src, off, b, n, len);
        n += len;
    }

    void append(ByteSink other) {
        bytes(other.b, 0, other.n);
    }

    void u32(long v) {
        u64(v & 0xFFFFFFFFL);
    }

    void u64(long v) {
        do {
            int low = (int) (v & 0x7F);
            v >>>= 7;
            byte_(v != 0 ? low | 0x80 : low);
        } while (v != 0);
    }

    void s64(long v) {
        while (true) {
            int low = (int) (v & 0x7F);
            v >>= 7;
            if (v == 0 && (low & 0x40) == 0 || v == -1 && (low & 0x40) != 0) {
                byte_(low);
                return;
            }
            byte_(low | 0x80);
        }
    }

    void s32(int v) {
        s64(v);
    }

    void f32(int bits) {
        for (int i = 0; i < 4; i++) {
            byte_(bits >>> (8 * i));
        }
    }

    void f64(long bits) {
        for (int i = 0; i < 8; i++) {
            byte_((int) (bits >>> (8 * i)));
        }
    }

    /** A length-prefixed byte vector (strings, data). */
    void vector(byte[] bytes) {
        u32(bytes.length);
        bytes(bytes);
    }

    void name(String s) {
        vector(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A value, packed or heap-typed reference type, in the binary format. */
    void valType(int code) {
        if (!TypeCodes.isRef(code)) {
            byte_(code);
            return;
        }
        int ht = TypeCodes.heapType(code);
        if (TypeCodes.isNullable(code) && !TypeCodes.isIndex(ht)) {
            byte_(ht); // the shorthand: funcref is 0x70
            return;
        }
        byte_(TypeCodes.isNullable(code) ? TypeCodes.REF_NULL_PREFIX : TypeCodes.REF_PREFIX);
        heapType(ht);
    }

    void heapType(int ht) {
        if (TypeCodes.isIndex(ht)) {
            s64(TypeCodes.index(ht));
        } else {
            byte_(ht);
        }
    }

    /** A block type: empty, a value type, or a type index (s33). */
    void blockType(int bt) {
        if (bt == TypeCodes.BLOCK_EMPTY) {
            byte_(TypeCodes.BLOCK_EMPTY);
        } else if (TypeCodes.isBlockTypeIndex(bt)) {
            s64(TypeCodes.blockTypeIndex(bt));
        } else {
            valType(bt);
        }
    }

    /** Appends this sink's content as a section: id, size, content. */
    void section(ByteSink out, int id) {
        out.byte_(id);
        out.u32(n);
        out.append(this);
    }
}
