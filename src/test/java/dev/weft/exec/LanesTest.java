package dev.weft.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The lane-parallel (SWAR) arithmetic of {@link Lanes} against the obvious lane-by-lane
 * definition, for every lane width, on boundary lanes and random halves. The spec suite tests
 * the instructions; this pins the bit tricks themselves, lane by lane, with a message naming the
 * lane that differs.
 */
class LanesTest {
    private static final long[] HS = {Lanes.H8, Lanes.H16, Lanes.H32};
    private static final int ROUNDS = 20_000;

    /** A lane-wise reference: f on each lane's signed and unsigned value, result masked to the lane. */
    @FunctionalInterface
    interface LaneOp {
        long apply(long aSigned, long bSigned, long aUnsigned, long bUnsigned, int width);
    }

    private static long reference(long a, long b, int width, LaneOp op) {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long r = 0;
        for (int shift = 0; shift < 64; shift += width) {
            long ua = (a >>> shift) & mask;
            long ub = (b >>> shift) & mask;
            long sa = (ua << (64 - width)) >> (64 - width);
            long sb = (ub << (64 - width)) >> (64 - width);
            r |= (op.apply(sa, sb, ua, ub, width) & mask) << shift;
        }
        return r;
    }

    private static long laneOnes(int width) {
        return (1L << width) - 1;
    }

    /** Halves whose lanes are often 0, 1, the extremes and neighbours, else random. */
    private static long half(SplittableRandom r, int width) {
        if (r.nextInt(4) == 0) {
            return r.nextLong();
        }
        long mask = laneOnes(width);
        long[] interesting = {0, 1, mask, mask >>> 1, (mask >>> 1) + 1, (mask >>> 1) - 1, 2, mask - 1};
        long v = 0;
        for (int shift = 0; shift < 64; shift += width) {
            long lane = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextLong() & mask;
            v |= lane << shift;
        }
        return v;
    }

    /** Checks swar, for the lanes whose top bits are h, against ref on boundary and random halves. */
    private static void check(String name, long h, LongBinaryOperator swar, LaneOp ref) {
        int width = 64 / Long.bitCount(h);
        SplittableRandom r = new SplittableRandom(name.hashCode() + width);
        for (int i = 0; i < ROUNDS; i++) {
            long a = half(r, width);
            long b = half(r, width);
            long want = reference(a, b, width, ref);
            long got = swar.applyAsLong(a, b);
            if (want != got) {
                assertEquals(Long.toHexString(want), Long.toHexString(got),
                        name + " on " + width + "-bit lanes of " + Long.toHexString(a) + ", " + Long.toHexString(b));
            }
        }
    }

    private static long bool(boolean b, int width) {
        return b ? laneOnes(width) : 0;
    }

    @Test
    void arithmetic() {
        for (long h : HS) {
            check("add", h, (a, b) -> Lanes.add(a, b, h), (sa, sb, ua, ub, w) -> ua + ub);
            check("sub", h, (a, b) -> Lanes.sub(a, b, h), (sa, sb, ua, ub, w) -> ua - ub);
            check("avgrU", h, (a, b) -> Lanes.avgrU(a, b, h), (sa, sb, ua, ub, w) -> (ua + ub + 1) >>> 1);
            check("abs", h, (a, b) -> Lanes.abs(a, h), (sa, sb, ua, ub, w) -> Math.abs(sa));
        }
    }

    @Test
    void saturatingArithmetic() {
        for (long h : HS) {
            check("addSatU", h, (a, b) -> Lanes.addSatU(a, b, h),
                    (sa, sb, ua, ub, w) -> Math.min(ua + ub, laneOnes(w)));
            check("subSatU", h, (a, b) -> Lanes.subSatU(a, b, h), (sa, sb, ua, ub, w) -> Math.max(ua - ub, 0));
            check("addSatS", h, (a, b) -> Lanes.addSatS(a, b, h),
                    (sa, sb, ua, ub, w) -> Math.clamp(sa + sb, -(1L << (w - 1)), (1L << (w - 1)) - 1));
            check("subSatS", h, (a, b) -> Lanes.subSatS(a, b, h),
                    (sa, sb, ua, ub, w) -> Math.clamp(sa - sb, -(1L << (w - 1)), (1L << (w - 1)) - 1));
        }
    }

    @Test
    void comparisons() {
        for (long h : HS) {
            check("eq", h, (a, b) -> Lanes.eq(a, b, h), (sa, sb, ua, ub, w) -> bool(ua == ub, w));
            check("ltU", h, (a, b) -> Lanes.ltU(a, b, h), (sa, sb, ua, ub, w) -> bool(ua < ub, w));
            check("ltS", h, (a, b) -> Lanes.ltS(a, b, h), (sa, sb, ua, ub, w) -> bool(sa < sb, w));
        }
    }

    @Test
    void bitmasksGatherTheTopBitOfEveryLane() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < ROUNDS; i++) {
            long lo = half(r, 8);
            long hi = half(r, 8);
            int want8 = 0;
            int want16 = 0;
            for (int lane = 0; lane < 16; lane++) {
                want8 |= (int) (((lane < 8 ? lo : hi) >>> (8 * (lane % 8) + 7)) & 1) << lane;
            }
            for (int lane = 0; lane < 8; lane++) {
                want16 |= (int) (((lane < 4 ? lo : hi) >>> (16 * (lane % 4) + 15)) & 1) << lane;
            }
            assertEquals(want8, I8x16Ops.bitmask(lo, hi), Long.toHexString(lo) + " " + Long.toHexString(hi));
            assertEquals(want16, I16x8Ops.bitmask(lo, hi), Long.toHexString(lo) + " " + Long.toHexString(hi));
        }
    }

    @Test
    void lanesByIndex() {
        long[] s = new long[4];
        s[1] = 0x0706050403020100L;
        s[2] = 0x0F0E0D0C0B0A0908L;
        for (int lane = 0; lane < 16; lane++) {
            assertEquals(lane, Lanes.lane(s[1], s[2], 8, lane));
        }
        Lanes.setLane(s, 1, 16, 5, 0xBEEF);
        assertEquals(0xBEEF, Lanes.lane(s[1], s[2], 16, 5));
        assertEquals(0x0F0E_0D0C_BEEF_0908L, s[2]);
        Lanes.setLane(s, 1, 64, 0, -1);
        assertEquals(-1L, s[1]);
        assertEquals(0, s[0] | s[3], "neighbouring slots untouched");
    }
}
