package dev.weft.exec;

/**
 * Semantics of the conversion instructions. Trapping truncations check the range first
 * (NaN: invalid conversion; out of range: overflow); saturating ones clamp, which Java's
 * casts already do for signed targets.
 */
final class ConvertOps {
    private ConvertOps() {
    }

    private static final float TWO_31_F = 2147483648f;
    private static final float TWO_32_F = 4294967296f;
    private static final float TWO_63_F = 9223372036854775808f;
    private static final float TWO_64_F = 18446744073709551616f;
    private static final double TWO_31 = 2147483648.0;
    private static final double TWO_32 = 4294967296.0;
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    static int wrap(long a) {
        return (int) a;
    }

    static long extendS(int a) {
        return a;
    }

    static long extendU(int a) {
        return Integer.toUnsignedLong(a);
    }

    static int i32TruncF32S(float a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a < -TWO_31_F || a >= TWO_31_F) {
            throw Traps.overflow();
        }
        return (int) a;
    }

    static int i32TruncF32U(float a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a <= -1f || a >= TWO_32_F) {
            throw Traps.overflow();
        }
        return (int) (long) a;
    }

    static int i32TruncF64S(double a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a <= -TWO_31 - 1 || a >= TWO_31) {
            throw Traps.overflow();
        }
        return (int) a;
    }

    static int i32TruncF64U(double a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a <= -1.0 || a >= TWO_32) {
            throw Traps.overflow();
        }
        return (int) (long) a;
    }

    static long i64TruncF32S(float a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a < -TWO_63_F || a >= TWO_63_F) {
            throw Traps.overflow();
        }
        return (long) a;
    }

    static long i64TruncF32U(float a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a <= -1f || a >= TWO_64_F) {
            throw Traps.overflow();
        }
        return unsignedF64(a);
    }

    static long i64TruncF64S(double a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a < -TWO_63 || a >= TWO_63) {
            throw Traps.overflow();
        }
        return (long) a;
    }

    static long i64TruncF64U(double a) {
        if (a != a) {
            throw Traps.invalidConversion();
        }
        if (a <= -1.0 || a >= TWO_64) {
            throw Traps.overflow();
        }
        return unsignedF64(a);
    }

    /** Truncates a value in (-1, 2^64) to an unsigned 64-bit pattern. */
    private static long unsignedF64(double a) {
        return a < TWO_63 ? (long) a : (long) (a - TWO_63) ^ Long.MIN_VALUE;
    }

    static int i32TruncSatF32S(float a) {
        return (int) a;
    }

    static int i32TruncSatF32U(float a) {
        return a != a || a <= 0 ? 0 : a >= TWO_32_F ? -1 : (int) (long) a;
    }

    static int i32TruncSatF64S(double a) {
        return (int) a;
    }

    static int i32TruncSatF64U(double a) {
        return a != a || a <= 0 ? 0 : a >= TWO_32 ? -1 : (int) (long) a;
    }

    static long i64TruncSatF32S(float a) {
        return (long) a;
    }

    static long i64TruncSatF32U(float a) {
        return a != a || a <= 0 ? 0 : a >= TWO_64_F ? -1L : unsignedF64(a);
    }

    static long i64TruncSatF64S(double a) {
        return (long) a;
    }

    static long i64TruncSatF64U(double a) {
        return a != a || a <= 0 ? 0 : a >= TWO_64 ? -1L : unsignedF64(a);
    }

    static float f32ConvertI32S(int a) {
        return a;
    }

    static float f32ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    static float f32ConvertI64S(long a) {
        return a;
    }

    /** Halving with the lost bit kept sticky gives one correct rounding of the unsigned value. */
    static float f32ConvertI64U(long a) {
        return a >= 0 ? (float) a : (float) ((a >>> 1) | (a & 1)) * 2f;
    }

    static float demote(double a) {
        return (float) a;
    }

    static double f64ConvertI32S(int a) {
        return a;
    }

    static double f64ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    static double f64ConvertI64S(long a) {
        return a;
    }

    static double f64ConvertI64U(long a) {
        return a >= 0 ? (double) a : (double) ((a >>> 1) | (a & 1)) * 2.0;
    }

    static double promote(float a) {
        return a;
    }
}
