package dev.weft.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Where linear memories get their off-heap bytes, and how those are freed.
 *
 * <p>Freeing off-heap memory at a moment of one's choosing means closing a shared arena, and that
 * stops every thread of the JVM at a handshake: about 50 µs of CPU whatever the arena holds (see
 * docs/performance.md). One arena per memory would make that the price of every short-lived
 * instance. So small memories share arenas: a <em>batch</em> takes the storage of up to
 * {@code batchMemories} memories and {@code batchBytes} bytes, and is freed, with one handshake,
 * once it takes no more memories and every memory in it has been released. A released memory's
 * bytes therefore stay allocated until the rest of its batch is released too (at most
 * {@code batchBytes} per batch; the batch still filling can hold that much after its memories are
 * released, until the next memories fill it). Storage that does not fit a batch (a large memory, or
 * growth past the batch's room) goes into an arena of the memory's own, freed as soon as the memory
 * is released.
 *
 * <p>Batches never reuse bytes: a memory's bytes belong to it alone until they are freed, so a
 * stale view of a released memory can read only that memory's old bytes, and fails with
 * {@link IllegalStateException} once they are freed. Thread-safe.
 */
final class StoragePool {
    /** The pool of every memory Weft creates: 32 memories or 16 MiB per batch. */
    static final StoragePool SHARED = new StoragePool(32, 16L << 20);

    private final int batchMemories;
    private final long batchBytes;
    /** The batch new memories join, or null. Guarded by this. */
    private Batch filling;

    /**
     * @param batchMemories the most memories in one batch
     * @param batchBytes the most bytes allocated in one batch
     */
    StoragePool(int batchMemories, long batchBytes) {
        this.batchMemories = batchMemories;
        this.batchBytes = batchBytes;
    }

    /**
     * @param budget the engine's memory budget, which the storage's bytes count against
     * @return the storage for one new memory, holding nothing yet
     */
    Storage storage(Budget budget) {
        return new Storage(budget);
    }

    /** One shared arena holding the bytes of several memories. Guarded by the pool. */
    private static final class Batch {
        final Arena arena = Arena.ofShared();
        int memories;
        int live;
        long bytes;
    }

    /**
     * The bytes of one memory: every backing segment it allocates, freed by {@link #release()}
     * (together with the rest of its batch). A {@link Runnable} that releases, for a
     * {@link java.lang.ref.Cleaner}: it holds nothing of the memory itself.
     */
    final class Storage implements Runnable {
        private final Budget budget;
        private Batch batch;
        /** The arena of the memory's bytes once they outgrow the batch (or never fit one): replaced at each move. */
        private Arena own;
        /** Bytes counted against the budget: the batch's share and the current own arena's. */
        private long batchShare;
        private long ownBytes;
        private boolean released;

        private Storage(Budget budget) {
            this.budget = budget;
        }

        /**
         * Allocates the memory's first bytes, zeroed, valid until this storage is released.
         *
         * @param bytes how many
         * @return the segment, 16-byte aligned, or null if the budget cannot take them
         * @throws IllegalStateException if the storage is released
         * @throws OutOfMemoryError if the bytes cannot be allocated
         */
        MemorySegment allocate(long bytes) {
            if (!budget.reserve(bytes)) {
                return null;
            }
            Arena arena;
            Arena retired = null;
            synchronized (StoragePool.this) {
                if (released) {
                    budget.release(bytes);
                    throw MemoryInstance.closedError();
                }
                if (batch == null && own == null && bytes <= batchBytes) {
                    if (filling == null || filling.bytes + bytes > batchBytes) {
                        retired = retireFilling();
                        filling = new Batch();
                    }
                    batch = filling;
                    batch.memories++;
                    batch.live++;
                    if (batch.memories == batchMemories) {
                        filling = null; // full: freed when its last memory is released
                    }
                }
                if (batch != null && batch.bytes + bytes <= batchBytes) {
                    batch.bytes += bytes;
                    batchShare += bytes;
                    arena = batch.arena;
                } else {
                    own = Arena.ofShared();
                    ownBytes = bytes;
                    arena = own;
                }
            }
            if (retired != null) {
                retired.close();
            }
            // Outside the lock: zeroing many bytes must not hold up other instantiations. The
            // arena stays open meanwhile, as this storage is not released.
            try {
                return arena.allocate(bytes, 16);
            } catch (OutOfMemoryError e) {
                release();
                throw e;
            }
        }

        /**
         * Moves the memory into new, larger bytes: allocates them in an arena of their own, copies
         * the used part, and frees the old bytes if they were in an arena of their own (one
         * handshake; bytes in a batch go with the batch). A memory growing in small steps thus
         * holds at most its current capacity, not every capacity it ever had.
         *
         * @param old the current bytes
         * @param used how many of them to keep
         * @param bytes the new capacity
         * @return the new bytes, or null if the budget cannot take them or they cannot be allocated
         * @throws IllegalStateException if the storage is released
         */
        MemorySegment move(MemorySegment old, long used, long bytes) {
            if (!budget.reserve(bytes)) {
                return null;
            }
            Arena fresh = Arena.ofShared();
            MemorySegment bigger;
            try {
                bigger = fresh.allocate(bytes, 16);
            } catch (OutOfMemoryError e) {
                fresh.close();
                budget.release(bytes);
                return null;
            }
            MemorySegment.copy(old, 0, bigger, 0, used);
            Arena retired;
            long retiredBytes;
            synchronized (StoragePool.this) {
                if (released) {
                    fresh.close();
                    budget.release(bytes);
                    throw MemoryInstance.closedError();
                }
                retired = own;
                retiredBytes = ownBytes;
                own = fresh;
                ownBytes = bytes;
            }
            if (retired != null) {
                retired.close();
                budget.release(retiredBytes);
            }
            return bigger;
        }

        /** Releases the storage: its bytes are freed now, or when the rest of its batch is released. Idempotent. */
        void release() {
            Arena freeBatch = null;
            Arena freeOwn;
            synchronized (StoragePool.this) {
                if (released) {
                    return;
                }
                released = true;
                if (batch != null && --batch.live == 0 && batch != filling) {
                    freeBatch = batch.arena;
                }
                freeOwn = own;
                batch = null;
                own = null;
            }
            if (freeBatch != null) {
                freeBatch.close();
            }
            if (freeOwn != null) {
                freeOwn.close();
            }
            budget.release(batchShare + ownBytes);
        }

        @Override
        public void run() {
            release();
        }
    }

    /** Stops the filling batch from taking memories; returns its arena if nothing holds it any more. Under the lock. */
    private Arena retireFilling() {
        Batch b = filling;
        filling = null;
        return b != null && b.live == 0 ? b.arena : null;
    }
}
