package dev.weft;

/**
 * The type of a table.
 *
 * @param elementType {@link ValueType#FUNCREF} or {@link ValueType#EXTERNREF}
 * @param limits size limits in elements
 */
public record TableType(ValueType elementType, Limits limits) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }

    @Override
    public String toString() {
        return "table " + limits + " " + elementType.wasmName();
    }
}
