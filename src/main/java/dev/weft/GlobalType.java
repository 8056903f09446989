package dev.weft;

/**
 * The type of a global variable.
 *
 * @param valueType the type of its value
 * @param mutable whether {@code global.set} may change it
 */
public record GlobalType(ValueType valueType, boolean mutable) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }

    @Override
    public String toString() {
        return mutable ? "global (mut " + valueType.wasmName() + ")" : "global " + valueType.wasmName();
    }
}
