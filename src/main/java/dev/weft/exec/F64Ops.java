package dev.weft.exec;

/**
 * Semantics of the f64 instructions; see {@link F32Ops} for the treatment of NaNs and signs.
 */
final class F64Ops {
    private F64Ops() {
    }

    private static final long SIGN = 0x8000_0000_0000_0000L;

    static double add(double a, double b) {
        return a + b;
    }

    static double sub(double a, double b) {
        return a - b;
    }

    static double mul(double a, double b) {
        return a * b;
    }

    static double div(double a, double b) {
        return a / b;
    }

    static double min(double a, double b) {
        return a != a || b != b ? a + b : Math.min(a, b);
    }

    static double max(double a, double b) {
        return a != a || b != b ? a + b : Math.max(a, b);
    }

    static long copysign(long a, long b) {
        return (a & ~SIGN) | (b & SIGN);
    }

    static long abs(long a) {
        return a & ~SIGN;
    }

    static long neg(long a) {
        return a ^ SIGN;
    }

    static double ceil(double a) {
        return a != a ? a + a : Math.ceil(a);
    }

    static double floor(double a) {
        return a != a ? a + a : Math.floor(a);
    }

    static double trunc(double a) {
        return a != a ? a + a : a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    static double nearest(double a) {
        return a != a ? a + a : Math.rint(a);
    }

    static double sqrt(double a) {
        return Math.sqrt(a);
    }

    static boolean eq(double a, double b) {
        return a == b;
    }

    static boolean ne(double a, double b) {
        return a != b;
    }

    static boolean lt(double a, double b) {
        return a < b;
    }

    static boolean gt(double a, double b) {
        return a > b;
    }

    static boolean le(double a, double b) {
        return a <= b;
    }

    static boolean ge(double a, double b) {
        return a >= b;
    }
}
