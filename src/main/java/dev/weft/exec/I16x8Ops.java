package dev.weft.exec;

import static dev.weft.exec.Lanes.H16;
import static dev.weft.exec.Lanes.ONES16;

/**
 * Semantics of the i16x8 instructions, lane-parallel on each 64-bit half where the lanes do not
 * interact (see {@link Lanes}), lane by lane otherwise. Operations with a v128 result write slots
 * {@code d, d + 1} (see {@link V128Ops}).
 */
final class I16x8Ops {
    private I16x8Ops() {
    }

    // ------------------------------------------------------------------ comparisons

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.eq(aLo, bLo, H16);
        s[d + 1] = Lanes.eq(aHi, bHi, H16);
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.eq(aLo, bLo, H16);
        s[d + 1] = ~Lanes.eq(aHi, bHi, H16);
    }

    static void ltS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltS(aLo, bLo, H16);
        s[d + 1] = Lanes.ltS(aHi, bHi, H16);
    }

    static void ltU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltU(aLo, bLo, H16);
        s[d + 1] = Lanes.ltU(aHi, bHi, H16);
    }

    static void gtS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltS(s, d, bLo, bHi, aLo, aHi);
    }

    static void gtU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltU(s, d, bLo, bHi, aLo, aHi);
    }

    static void leS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltS(bLo, aLo, H16);
        s[d + 1] = ~Lanes.ltS(bHi, aHi, H16);
    }

    static void leU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltU(bLo, aLo, H16);
        s[d + 1] = ~Lanes.ltU(bHi, aHi, H16);
    }

    static void geS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leS(s, d, bLo, bHi, aLo, aHi);
    }

    static void geU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leU(s, d, bLo, bHi, aLo, aHi);
    }

    // ------------------------------------------------------------------ unary

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = Lanes.abs(lo, H16);
        s[d + 1] = Lanes.abs(hi, H16);
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = Lanes.sub(0, lo, H16);
        s[d + 1] = Lanes.sub(0, hi, H16);
    }

    static boolean allTrue(long lo, long hi) {
        return (Lanes.eq(lo, 0, H16) | Lanes.eq(hi, 0, H16)) == 0;
    }

    static int bitmask(long lo, long hi) {
        return topBits(lo) | topBits(hi) << 4;
    }

    /** The top bit of each 16-bit lane of x, lane i's at bit i. */
    private static int topBits(long x) {
        return (int) ((((x >>> 15) & ONES16) * 0x0001_0002_0004_0008L) >>> 48) & 0xF;
    }

    // ------------------------------------------------------------------ arithmetic

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.add(aLo, bLo, H16);
        s[d + 1] = Lanes.add(aHi, bHi, H16);
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.sub(aLo, bLo, H16);
        s[d + 1] = Lanes.sub(aHi, bHi, H16);
    }

    static void addSatS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.addSatS(aLo, bLo, H16);
        s[d + 1] = Lanes.addSatS(aHi, bHi, H16);
    }

    static void addSatU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.addSatU(aLo, bLo, H16);
        s[d + 1] = Lanes.addSatU(aHi, bHi, H16);
    }

    static void subSatS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.subSatS(aLo, bLo, H16);
        s[d + 1] = Lanes.subSatS(aHi, bHi, H16);
    }

    static void subSatU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.subSatU(aLo, bLo, H16);
        s[d + 1] = Lanes.subSatU(aHi, bHi, H16);
    }

    static void mul(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mul(aLo, bLo);
        s[d + 1] = mul(aHi, bHi);
    }

    /** Lane-wise product (the low 16 bits of each). */
    private static long mul(long a, long b) {
        long lane0 = (a * b) & 0xFFFF;
        long lane1 = ((a >>> 16) * (b >>> 16)) & 0xFFFF;
        long lane2 = ((a >>> 32) * (b >>> 32)) & 0xFFFF;
        long lane3 = ((a >>> 48) * (b >>> 48)) & 0xFFFF;
        return lane0 | lane1 << 16 | lane2 << 32 | lane3 << 48;
    }

    static void minS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltS(aLo, bLo, H16), aLo, bLo);
        s[d + 1] = Lanes.select(Lanes.ltS(aHi, bHi, H16), aHi, bHi);
    }

    static void minU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H16), aLo, bLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H16), aHi, bHi);
    }

    static void maxS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltS(aLo, bLo, H16), bLo, aLo);
        s[d + 1] = Lanes.select(Lanes.ltS(aHi, bHi, H16), bHi, aHi);
    }

    static void maxU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H16), bLo, aLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H16), bHi, aHi);
    }

    static void avgrU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.avgrU(aLo, bLo, H16);
        s[d + 1] = Lanes.avgrU(aHi, bHi, H16);
    }

    /** i16x8.q15mulr_sat_s: (a * b + 2^14) >> 15 per lane, saturated. */
    static void q15mulrSatS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = q15mulr(aLo, bLo);
        s[d + 1] = q15mulr(aHi, bHi);
    }

    private static long q15mulr(long a, long b) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int x = (short) (a >>> (16 * i));
            int y = (short) (b >>> (16 * i));
            int p = Math.min((x * y + 0x4000) >> 15, Short.MAX_VALUE);
            r |= (p & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    // ------------------------------------------------------------------ shifts (the count modulo 16)

    static void shl(long[] s, int d, long lo, long hi, int count) {
        int k = count & 15;
        long keep = ONES16 * ((0xFFFF << k) & 0xFFFF);
        s[d] = (lo << k) & keep;
        s[d + 1] = (hi << k) & keep;
    }

    static void shrU(long[] s, int d, long lo, long hi, int count) {
        int k = count & 15;
        long keep = ONES16 * (0xFFFF >>> k);
        s[d] = (lo >>> k) & keep;
        s[d + 1] = (hi >>> k) & keep;
    }

    static void shrS(long[] s, int d, long lo, long hi, int count) {
        int k = count & 15;
        long keep = ONES16 * (0xFFFF >>> k);
        long signs = ONES16 * ((0xFFFF << (16 - k)) & 0xFFFF);
        s[d] = ((lo >>> k) & keep) | (Lanes.fill(lo & H16, H16) & signs);
        s[d + 1] = ((hi >>> k) & keep) | (Lanes.fill(hi & H16, H16) & signs);
    }

    // ------------------------------------------------------------------ widening and narrowing

    /** i16x8.narrow_i32x4_s: the 8 lanes of a, b, each saturated to a signed 16-bit lane. */
    static void narrowS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = narrow(aLo, aHi, true);
        s[d + 1] = narrow(bLo, bHi, true);
    }

    static void narrowU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = narrow(aLo, aHi, false);
        s[d + 1] = narrow(bLo, bHi, false);
    }

    private static long narrow(long lo, long hi, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int v = (int) ((i < 2 ? lo : hi) >>> (32 * (i & 1)));
            int n = signed ? Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE) : Math.clamp(v, 0, 0xFFFF);
            r |= (n & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    /** Byte i (0-7) of x, sign- or zero-extended. */
    static int byteOf(long x, int i, boolean signed) {
        int b = (int) (x >>> (8 * i)) & 0xFF;
        return signed ? (byte) b : b;
    }

    /** Four 16-bit lanes from bytes from..from+3 of x, extended. */
    private static long extend(long x, int from, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (byteOf(x, from + i, signed) & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    static void extendLowS(long[] s, int d, long lo, long hi) {
        s[d] = extend(lo, 0, true);
        s[d + 1] = extend(lo, 4, true);
    }

    static void extendHighS(long[] s, int d, long lo, long hi) {
        s[d] = extend(hi, 0, true);
        s[d + 1] = extend(hi, 4, true);
    }

    static void extendLowU(long[] s, int d, long lo, long hi) {
        s[d] = extend(lo, 0, false);
        s[d + 1] = extend(lo, 4, false);
    }

    static void extendHighU(long[] s, int d, long lo, long hi) {
        s[d] = extend(hi, 0, false);
        s[d + 1] = extend(hi, 4, false);
    }

    /** Four 16-bit sums of adjacent byte pairs of x. */
    private static long pairwise(long x, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int sum = byteOf(x, 2 * i, signed) + byteOf(x, 2 * i + 1, signed);
            r |= (sum & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    static void extaddPairwiseS(long[] s, int d, long lo, long hi) {
        s[d] = pairwise(lo, true);
        s[d + 1] = pairwise(hi, true);
    }

    static void extaddPairwiseU(long[] s, int d, long lo, long hi) {
        s[d] = pairwise(lo, false);
        s[d + 1] = pairwise(hi, false);
    }

    /** Four 16-bit products of bytes from..from+3 of a and b, extended. */
    private static long extmul(long a, long b, int from, boolean signed) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int p = byteOf(a, from + i, signed) * byteOf(b, from + i, signed);
            r |= (p & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    static void extmulLowS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aLo, bLo, 0, true);
        s[d + 1] = extmul(aLo, bLo, 4, true);
    }

    static void extmulHighS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aHi, bHi, 0, true);
        s[d + 1] = extmul(aHi, bHi, 4, true);
    }

    static void extmulLowU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aLo, bLo, 0, false);
        s[d + 1] = extmul(aLo, bLo, 4, false);
    }

    static void extmulHighU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aHi, bHi, 0, false);
        s[d + 1] = extmul(aHi, bHi, 4, false);
    }
}
