/**
 * Weft: a WebAssembly interpreter for the JVM.
 *
 * <p>Public API: {@code dev.weft} (engine, modules, instances) and {@code dev.weft.wasi} (WASI
 * preview 1); every other package is internal and may change.
 */
module dev.weft {
    // thread CPU time for WASI's clock_time_get(thread_cputime_id)
    requires java.management;

    exports dev.weft;
    exports dev.weft.wasi;
}
