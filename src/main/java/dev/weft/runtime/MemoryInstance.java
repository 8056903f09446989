package dev.weft.runtime;

import dev.weft.Limits;
import dev.weft.Memory;
import dev.weft.MemoryType;
import dev.weft.WeftException;
import dev.weft.exec.Attention;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * A linear memory, off-heap. The bytes live in a backing segment that may be larger than
 * the memory (capacity), so {@code memory.grow} in small steps rarely copies: it usually
 * just takes a longer view of the same backing, and a view taken before stays valid (merely
 * shorter). Backing segments come from the {@link StoragePool}, released by {@link #close()} or,
 * failing that, when the memory becomes unreachable (a {@link Cleaner}), so a host instantiating
 * many times need not wait for the garbage collector.
 */
public final class MemoryInstance implements Memory {
    /** The WebAssembly 2.0 maximum: 65536 pages, 4 GiB. */
    public static final long MAX_PAGES = 65536;

    /**
     * The view of a closed memory: never accessed, its identity tells the executor that the
     * memory is closed. A segment of an arena already closed, should anything access it anyway.
     */
    public static final MemorySegment CLOSED = closedSegment();

    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * Growth past the capacity allocates this much more than needed (a half), so that small steps
     * rarely copy: a memory grown page by page allocates about three times its final size in all
     * (allocation zeroes, so every byte is faulted in: that, not the copying, is what growth
     * costs), and holds at most 1.5 times its size.
     */
    private static final int GROWTH_SHIFT = 1;

    private final StoragePool.Storage storage;
    private final Cleaner.Cleanable release;
    private volatile boolean closed;
    private final long declaredMin;
    private final long maxPages;
    /** The declared maximum, or -1: what import matching and {@link #type()} see (not the engine's cap). */
    private final long declaredMax;
    private MemorySegment backing;
    private long pages;
    /** The current view: exactly {@code pages * PAGE_SIZE} bytes, or {@link #CLOSED}. Read by the executor. */
    public MemorySegment segment;

    /**
     * A memory a host creates, outside any engine's budget.
     *
     * @param type the memory's type
     * @throws WeftException if the initial size cannot be allocated
     */
    public MemoryInstance(MemoryType type) {
        this(type, MAX_PAGES, Budget.UNLIMITED);
    }

    /**
     * @param type the memory's type
     * @param limitPages the limit on its size, in pages (the instance's resource limits)
     * @param budget the engine's memory budget, which its bytes count against
     * @throws WeftException if the initial size exceeds the limit or the budget, or cannot be allocated
     */
    public MemoryInstance(MemoryType type, long limitPages, Budget budget) {
        Limits l = type.limits();
        this.declaredMin = l.min();
        this.declaredMax = l.max().orElse(-1);
        this.maxPages = Math.min(declaredMax >= 0 ? declaredMax : MAX_PAGES, Math.min(limitPages, MAX_PAGES));
        if (l.min() > maxPages) {
            throw new WeftException("memory of " + l.min() + " pages exceeds the limit of " + maxPages + " pages");
        }
        this.pages = l.min();
        this.storage = StoragePool.SHARED.storage(budget);
        this.release = CLEANER.register(this, storage);
        MemorySegment bytes;
        try {
            bytes = storage.allocate(pages * PAGE_SIZE);
        } catch (OutOfMemoryError e) {
            release.clean();
            throw new WeftException("cannot allocate a memory of " + pages + " pages: " + e.getMessage());
        }
        if (bytes == null) {
            release.clean();
            EngineLog.limitReached("memoryBudget", budget.limit(), "a memory of " + pages + " pages refused");
            throw new WeftException("a memory of " + pages + " pages (" + pages * PAGE_SIZE + " bytes) exceeds the"
                    + " engine's memory budget: " + budget + " bytes in use; close instances no longer needed, or raise"
                    + " Engine.Builder.memoryBudget");
        }
        this.backing = bytes;
        this.segment = backing;
    }

    private static MemorySegment closedSegment() {
        Arena arena = Arena.ofShared();
        MemorySegment s = arena.allocate(0);
        arena.close();
        return s;
    }

    /**
     * Releases the memory's bytes to the {@link StoragePool}, which frees them now or with the
     * rest of their batch. From now on {@link #segment()} and {@link #grow} throw, and calls into
     * an instance using this memory fail on entry; views taken before fail once the bytes are
     * freed. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        segment = CLOSED;
        Attention.closed(); // calls running on this memory stop before the bytes can be freed under them
        release.clean();
    }

    /** @return the exception for using a closed memory */
    public static IllegalStateException closedError() {
        return new IllegalStateException("the memory is closed");
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
        if (closed) {
            throw closedError();
        }
        return segment;
    }

    @Override
    public long grow(long deltaPages) {
        if (closed) {
            throw closedError();
        }
        long old = pages;
        if (deltaPages < 0 || deltaPages > maxPages - old) {
            return -1;
        }
        long wanted = old + deltaPages;
        long bytes = wanted * PAGE_SIZE;
        if (bytes > backing.byteSize()) {
            // Move to a capacity half as large again as needed, so that many small grows copy O(n)
            // bytes in total while holding at most 1.5 times the size; the old bytes are freed
            // (zeroed allocation commits every byte, so spare capacity is real memory).
            long capacityPages = Math.min(maxPages, wanted + (wanted >>> GROWTH_SHIFT));
            MemorySegment bigger = storage.move(backing, old * PAGE_SIZE, capacityPages * PAGE_SIZE);
            if (bigger == null && capacityPages > wanted) {
                bigger = storage.move(backing, old * PAGE_SIZE, bytes);
            }
            if (bigger == null) {
                EngineLog.limitReached("memoryBudget", -1, "memory.grow to " + wanted + " pages refused");
                return -1; // over the budget, or the JVM cannot allocate it: as the spec allows
            }
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
