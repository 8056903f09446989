package dev.weft.cli;

import dev.weft.FunctionType;
import dev.weft.ValueType;

import java.util.List;

/** Command-line text to WebAssembly values and back. */
final class Values {
    private Values() {
    }

    /**
     * @param type the function's type
     * @param args one text per parameter: decimal (or 0x hex) integers, Java float syntax
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
                default -> throw new IllegalArgumentException("cannot pass a " + t.wasmName() + " from the command line");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid " + t.wasmName(), e);
        }
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
     * @return its text (integers signed decimal, floats as Java prints them)
     */
    static String format(Object value) {
        return String.valueOf(value);
    }
}
