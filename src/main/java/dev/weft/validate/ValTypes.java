package dev.weft.validate;

import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import dev.weft.decode.TypeCodes;

/**
 * Value types as the validator keeps them on its operand stack: one byte each, equal to the
 * type's byte in the binary format (so local and block types need no translation), plus
 * {@link #UNKNOWN} for the spec's "Unknown" type of the polymorphic stack.
 */
final class ValTypes {
    static final byte UNKNOWN = 0;
    static final byte I32 = 0x7F;
    static final byte I64 = 0x7E;
    static final byte F32 = 0x7D;
    static final byte F64 = 0x7C;
    static final byte V128 = 0x7B;
    static final byte FUNCREF = 0x70;
    static final byte EXTERNREF = 0x6F;

    /** The empty result or parameter list. */
    static final byte[] NONE = {};

    /** One-element type lists, indexed by type code, shared so block types cost no allocation. */
    private static final byte[][] SINGLE = new byte[128][];

    static {
        for (byte t : new byte[] {I32, I64, F32, F64, V128, FUNCREF, EXTERNREF}) {
            SINGLE[t] = new byte[] {t};
        }
    }

    private ValTypes() {
    }

    /**
     * @param t a value type code
     * @return the shared one-element list {@code [t]}
     */
    static byte[] single(int t) {
        return SINGLE[t];
    }

    /**
     * @param t a value type
     * @return its code
     */
    static byte of(ValueType t) {
        return (byte) t.code();
    }

    /**
     * @param types value types
     * @return their codes
     */
    static byte[] of(java.util.List<ValueType> types) {
        if (types.isEmpty()) {
            return NONE;
        }
        byte[] r = new byte[types.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = of(types.get(i));
        }
        return r;
    }

    /** Number types, or Unknown (which may stand for one). */
    static boolean isNumOrUnknown(int t) {
        return t >= F64 || t == UNKNOWN;
    }

    /** The vector type, or Unknown. */
    static boolean isVecOrUnknown(int t) {
        return t == V128 || t == UNKNOWN;
    }

    /** Reference types, or Unknown. */
    static boolean isRefOrUnknown(int t) {
        return t == FUNCREF || t == EXTERNREF || t == UNKNOWN;
    }

    /**
     * The operand-stack code of a value type the reader decoded.
     *
     * @param code a value type code of {@link TypeCodes}
     * @param at where the type was read, for the error
     * @return its byte code
     * @throws UnsupportedFeatureException for types beyond WebAssembly 2.0 (typed references)
     */
    static byte of(int code, int at) {
        switch (code) {
            case I32, I64, F32, F64, V128:
                return (byte) code;
            case TypeCodes.FUNCREF:
                return FUNCREF;
            case TypeCodes.EXTERNREF:
                return EXTERNREF;
            default:
                throw new UnsupportedFeatureException("value type " + TypeCodes.name(code)
                        + ": typed references are not supported by Weft yet", at);
        }
    }

    /**
     * @param t a type code
     * @return its text-format name, for messages
     */
    static String name(int t) {
        return switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            case FUNCREF -> "funcref";
            case EXTERNREF -> "externref";
            case UNKNOWN -> "(unknown)";
            default -> "0x" + Integer.toHexString(t & 0xFF);
        };
    }

    /**
     * @param types value types
     * @return them as the spec writes a result type, e.g. {@code [i32 f64]}
     */
    static String names(byte[] types) {
        StringBuilder b = new StringBuilder("[");
        for (byte t : types) {
            b.append(b.length() > 1 ? " " : "").append(name(t));
        }
        return b.append(']').toString();
    }
}
