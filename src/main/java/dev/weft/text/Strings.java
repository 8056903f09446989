package dev.weft.text;

import java.nio.charset.StandardCharsets;

/** Writes text-format string literals: printable ASCII as is, everything else as {@code \hh}. */
final class Strings {
    private Strings() {
    }

    /** @return a string literal for a name (its UTF-8 bytes) */
    static String quote(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return quote(b, 0, b.length);
    }

    /** @return a string literal for {@code length} bytes from {@code offset} */
    static String quote(byte[] bytes, int offset, int length) {
        StringBuilder b = new StringBuilder(length + 2).append('"');
        for (int i = offset; i < offset + length; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                b.append((char) c);
            } else {
                b.append('\\').append(Character.forDigit(c >>> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return b.append('"').toString();
    }
}
