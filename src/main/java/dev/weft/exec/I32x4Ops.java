package dev.weft.exec;

import static dev.weft.exec.Lanes.H32;
import static dev.weft.exec.Lanes.pack32;

/**
 * Semantics of the i32x4 instructions, on the two 32-bit lanes of each 64-bit half. Operations
 * with a v128 result write slots {@code d, d + 1} (see {@link V128Ops}).
 */
final class I32x4Ops {
    private I32x4Ops() {
    }

    private static int lo(long x) {
        return (int) x;
    }

    private static int hi(long x) {
        return (int) (x >>> 32);
    }

    // ------------------------------------------------------------------ comparisons

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.eq(aLo, bLo, H32);
        s[d + 1] = Lanes.eq(aHi, bHi, H32);
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.eq(aLo, bLo, H32);
        s[d + 1] = ~Lanes.eq(aHi, bHi, H32);
    }

    static void ltS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltS(aLo, bLo, H32);
        s[d + 1] = Lanes.ltS(aHi, bHi, H32);
    }

    static void ltU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.ltU(aLo, bLo, H32);
        s[d + 1] = Lanes.ltU(aHi, bHi, H32);
    }

    static void gtS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltS(s, d, bLo, bHi, aLo, aHi);
    }

    static void gtU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        ltU(s, d, bLo, bHi, aLo, aHi);
    }

    static void leS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltS(bLo, aLo, H32);
        s[d + 1] = ~Lanes.ltS(bHi, aHi, H32);
    }

    static void leU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = ~Lanes.ltU(bLo, aLo, H32);
        s[d + 1] = ~Lanes.ltU(bHi, aHi, H32);
    }

    static void geS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leS(s, d, bLo, bHi, aLo, aHi);
    }

    static void geU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        leU(s, d, bLo, bHi, aLo, aHi);
    }

    // ------------------------------------------------------------------ unary

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = pack32(Math.abs(lo(lo)), Math.abs(hi(lo)));
        s[d + 1] = pack32(Math.abs(lo(hi)), Math.abs(hi(hi)));
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = pack32(-lo(lo), -hi(lo));
        s[d + 1] = pack32(-lo(hi), -hi(hi));
    }

    static boolean allTrue(long lo, long hi) {
        return lo(lo) != 0 && hi(lo) != 0 && lo(hi) != 0 && hi(hi) != 0;
    }

    static int bitmask(long lo, long hi) {
        return (int) ((lo >>> 31) & 1 | (lo >>> 62) & 2 | (hi >>> 29) & 4 | (hi >>> 60) & 8);
    }

    // ------------------------------------------------------------------ arithmetic

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.add(aLo, bLo, H32);
        s[d + 1] = Lanes.add(aHi, bHi, H32);
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.sub(aLo, bLo, H32);
        s[d + 1] = Lanes.sub(aHi, bHi, H32);
    }

    static void mul(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(lo(aLo) * lo(bLo), hi(aLo) * hi(bLo));
        s[d + 1] = pack32(lo(aHi) * lo(bHi), hi(aHi) * hi(bHi));
    }

    static void minS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(Math.min(lo(aLo), lo(bLo)), Math.min(hi(aLo), hi(bLo)));
        s[d + 1] = pack32(Math.min(lo(aHi), lo(bHi)), Math.min(hi(aHi), hi(bHi)));
    }

    static void minU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H32), aLo, bLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H32), aHi, bHi);
    }

    static void maxS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(Math.max(lo(aLo), lo(bLo)), Math.max(hi(aLo), hi(bLo)));
        s[d + 1] = pack32(Math.max(lo(aHi), lo(bHi)), Math.max(hi(aHi), hi(bHi)));
    }

    static void maxU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = Lanes.select(Lanes.ltU(aLo, bLo, H32), bLo, aLo);
        s[d + 1] = Lanes.select(Lanes.ltU(aHi, bHi, H32), bHi, aHi);
    }

    /** i32x4.dot_i16x8_s: lane i is a[2i] * b[2i] + a[2i+1] * b[2i+1], signed 16-bit lanes. */
    static void dotS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(dot(aLo, bLo, 0), dot(aLo, bLo, 32));
        s[d + 1] = pack32(dot(aHi, bHi, 0), dot(aHi, bHi, 32));
    }

    private static int dot(long a, long b, int shift) {
        return (short) (a >>> shift) * (short) (b >>> shift) + (short) (a >>> (shift + 16)) * (short) (b >>> (shift + 16));
    }

    // ------------------------------------------------------------------ shifts (the count modulo 32)

    static void shl(long[] s, int d, long lo, long hi, int count) {
        s[d] = pack32(lo(lo) << count, hi(lo) << count);
        s[d + 1] = pack32(lo(hi) << count, hi(hi) << count);
    }

    static void shrS(long[] s, int d, long lo, long hi, int count) {
        s[d] = pack32(lo(lo) >> count, hi(lo) >> count);
        s[d + 1] = pack32(lo(hi) >> count, hi(hi) >> count);
    }

    static void shrU(long[] s, int d, long lo, long hi, int count) {
        s[d] = pack32(lo(lo) >>> count, hi(lo) >>> count);
        s[d + 1] = pack32(lo(hi) >>> count, hi(hi) >>> count);
    }

    // ------------------------------------------------------------------ widening

    /** 16-bit lane i (0-3) of x, extended. */
    private static int lane16(long x, int i, boolean signed) {
        int v = (int) (x >>> (16 * i)) & 0xFFFF;
        return signed ? (short) v : v;
    }

    static void extendLowS(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(lo, 0, true), lane16(lo, 1, true));
        s[d + 1] = pack32(lane16(lo, 2, true), lane16(lo, 3, true));
    }

    static void extendHighS(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(hi, 0, true), lane16(hi, 1, true));
        s[d + 1] = pack32(lane16(hi, 2, true), lane16(hi, 3, true));
    }

    static void extendLowU(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(lo, 0, false), lane16(lo, 1, false));
        s[d + 1] = pack32(lane16(lo, 2, false), lane16(lo, 3, false));
    }

    static void extendHighU(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(hi, 0, false), lane16(hi, 1, false));
        s[d + 1] = pack32(lane16(hi, 2, false), lane16(hi, 3, false));
    }

    static void extaddPairwiseS(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(lo, 0, true) + lane16(lo, 1, true), lane16(lo, 2, true) + lane16(lo, 3, true));
        s[d + 1] = pack32(lane16(hi, 0, true) + lane16(hi, 1, true), lane16(hi, 2, true) + lane16(hi, 3, true));
    }

    static void extaddPairwiseU(long[] s, int d, long lo, long hi) {
        s[d] = pack32(lane16(lo, 0, false) + lane16(lo, 1, false), lane16(lo, 2, false) + lane16(lo, 3, false));
        s[d + 1] = pack32(lane16(hi, 0, false) + lane16(hi, 1, false), lane16(hi, 2, false) + lane16(hi, 3, false));
    }

    /** Two 32-bit products of 16-bit lanes from, from + 1 of a and b, extended. */
    private static long extmul(long a, long b, int from, boolean signed) {
        return pack32(lane16(a, from, signed) * lane16(b, from, signed),
                lane16(a, from + 1, signed) * lane16(b, from + 1, signed));
    }

    static void extmulLowS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aLo, bLo, 0, true);
        s[d + 1] = extmul(aLo, bLo, 2, true);
    }

    static void extmulHighS(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aHi, bHi, 0, true);
        s[d + 1] = extmul(aHi, bHi, 2, true);
    }

    static void extmulLowU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aLo, bLo, 0, false);
        s[d + 1] = extmul(aLo, bLo, 2, false);
    }

    static void extmulHighU(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = extmul(aHi, bHi, 0, false);
        s[d + 1] = extmul(aHi, bHi, 2, false);
    }

    // ------------------------------------------------------------------ conversions from floats

    static void truncSatF32x4S(long[] s, int d, long lo, long hi) {
        s[d] = pack32(ConvertOps.i32TruncSatF32S(Lanes.f32Lo(lo)), ConvertOps.i32TruncSatF32S(Lanes.f32Hi(lo)));
        s[d + 1] = pack32(ConvertOps.i32TruncSatF32S(Lanes.f32Lo(hi)), ConvertOps.i32TruncSatF32S(Lanes.f32Hi(hi)));
    }

    static void truncSatF32x4U(long[] s, int d, long lo, long hi) {
        s[d] = pack32(ConvertOps.i32TruncSatF32U(Lanes.f32Lo(lo)), ConvertOps.i32TruncSatF32U(Lanes.f32Hi(lo)));
        s[d + 1] = pack32(ConvertOps.i32TruncSatF32U(Lanes.f32Lo(hi)), ConvertOps.i32TruncSatF32U(Lanes.f32Hi(hi)));
    }

    /** i32x4.trunc_sat_f64x2_s_zero: the two f64 lanes truncated, then two zero lanes. */
    static void truncSatF64x2SZero(long[] s, int d, long lo, long hi) {
        s[d] = pack32(ConvertOps.i32TruncSatF64S(Double.longBitsToDouble(lo)),
                ConvertOps.i32TruncSatF64S(Double.longBitsToDouble(hi)));
        s[d + 1] = 0;
    }

    static void truncSatF64x2UZero(long[] s, int d, long lo, long hi) {
        s[d] = pack32(ConvertOps.i32TruncSatF64U(Double.longBitsToDouble(lo)),
                ConvertOps.i32TruncSatF64U(Double.longBitsToDouble(hi)));
        s[d + 1] = 0;
    }
}
