package dev.weft.text;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The text format's numeric literals: which tokens are numbers, and their values. Integers may be
 * decimal or hexadecimal ({@code 0x}), signed or not, with single underscores between digits;
 * floats may also be hexadecimal ({@code 0x1.8p3}), {@code inf}, {@code nan} or
 * {@code nan:0xPAYLOAD}. Decimal floats round to nearest (ties to even), as the specification
 * requires; a literal that rounds to infinity is out of range.
 */
final class Numbers {
    private Numbers() {
    }

    private static final String NUM = "[0-9](?:_?[0-9])*";
    private static final String HEXNUM = "[0-9a-fA-F](?:_?[0-9a-fA-F])*";
    private static final Pattern NAT = Pattern.compile(NUM + "|0x" + HEXNUM);
    private static final Pattern INT = Pattern.compile("[+-](?:" + NUM + "|0x" + HEXNUM + ")");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:"
            + NUM + "\\.(?:" + NUM + ")?"
            + "|" + NUM + "(?:\\.(?:" + NUM + ")?)?[eE][+-]?" + NUM
            + "|0x" + HEXNUM + "\\.(?:" + HEXNUM + ")?"
            + "|0x" + HEXNUM + "(?:\\.(?:" + HEXNUM + ")?)?[pP][+-]?" + NUM
            + "|inf|nan|nan:0x" + HEXNUM + ")");

    /** @return {@link Lexer#NAT}, {@link Lexer#INT}, {@link Lexer#FLOAT}, or 0 if the text is no number */
    static byte classify(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        char c = text.charAt(0);
        if (!(c >= '0' && c <= '9' || c == '+' || c == '-' || c == 'i' || c == 'n')) {
            return 0;
        }
        if (NAT.matcher(text).matches()) {
            return Lexer.NAT;
        }
        if (INT.matcher(text).matches()) {
            return Lexer.INT;
        }
        if (FLOAT.matcher(text).matches()) {
            return Lexer.FLOAT;
        }
        return 0;
    }

    /** @return the value of hexadecimal digits (no underscores), or -1 if empty, invalid or too large */
    static long hexDigits(String digits) {
        if (digits.isEmpty() || digits.length() > 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * @param text a NAT or INT token
     * @return its value (a sign, then decimal or hexadecimal digits)
     */
    static BigInteger integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        return negative ? v.negate() : v;
    }

    /**
     * An unsigned integer (indices, limits, {@code offset=}).
     *
     * @param text a NAT token
     * @param bits 8, 32 or 64
     * @return its value as an unsigned bit pattern, or null if out of range
     */
    static Long unsigned(String text, int bits) {
        BigInteger v = integer(text);
        if (v.signum() < 0 || v.bitLength() > bits) {
            return null;
        }
        return v.longValue();
    }

    /**
     * An integer constant of {@code bits} bits: signed or unsigned, from -2^(bits-1) to 2^bits-1.
     *
     * @param text a NAT or INT token
     * @return its bit pattern, or null if out of range
     */
    static Long signedOrUnsigned(String text, int bits) {
        BigInteger v = integer(text);
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            return null;
        }
        return v.longValue();
    }

    /**
     * @param text a NAT, INT or FLOAT token
     * @return the f32 bit pattern, or null if out of range
     */
    static Integer f32(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        int sign = negative ? 0x80000000 : 0;
        if (body.equals("inf")) {
            return sign | 0x7F800000;
        }
        if (body.equals("nan")) {
            return sign | 0x7FC00000;
        }
        if (body.startsWith("nan:0x")) {
            BigInteger payload = new BigInteger(body.substring(6), 16);
            if (payload.signum() == 0 || payload.bitLength() > 23) {
                return null;
            }
            return sign | 0x7F800000 | payload.intValue();
        }
        float f = Float.parseFloat(javaSyntax(body));
        if (Float.isInfinite(f)) {
            return null;
        }
        return sign | Float.floatToRawIntBits(f);
    }

    /**
     * @param text a NAT, INT or FLOAT token
     * @return the f64 bit pattern, or null if out of range
     */
    static Long f64(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        long sign = negative ? Long.MIN_VALUE : 0;
        if (body.equals("inf")) {
            return sign | 0x7FF0000000000000L;
        }
        if (body.equals("nan")) {
            return sign | 0x7FF8000000000000L;
        }
        if (body.startsWith("nan:0x")) {
            BigInteger payload = new BigInteger(body.substring(6), 16);
            if (payload.signum() == 0 || payload.bitLength() > 52) {
                return null;
            }
            return sign | 0x7FF0000000000000L | payload.longValue();
        }
        double d = Double.parseDouble(javaSyntax(body));
        if (Double.isInfinite(d)) {
            return null;
        }
        return sign | Double.doubleToRawLongBits(d);
    }

    /** A non-negative literal in Java's syntax: hexadecimal floats need a binary exponent. */
    private static String javaSyntax(String body) {
        if (body.startsWith("0x") || body.startsWith("0X")) {
            return body.indexOf('p') < 0 && body.indexOf('P') < 0 ? body + "p0" : body;
        }
        return body;
    }
}
