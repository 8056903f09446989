package dev.weft;

/**
 * A function implemented by the host, importable by WebAssembly modules. It reads its
 * arguments from the {@link HostCall} and sets its results there (a result it does not set
 * is zero, or null for a reference); throwing
 * {@link TrapException} makes the WebAssembly caller trap, any other exception propagates to
 * whoever called into WebAssembly.
 *
 * <pre>{@code
 * Imports imports = Imports.builder()
 *     .function("env", "add", FunctionType.of(List.of(I32, I32), List.of(I32)),
 *               call -> call.setI32(0, call.i32(0) + call.i32(1)))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * Runs the function.
     *
     * @param call arguments, results and the caller's memory
     */
    void call(HostCall call);
}
