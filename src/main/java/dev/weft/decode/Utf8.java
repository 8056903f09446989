package dev.weft.decode;

/**
 * Checks that bytes are well-formed UTF-8 as the WebAssembly spec requires for names: shortest
 * forms only, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF (Unicode table 3-7).
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * @param bytes the bytes
     * @param offset first byte to check
     * @param length number of bytes to check
     * @return the offset of the first byte of the first ill-formed sequence, or -1 if all are well formed
     */
    static int firstInvalid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
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
                return i; // stray continuation byte, C0/C1 (overlong) or F5..FF
            }
            if (end - i <= continuations) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondLow || second > secondHigh) {
                return i;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += continuations + 1;
        }
        return -1;
    }
}
