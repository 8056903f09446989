package dev.weft.cli;

import dev.weft.FunctionType;
import dev.weft.V128;
import dev.weft.ValueType;

import java.util.List;

/** Command-line text to WebAssembly values and back. */
final class Values {
    private Values() {
    }

    /**
     * @param type the function's type
     * @param args one text per parameter: decimal (or 0x hex) integers, Java float syntax, v128 as
     *     {@code SHAPE:LANE,...} ({@code i32x4:1,2,3,4}) or {@code 0x} and 32 hex digits
     * @return the boxed arguments
     * @throws IllegalArgumentException if the count or a value does not fit
     */
    static Object[] parse(FunctionType type, List<String> args) {
        if (args.size() != type.paramCount()) {
            throw new IllegalArgumentException("the function takes " + type.paramCount() + " arguments " + type
                    + ", got " + args.size());
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(type.param(i), args.get(i));
        }
        return values;
    }

    private static Object parse(ValueType t, String s) {
        try {
            return switch (t) {
                case I32 -> (int) parseInteger(s, 32);
                case I64 -> parseInteger(s, 64);
                case F32 -> Float.parseFloat(s);
                case F64 -> Double.parseDouble(s);
                case V128 -> vector(s);
                default -> throw new IllegalArgumentException("cannot pass a " + t.wasmName() + " from the command line");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid " + t.wasmName(), e);
        }
    }

    /**
     * A v128: {@code 0x} and 32 hex digits (the 128 bits as one number, as {@link V128#toString()}
     * prints it), or a lane shape and its lanes, lane 0 first: {@code i8x16:} 16 integers,
     * {@code i16x8:} 8, {@code i32x4:} 4, {@code i64x2:} 2 (each signed or unsigned decimal or 0x
     * hex, fitting the lane), {@code f32x4:} 4 or {@code f64x2:} 2 floats.
     */
    private static V128 vector(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            return V128.parseHex(s);
        }
        String shape = s.substring(0, colon);
        String[] lanes = s.substring(colon + 1).split(",", -1);
        int n = switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> throw new IllegalArgumentException("unknown v128 shape '" + shape
                    + "'; use i8x16, i16x8, i32x4, i64x2, f32x4, f64x2 or 0x and 32 hex digits");
        };
        if (lanes.length != n) {
            throw new IllegalArgumentException(shape + " has " + n + " lanes, got " + lanes.length + " in '" + s + "'");
        }
        if (shape.equals("i64x2")) {
            return V128.i64x2(parseInteger(lanes[0].strip(), 64), parseInteger(lanes[1].strip(), 64));
        }
        if (shape.equals("f64x2")) {
            return V128.f64x2(Double.parseDouble(lanes[0].strip()), Double.parseDouble(lanes[1].strip()));
        }
        int[] ints = new int[n];
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            String lane = lanes[i].strip();
            if (shape.equals("f32x4")) {
                ints[i] = Float.floatToRawIntBits(Float.parseFloat(lane));
                continue;
            }
            long v = parseInteger(lane, 32);
            if (bits < 32 && (v < -(1L << (bits - 1)) || v >= 1L << bits)) {
                throw new NumberFormatException("out of range for a " + bits + "-bit lane: " + lane);
            }
            ints[i] = (int) v;
        }
        return switch (shape) {
            case "i8x16" -> V128.i8x16(ints);
            case "i16x8" -> V128.i16x8(ints);
            default -> V128.i32x4(ints); // i32x4, and f32x4 as bits
        };
    }

    /** Signed or unsigned decimal, or 0x hex, range-checked for the width. */
    private static long parseInteger(String s, int bits) {
        boolean hex = s.startsWith("0x") || s.startsWith("0X");
        long v;
        if (hex) {
            v = Long.parseUnsignedLong(s.substring(2), 16);
        } else if (s.startsWith("-")) {
            v = Long.parseLong(s);
        } else {
            v = Long.parseUnsignedLong(s);
        }
        if (bits == 32 && (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL)) {
            throw new NumberFormatException("out of range for i32");
        }
        return v;
    }

    /**
     * @param value a boxed result
     * @return its text (integers signed decimal, floats as Java prints them, v128 as 0x and 32 hex digits)
     */
    static String format(Object value) {
        return String.valueOf(value);
    }
}
