package dev.weft.exec;

/** Semantics of the i32 instructions. */
final class I32Ops {
    private I32Ops() {
    }

    static int add(int a, int b) {
        return a + b;
    }

    static int sub(int a, int b) {
        return a - b;
    }

    static int mul(int a, int b) {
        return a * b;
    }

    static int divS(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw Traps.overflow();
        }
        return a / b;
    }

    static int divU(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Integer.divideUnsigned(a, b);
    }

    static int remS(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    static int remU(int a, int b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Integer.remainderUnsigned(a, b);
    }

    static int and(int a, int b) {
        return a & b;
    }

    static int or(int a, int b) {
        return a | b;
    }

    static int xor(int a, int b) {
        return a ^ b;
    }

    // Java masks shift counts to 5 bits, exactly as WebAssembly does.
    static int shl(int a, int b) {
        return a << b;
    }

    static int shrS(int a, int b) {
        return a >> b;
    }

    static int shrU(int a, int b) {
        return a >>> b;
    }

    static int rotl(int a, int b) {
        return Integer.rotateLeft(a, b);
    }

    static int rotr(int a, int b) {
        return Integer.rotateRight(a, b);
    }

    /** Bit-field extraction: {@code (a >>> shift) & mask} (i32.shr_u then i32.and with constants). */
    static int shrUAnd(int a, int shift, int mask) {
        return (a >>> shift) & mask;
    }

    /** Multiply-accumulate: {@code a * b + c} (i32.mul then i32.add), wrapping. */
    static int mulAdd(int a, int b, int c) {
        return a * b + c;
    }

    static int clz(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    static int ctz(int a) {
        return Integer.numberOfTrailingZeros(a);
    }

    static int popcnt(int a) {
        return Integer.bitCount(a);
    }

    static int extend8S(int a) {
        return (byte) a;
    }

    static int extend16S(int a) {
        return (short) a;
    }

    static boolean eqz(int a) {
        return a == 0;
    }

    static boolean nez(int a) {
        return a != 0;
    }

    static boolean eq(int a, int b) {
        return a == b;
    }

    static boolean ne(int a, int b) {
        return a != b;
    }

    static boolean ltS(int a, int b) {
        return a < b;
    }

    static boolean ltU(int a, int b) {
        return Integer.compareUnsigned(a, b) < 0;
    }

    static boolean gtS(int a, int b) {
        return a > b;
    }

    static boolean gtU(int a, int b) {
        return Integer.compareUnsigned(a, b) > 0;
    }

    static boolean leS(int a, int b) {
        return a <= b;
    }

    static boolean leU(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0;
    }

    static boolean geS(int a, int b) {
        return a >= b;
    }

    static boolean geU(int a, int b) {
        return Integer.compareUnsigned(a, b) >= 0;
    }
}
