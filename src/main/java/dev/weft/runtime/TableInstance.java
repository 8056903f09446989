package dev.weft.runtime;

import dev.weft.Limits;
import dev.weft.Table;
import dev.weft.TableType;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.ValueType;
import dev.weft.WasmFunction;
import dev.weft.WeftException;

import java.util.Arrays;

/** A table of references. Elements beyond {@link #size} in {@link #elements} are capacity. */
public final class TableInstance implements Table {
    /** Default implementation limit on a table's size (elements). */
    public static final int MAX_ELEMENTS = 10_000_000;

    private final ValueType elementType;
    private final long maxSize;
    /** The declared maximum, or -1: what import matching and {@link #type()} see (not the engine's cap). */
    private final long declaredMax;
    /** The elements; read by the executor. */
    public Object[] elements;
    /** Current size; read by the executor. */
    public int size;

    /**
     * @param type the table's type
     * @param init value of the initial elements
     * @param limit the engine's limit on table sizes
     * @throws WeftException if the initial size exceeds the limit
     */
    public TableInstance(TableType type, Object init, int limit) {
        Limits l = type.limits();
        this.elementType = type.elementType();
        this.declaredMax = l.max().orElse(-1);
        this.maxSize = Math.min(declaredMax >= 0 ? declaredMax : 0xFFFF_FFFFL, limit);
        if (l.min() > maxSize) {
            throw new WeftException("table of " + l.min() + " elements exceeds the limit of " + maxSize + " elements");
        }
        this.size = (int) l.min();
        this.elements = new Object[size];
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    @Override
    public TableType type() {
        return new TableType(elementType, declaredMax >= 0 ? Limits.of(size, declaredMax) : Limits.of(size));
    }

    /** @return the declared maximum, or -1 (for import matching) */
    public long declaredMaximum() {
        return declaredMax;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(int index) {
        if (Integer.compareUnsigned(index, size) >= 0) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        return elements[index];
    }

    @Override
    public void set(int index, Object value) {
        check(value);
        if (Integer.compareUnsigned(index, size) >= 0) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        elements[index] = value;
    }

    private void check(Object value) {
        if (elementType == ValueType.FUNCREF && value != null && !(value instanceof FunctionInstance)) {
            throw new IllegalArgumentException("a funcref table holds WebAssembly functions, not " + value.getClass().getName());
        }
    }

    @Override
    public int grow(int delta, Object init) {
        check(init);
        int old = size;
        if (delta < 0 || delta > maxSize - old) {
            return -1;
        }
        int wanted = old + delta;
        if (wanted > elements.length) {
            long capacity = Math.min(maxSize, Math.max(wanted, (long) old + old / 2));
            try {
                elements = Arrays.copyOf(elements, (int) capacity);
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        Arrays.fill(elements, old, wanted, init);
        size = wanted;
        return old;
    }

    /**
     * @param value a reference
     * @return whether it may be stored in this table
     */
    public boolean accepts(Object value) {
        return elementType != ValueType.FUNCREF || value == null || value instanceof WasmFunction;
    }
}
