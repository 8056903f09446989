package dev.weft;

/** The value types of WebAssembly 2.0. */
public enum ValueType {
    /** 32-bit integer. */
    I32(0x7F),
    /** 64-bit integer. */
    I64(0x7E),
    /** 32-bit IEEE 754 float. */
    F32(0x7D),
    /** 64-bit IEEE 754 float. */
    F64(0x7C),
    /** 128-bit SIMD vector. */
    V128(0x7B),
    /** Reference to a function (or null). */
    FUNCREF(0x70),
    /** Opaque reference owned by the host (or null). */
    EXTERNREF(0x6F);

    private final int code;

    ValueType(int code) {
        this.code = code;
    }

    /** {@return the type's byte in the binary format} */
    public int code() {
        return code;
    }

    /** {@return true for {@link #FUNCREF} and {@link #EXTERNREF}} */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** {@return the name used in the text format, e.g. {@code i32} or {@code funcref}} */
    public String wasmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Finds the type of a binary-format byte, e.g. {@code fromCode(0x7F)} is {@link #I32}.
     *
     * @param code a value-type byte of the binary format
     * @return the type, or null if the byte is not a value type
     */
    public static ValueType fromCode(int code) {
        return switch (code) {
            case 0x7F -> I32;
            case 0x7E -> I64;
            case 0x7D -> F32;
            case 0x7C -> F64;
            case 0x7B -> V128;
            case 0x70 -> FUNCREF;
            case 0x6F -> EXTERNREF;
            default -> null;
        };
    }
}
