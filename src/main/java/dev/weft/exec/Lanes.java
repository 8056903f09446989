package dev.weft.exec;

/**
 * Lane arithmetic within one 64-bit half of a v128 (a v128 is two slots: the low half holds lanes
 * 0.., the high half the rest, little-endian as in memory). The lane-parallel ("SWAR") forms take
 * {@code h}, the mask of every lane's top bit ({@link #H8}, {@link #H16}, {@link #H32}), so one
 * method serves every lane width; the JIT folds the constant masks.
 */
final class Lanes {
    private Lanes() {
    }

    /** The top bit of every 8-bit lane. */
    static final long H8 = 0x8080_8080_8080_8080L;
    /** The top bit of every 16-bit lane. */
    static final long H16 = 0x8000_8000_8000_8000L;
    /** The top bit of every 32-bit lane. */
    static final long H32 = 0x8000_0000_8000_0000L;
    /** The lowest bit of every 8-bit lane. */
    static final long ONES8 = 0x0101_0101_0101_0101L;
    /** The lowest bit of every 16-bit lane. */
    static final long ONES16 = 0x0001_0001_0001_0001L;

    /** Lane-wise a + b (wrapping) for the lanes whose top bits are {@code h}. */
    static long add(long a, long b, long h) {
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise a - b (wrapping). */
    static long sub(long a, long b, long h) {
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    /** Widens a mask holding only lanes' top bits to whole lanes of ones. */
    static long fill(long topBits, long h) {
        // h is a constant at every call site, so the JIT keeps one branch
        if (h == H8) {
            return (topBits >>> 7) * 0xFF;
        }
        if (h == H16) {
            return (topBits >>> 15) * 0xFFFF;
        }
        return (topBits >>> 31) * 0xFFFF_FFFFL;
    }

    /** All ones in the lanes where a == b, zeros elsewhere. */
    static long eq(long a, long b, long h) {
        long x = a ^ b;
        long nonZero = ((x & ~h) + ~h) | x; // a lane's top bit is set when any of its bits is
        return fill(~nonZero & h, h);
    }

    /** All ones in the lanes where a < b as unsigned numbers. */
    static long ltU(long a, long b, long h) {
        // the borrow out of each lane's top bit of a - b
        long borrow = (~a & b) | (~(a ^ b) & sub(a, b, h));
        return fill(borrow & h, h);
    }

    /** All ones in the lanes where a < b as signed numbers. */
    static long ltS(long a, long b, long h) {
        return ltU(a ^ h, b ^ h, h);
    }

    /** The lanes of a where mask is all ones, of b elsewhere. */
    static long select(long mask, long a, long b) {
        return b ^ ((a ^ b) & mask);
    }

    /** Lane-wise unsigned saturating a + b. */
    static long addSatU(long a, long b, long h) {
        long sum = add(a, b, h);
        long carry = ((a & b) | ((a | b) & ~sum)) & h;
        return sum | fill(carry, h);
    }

    /** Lane-wise unsigned saturating a - b. */
    static long subSatU(long a, long b, long h) {
        long diff = sub(a, b, h);
        long borrow = ((~a & b) | (~(a ^ b) & diff)) & h;
        return diff & ~fill(borrow, h);
    }

    /** Lane-wise signed saturating a + b. */
    static long addSatS(long a, long b, long h) {
        long sum = add(a, b, h);
        long overflow = fill(~(a ^ b) & (a ^ sum) & h, h);
        return select(overflow, saturated(a, h), sum);
    }

    /** Lane-wise signed saturating a - b. */
    static long subSatS(long a, long b, long h) {
        long diff = sub(a, b, h);
        long overflow = fill((a ^ b) & (a ^ diff) & h, h);
        return select(overflow, saturated(a, h), diff);
    }

    /** Per lane, the signed maximum (~h) where a's lane is positive, the minimum (h) where negative. */
    private static long saturated(long a, long h) {
        return select(fill(a & h, h), h, ~h);
    }

    /** Lane-wise rounding average (a + b + 1) / 2 of unsigned lanes. */
    static long avgrU(long a, long b, long h) {
        // (a | b) - ((a ^ b) >> 1) per lane; no lane borrows from the next
        return (a | b) - ((a ^ b) >>> 1 & ~h);
    }

    /** Lane-wise absolute value (the most negative value stays itself). */
    static long abs(long a, long h) {
        long negative = fill(a & h, h);
        return select(negative, sub(0, a, h), a);
    }

    // ------------------------------------------------------------------ two lanes of 32 bits

    /** A half from its two 32-bit lanes. */
    static long pack32(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    /** A half from its two f32 lanes (raw bits, so NaN payloads stay as computed). */
    static long packF32(float lo, float hi) {
        return pack32(Float.floatToRawIntBits(lo), Float.floatToRawIntBits(hi));
    }

    /** The low f32 lane of a half. */
    static float f32Lo(long a) {
        return Float.intBitsToFloat((int) a);
    }

    /** The high f32 lane of a half. */
    static float f32Hi(long a) {
        return Float.intBitsToFloat((int) (a >>> 32));
    }

    /** An all-ones or all-zeros 32-bit lane. */
    static int mask32(boolean b) {
        return b ? -1 : 0;
    }

    /** An all-ones or all-zeros 64-bit lane. */
    static long mask64(boolean b) {
        return b ? -1L : 0L;
    }

    // ------------------------------------------------------------------ lanes by index

    /** Lane i of a v128 (lanes of {@code width} bits, unsigned), given its halves. */
    static long lane(long lo, long hi, int width, int i) {
        int perHalf = 64 / width;
        long half = i < perHalf ? lo : hi;
        long v = half >>> ((i % perHalf) * width);
        return width == 64 ? v : v & ((1L << width) - 1);
    }

    /** Writes lane i (of {@code width} bits) of the v128 in slots d, d + 1. */
    static void setLane(long[] s, int d, int width, int i, long value) {
        int perHalf = 64 / width;
        int at = d + (i < perHalf ? 0 : 1);
        if (width == 64) {
            s[at] = value;
            return;
        }
        int shift = (i % perHalf) * width;
        long mask = ((1L << width) - 1) << shift;
        s[at] = (s[at] & ~mask) | ((value << shift) & mask);
    }
}
