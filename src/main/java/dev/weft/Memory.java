package dev.weft;

import dev.weft.runtime.MemoryInstance;

import java.lang.foreign.MemorySegment;

/**
 * A WebAssembly linear memory: bytes in pages of 64 KiB, held off-heap.
 *
 * <p>Read and write it through {@link #segment()} with little-endian layouts (WebAssembly
 * memory is little-endian and accesses may be unaligned, e.g.
 * {@code ValueLayout.JAVA_INT_UNALIGNED}). The segment is a view of the memory's current
 * size; {@code memory.grow} may move the memory, so take a fresh view after anything that
 * may grow it. A memory is not synchronised: use it from one thread at a time, like the
 * instance it belongs to.
 */
public interface Memory extends AutoCloseable {
    /** Bytes per page. */
    long PAGE_SIZE = 65536;

    /**
     * Creates a memory a host can pass as an import.
     *
     * @param type initial and maximum size in pages
     * @return a new zeroed memory
     */
    static Memory create(MemoryType type) {
        return new MemoryInstance(type);
    }

    /** @return the memory's type (its limits as currently declared) */
    MemoryType type();

    /** @return current size in pages */
    long pages();

    /**
     * @return a view of the memory's current bytes, valid until the memory grows
     * @throws IllegalStateException if the memory is closed
     */
    MemorySegment segment();

    /**
     * Releases the memory's bytes, rather than leaving them until the garbage collector finds the
     * memory unreachable. Small memories share their storage in batches, freed together (one JVM
     * handshake per batch rather than per memory), so the bytes may be freed a little later than
     * this call; docs/embedding.md has the details. Afterwards {@link #segment()} and
     * {@link #grow} throw {@link IllegalStateException}, as do calls into an instance using the
     * memory; views taken before fail the same way once the bytes are freed: do not use them.
     * An instance closes the memory it defines itself ({@link Instance#close()}); close a memory
     * made with {@link #create} when done with it. Closing twice does nothing.
     */
    @Override
    void close();

    /**
     * Grows the memory, as {@code memory.grow} does.
     *
     * @param deltaPages pages to add
     * @return the previous size in pages, or -1 if the memory cannot grow that much
     * @throws IllegalStateException if the memory is closed
     */
    long grow(long deltaPages);
}
