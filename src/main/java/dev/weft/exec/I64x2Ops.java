package dev.weft.exec;

import static dev.weft.exec.Lanes.mask64;

/**
 * Semantics of the i64x2 instructions: each 64-bit half is one lane. Operations with a v128
 * result write slots {@code d, d + 1} (see {@link V128Ops}).
 */
final class I64x2Ops {
    private I64x2Ops() {
    }

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo == bLo);
        s[d + 1] = mask64(aHi == bHi);
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo != bLo);
        s[d + 1] = mask64(aHi != bHi);
    }

    static void ltS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo < bLo);
        s[d + 1] = mask64(aHi < bHi);
    }

    static void gtS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo > bLo);
        s[d + 1] = mask64(aHi > bHi);
    }

    static void leS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo <= bLo);
        s[d + 1] = mask64(aHi <= bHi);
    }

    static void geS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(aLo >= bLo);
        s[d + 1] = mask64(aHi >= bHi);
    }

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = Math.abs(lo);
        s[d + 1] = Math.abs(hi);
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = -lo;
        s[d + 1] = -hi;
    }

    static boolean allTrue(long lo, long hi) {
        return lo != 0 && hi != 0;
    }

    static int bitmask(long lo, long hi) {
        return (int) ((lo >>> 63) | (hi >>> 63) << 1);
    }

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo + bLo;
        s[d + 1] = aHi + bHi;
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo - bLo;
        s[d + 1] = aHi - bHi;
    }

    static void mul(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo * bLo;
        s[d + 1] = aHi * bHi;
    }

    // shifts: Java's long shifts take the count modulo 64, as WebAssembly's do

    static void shl(long[] s, int d, long lo, long hi, int count) {
        s[d] = lo << count;
        s[d + 1] = hi << count;
    }

    static void shrS(long[] s, int d, long lo, long hi, int count) {
        s[d] = lo >> count;
        s[d + 1] = hi >> count;
    }

    static void shrU(long[] s, int d, long lo, long hi, int count) {
        s[d] = lo >>> count;
        s[d + 1] = hi >>> count;
    }

    static void extendLowS(long[] s, int d, long lo, long hi) {
        s[d] = (int) lo;
        s[d + 1] = (int) (lo >>> 32);
    }

    static void extendHighS(long[] s, int d, long lo, long hi) {
        s[d] = (int) hi;
        s[d + 1] = (int) (hi >>> 32);
    }

    static void extendLowU(long[] s, int d, long lo, long hi) {
        s[d] = lo & 0xFFFF_FFFFL;
        s[d + 1] = lo >>> 32;
    }

    static void extendHighU(long[] s, int d, long lo, long hi) {
        s[d] = hi & 0xFFFF_FFFFL;
        s[d + 1] = hi >>> 32;
    }

    static void extmulLowS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = (long) (int) aLo * (int) bLo;
        s[d + 1] = (long) (int) (aLo >>> 32) * (int) (bLo >>> 32);
    }

    static void extmulHighS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = (long) (int) aHi * (int) bHi;
        s[d + 1] = (long) (int) (aHi >>> 32) * (int) (bHi >>> 32);
    }

    static void extmulLowU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = (aLo & 0xFFFF_FFFFL) * (bLo & 0xFFFF_FFFFL);
        s[d + 1] = (aLo >>> 32) * (bLo >>> 32);
    }

    static void extmulHighU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = (aHi & 0xFFFF_FFFFL) * (bHi & 0xFFFF_FFFFL);
        s[d + 1] = (aHi >>> 32) * (bHi >>> 32);
    }
}
