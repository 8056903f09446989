package dev.weft.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8Test {
    private static int firstInvalid(int... bytes) {
        byte[] b = new byte[bytes.length + 2];
        for (int i = 0; i < bytes.length; i++) {
            b[i + 1] = (byte) bytes[i];
        }
        // checks the range 1..length+1 of a larger array, so offsets and bounds are exercised too
        int at = Utf8.firstInvalid(b, 1, bytes.length);
        return at < 0 ? at : at - 1;
    }

    @Test
    void acceptsWellFormedText() {
        for (String s : new String[] {"", "abc", "é", "€", "\uFFFF", "😀", "\uDBFF\uDFFF", "a\u0000b"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, Utf8.firstInvalid(b, 0, b.length), s);
        }
        assertEquals(-1, firstInvalid(0xF4, 0x8F, 0xBF, 0xBF)); // U+10FFFF
        assertEquals(-1, firstInvalid(0xEF, 0xBB, 0xBF)); // BOM is an ordinary character
    }

    @Test
    void rejectsOverlongForms() {
        assertEquals(0, firstInvalid(0xC0, 0x80));
        assertEquals(0, firstInvalid(0xC1, 0xBF));
        assertEquals(0, firstInvalid(0xE0, 0x9F, 0xBF));
        assertEquals(0, firstInvalid(0xF0, 0x8F, 0xBF, 0xBF));
    }

    @Test
    void rejectsSurrogatesAndCodePointsAboveTheMaximum() {
        assertEquals(0, firstInvalid(0xED, 0xA0, 0x80)); // U+D800
        assertEquals(0, firstInvalid(0xED, 0xBF, 0xBF)); // U+DFFF
        assertEquals(0, firstInvalid(0xF4, 0x90, 0x80, 0x80)); // U+110000
        assertEquals(0, firstInvalid(0xF5, 0x80, 0x80, 0x80));
        assertEquals(0, firstInvalid(0xFF));
    }

    @Test
    void rejectsBrokenSequencesAtTheirFirstByte() {
        assertEquals(0, firstInvalid(0x80));
        assertEquals(1, firstInvalid('a', 0xE2, 0x82)); // truncated at the end
        assertEquals(1, firstInvalid('a', 0xE2, 0x28, 0xA1)); // bad continuation
        assertEquals(2, firstInvalid('a', 'b', 0xC3)); // lead byte alone at the end
        assertEquals(3, firstInvalid(0xC3, 0xA9, 'x', 0xF0, 0x9F, 0x98)); // good 2-byte, then truncated 4-byte
    }
}
