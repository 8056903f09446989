package dev.weft.runtime;

import dev.weft.Limits;
import dev.weft.Memory;
import dev.weft.MemoryType;
import dev.weft.WeftException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * A linear memory, off-heap. The bytes live in a backing segment that may be larger than
 * the memory (capacity), so {@code memory.grow} in small steps rarely copies: it usually
 * just takes a longer view of the same backing, and a view taken before stays valid (merely
 * shorter). Backing segments come from one shared arena per memory, freed at once by
 * {@link #close()} or, failing that, when the memory becomes unreachable (a {@link Cleaner}),
 * so a host instantiating many times need not wait for the garbage collector.
 */
public final class MemoryInstance implements Memory {
    /** The WebAssembly 2.0 maximum: 65536 pages, 4 GiB. */
    public static final long MAX_PAGES = 65536;

    private static final Cleaner CLEANER = Cleaner.create();

    private final Arena arena = Arena.ofShared();
    private final Cleaner.Cleanable release;
    private final long declaredMin;
    private final long maxPages;
    /** The declared maximum, or -1: what import matching and {@link #type()} see (not the engine's cap). */
    private final long declaredMax;
    private MemorySegment backing;
    private long pages;
    /** The current view: exactly {@code pages * PAGE_SIZE} bytes. Read by the executor. */
    public MemorySegment segment;

    /**
     * @param type the memory's type
     * @param limitPages the engine's limit on any memory's size, in pages
     * @throws WeftException if the initial size exceeds the limit or cannot be allocated
     */
    public MemoryInstance(MemoryType type, long limitPages) {
        Limits l = type.limits();
        this.declaredMin = l.min();
        this.declaredMax = l.max().orElse(-1);
        this.maxPages = Math.min(declaredMax >= 0 ? declaredMax : MAX_PAGES, Math.min(limitPages, MAX_PAGES));
        if (l.min() > maxPages) {
            throw new WeftException("memory of " + l.min() + " pages exceeds the limit of " + maxPages + " pages");
        }
        this.pages = l.min();
        this.release = CLEANER.register(this, new Release(arena));
        try {
            this.backing = arena.allocate(pages * PAGE_SIZE, 16);
        } catch (OutOfMemoryError e) {
            release.clean();
            throw new WeftException("cannot allocate a memory of " + pages + " pages: " + e.getMessage());
        }
        this.segment = backing;
    }

    /** Closes the arena: holds only the arena, never the memory, so the memory can become unreachable. */
    private record Release(Arena arena) implements Runnable {
        @Override
        public void run() {
            arena.close();
        }
    }

    /**
     * Frees the memory now. Every view of it becomes inaccessible (accesses throw
     * {@link IllegalStateException}), also for code running in it on another thread.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        release.clean();
    }

    @Override
    public MemoryType type() {
        return new MemoryType(declaredMax >= 0 ? Limits.of(pages, declaredMax) : Limits.of(pages));
    }

    /** @return the declared maximum in pages, if any (for import matching) */
    public long declaredMaximum() {
        return declaredMax;
    }

    @Override
    public long pages() {
        return pages;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long grow(long deltaPages) {
        long old = pages;
        if (deltaPages < 0 || deltaPages > maxPages - old) {
            return -1;
        }
        long wanted = old + deltaPages;
        long bytes = wanted * PAGE_SIZE;
        if (bytes > backing.byteSize()) {
            // Grow the capacity by half again (at least to what is needed) so that many small
            // grows copy O(n) bytes in total.
            long capacityPages = Math.min(maxPages, Math.max(wanted, old + old / 2));
            MemorySegment bigger;
            try {
                bigger = arena.allocate(capacityPages * PAGE_SIZE, 16);
            } catch (OutOfMemoryError e) {
                try {
                    bigger = arena.allocate(bytes, 16);
                } catch (OutOfMemoryError again) {
                    return -1;
                }
            }
            MemorySegment.copy(backing, 0, bigger, 0, old * PAGE_SIZE);
            backing = bigger;
        }
        pages = wanted;
        segment = backing.asSlice(0, bytes);
        return old;
    }

    @Override
    public String toString() {
        return "memory[" + pages + " pages, min " + declaredMin + "]";
    }
}
