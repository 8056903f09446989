package dev.weft;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/** The type of a function: its parameter and result types. Immutable; equal types are {@code equals}. */
public final class FunctionType implements ExternType {
    private static final ValueType[] NONE = new ValueType[0];

    private final ValueType[] params;
    private final ValueType[] results;
    private final int hash;

    private FunctionType(ValueType[] params, ValueType[] results) {
        this.params = params;
        this.results = results;
        this.hash = 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
    }

    /**
     * Makes a function type, e.g. {@code FunctionType.of(List.of(I32, I32), List.of(I64))} for
     * {@code (i32, i32) -> (i64)}.
     *
     * @param params parameter types
     * @param results result types
     * @return the function type
     */
    public static FunctionType of(List<ValueType> params, List<ValueType> results) {
        return new FunctionType(params.toArray(NONE), results.toArray(NONE));
    }

    /**
     * Makes a function type from arrays.
     *
     * @param params parameter types (copied)
     * @param results result types (copied)
     * @return the function type
     */
    public static FunctionType of(ValueType[] params, ValueType[] results) {
        for (ValueType t : params) {
            java.util.Objects.requireNonNull(t, "parameter type");
        }
        for (ValueType t : results) {
            java.util.Objects.requireNonNull(t, "result type");
        }
        return new FunctionType(params.clone(), results.clone());
    }

    /** {@return the parameter types} */
    public List<ValueType> params() {
        return List.of(params);
    }

    /** {@return the result types} */
    public List<ValueType> results() {
        return List.of(results);
    }

    /** {@return number of parameters} */
    public int paramCount() {
        return params.length;
    }

    /** {@return number of results} */
    public int resultCount() {
        return results.length;
    }

    /**
     * Returns one parameter's type.
     *
     * @param i index
     * @return the type of parameter {@code i}
     */
    public ValueType param(int i) {
        return params[i];
    }

    /**
     * Returns one result's type.
     *
     * @param i index
     * @return the type of result {@code i}
     */
    public ValueType result(int i) {
        return results[i];
    }

    @Override
    public ExternKind kind() {
        return ExternKind.FUNCTION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionType t && hash == t.hash
                && Arrays.equals(params, t.params) && Arrays.equals(results, t.results);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringJoiner p = new StringJoiner(", ", "(", ")");
        for (ValueType t : params) {
            p.add(t.wasmName());
        }
        StringJoiner r = new StringJoiner(", ", "(", ")");
        for (ValueType t : results) {
            r.add(t.wasmName());
        }
        return p + " -> " + r;
    }
}
