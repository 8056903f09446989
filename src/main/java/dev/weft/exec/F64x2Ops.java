package dev.weft.exec;

import static dev.weft.exec.Lanes.f32Hi;
import static dev.weft.exec.Lanes.f32Lo;
import static dev.weft.exec.Lanes.mask64;

/**
 * Semantics of the f64x2 instructions: the scalar f64 semantics ({@link F64Ops}, {@link ConvertOps})
 * applied to each 64-bit half, which is one lane; sign operations and pmin/pmax work on the raw
 * bits. Operations with a v128 result write slots {@code d, d + 1} (see {@link V128Ops}).
 */
final class F64x2Ops {
    private F64x2Ops() {
    }

    private static final long SIGN = 0x8000_0000_0000_0000L;

    private static double f(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    // ------------------------------------------------------------------ comparisons

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(f(aLo) == f(bLo));
        s[d + 1] = mask64(f(aHi) == f(bHi));
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(f(aLo) != f(bLo));
        s[d + 1] = mask64(f(aHi) != f(bHi));
    }

    static void lt(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(f(aLo) < f(bLo));
        s[d + 1] = mask64(f(aHi) < f(bHi));
    }

    static void gt(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        lt(s, d, bLo, bHi, aLo, aHi);
    }

    static void le(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = mask64(f(aLo) <= f(bLo));
        s[d + 1] = mask64(f(aHi) <= f(bHi));
    }

    static void ge(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        le(s, d, bLo, bHi, aLo, aHi);
    }

    // ------------------------------------------------------------------ unary

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = lo & ~SIGN;
        s[d + 1] = hi & ~SIGN;
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = lo ^ SIGN;
        s[d + 1] = hi ^ SIGN;
    }

    static void sqrt(long[] s, int d, long lo, long hi) {
        s[d] = bits(F64Ops.sqrt(f(lo)));
        s[d + 1] = bits(F64Ops.sqrt(f(hi)));
    }

    static void ceil(long[] s, int d, long lo, long hi) {
        s[d] = bits(F64Ops.ceil(f(lo)));
        s[d + 1] = bits(F64Ops.ceil(f(hi)));
    }

    static void floor(long[] s, int d, long lo, long hi) {
        s[d] = bits(F64Ops.floor(f(lo)));
        s[d + 1] = bits(F64Ops.floor(f(hi)));
    }

    static void trunc(long[] s, int d, long lo, long hi) {
        s[d] = bits(F64Ops.trunc(f(lo)));
        s[d + 1] = bits(F64Ops.trunc(f(hi)));
    }

    static void nearest(long[] s, int d, long lo, long hi) {
        s[d] = bits(F64Ops.nearest(f(lo)));
        s[d + 1] = bits(F64Ops.nearest(f(hi)));
    }

    // ------------------------------------------------------------------ arithmetic

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(f(aLo) + f(bLo));
        s[d + 1] = bits(f(aHi) + f(bHi));
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(f(aLo) - f(bLo));
        s[d + 1] = bits(f(aHi) - f(bHi));
    }

    static void mul(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(f(aLo) * f(bLo));
        s[d + 1] = bits(f(aHi) * f(bHi));
    }

    static void div(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(f(aLo) / f(bLo));
        s[d + 1] = bits(f(aHi) / f(bHi));
    }

    static void min(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(F64Ops.min(f(aLo), f(bLo)));
        s[d + 1] = bits(F64Ops.min(f(aHi), f(bHi)));
    }

    static void max(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = bits(F64Ops.max(f(aLo), f(bLo)));
        s[d + 1] = bits(F64Ops.max(f(aHi), f(bHi)));
    }

    /** Pseudo-minimum b &lt; a ? b : a, on the operands' bits. */
    static void pmin(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = f(bLo) < f(aLo) ? bLo : aLo;
        s[d + 1] = f(bHi) < f(aHi) ? bHi : aHi;
    }

    /** Pseudo-maximum a &lt; b ? b : a, on the operands' bits. */
    static void pmax(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = f(aLo) < f(bLo) ? bLo : aLo;
        s[d + 1] = f(aHi) < f(bHi) ? bHi : aHi;
    }

    // ------------------------------------------------------------------ conversions

    /** f64x2.promote_low_f32x4: f32 lanes 0 and 1 widened. */
    static void promoteLowF32x4(long[] s, int d, long lo, long hi) {
        s[d] = bits(ConvertOps.promote(f32Lo(lo)));
        s[d + 1] = bits(ConvertOps.promote(f32Hi(lo)));
    }

    static void convertLowI32x4S(long[] s, int d, long lo, long hi) {
        s[d] = bits(ConvertOps.f64ConvertI32S((int) lo));
        s[d + 1] = bits(ConvertOps.f64ConvertI32S((int) (lo >>> 32)));
    }

    static void convertLowI32x4U(long[] s, int d, long lo, long hi) {
        s[d] = bits(ConvertOps.f64ConvertI32U((int) lo));
        s[d + 1] = bits(ConvertOps.f64ConvertI32U((int) (lo >>> 32)));
    }
}
