package dev.weft.exec;

import static dev.weft.exec.Lanes.f32Hi;
import static dev.weft.exec.Lanes.f32Lo;
import static dev.weft.exec.Lanes.mask32;
import static dev.weft.exec.Lanes.pack32;
import static dev.weft.exec.Lanes.packF32;

/**
 * Semantics of the f32x4 instructions: the scalar f32 semantics ({@link F32Ops}, {@link ConvertOps})
 * applied to the two lanes of each 64-bit half; sign operations and pmin/pmax work on the raw bits
 * so NaN payloads pass through untouched. Operations with a v128 result write slots
 * {@code d, d + 1} (see {@link V128Ops}).
 */
final class F32x4Ops {
    private F32x4Ops() {
    }

    private static final long SIGNS = 0x8000_0000_8000_0000L;

    /** A binary operation on f32 lanes. */
    @FunctionalInterface
    interface Op {
        float apply(float a, float b);
    }

    private static long lanes(long a, long b, Op op) {
        return packF32(op.apply(f32Lo(a), f32Lo(b)), op.apply(f32Hi(a), f32Hi(b)));
    }

    // ------------------------------------------------------------------ comparisons

    static void eq(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(mask32(f32Lo(aLo) == f32Lo(bLo)), mask32(f32Hi(aLo) == f32Hi(bLo)));
        s[d + 1] = pack32(mask32(f32Lo(aHi) == f32Lo(bHi)), mask32(f32Hi(aHi) == f32Hi(bHi)));
    }

    static void ne(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(mask32(f32Lo(aLo) != f32Lo(bLo)), mask32(f32Hi(aLo) != f32Hi(bLo)));
        s[d + 1] = pack32(mask32(f32Lo(aHi) != f32Lo(bHi)), mask32(f32Hi(aHi) != f32Hi(bHi)));
    }

    static void lt(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(mask32(f32Lo(aLo) < f32Lo(bLo)), mask32(f32Hi(aLo) < f32Hi(bLo)));
        s[d + 1] = pack32(mask32(f32Lo(aHi) < f32Lo(bHi)), mask32(f32Hi(aHi) < f32Hi(bHi)));
    }

    static void gt(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        lt(s, d, bLo, bHi, aLo, aHi);
    }

    static void le(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(mask32(f32Lo(aLo) <= f32Lo(bLo)), mask32(f32Hi(aLo) <= f32Hi(bLo)));
        s[d + 1] = pack32(mask32(f32Lo(aHi) <= f32Lo(bHi)), mask32(f32Hi(aHi) <= f32Hi(bHi)));
    }

    static void ge(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        le(s, d, bLo, bHi, aLo, aHi);
    }

    // ------------------------------------------------------------------ unary

    static void abs(long[] s, int d, long lo, long hi) {
        s[d] = lo & ~SIGNS;
        s[d + 1] = hi & ~SIGNS;
    }

    static void neg(long[] s, int d, long lo, long hi) {
        s[d] = lo ^ SIGNS;
        s[d + 1] = hi ^ SIGNS;
    }

    static void sqrt(long[] s, int d, long lo, long hi) {
        s[d] = packF32(F32Ops.sqrt(f32Lo(lo)), F32Ops.sqrt(f32Hi(lo)));
        s[d + 1] = packF32(F32Ops.sqrt(f32Lo(hi)), F32Ops.sqrt(f32Hi(hi)));
    }

    static void ceil(long[] s, int d, long lo, long hi) {
        s[d] = packF32(F32Ops.ceil(f32Lo(lo)), F32Ops.ceil(f32Hi(lo)));
        s[d + 1] = packF32(F32Ops.ceil(f32Lo(hi)), F32Ops.ceil(f32Hi(hi)));
    }

    static void floor(long[] s, int d, long lo, long hi) {
        s[d] = packF32(F32Ops.floor(f32Lo(lo)), F32Ops.floor(f32Hi(lo)));
        s[d + 1] = packF32(F32Ops.floor(f32Lo(hi)), F32Ops.floor(f32Hi(hi)));
    }

    static void trunc(long[] s, int d, long lo, long hi) {
        s[d] = packF32(F32Ops.trunc(f32Lo(lo)), F32Ops.trunc(f32Hi(lo)));
        s[d + 1] = packF32(F32Ops.trunc(f32Lo(hi)), F32Ops.trunc(f32Hi(hi)));
    }

