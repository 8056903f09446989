package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many threads at once: each with its own instance of one shared module, and many calling one
 * instance's pure function (every thread has its own execution stack). Results are checked
 * against Java; nothing is timed.
 */
class ConcurrencyTest {
    private static final int PLATFORM_THREADS = 16;
    private static final int VIRTUAL_THREADS = 64;
    private static final int ROUNDS = 3;

    private static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    private static long memSum(int n, int seed) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Integer.toUnsignedLong(i * seed);
        }
        return sum;
    }

    private static int dispatch(int n, int seed) {
        int acc = 1;
        for (int i = 0; i < n; i++) {
            acc = switch (Integer.remainderUnsigned(i + seed, 3)) {
                case 0 -> acc + (i + 1);
                case 1 -> acc - (i + 1);
                default -> acc * (i + 1);
            };
        }
        return acc;
    }

    /** A thread's work (invokeExact throws Throwable); returns 1 when done. */
    interface Task {
        int run() throws Throwable;
    }

    /** Runs the tasks at once (they wait for each other to start) and returns how many succeeded. */
    private static int runAll(ExecutorService pool, List<Task> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(tasks.size());
        List<Future<Integer>> futures = new ArrayList<>();
        for (Task task : tasks) {
            futures.add(pool.submit(() -> {
                start.countDown();
                start.await();
                try {
                    return task.run();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
            }));
        }
        int done = 0;
        for (Future<Integer> f : futures) {
            done += f.get(60, TimeUnit.SECONDS); // rethrows a failed assertion of the task
        }
        return done;
    }

    /** One thread's work on its own instance: fib, a memory-heavy sum, call_indirect dispatch. */
    private static Task ownInstance(Engine engine, WasmModule module, int seed) {
        return () -> {
            Instance instance = engine.instantiate(module);
            MethodHandle fib = instance.function("fib").handle();
            MethodHandle memSum = instance.function("mem_sum").handle();
            MethodHandle dispatch = instance.function("dispatch").handle();
            for (int round = 0; round < ROUNDS; round++) {
                int n = 10 + (seed + round) % 6;
                assertEquals(fib(n), (int) fib.invokeExact(n), "fib " + n);
                assertEquals(memSum(2000 + seed, seed + round), (long) memSum.invokeExact(2000 + seed, seed + round), "mem_sum");
                assertEquals(dispatch(300, seed + round), (int) dispatch.invokeExact(300, seed + round), "dispatch");
            }
            return 1;
        };
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void platformThreadsEachWithTheirOwnInstance(RunMode mode) throws Exception {
        Engine engine = TestWasm.engine(mode);
        WasmModule module = TestWasm.module("concurrency");
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < PLATFORM_THREADS; t++) {
            tasks.add(ownInstance(engine, module, t));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(PLATFORM_THREADS)) {
            assertEquals(PLATFORM_THREADS, runAll(pool, tasks));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void virtualThreadsEachWithTheirOwnInstance(RunMode mode) throws Exception {
        Engine engine = TestWasm.engine(mode);
        WasmModule module = TestWasm.module("concurrency");
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < VIRTUAL_THREADS; t++) {
            tasks.add(ownInstance(engine, module, t));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals(VIRTUAL_THREADS, runAll(pool, tasks));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void manyThreadsCallOneInstancesPureFunctions(RunMode mode) throws Exception {
        Instance shared = TestWasm.instance(mode, "concurrency");
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < PLATFORM_THREADS; t++) {
            int seed = t;
            tasks.add(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    int n = 10 + (seed + round) % 6;
                    assertEquals(fib(n), shared.function("fib").call(n)[0], "fib " + n);
                    assertEquals(dispatch(300 + seed, seed), shared.function("dispatch").call(300 + seed, seed)[0]);
                }
                return 1;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(PLATFORM_THREADS)) {
            assertEquals(PLATFORM_THREADS, runAll(pool, tasks));
        }
    }
}
