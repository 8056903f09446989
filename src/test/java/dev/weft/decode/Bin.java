package dev.weft.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small module binaries for tests. */
final class Bin {
    static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private Bin() {
    }

    /** @return the concatenation of the parts: byte arrays, or ints and chars taken as single bytes */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else if (p instanceof Character c) {
                out.write(c);
            } else if (p instanceof Integer i) {
                if (i < 0 || i > 0xFF) {
                    throw new IllegalArgumentException("not a byte: " + i);
                }
                out.write(i);
            } else {
                throw new IllegalArgumentException("unexpected part " + p);
            }
        }
        return out.toByteArray();
    }

    /** @return the header followed by the parts */
    static byte[] module(Object... parts) {
        return bytes(HEADER, bytes(parts));
    }

    /** @return a section: id, size, content */
    static byte[] section(int id, Object... content) {
        byte[] c = bytes(content);
        return bytes(id, leb(c.length), c);
    }

    /** @return the unsigned LEB128 encoding of {@code v} */
    static byte[] leb(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** @return a name: its UTF-8 length, then the bytes */
    static byte[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return bytes(leb(b.length), b);
    }
}
