package dev.weft.text;

/**
 * {@code v128} literals: a shape ({@code i8x16} … {@code f64x2}) and one number per lane, and the
 * 16 lane indices of {@code i8x16.shuffle}. Integer lanes may be signed or unsigned; float lanes
 * take every float literal form.
 */
final class Vectors {
    private Vectors() {
    }

    /** A malformed token among the literals is reported as such, before their count. */
    private static void malformedToken(Cursor c) {
        if (c.kind() == Lexer.RESERVED) {
            throw c.unexpected();
        }
    }

    /** @return the number of lanes of a shape keyword, or 0 if it is none */
    static int lanes(String shape) {
        return switch (shape) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> 0;
        };
    }

    /** Reads {@code SHAPE num*} and writes the 16 bytes. */
    static void constant(Cursor c, ByteSink out) {
        out.bytes(constant(c));
    }

    /** @return the 16 bytes of {@code SHAPE num*}, little-endian */
    static byte[] constant(Cursor c) {
        int at = c.offset();
        String shape = c.keyword();
        int lanes = lanes(shape);
        if (lanes == 0) {
            c.pos(c.pos() - 1);
            throw c.unexpected();
        }
        int first = c.pos();
        while (c.atNumber()) {
            c.advance();
        }
        malformedToken(c);
        if (c.pos() - first != lanes) {
            throw c.error("wrong number of lane literals", at);
        }
        c.pos(first);
        byte[] v = new byte[16];
        int width = 16 / lanes;
        for (int i = 0; i < lanes; i++) {
            long bits = lane(c, shape);
            for (int b = 0; b < width; b++) {
                v[i * width + b] = (byte) (bits >>> (8 * b));
            }
        }
        return v;
    }

    /** @return one lane's bit pattern, consumed */
    static long lane(Cursor c, String shape) {
        Object v = switch (shape) {
            case "i8x16" -> integer(c, 8);
            case "i16x8" -> integer(c, 16);
            case "i32x4" -> integer(c, 32);
            case "i64x2" -> integer(c, 64);
            case "f32x4" -> c.kind() == Lexer.NAT || c.kind() == Lexer.INT || c.kind() == Lexer.FLOAT
                    ? Numbers.f32(c.text()) : null;
            default -> c.atNumber() ? Numbers.f64(c.text()) : null;
        };
        if (v == null) {
            throw c.error("constant out of range");
        }
        c.advance();
        return v instanceof Integer i ? i & 0xFFFFFFFFL : (Long) v;
    }

    private static Long integer(Cursor c, int bits) {
        if (c.kind() != Lexer.NAT && c.kind() != Lexer.INT) {
            return null;
        }
        return Numbers.signedOrUnsigned(c.text(), bits);
    }

    /** Reads the 16 lane indices of a shuffle and writes them. */
    static void shuffle(Cursor c, ByteSink out) {
        int at = c.offset();
        int first = c.pos();
        while (c.atNumber()) {
            c.advance();
        }
        malformedToken(c);
        if (c.pos() - first != 16) {
            throw c.error("invalid lane length", at);
        }
        c.pos(first);
        for (int i = 0; i < 16; i++) {
            Long v = c.atNat() ? Numbers.unsigned(c.text(), 8) : null;
            if (v == null) {
                throw c.error("i8 constant out of range");
            }
            c.advance();
            out.byte_(v.intValue());
        }
    }
}
