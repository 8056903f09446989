package dev.weft.decode;

/**
 * Checks that bytes are well-formed UTF-8 as the WebAssembly spec requires for names: shortest
 * forms only, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF (Unicode table 3-7). Used
 * for the binary format's names and the text format's source and names.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * @param bytes the bytes
     * @param offset first byte to check
     * @param length number of bytes to check
     * @return the offset of the first byte of the first ill-formed sequence, or -1 if all are well formed
     */
    public static int firstInvalid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int n = sequenceLength(bytes, i, end);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * @param bytes the bytes
     * @param i where a character's encoding starts
     * @param end one past the last byte it may use
     * @return the length of the well-formed sequence at {@code i} (1 to 4), or -1 if it is ill-formed
     */
    public static int sequenceLength(byte[] bytes, int i, int end) {
        int b = bytes[i];
        if (b >= 0) {
            return 1;
        }
        b &= 0xFF;
        int continuations;
        // the allowed range of the second byte; later continuation bytes are always 80..BF
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            continuations = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuations = 2;
            if (b == 0xE0) {
                secondLow = 0xA0; // shorter forms are overlong
            } else if (b == 0xED) {
                secondHigh = 0x9F; // ED A0..BF would encode surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuations = 3;
            if (b == 0xF0) {
                secondLow = 0x90; // overlong
            } else if (b == 0xF4) {
                secondHigh = 0x8F; // above U+10FFFF
            }
        } else {
            return -1; // stray continuation byte, C0/C1 (overlong) or F5..FF
        }
        if (end - i <= continuations) {
            return -1;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return -1;
        }
        for (int k = 2; k <= continuations; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return continuations + 1;
    }
}
