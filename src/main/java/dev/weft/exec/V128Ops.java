package dev.weft.exec;

import dev.weft.code.InstructionDecoder.GlobalGet;
import dev.weft.code.InstructionDecoder.GlobalSet;
import dev.weft.code.InstructionDecoder.Src;
import dev.weft.runtime.GlobalInstance;

/**
 * Semantics of the v128 instructions that do not depend on a lane shape: moves, constants,
 * bitwise operations, splats, lane access, shuffles; and the handlers of v128 globals.
 *
 * <p>A v128 value occupies two consecutive slots, the low 64 bits (bytes 0-7, little-endian)
 * first. Operations with a v128 result receive the slots and the absolute index {@code d} of the
 * destination's first slot, then their operands by value (a v128 operand as its two halves), so
 * a destination that is also an operand is read before it is written.
 */
final class V128Ops {
    private V128Ops() {
    }

    static void copy(long[] s, int d, long lo, long hi) {
        s[d] = lo;
        s[d + 1] = hi;
    }

    /** Both halves the same: a constant whose halves are equal, and i64x2/f64x2.splat. */
    static void splat64(long[] s, int d, long v) {
        s[d] = v;
        s[d + 1] = v;
    }

    static void select(long[] s, int d, int cond, long aLo, long aHi, long bLo, long bHi) {
        if (cond != 0) {
            s[d] = aLo;
            s[d + 1] = aHi;
        } else {
            s[d] = bLo;
            s[d + 1] = bHi;
        }
    }

    // ------------------------------------------------------------------ bitwise

    static void not(long[] s, int d, long lo, long hi) {
        s[d] = ~lo;
        s[d + 1] = ~hi;
    }

    static void and(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo & bLo;
        s[d + 1] = aHi & bHi;
    }

    static void andnot(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo & ~bLo;
        s[d + 1] = aHi & ~bHi;
    }

    static void or(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo | bLo;
        s[d + 1] = aHi | bHi;
    }

    static void xor(long[] s, int d, long aLo, long aHi, long bLo, long bHi) {
        s[d] = aLo ^ bLo;
        s[d + 1] = aHi ^ bHi;
    }

    /** Bits of a where c is 1, of b where c is 0. */
    static void bitselect(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long cLo, long cHi) {
        s[d] = Lanes.select(cLo, aLo, bLo);
        s[d + 1] = Lanes.select(cHi, aHi, bHi);
    }

    static boolean anyTrue(long lo, long hi) {
        return (lo | hi) != 0;
    }

    // ------------------------------------------------------------------ splats

    static void i8x16Splat(long[] s, int d, int v) {
        splat64(s, d, (v & 0xFFL) * Lanes.ONES8);
    }

    static void i16x8Splat(long[] s, int d, int v) {
        splat64(s, d, (v & 0xFFFFL) * Lanes.ONES16);
    }

    /** i32x4.splat, and f32x4.splat of the f32's bits. */
    static void i32x4Splat(long[] s, int d, int v) {
        splat64(s, d, Lanes.pack32(v, v));
    }

    // ------------------------------------------------------------------ lanes

    static int i8x16ExtractLaneS(long lo, long hi, int lane) {
        return (byte) Lanes.lane(lo, hi, 8, lane);
    }

    static int i8x16ExtractLaneU(long lo, long hi, int lane) {
        return (int) Lanes.lane(lo, hi, 8, lane);
    }

    static int i16x8ExtractLaneS(long lo, long hi, int lane) {
        return (short) Lanes.lane(lo, hi, 16, lane);
    }

    static int i16x8ExtractLaneU(long lo, long hi, int lane) {
        return (int) Lanes.lane(lo, hi, 16, lane);
    }

    /** i32x4.extract_lane, and f32x4.extract_lane as raw bits. */
    static int i32x4ExtractLane(long lo, long hi, int lane) {
        return (int) Lanes.lane(lo, hi, 32, lane);
    }

    /** i64x2.extract_lane, and f64x2.extract_lane as raw bits. */
    static long i64x2ExtractLane(long lo, long hi, int lane) {
        return lane == 0 ? lo : hi;
    }

