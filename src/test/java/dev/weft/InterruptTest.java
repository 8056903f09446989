package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping a running guest, in both dispatch modes: deadlines, {@link Execution#interrupt()},
 * {@link Thread#interrupt()} and {@link Instance#close()}, in tight loops, loops of calls and
 * memory-touching loops. Each is exercised after the loops have run long enough for C2 to
 * compile them (a flag check that only works interpreted proves nothing), and must stop the
 * guest well within {@link #BOUND} (generous for CI; bench/ measures the real distribution).
 * The instance and the engine stay usable afterwards.
 */
class InterruptTest {
    /** How late a stop may come here: generous, for loaded CI machines. The target is 10 ms. */
    private static final long BOUND = 2_000;
    private static final FunctionType TICK = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));

    private static Instance bounds(Engine engine) {
        return engine.instantiate(TestWasm.module("bounds"),
                Imports.builder().function("env", "tick", TICK, call -> call.setI32(0, 1)).build());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aDeadlineStopsTightLoopsAndLoopsOfCalls(RunMode mode) {
        Instance instance = bounds(TestWasm.engine(mode));
        Execution run = Execution.create().setTimeout(Duration.ofMillis(30));
        for (String loop : List.of("spin", "spinCalls", "spinMemory")) {
            for (int i = 0; i < 15; i++) { // the later rounds run C2-compiled loops
                long start = System.nanoTime();
                TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function(loop)));
                long took = millisSince(start);
                assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind(), loop);
                assertTrue(took >= 29 && took < 30 + BOUND, loop + " stopped after " + took + " ms");
            }
        }
        assertEquals(55, instance.function("fib").call(10)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void engineTimeoutBoundsEveryPlainCall(RunMode mode) throws Throwable {
        Engine engine = mode.builder().callTimeout(Duration.ofMillis(20)).build();
        Instance instance = bounds(engine);
        TrapException e = assertThrows(TrapException.class, () -> {
            instance.function("spin").handle().invokeExact(); // exact type ()void
        });
        assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind());
        assertEquals(55, (int) instance.function("fib").handle().invokeExact(10));
    }

    /** Runs {@code function} on a new thread, waits until it runs, stops it with {@code stop}, returns the trap. */
    private static TrapException stopFromOutside(Instance instance, String function, Execution run,
            boolean virtual, Runnable warmUp, java.util.function.Consumer<Thread> stop) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Runnable body = () -> {
            warmUp.run();
            started.countDown();
            try {
                if (run != null) {
                    run.call(instance.function(function));
                } else {
                    instance.function(function).call();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        Thread t = virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        Thread.sleep(50); // let it spin
        long start = System.nanoTime();
        stop.accept(t);
        t.join(BOUND + 30_000);
        assertFalse(t.isAlive(), "the guest still runs " + millisSince(start) + " ms after it was stopped");
        long took = millisSince(start);
        assertTrue(took < BOUND, "stopped after " + took + " ms");
        return assertInstanceOf(TrapException.class, failure.get());
    }

    /** Runs the loop into its deadline a few times on this thread, so that C2 has compiled it. */
    private static Runnable warm(Instance instance, String function) {
        return () -> {
            Execution warm = Execution.create().setTimeout(Duration.ofMillis(20));
            for (int i = 0; i < 10; i++) {
                assertThrows(TrapException.class, () -> warm.call(instance.function(function)));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void anotherThreadInterruptsTheExecution(RunMode mode) throws Exception {
        Instance instance = bounds(TestWasm.engine(mode));
        for (String loop : List.of("spin", "spinCalls", "spinMemory")) {
            Execution run = Execution.create();
            TrapException e = stopFromOutside(instance, loop, run, false, warm(instance, loop), t -> run.interrupt());
            assertEquals(TrapKind.INTERRUPTED, e.kind());
            assertTrue(run.isInterrupted());
            assertThrows(TrapException.class, () -> run.call(instance.function("fib"), 3), "it stays interrupted");
            run.clearInterrupt();
            assertEquals(2, run.call(instance.function("fib"), 3)[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void threadInterruptStopsPlainCallsOnPlatformAndVirtualThreads(RunMode mode) throws Exception {
        Instance instance = bounds(TestWasm.engine(mode));
        for (boolean virtual : new boolean[] {false, true}) {
            TrapException e = stopFromOutside(instance, "spin", null, virtual, warm(instance, "spin"), Thread::interrupt);
            assertEquals(TrapKind.INTERRUPTED, e.kind(), virtual ? "virtual" : "platform");
            assertTrue(e.getMessage().contains("thread was interrupted"), e.getMessage());
        }
        // the trap clears the interrupt status, as InterruptedException does
        CompletableFuture<Boolean> status = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            Thread.currentThread().interrupt();
            assertThrows(TrapException.class, () -> instance.function("spin").call());
            status.complete(Thread.currentThread().isInterrupted());
        });
        t.join();
        assertFalse(status.join());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void closingTheInstanceStopsItsRunningCalls(RunMode mode) throws Exception {
        Engine engine = TestWasm.engine(mode);
        for (String module : List.of("bounds", "bounds_big")) { // a batched small memory, and one of its own
            Instance warmOne = module.equals("bounds") ? bounds(engine) : engine.instantiate(TestWasm.module(module));
            Runnable warmUp = warm(warmOne, "spinMemory");
            Instance instance = module.equals("bounds") ? bounds(engine) : engine.instantiate(TestWasm.module(module));
            TrapException e = stopFromOutside(instance, "spinMemory", null, false, warmUp, t -> instance.close());
            assertEquals(TrapKind.INTERRUPTED, e.kind(), module);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> instance.function("spinMemory").call());
            warmOne.close();
        }
        // the engine goes on
        assertEquals(55, bounds(engine).function("fib").call(10)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    @Timeout(60) // a missed deadline is a loop without end
    void aDeadlineThatPassesDuringANestedCallStopsTheOuterOne(RunMode mode) {
        // the outer call's deadline passes while a host function runs a nested call of its own
        // (with a later deadline); once back, the outer call must still see that it is late
        Instance instance = nestedDeadline(TestWasm.engine(mode), () -> 0, () -> 100);
        Execution outer = Execution.create().setTimeout(Duration.ofMillis(30));
        long start = System.nanoTime();
        TrapException e = assertThrows(TrapException.class, () -> outer.call(instance.function("outer")));
        long took = millisSince(start);
        assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind());
        assertTrue(took >= 99 && took < 100 + BOUND, "stopped after " + took + " ms");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void plainCallsRunAfterEventsElsewhereAndStillSeeTheirOwn(RunMode mode) {
        // a plain call does not read the attention state at its start (Machine.runPlain): after
        // a close or an interrupt elsewhere its first poll takes the slow path, which finds
        // nothing of its own and carries on; its own thread's interrupt still stops it
        Engine engine = TestWasm.engine(mode);
        Instance instance = bounds(engine);
        for (int round = 0; round < 3; round++) {
            assertEquals(55, instance.function("fib").call(10)[0]);
            bounds(engine).close();
            assertEquals(55, instance.function("fib").call(10)[0], "after another instance closed");
            Execution elsewhere = Execution.create();
            elsewhere.interrupt();
            assertEquals(55, instance.function("fib").call(10)[0], "after another execution was interrupted");
            assertEquals(30, instance.function("ticks").call(30)[0], "host calls after those events");
        }
        Thread.currentThread().interrupt();
        TrapException e = assertThrows(TrapException.class, () -> instance.function("spin").call());
        assertEquals(TrapKind.INTERRUPTED, e.kind());
        assertFalse(Thread.interrupted(), "the trap clears the interrupt status");
        instance.close();
        assertThrows(IllegalStateException.class, () -> instance.function("fib").call(10));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    @Timeout(10) // a deadline the watchdog never signals is a loop without end, until this interrupts it
    void aDeadlineArmedAfterAnotherPassedIsStillSignalled(RunMode mode) {
        // the outer call's deadline passes, and the watchdog signals it and has nothing left to
        // wait for, before the nested call arms its own: the outer deadline is still armed (its
        // call is still running) and earlier than the new one, and the watchdog must wake for it
        // the host function pauses well past the outer deadline: the watchdog has signalled it and sleeps
        Instance instance = nestedDeadline(TestWasm.engine(mode), () -> 150, () -> 50);
        Execution outer = Execution.create().setTimeout(Duration.ofMillis(30));
        TrapException e = assertThrows(TrapException.class, () -> outer.call(instance.function("outer")));
        assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void deadlinesArmedFromManyThreadsInAnyOrderAreAllSignalled(RunMode mode) throws Exception {
        // outer and nested deadlines armed from four threads at once, passing before, during and
        // after each other's: every one must stop its call, each in its own bound
        Engine engine = TestWasm.engine(mode);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(42 + t);
            threads.add(CompletableFuture.runAsync(() -> {
                int[] innerMillis = new int[1];
                int[] pauseMillis = new int[1];
                Instance instance = nestedDeadline(engine, () -> pauseMillis[0], () -> innerMillis[0]);
                for (int i = 0; i < 12; i++) {
                    int outerMillis = 5 + random.nextInt(30);
                    innerMillis[0] = 5 + random.nextInt(20);
                    pauseMillis[0] = random.nextInt(40);
                    Execution outer = Execution.create().setTimeout(Duration.ofMillis(outerMillis));
                    TrapException e = assertThrows(TrapException.class, () -> outer.call(instance.function("outer")));
                    assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind(), e.getMessage());
                }
            }, pool));
        }
        try {
            // a deadline the watchdog misses is a loop without end: give up well before, and
            // interrupt the threads so that their guests stop
            CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An instance whose {@code outer} calls a host function that pauses, then calls {@code spin}
     * (a loop without end) under a deadline of its own and checks that the nested call stops at
     * it; {@code outer} then loops until its caller's deadline stops it.
     */
    private static Instance nestedDeadline(Engine engine, IntSupplier pauseMillis, IntSupplier innerMillis) {
        AtomicReference<Instance> self = new AtomicReference<>();
        Imports imports = Imports.builder().function("env", "nested", FunctionType.of(List.of(), List.of()), call -> {
            sleep(pauseMillis.getAsInt());
            int millis = innerMillis.getAsInt();
            Execution inner = Execution.create().setTimeout(Duration.ofMillis(millis));
            long start = System.nanoTime();
            TrapException e = assertThrows(TrapException.class, () -> inner.call(self.get().function("spin")));
            long took = millisSince(start);
            assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind(), e.getMessage());
            assertTrue(took >= millis - 1 && took < millis + BOUND, "the nested call stopped after " + took + " ms");
        }).build();
        self.set(engine.instantiate(WasmModule.parseText("""
                (module
                  (import "env" "nested" (func $nested))
                  (func (export "spin") (loop $l (br $l)))
                  (func (export "outer") (call $nested) (loop $l (br $l))))
                """), imports));
        return self.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aDeadlineStopsAResumedCallToo(RunMode mode) {
        Instance instance = bounds(TestWasm.engine(mode));
        Execution run = Execution.create().setFuel(1000).setTimeout(Duration.ofMillis(30));
        ResumableCall call = run.start(instance.function("spin"));
        assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
        run.addFuel(Long.MAX_VALUE / 2);
        TrapException e = assertThrows(TrapException.class, call::resume);
        assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind());
        assertEquals(ResumableCall.State.FAILED, call.state());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void recursionWithoutLoopsStopsAtItsDeadlineOrDepth(RunMode mode) {
        Instance instance = bounds(TestWasm.engine(mode));
        Execution run = Execution.create().setTimeout(Duration.ofSeconds(30));
        TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function("recurse")));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aDeadlineStopsALongBulkInstruction(RunMode mode) {
        Instance instance = bounds(TestWasm.engine(mode));
        assertEquals(1, instance.memory("memory").grow(4095)); // 256 MiB
        Execution run = Execution.create().setTimeout(Duration.ofMillis(30));
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function("fillForever")));
            assertEquals(TrapKind.DEADLINE_EXCEEDED, e.kind());
            long took = millisSince(start);
            assertTrue(took < 30 + BOUND, "stopped after " + took + " ms");
        }
        instance.close();
    }
}
