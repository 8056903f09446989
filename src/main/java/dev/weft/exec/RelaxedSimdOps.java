package dev.weft.exec;

import static dev.weft.exec.Lanes.f32Hi;
import static dev.weft.exec.Lanes.f32Lo;
import static dev.weft.exec.Lanes.pack32;
import static dev.weft.exec.Lanes.packF32;

/**
 * The relaxed SIMD instructions (WebAssembly 3.0) whose deterministic choice is not an existing
 * instruction. Weft makes, for every relaxed instruction, the choice of the spec's deterministic
 * profile (every implementation parameter 0), the same in every mode and on every machine:
 * <ul>
 * <li>{@code relaxed_madd}/{@code relaxed_nmadd}: unfused, {@code a * b + c} rounded twice
 *     ({@code nmadd} is {@code -a * b + c});
 * <li>{@code relaxed_dot_i8x16_i7x16}: both operands signed, pairs added with signed saturation;
 * <li>{@code relaxed_swizzle}, {@code relaxed_trunc*}, {@code relaxed_laneselect},
 *     {@code relaxed_min}/{@code relaxed_max}, {@code relaxed_q15mulr_s}: exactly
 *     {@code swizzle}, {@code trunc_sat*}, {@code bitselect}, {@code min}/{@code max},
 *     {@code q15mulr_sat_s} (instructions.def names their semantics methods directly).
 * </ul>
 * See docs/simd.md.
 */
final class RelaxedSimdOps {
    private RelaxedSimdOps() {
    }

    static void f32x4Madd(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = packF32(f32Lo(aLo) * f32Lo(bLo) + f32Lo(cLo), f32Hi(aLo) * f32Hi(bLo) + f32Hi(cLo));
        s[d + 1] = packF32(f32Lo(aHi) * f32Lo(bHi) + f32Lo(cHi), f32Hi(aHi) * f32Hi(bHi) + f32Hi(cHi));
    }

    static void f32x4Nmadd(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = packF32(-f32Lo(aLo) * f32Lo(bLo) + f32Lo(cLo), -f32Hi(aLo) * f32Hi(bLo) + f32Hi(cLo));
        s[d + 1] = packF32(-f32Lo(aHi) * f32Lo(bHi) + f32Lo(cHi), -f32Hi(aHi) * f32Hi(bHi) + f32Hi(cHi));
    }

    static void f64x2Madd(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = Double.doubleToRawLongBits(f(aLo) * f(bLo) + f(cLo));
        s[d + 1] = Double.doubleToRawLongBits(f(aHi) * f(bHi) + f(cHi));
    }

    static void f64x2Nmadd(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = Double.doubleToRawLongBits(-f(aLo) * f(bLo) + f(cLo));
        s[d + 1] = Double.doubleToRawLongBits(-f(aHi) * f(bHi) + f(cHi));
    }

    private static double f(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** i16x8.relaxed_dot_i8x16_i7x16_s: lane i is a[2i] * b[2i] + a[2i+1] * b[2i+1], signed, saturated. */
    static void i16x8DotI8x16I7x16S(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = dot16(aLo, bLo);
        s[d + 1] = dot16(aHi, bHi);
    }

    /** The four 16-bit saturated dot products of one half's bytes. */
    private static long dot16(long a, long b) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (dot16(a, b, i) & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    private static int dot16(long a, long b, int i) {
        int sum = I16x8Ops.byteOf(a, 2 * i, true) * I16x8Ops.byteOf(b, 2 * i, true)
                + I16x8Ops.byteOf(a, 2 * i + 1, true) * I16x8Ops.byteOf(b, 2 * i + 1, true);
        return Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /**
     * i32x4.relaxed_dot_i8x16_i7x16_add_s: the 16-bit dot products above, added pairwise into
     * 32-bit lanes, plus c.
     */
    static void i32x4DotI8x16I7x16AddS(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = pack32(dot16(aLo, bLo, 0) + dot16(aLo, bLo, 1) + (int) cLo,
                dot16(aLo, bLo, 2) + dot16(aLo, bLo, 3) + (int) (cLo >>> 32));
        s[d + 1] = pack32(dot16(aHi, bHi, 0) + dot16(aHi, bHi, 1) + (int) cHi,
                dot16(aHi, bHi, 2) + dot16(aHi, bHi, 3) + (int) (cHi >>> 32));
    }
}