    static void i8x16ReplaceLane(long[] s, int d, long lo, long hi, int v, int lane) {
        replaceLane(s, d, lo, hi, 8, lane, v);
    }

    static void i16x8ReplaceLane(long[] s, int d, long lo, long hi, int v, int lane) {
        replaceLane(s, d, lo, hi, 16, lane, v);
    }

    /** i32x4.replace_lane, and f32x4.replace_lane with the f32's bits. */
    static void i32x4ReplaceLane(long[] s, int d, long lo, long hi, int v, int lane) {
        replaceLane(s, d, lo, hi, 32, lane, v);
    }

    /** i64x2.replace_lane, and f64x2.replace_lane with the f64's bits. */
    static void i64x2ReplaceLane(long[] s, int d, long lo, long hi, long v, int lane) {
        s[d] = lane == 0 ? v : lo;
        s[d + 1] = lane == 0 ? hi : v;
    }

    private static void replaceLane(long[] s, int d, long lo, long hi, int width, int lane, long v) {
        s[d] = lo;
        s[d + 1] = hi;
        Lanes.setLane(s, d, width, lane, v);
    }

    // ------------------------------------------------------------------ shuffles

    /**
     * i8x16.shuffle: byte i of the result is byte m[i] of the 32 bytes a, b. The translator puts
     * the 16 lane indices (validated below 32) in a v128 constant, m.
     */
    static void shuffle(long[] s, int d, long aLo, long aHi, long bLo, long bHi, long mLo, long mHi) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 8; i++) {
            lo |= pick(aLo, aHi, bLo, bHi, (int) (mLo >>> (8 * i)) & 31) << (8 * i);
            hi |= pick(aLo, aHi, bLo, bHi, (int) (mHi >>> (8 * i)) & 31) << (8 * i);
        }
        s[d] = lo;
        s[d + 1] = hi;
    }

    /** Byte k (below 32) of the 32 bytes a, b. */
    private static long pick(long aLo, long aHi, long bLo, long bHi, int k) {
        long half = switch (k >>> 3) {
            case 0 -> aLo;
            case 1 -> aHi;
            case 2 -> bLo;
            default -> bHi;
        };
        return (half >>> (8 * (k & 7))) & 0xFF;
    }

    /** i8x16.swizzle: byte i is byte idx[i] of a, or 0 where idx[i] is 16 or more. */
    static void swizzle(long[] s, int d, long aLo, long aHi, long iLo, long iHi) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 8; i++) {
            lo |= swizzleByte(aLo, aHi, (int) (iLo >>> (8 * i)) & 0xFF) << (8 * i);
            hi |= swizzleByte(aLo, aHi, (int) (iHi >>> (8 * i)) & 0xFF) << (8 * i);
        }
        s[d] = lo;
        s[d + 1] = hi;
    }

    private static long swizzleByte(long aLo, long aHi, int k) {
        return k < 16 ? ((k < 8 ? aLo : aHi) >>> (8 * (k & 7))) & 0xFF : 0;
    }

    // ------------------------------------------------------------------ handlers

    /** return_v128: a function's single v128 result into slots 0 and 1, then return. */
    static int returnOne(int pc, long w, long w2, long[] s, int fp, Machine m) {
        int src = fp + Src.src(w, w2);
        long hi = s[src + 1];
        s[fp] = s[src];
        s[fp + 1] = hi;
        return m.leave();
    }


    static int globalGet(int pc, long w, long w2, long[] s, int fp, Machine m) {
        GlobalInstance g = m.globals[GlobalGet.global(w, w2)];
        int d = fp + GlobalGet.dst(w, w2);
        s[d] = g.value;
        s[d + 1] = g.high;
        return pc + GlobalGet.SIZE;
    }

    static int globalSet(int pc, long w, long w2, long[] s, int fp, Machine m) {
        GlobalInstance g = m.globals[GlobalSet.global(w, w2)];
        int src = fp + GlobalSet.src(w, w2);
        g.value = s[src];
        g.high = s[src + 1];
        return pc + GlobalSet.SIZE;
    }
}
