package dev.weft.bench.engines;

import java.util.function.IntBinaryOperator;

/** An instantiated benchmark module on one engine. */
public interface Guest extends AutoCloseable {
    /**
     * @param export the export name
     * @param signature its type
     * @return a caller for it, looked up once
     */
    GuestFunction function(String export, Signature signature);

    /**
     * A caller of an {@code (i32, i32) -> i32} export by the engine's fastest public API: Weft's
     * {@code handle().invokeExact}, Chicory's {@code apply}. The function is looked up once.
     *
     * @param export the export name
     * @return the caller
     */
    IntBinaryOperator i32Binary(String export);

    /**
     * @param name an export name
     * @return whether the instance exports a function of that name
     */
    boolean exports(String name);

    /** @return a copy of the exported memory "memory" */
    byte[] memory();

    /**
     * Ends the instance the way the engine's documentation asks a host to: Weft frees its memories
     * now ({@code Instance.close()}); Chicory has nothing to close (its memories are heap arrays the
     * garbage collector reclaims).
     */
    @Override
    void close();
}
