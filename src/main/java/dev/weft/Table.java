package dev.weft;

import dev.weft.runtime.TableInstance;

/**
 * A WebAssembly table of references: {@link WasmFunction}s (funcref) or host objects
 * (externref); Java {@code null} is the null reference. Not synchronised.
 */
public interface Table {
    /**
     * Creates a table a host can pass as an import, every element null.
     *
     * @param type element type and limits
     * @return the table
     */
    static Table create(TableType type) {
        return new TableInstance(type, null, TableInstance.MAX_ELEMENTS);
    }

    /** {@return the table's type} */
    TableType type();

    /** {@return current number of elements} */
    int size();

    /**
     * Reads an element.
     *
     * @param index element index
     * @return the element (null for the null reference)
     * @throws TrapException (out of bounds table access) if index is outside the table
     */
    Object get(int index);

    /**
     * Writes an element.
     *
     * @param index element index
     * @param value a {@link WasmFunction} for funcref tables, any object for externref tables, or null
     * @throws TrapException (out of bounds table access) if index is outside the table
     * @throws IllegalArgumentException if a funcref table is given something other than a WebAssembly function
     */
    void set(int index, Object value);

    /**
     * Grows the table, as {@code table.grow} does.
     *
     * @param delta elements to add
     * @param init value of the new elements
     * @return the previous size, or -1 if the table cannot grow that much
     */
    int grow(int delta, Object init);
}
