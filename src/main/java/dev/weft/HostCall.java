package dev.weft;

/**
 * What a {@link HostFunction} sees of its call: the arguments, where to put results, and the
 * calling instance's memory. Valid only during the call (the object is reused for the next one,
 * which is what makes host calls allocation-free).
 *
 * <p>An argument index outside the function's parameters, or a result index outside its
 * results, throws {@link IndexOutOfBoundsException}; it propagates to the caller unchanged,
 * like any exception of a host function other than {@link TrapException}.
 *
 * <pre>{@code
 * // (i32, i64) -> (i64, i32): swaps its arguments
 * .function("env", "swap", FunctionType.of(List.of(I32, I64), List.of(I64, I32)), call -> {
 *     call.setI64(0, call.i64(1));
 *     call.setI32(1, call.i32(0));
 * })
 * }</pre>
 *
 * <p>Binding a Java method or lambda with its own types instead, e.g.
 * {@code .function("env", "add", IntBinaryOperator.class, Integer::sum)}, avoids this interface
 * altogether: see {@link Imports.Builder#function(String, String, Class, Object)}.
 */
public interface HostCall {
    /**
     * Reads an i32 argument.
     *
     * @param index argument index
     * @return an i32 argument
     */
    int i32(int index);

    /**
     * Reads an i64 argument.
     *
     * @param index argument index
     * @return an i64 argument
     */
    long i64(int index);

    /**
     * Reads an f32 argument.
     *
     * @param index argument index
     * @return an f32 argument
     */
    float f32(int index);

    /**
     * Reads an f64 argument.
     *
     * @param index argument index
     * @return an f64 argument
     */
    double f64(int index);

    /**
     * Reads a v128 argument.
     *
     * @param index argument index
     * @return a v128 argument
     */
    V128 v128(int index);

    /**
     * Reads a funcref or externref argument.
     *
     * @param index argument index
     * @return a reference argument (null for the null reference)
     */
    Object ref(int index);

    /**
     * Sets an i32 result.
     *
     * @param index result index
     * @param value the i32 result
     */
    void setI32(int index, int value);

    /**
     * Sets an i64 result.
     *
     * @param index result index
     * @param value the i64 result
     */
    void setI64(int index, long value);

    /**
     * Sets an f32 result.
     *
     * @param index result index
     * @param value the f32 result
     */
    void setF32(int index, float value);

    /**
     * Sets an f64 result.
     *
     * @param index result index
     * @param value the f64 result
     */
    void setF64(int index, double value);

    /**
     * Sets a v128 result.
     *
     * @param index result index
     * @param value the v128 result
     */
    void setV128(int index, V128 value);

    /**
     * Sets a funcref or externref result.
     *
     * @param index result index
     * @param value the reference result, or null
     * @throws IllegalArgumentException if the result is a funcref and the value is not a {@link WasmFunction}
     */
    void setRef(int index, Object value);

    /**
     * The fuel the running call has left.
     *
     * @return the fuel the running call has left, or {@link Long#MAX_VALUE} if it is not metered
     *     (see {@link Execution})
     */
    long fuel();

    /**
     * Charges the running call fuel for the host function's own work, so that a guest cannot
     * escape its budget through expensive host calls. Does nothing if the call is not metered.
     *
     * @param units fuel to charge, at least 0
     * @throws TrapException of kind {@link TrapKind#OUT_OF_FUEL} if the call has less left (nothing
     *     is charged); let it propagate to make the call trap
     */
    void consumeFuel(long units);

    /**
     * Suspends the resumable call when this host function returns ({@link Execution#start}): the
     * call's {@link ResumableCall} reports {@link ResumableCall.State#YIELDED}, and the host resumes
     * it later, on any thread, optionally supplying this host function's results then
     * ({@link ResumableCall#resume(Object...)}). Results set here before returning stay unless
     * replaced at the resumption.
     *
     * @throws IllegalStateException if the call is not resumable, or this host function runs in a
     *     call nested inside another host function's
     */
    void suspend();

    /**
     * Returns the memory of the calling instance, to read and write the guest's data.
     *
     * @return the memory of the calling instance (its memory 0)
     * @throws IllegalStateException if the caller is not a WebAssembly instance with a memory
     */
    Memory memory();
}
