package dev.weft;

import java.util.HexFormat;

/**
 * A WebAssembly {@code v128} value: 128 bits, as Weft passes them to and from Java (arguments and
 * results of {@link WasmFunction#call}, {@link WasmFunction#handle()} parameters and results of
 * type {@code V128}, {@link HostCall#v128}, v128 globals).
 *
 * <p>The bits are two longs: {@code low} holds bytes 0-7 of the value as it is laid out in
 * linear memory (little-endian, so lane 0 of any shape is in the low bits of {@code low}),
 * {@code high} bytes 8-15. The factories and accessors read and write lanes of each shape, e.g.
 * {@code V128.i32x4(1, 2, 3, 4).i32(2) == 3}. Immutable; equal bits are {@code equals}.
 *
 * @param low bytes 0-7 (lanes 0.. of every shape)
 * @param high bytes 8-15
 */
public record V128(long low, long high) {
    /** All 128 bits zero. */
    public static final V128 ZERO = new V128(0, 0);

    /**
     * From 16 bytes in memory order.
     *
     * @param bytes exactly 16 bytes, byte 0 first
     * @return the value
     * @throws IllegalArgumentException if there are not 16 bytes
     */
    public static V128 ofBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a v128 has 16 bytes, got " + bytes.length);
        }
        long lo = 0;
        long hi = 0;
        for (int i = 7; i >= 0; i--) {
            lo = lo << 8 | (bytes[i] & 0xFF);
            hi = hi << 8 | (bytes[i + 8] & 0xFF);
        }
        return new V128(lo, hi);
    }

    /** {@return the 16 bytes in memory order, byte 0 first} */
    public byte[] toBytes() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (low >>> (8 * i));
            b[i + 8] = (byte) (high >>> (8 * i));
        }
        return b;
    }

    /**
     * From 16 lanes of 8 bits (each int's low 8 bits).
     *
     * @param lanes 16 lanes, lane 0 first
     * @return the value
     */
    public static V128 i8x16(int... lanes) {
        return fromLanes(lanes, 8);
    }

    /**
     * From 8 lanes of 16 bits (each int's low 16 bits).
     *
     * @param lanes 8 lanes, lane 0 first
     * @return the value
     */
    public static V128 i16x8(int... lanes) {
        return fromLanes(lanes, 16);
    }

    /**
     * From 4 lanes of 32 bits.
     *
     * @param lanes 4 lanes, lane 0 first
     * @return the value
     */
    public static V128 i32x4(int... lanes) {
        return fromLanes(lanes, 32);
    }

    /**
     * From 2 lanes of 64 bits.
     *
     * @param lane0 lane 0
     * @param lane1 lane 1
     * @return the value
     */
    public static V128 i64x2(long lane0, long lane1) {
        return new V128(lane0, lane1);
    }

    /**
     * From 4 f32 lanes (their raw bits, NaN payloads included).
     *
     * @param lanes 4 lanes, lane 0 first
     * @return the value
     */
    public static V128 f32x4(float... lanes) {
        int[] bits = new int[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            bits[i] = Float.floatToRawIntBits(lanes[i]);
        }
        return fromLanes(bits, 32);
    }

    /**
     * From 2 f64 lanes (their raw bits).
     *
     * @param lane0 lane 0
     * @param lane1 lane 1
     * @return the value
     */
    public static V128 f64x2(double lane0, double lane1) {
        return new V128(Double.doubleToRawLongBits(lane0), Double.doubleToRawLongBits(lane1));
    }

    private static V128 fromLanes(int[] lanes, int width) {
        int n = 128 / width;
        if (lanes.length != n) {
            throw new IllegalArgumentException("a v128 has " + n + " lanes of " + width + " bits, got " + lanes.length);
        }
        long mask = width == 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
        long lo = 0;
        long hi = 0;
        int perHalf = n / 2;
        for (int i = 0; i < perHalf; i++) {
            lo |= (lanes[i] & mask) << (i * width);
            hi |= (lanes[i + perHalf] & mask) << (i * width);
        }
        return new V128(lo, hi);
    }

    private long lane(int width, int lane) {
        int n = 128 / width;
        if (lane < 0 || lane >= n) {
            throw new IndexOutOfBoundsException("lane " + lane + " of " + n);
        }
        int perHalf = n / 2;
        long half = lane < perHalf ? low : high;
        return half >>> ((lane % perHalf) * width);
    }

    /**
     * Reads a lane of the i8x16 shape.
     *
     * @param lane 0-15
     * @return 8-bit lane {@code lane}, sign-extended
     */
    public int i8(int lane) {
        return (byte) lane(8, lane);
    }

    /**
     * Reads a lane of the i16x8 shape.
     *
     * @param lane 0-7
     * @return 16-bit lane {@code lane}, sign-extended
     */
    public int i16(int lane) {
        return (short) lane(16, lane);
    }

    /**
     * Reads a lane of the i32x4 shape.
     *
     * @param lane 0-3
     * @return 32-bit lane {@code lane}
     */
    public int i32(int lane) {
        return (int) lane(32, lane);
    }

    /**
     * Reads a lane of the i64x2 shape.
     *
     * @param lane 0-1
     * @return 64-bit lane {@code lane}
     */
    public long i64(int lane) {
        return lane(64, lane);
    }

    /**
     * Reads a lane of the f32x4 shape.
     *
     * @param lane 0-3
     * @return f32 lane {@code lane}
     */
    public float f32(int lane) {
        return Float.intBitsToFloat(i32(lane));
    }

    /**
     * Reads a lane of the f64x2 shape.
     *
     * @param lane 0-1
     * @return f64 lane {@code lane}
     */
    public double f64(int lane) {
        return Double.longBitsToDouble(i64(lane));
    }

    /**
     * Reads the text {@link #toString()} writes: {@code 0x} and 32 hex digits, the 128 bits as one
     * number (most significant digit first, so lane 0 is at the right end).
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static V128 parseHex(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2).replace("_", "") : "";
        if (digits.length() != 32 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a v128 in hex is 0x and 32 hex digits, got '" + text + "'");
        }
        return new V128(Long.parseUnsignedLong(digits.substring(16), 16), Long.parseUnsignedLong(digits.substring(0, 16), 16));
    }

    /** {@return {@code 0x} and 32 hex digits: the 128 bits as one number, high bits first} */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "0x" + hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
