package dev.weft;

import dev.weft.runtime.GlobalInstance;

/**
 * A WebAssembly global variable. Numeric values are accessed as raw bits or typed; reference
 * globals hold a {@link WasmFunction}, a host object, or null. Not synchronised.
 */
public interface Global {
    /**
     * Creates a global a host can pass as an import.
     *
     * @param type value type and mutability
     * @param value initial value: Integer, Long, Float, Double or {@link V128} for numeric types, a reference or null otherwise
     * @return the global
     * @throws IllegalArgumentException if the value does not fit the type (a funcref global takes WebAssembly functions)
     */
    static Global create(GlobalType type, Object value) {
        return GlobalInstance.of(type, value);
    }

    /** {@return the global's type} */
    GlobalType type();

    /** {@return the value of a numeric global as raw bits (i32 sign-extended; floats as IEEE bits; a v128's low 64 bits)} */
    long getRaw();

    /** {@return the value of an i32 global} */
    default int getI32() {
        return (int) getRaw();
    }

    /** {@return the value of an i64 global} */
    default long getI64() {
        return getRaw();
    }

    /** {@return the value of an f32 global} */
    default float getF32() {
        return Float.intBitsToFloat((int) getRaw());
    }

    /** {@return the value of an f64 global} */
    default double getF64() {
        return Double.longBitsToDouble(getRaw());
    }

    /** {@return the value of a reference global} */
    Object getRef();

    /**
     * Sets a mutable numeric global from raw bits (of a v128 global, the low 64 bits).
     *
     * @param bits the value's bits
     * @throws IllegalStateException if the global is immutable
     */
    void setRaw(long bits);

    /**
     * Sets a mutable reference global.
     *
     * @param value the reference, or null
     * @throws IllegalStateException if the global is immutable
     */
    void setRef(Object value);

    /** {@return the value boxed: Integer, Long, Float, Double, {@link V128}, or the reference} */
    Object get();
}
