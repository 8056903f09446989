package dev.weft.exec;

import static dev.weft.exec.Lanes.H8;
import static dev.weft.exec.Lanes.ONES8;

/**
 * Semantics of the i8x16 instructions, lane-parallel on each 64-bit half (see {@link Lanes}).
 * Operations with a v128 result write slots {@code d, d + 1} (see {@link V128Ops}).
 */
final class I8x16Ops {
    private I8x16Ops() {
    }

    // ------------------------------------------------------------------ comparisons

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.eq(aLo, bLo, H8);
        s[d + 1] = Lanes.eq(aHi, bHi, H8);
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.eq(aLo, bLo, H8);
        s[d + 1] = ~Lanes.eq(aHi, bHi, H8);
    }

    static void ltS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltS(aLo, bLo, H8);
        s[d + 1] = Lanes.ltS(aHi, bHi, H8);
    }

    static void ltU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltU(aLo, bLo, H8);
        s[d + 1] = Lanes.ltU(aHi, bHi, H8);
    }

    static void gtS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltS(s, d, bLo, bHi, aLo, aHi);
    }

    static void gtU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltU(s, d, bLo, bHi, aLo, aHi);
    }

    static void leS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltS(bLo, aLo, H8);
        s[d + 1] = ~Lanes.ltS(bHi, aHi, H8);
    }

    static void leU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltU(bLo, aLo, H8);
        s[d + 1] = ~Lanes.ltU(bHi, aHi, H8);
    }

    static void geS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leS(s, d, bLo, bHi, aLo, aHi);
    }

    static void geU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leU(s, d, bLo, bHi, aLo, aHi);
    }

    // ------------------------------------------------------------------ unary

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = Lanes.abs(lo, H8);
        s[d + 1] = Lanes.abs(hi, H8);
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = Lanes.sub(0, lo, H8);
        s[d + 1] = Lanes.sub(0, hi, H8);
    }

    static void popcnt(long[] s, int d, long lo, long hi) {
        s[d] = popcnt(lo);
        s[d + 1] = popcnt(hi);
    }

    /** The population count of every byte. */
    private static long popcnt(long x) {
        x -= (x >>> 1) & 0x5555_5555_5555_5555L;
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        return (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    static boolean allTrue(long lo, long hi) {
        return (Lanes.eq(lo, 0, H8) | Lanes.eq(hi, 0, H8)) == 0;
    }

    static int bitmask(long lo, long hi) {
        return topBits(lo) | topBits(hi) << 8;
    }

    /** The top bit of each byte of x, byte i's at bit i. */
    static int topBits(long x) {
        return (int) ((((x >>> 7) & ONES8) * 0x0102_0408_1020_4080L) >>> 56);
    }

    // ------------------------------------------------------------------ arithmetic

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.add(aLo, bLo, H8);
        s[d + 1] = Lanes.add(aHi, bHi, H8);
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.sub(aLo, bLo, H8);
        s[d + 1] = Lanes.sub(aHi, bHi, H8);
    }

    static void addSatS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.addSatS(aLo, bLo, H8);
        s[d + 1] = Lanes.addSatS(aHi, bHi, H8);
    }

    static void addSatU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.addSatU(aLo, bLo, H8);
        s[d + 1] = Lanes.addSatU(aHi, bHi, H8);
    }

    static void subSatS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.subSatS(aLo, bLo, H8);
        s[d + 1] = Lanes.subSatS(aHi, bHi, H8);
    }

    static void subSatU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.subSatU(aLo, bLo, H8);
        s[d + 1] = Lanes.subSatU(aHi, bHi, H8);
    }

    static void minS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltS(aLo, bLo, H8), aLo, bLo);
        s[d + 1] = Lanes.select(Lanes.ltS(aHi, bHi, H8), aHi, bHi);
    }

    static void minU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H8), aLo, bLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H8), aHi, bHi);
    }

    static void maxS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltS(aLo, bLo, H8), bLo, aLo);
        s[d + 1] = Lanes.select(Lanes.ltS(aHi, bHi, H8), bHi, aHi);
    }

    static void maxU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H8), bLo, aLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H8), bHi, aHi);
    }

    static void avgrU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.avgrU(aLo, bLo, H8);
        s[d + 1] = Lanes.avgrU(aHi, bHi, H8);
    }

    // ------------------------------------------------------------------ shifts (the count modulo 8)

    static void shl(long[] s, int d, long lo, long hi, int count) {
        int k = count & 7;
        long keep = ONES8 * ((0xFF << k) & 0xFF);
        s[d] = (lo << k) & keep;
        s[d + 1] = (hi << k) & keep;
    }

    static void shrU(long[] s, int d, long lo, long hi, int count) {
        int k = count & 7;
        long keep = ONES8 * (0xFF >>> k);
        s[d] = (lo >>> k) & keep;
        s[d + 1] = (hi >>> k) & keep;
    }

    static void shrS(long[] s, int d, long lo, long hi, int count) {
        int k = count & 7;
        long keep = ONES8 * (0xFF >>> k);
        long signs = ONES8 * ((0xFF << (8 - k)) & 0xFF); // the k top bits a negative lane gets
        s[d] = ((lo >>> k) & keep) | (Lanes.fill(lo & H8, H8) & signs);
        s[d + 1] = ((hi >>> k) & keep) | (Lanes.fill(hi & H8, H8) & signs);
    }

    // ------------------------------------------------------------------ narrowing

    /** i8x16.narrow_i16x8_s: the 16 lanes of a, b, each saturated to a signed byte. */
    static void narrowS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = narrow(aLo, aHi, true);
        s[d + 1] = narrow(bLo, bHi, true);
    }

    /** i8x16.narrow_i16x8_u: the same, saturated to an unsigned byte. */
    static void narrowU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = narrow(aLo, aHi, false);
        s[d + 1] = narrow(bLo, bHi, false);
    }

    private static long narrow(long lo, long hi, boolean signed) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int v = (short) ((i < 4 ? lo : hi) >>> (16 * (i & 3)));
            int n = signed ? Math.clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE) : Math.clamp(v, 0, 0xFF);
            r |= (n & 0xFFL) << (8 * i);
        }
        return r;
    }
}
