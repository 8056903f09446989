package dev.weft;

import java.lang.invoke.MethodHandle;

/**
 * A WebAssembly function (exported by an instance, held in a table, or passed as a funcref):
 * call it from any thread; each thread runs on its own execution stack.
 *
 * <p>Two ways to call: {@link #call(Object...)} for convenience (boxed values), and
 * {@link #handle()} for speed (exact primitive Java types, no boxing or allocation per call
 * for functions with up to {@value #MAX_FAST_PARAMS} numeric parameters and at most one numeric result).
 */
public interface WasmFunction {
    /** The most parameters a function may have for {@link #handle()} to call it without allocating. */
    int MAX_FAST_PARAMS = 8;

    /** {@return the function's type} */
    FunctionType type();

    /**
     * Calls the function with boxed arguments: Integer for i32, Long for i64, Float for f32,
     * Double for f64, {@link V128} for v128, a reference (or null) for funcref/externref.
     *
     * @param args one argument per parameter
     * @return the results, boxed the same way (empty for no results)
     * @throws TrapException if the function traps
     * @throws IllegalArgumentException if the arguments do not match the type
     */
    Object[] call(Object... args);

    /**
     * A method handle of the function's exact Java type: parameters and a single result map
     * i32 to {@code int}, i64 to {@code long}, f32 to {@code float}, f64 to {@code double},
     * v128 to {@link V128}, references to {@code Object}; no result maps to {@code void}; several
     * results return an {@code Object[]}. Invoke it with {@code invokeExact}, e.g.
     * {@code int r = (int) add.handle().invokeExact(1, 2);}
     *
     * @return the handle (the same one on every call)
     */
    MethodHandle handle();
}