    static void nearest(long[] s, int d, long lo, long hi) {
        s[d] = packF32(F32Ops.nearest(f32Lo(lo)), F32Ops.nearest(f32Hi(lo)));
        s[d + 1] = packF32(F32Ops.nearest(f32Lo(hi)), F32Ops.nearest(f32Hi(hi)));
    }

    // ------------------------------------------------------------------ arithmetic

    static void add(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = packF32(f32Lo(aLo) + f32Lo(bLo), f32Hi(aLo) + f32Hi(bLo));
        s[d + 1] = packF32(f32Lo(aHi) + f32Lo(bHi), f32Hi(aHi) + f32Hi(bHi));
    }

    static void sub(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = packF32(f32Lo(aLo) - f32Lo(bLo), f32Hi(aLo) - f32Hi(bLo));
        s[d + 1] = packF32(f32Lo(aHi) - f32Lo(bHi), f32Hi(aHi) - f32Hi(bHi));
    }

    static void mul(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = packF32(f32Lo(aLo) * f32Lo(bLo), f32Hi(aLo) * f32Hi(bLo));
        s[d + 1] = packF32(f32Lo(aHi) * f32Lo(bHi), f32Hi(aHi) * f32Hi(bHi));
    }

    static void div(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = packF32(f32Lo(aLo) / f32Lo(bLo), f32Hi(aLo) / f32Hi(bLo));
        s[d + 1] = packF32(f32Lo(aHi) / f32Lo(bHi), f32Hi(aHi) / f32Hi(bHi));
    }

    static void min(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = lanes(aLo, bLo, F32Ops::min);
        s[d + 1] = lanes(aHi, bHi, F32Ops::min);
    }

    static void max(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = lanes(aLo, bLo, F32Ops::max);
        s[d + 1] = lanes(aHi, bHi, F32Ops::max);
    }

    /** Pseudo-minimum b &lt; a ? b : a, on the operands' bits. */
    static void pmin(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(f32Lo(bLo) < f32Lo(aLo) ? (int) bLo : (int) aLo,
                f32Hi(bLo) < f32Hi(aLo) ? (int) (bLo >>> 32) : (int) (aLo >>> 32));
        s[d + 1] = pack32(f32Lo(bHi) < f32Lo(aHi) ? (int) bHi : (int) aHi,
                f32Hi(bHi) < f32Hi(aHi) ? (int) (bHi >>> 32) : (int) (aHi >>> 32));
    }

    /** Pseudo-maximum a &lt; b ? b : a, on the operands' bits. */
    static void pmax(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = pack32(f32Lo(aLo) < f32Lo(bLo) ? (int) bLo : (int) aLo,
                f32Hi(aLo) < f32Hi(bLo) ? (int) (bLo >>> 32) : (int) (aLo >>> 32));
        s[d + 1] = pack32(f32Lo(aHi) < f32Lo(bHi) ? (int) bHi : (int) aHi,
                f32Hi(aHi) < f32Hi(bHi) ? (int) (bHi >>> 32) : (int) (aHi >>> 32));
    }

    // ------------------------------------------------------------------ conversions

    static void convertI32x4S(long[] s, int d, long lo, long hi) {
        s[d] = packF32(ConvertOps.f32ConvertI32S((int) lo), ConvertOps.f32ConvertI32S((int) (lo >>> 32)));
        s[d + 1] = packF32(ConvertOps.f32ConvertI32S((int) hi), ConvertOps.f32ConvertI32S((int) (hi >>> 32)));
    }

    static void convertI32x4U(long[] s, int d, long lo, long hi) {
        s[d] = packF32(ConvertOps.f32ConvertI32U((int) lo), ConvertOps.f32ConvertI32U((int) (lo >>> 32)));
        s[d + 1] = packF32(ConvertOps.f32ConvertI32U((int) hi), ConvertOps.f32ConvertI32U((int) (hi >>> 32)));
    }

    /** f32x4.demote_f64x2_zero: the two f64 lanes rounded to f32, then two zero lanes. */
    static void demoteF64x2Zero(long[] s, int d, long lo, long hi) {
        s[d] = packF32(ConvertOps.demote(Double.longBitsToDouble(lo)), ConvertOps.demote(Double.longBitsToDouble(hi)));
        s[d + 1] = 0;
    }
}
