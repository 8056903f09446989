package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Batched freeing of memory storage: when bytes are freed, and that they are never shared. */
class StoragePoolTest {
    private static final long KB = 1024;

    @Test
    void aFullBatchIsFreedWhenItsLastMemoryIsReleased() {
        StoragePool pool = new StoragePool(4, 1024 * KB);
        List<StoragePool.Storage> storages = new ArrayList<>();
        List<MemorySegment> segments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StoragePool.Storage s = pool.storage(Budget.UNLIMITED);
            storages.add(s);
            segments.add(s.allocate(64 * KB));
        }
        for (int i = 0; i < 3; i++) {
            storages.get(i).release();
        }
        assertTrue(segments.stream().allMatch(s -> s.scope().isAlive()), "freed before the whole batch was released");
        storages.get(3).release();
        assertTrue(segments.stream().noneMatch(s -> s.scope().isAlive()), "a released full batch stays allocated");
    }

    @Test
    void theFillingBatchIsFreedOnceFullAndReleased() {
        StoragePool pool = new StoragePool(4, 1024 * KB);
        StoragePool.Storage first = pool.storage(Budget.UNLIMITED);
        MemorySegment a = first.allocate(KB);
        first.release();
        assertTrue(a.scope().isAlive(), "the batch still takes memories");
        List<StoragePool.Storage> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StoragePool.Storage s = pool.storage(Budget.UNLIMITED);
            s.allocate(KB);
            rest.add(s);
        }
        rest.forEach(StoragePool.Storage::release);
        assertFalse(a.scope().isAlive());
    }

    @Test
    void aMemoryThatDoesNotFitTheBatchRetiresItAndAReleasedBatchIsFreedThen() {
        StoragePool pool = new StoragePool(4, 100 * KB);
        StoragePool.Storage small = pool.storage(Budget.UNLIMITED);
        MemorySegment a = small.allocate(60 * KB);
        small.release();
        StoragePool.Storage next = pool.storage(Budget.UNLIMITED);
        MemorySegment b = next.allocate(60 * KB); // no room left: a new batch
        assertFalse(a.scope().isAlive(), "the old batch took no more memories and held none");
        assertTrue(b.scope().isAlive());
    }

    @Test
    void largeMemoriesAndGrowthBeyondTheBatchGetAnArenaFreedAtOnce() {
        StoragePool pool = new StoragePool(4, 100 * KB);
        StoragePool.Storage large = pool.storage(Budget.UNLIMITED);
        MemorySegment big = large.allocate(200 * KB);
        large.release();
        assertFalse(big.scope().isAlive());

        StoragePool.Storage growing = pool.storage(Budget.UNLIMITED);
        MemorySegment initial = growing.allocate(40 * KB);
        initial.set(ValueLayout.JAVA_INT, 36 * KB, 7);
        MemorySegment grown = growing.move(initial, 40 * KB, 120 * KB); // out of the batch, into an arena of its own
        assertEquals(7, grown.get(ValueLayout.JAVA_INT, 36 * KB), "the used bytes move");
        assertEquals(0, grown.get(ValueLayout.JAVA_INT, 100 * KB), "the rest is zero");
        MemorySegment again = growing.move(grown, 120 * KB, 300 * KB);
        assertFalse(grown.scope().isAlive(), "moving out of an arena of its own frees it at once");
        assertEquals(7, again.get(ValueLayout.JAVA_INT, 36 * KB));
        StoragePool.Storage neighbour = pool.storage(Budget.UNLIMITED);
        neighbour.allocate(KB);
        growing.release();
        assertFalse(again.scope().isAlive(), "its own arena is freed at release");
        assertTrue(initial.scope().isAlive(), "the batch still holds a neighbour");
        neighbour.release();
        pool.storage(Budget.UNLIMITED).allocate(100 * KB); // retires the batch, now empty
        assertFalse(initial.scope().isAlive());
    }

    @Test
    void theBudgetCountsWhatStoragesHoldAndRefusesMore() {
        StoragePool pool = new StoragePool(4, 100 * KB);
        Budget budget = new Budget(256 * KB);
        StoragePool.Storage a = pool.storage(budget);
        MemorySegment first = a.allocate(64 * KB);
        assertEquals(64 * KB, budget.used());
        MemorySegment moved = a.move(first, 64 * KB, 128 * KB);
        assertEquals(192 * KB, budget.used(), "the batch share stays counted until the storage is released");
        assertEquals(null, a.move(moved, 128 * KB, 200 * KB), "over the budget: refused");
        assertEquals(192 * KB, budget.used());
        StoragePool.Storage b = pool.storage(budget);
        assertEquals(null, b.allocate(128 * KB), "over the budget: refused");
        a.release();
        assertEquals(0, budget.used());
        b = pool.storage(budget);
        assertTrue(b.allocate(128 * KB) != null);
        b.release();
        assertEquals(0, budget.used());
    }

    @Test
    void memoriesNeverShareBytes() {
        StoragePool pool = new StoragePool(8, 1024 * KB);
        List<MemorySegment> segments = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MemorySegment s = pool.storage(Budget.UNLIMITED).allocate(16 * KB);
            assertEquals(0, s.get(ValueLayout.JAVA_LONG, 8 * KB), "fresh bytes are zero");
            s.fill((byte) i);
            segments.add(s);
        }
        for (int i = 0; i < 8; i++) {
            MemorySegment s = segments.get(i);
            assertEquals(i, s.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(i, s.get(ValueLayout.JAVA_BYTE, s.byteSize() - 1));
        }
    }

    @Test
    void releasingTwiceDoesNothingAndAReleasedStorageAllocatesNothing() {
        StoragePool pool = new StoragePool(2, 1024 * KB);
        StoragePool.Storage s = pool.storage(Budget.UNLIMITED);
        MemorySegment a = s.allocate(KB);
        StoragePool.Storage other = pool.storage(Budget.UNLIMITED);
        other.allocate(KB);
        s.release();
        s.release();
        assertTrue(a.scope().isAlive(), "a second release must not count as the neighbour's");
        assertThrows(IllegalStateException.class, () -> s.allocate(KB));
        other.release();
        assertFalse(a.scope().isAlive());
    }

    @Test
    void manyThreadsAllocatingAndReleasingFreeEveryFullBatch() throws Exception {
        StoragePool pool = new StoragePool(8, 1024 * KB);
        int threads = 4;
        int perThread = 200;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<MemorySegment>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    List<MemorySegment> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        StoragePool.Storage s = pool.storage(Budget.UNLIMITED);
                        MemorySegment m = s.allocate(4 * KB);
                        m.set(ValueLayout.JAVA_INT, 0, i);
                        assertEquals(i, m.get(ValueLayout.JAVA_INT, 0));
                        s.release();
                        mine.add(m);
                    }
                    return mine;
                }));
            }
            // every thread done before any segment is looked at: one still running holds a live
            // storage whose batch keeps the segments of others in it allocated
            List<MemorySegment> all = new ArrayList<>();
            for (Future<List<MemorySegment>> f : futures) {
                all.addAll(f.get());
            }
            long alive = all.stream().filter(m -> m.scope().isAlive()).count();
            assertTrue(alive < 8, alive + " released memories still allocated; at most the filling batch's may be");
        } finally {
            executor.shutdown();
        }
    }
}
