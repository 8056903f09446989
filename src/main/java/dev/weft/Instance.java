package dev.weft;

import java.util.Map;

/**
 * An instantiated module: its exports, ready to call. Create one with
 * {@link Engine#instantiate(WasmModule, Imports)}.
 *
 * <p>Thread safety: an instance's functions may be called from any thread, each thread on
 * its own execution stack, and doing so is memory-safe; but the instance's memory, tables and
 * globals are not synchronised, so a guest expecting to run single-threaded (as WebAssembly
 * 2.0 guests do) must be called from one thread at a time. For parallelism, instantiate the
 * shared {@link WasmModule} once per thread: instantiation is cheap.
 */
public interface Instance extends AutoCloseable {
    /** {@return the module this is an instance of} */
    WasmModule module();

    /**
     * Looks up an exported function.
     *
     * @param name export name
     * @return the exported function
     * @throws IllegalArgumentException if there is no such function export
     */
    WasmFunction function(String name);

    /**
     * Looks up an exported memory.
     *
     * @param name export name
     * @return the exported memory
     * @throws IllegalArgumentException if there is no such memory export
     */
    Memory memory(String name);

    /**
     * Looks up an exported table.
     *
     * @param name export name
     * @return the exported table
     * @throws IllegalArgumentException if there is no such table export
     */
    Table table(String name);

    /**
     * Looks up an exported global.
     *
     * @param name export name
     * @return the exported global
     * @throws IllegalArgumentException if there is no such global export
     */
    Global global(String name);

    /** {@return every export by name: {@link WasmFunction}, {@link Memory}, {@link Table} or {@link Global}} */
    Map<String, Object> exports();

    /**
     * Closes the instance: releases what it holds outside the Java heap (the memory it defines, not
     * the ones it imports; see {@link Memory#close()}) instead of leaving it until the garbage
     * collector finds the instance unreachable, and gives back its place in the engine's budgets.
     * Use it when instantiating often. Afterwards calling its functions fails with
     * {@link IllegalStateException}; a call running in it on another thread stops at its next loop
     * back-edge or call with a {@link TrapException} of kind {@link TrapKind#INTERRUPTED}. Closing
     * twice does nothing.
     */
    @Override
    void close();
}
