package dev.weft.exec;

/** Semantics of the i64 instructions. */
final class I64Ops {
    private I64Ops() {
    }

    static long add(long a, long b) {
        return a + b;
    }

    static long sub(long a, long b) {
        return a - b;
    }

    static long mul(long a, long b) {
        return a * b;
    }

    static long divS(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw Traps.overflow();
        }
        return a / b;
    }

    static long divU(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Long.divideUnsigned(a, b);
    }

    static long remS(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    static long remU(long a, long b) {
        if (b == 0) {
            throw Traps.divideByZero();
        }
        return Long.remainderUnsigned(a, b);
    }

    static long and(long a, long b) {
        return a & b;
    }

    static long or(long a, long b) {
        return a | b;
    }

    static long xor(long a, long b) {
        return a ^ b;
    }

    // Java masks shift counts to 6 bits, exactly as WebAssembly does.
    static long shl(long a, long b) {
        return a << b;
    }

    static long shrS(long a, long b) {
        return a >> b;
    }

    static long shrU(long a, long b) {
        return a >>> b;
    }

    static long rotl(long a, long b) {
        return Long.rotateLeft(a, (int) b);
    }

    static long rotr(long a, long b) {
        return Long.rotateRight(a, (int) b);
    }

    static long clz(long a) {
        return Long.numberOfLeadingZeros(a);
    }

    static long ctz(long a) {
        return Long.numberOfTrailingZeros(a);
    }

    static long popcnt(long a) {
        return Long.bitCount(a);
    }

    static long extend8S(long a) {
        return (byte) a;
    }

    static long extend16S(long a) {
        return (short) a;
    }

    static long extend32S(long a) {
        return (int) a;
    }

    static boolean eqz(long a) {
        return a == 0;
    }

    static boolean nez(long a) {
        return a != 0;
    }

    static boolean eq(long a, long b) {
        return a == b;
    }

    static boolean ne(long a, long b) {
        return a != b;
    }

    static boolean ltS(long a, long b) {
        return a < b;
    }

    static boolean ltU(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    static boolean gtS(long a, long b) {
        return a > b;
    }

    static boolean gtU(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    static boolean leS(long a, long b) {
        return a <= b;
    }

    static boolean leU(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    static boolean geS(long a, long b) {
        return a >= b;
    }

    static boolean geU(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }
}
