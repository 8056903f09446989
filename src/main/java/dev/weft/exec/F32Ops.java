package dev.weft.exec;

/**
 * Semantics of the f32 instructions. Java's float arithmetic is IEEE 754 round-to-nearest, as
 * WebAssembly's; NaN results of these operations are canonical or arithmetic as the spec
 * allows. Sign operations work on the raw bits so NaN payloads pass through untouched.
 */
final class F32Ops {
    private F32Ops() {
    }

    private static final int SIGN = 0x8000_0000;

    static float add(float a, float b) {
        return a + b;
    }

    static float sub(float a, float b) {
        return a - b;
    }

    static float mul(float a, float b) {
        return a * b;
    }

    static float div(float a, float b) {
        return a / b;
    }

    static float min(float a, float b) {
        // Math.min returns a NaN operand unchanged; WebAssembly wants it quieted (a + b does that).
        return a != a || b != b ? a + b : Math.min(a, b);
    }

    static float max(float a, float b) {
        return a != a || b != b ? a + b : Math.max(a, b);
    }

    static int copysign(int a, int b) {
        return (a & ~SIGN) | (b & SIGN);
    }

    static int abs(int a) {
        return a & ~SIGN;
    }

    static int neg(int a) {
        return a ^ SIGN;
    }

    // Rounding through double is exact for floats; NaNs are quieted by adding them to themselves.
    static float ceil(float a) {
        return a != a ? a + a : (float) Math.ceil(a);
    }

    static float floor(float a) {
        return a != a ? a + a : (float) Math.floor(a);
    }

    static float trunc(float a) {
        return a != a ? a + a : (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    static float nearest(float a) {
        return a != a ? a + a : (float) Math.rint(a);
    }

    /** A double square root rounded to float is correctly rounded (53 >= 2 * 24 + 2). */
    static float sqrt(float a) {
        return (float) Math.sqrt(a);
    }

    static boolean eq(float a, float b) {
        return a == b;
    }

    static boolean ne(float a, float b) {
        return a != b;
    }

    static boolean lt(float a, float b) {
        return a < b;
    }

    static boolean gt(float a, float b) {
        return a > b;
    }

    static boolean le(float a, float b) {
        return a <= b;
    }

    static boolean ge(float a, float b) {
        return a >= b;
    }
}
