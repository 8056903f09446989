package dev.weft.runtime;

import dev.weft.Global;
import dev.weft.GlobalType;
import dev.weft.V128;
import dev.weft.ValueType;

/**
 * A global variable: numeric values as raw bits in {@link #value} (a v128's low half; its high
 * half in {@link #high}), references in {@link #ref}.
 */
public final class GlobalInstance implements Global {
    private final GlobalType type;
    /** Raw bits of a numeric value; read and written by the executor. */
    public long value;
    /** The high 64 bits of a v128 value (0 for other types); read and written by the executor. */
    public long high;
    /** A reference value; read and written by the executor. */
    public Object ref;

    /** @param type the global's type; the value starts at zero / null */
    public GlobalInstance(GlobalType type) {
        this.type = type;
    }

    /**
     * @param type the global's type
     * @param value Integer, Long, Float, Double or {@link V128} for numeric types; a reference or null otherwise
     * @return the global
     * @throws IllegalArgumentException if the value does not fit the type
     */
    public static GlobalInstance of(GlobalType type, Object value) {
        GlobalInstance g = new GlobalInstance(type);
        try {
            g.store(value);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a " + type.valueType().wasmName() + " global's value must be a "
                    + boxName(type.valueType()) + ", got " + value, e);
        }
        return g;
    }

    private static String boxName(ValueType t) {
        return switch (t) {
            case I32 -> "non-null Integer";
            case I64 -> "non-null Long";
            case F32 -> "non-null Float";
            case F64 -> "non-null Double";
            case V128 -> "non-null V128";
            default -> "reference";
        };
    }

    private void store(Object value) {
        ValueType t = type.valueType();
        switch (t) {
            case I32 -> value = (long) ((Integer) value);
            case I64 -> value = (Long) value;
            case F32 -> value = (long) Float.floatToRawIntBits((Float) value);
            case F64 -> value = Double.doubleToRawLongBits((Double) value);
            case V128 -> {
                V128 v = (V128) value;
                high = v.high();
                value = v.low();
            }
            case FUNCREF -> {
                if (value != null && !(value instanceof FunctionInstance)) {
                    throw new IllegalArgumentException("a funcref global holds WebAssembly functions");
                }
                ref = value;
                return;
            }
            case EXTERNREF -> {
                ref = value;
                return;
            }
            default -> throw new IllegalArgumentException("globals of type " + t.wasmName() + " are not supported");
        }
        this.value = (Long) value;
    }

    @Override
    public GlobalType type() {
        return type;
    }

    @Override
    public long getRaw() {
        return value;
    }

    @Override
    public Object getRef() {
        return ref;
    }

    @Override
    public void setRaw(long bits) {
        requireMutable();
        value = bits;
    }

    @Override
    public void setRef(Object value) {
        requireMutable();
        if (type.valueType() == ValueType.FUNCREF && value != null && !(value instanceof FunctionInstance)) {
            throw new IllegalArgumentException("a funcref global holds WebAssembly functions");
        }
        ref = value;
    }

    private void requireMutable() {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
    }

    @Override
    public Object get() {
        return switch (type.valueType()) {
            case I32 -> (int) value;
            case I64 -> value;
            case F32 -> Float.intBitsToFloat((int) value);
            case F64 -> Double.longBitsToDouble(value);
            case V128 -> new V128(value, high);
            default -> ref;
        };
    }

    @Override
    public String toString() {
        return type + " = " + get();
    }
}
