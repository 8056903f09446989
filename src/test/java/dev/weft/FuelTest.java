package dev.weft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuel metering and resumable calls, in both dispatch modes and compiled: fuel is exact and
 * repeatable (the same in every mode), runs out mid-loop and mid-call-chain, and a call that
 * suspends for lack of fuel (or because a host function asks) resumes, on any thread, to the result
 * an uninterrupted run gives (a call that may suspend runs interpreted in every mode).
 */
class FuelTest {
    private static final FunctionType TICK = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));

    private static Instance bounds(RunMode mode, HostFunction tick) {
        return TestWasm.engine(mode).instantiate(TestWasm.module("bounds"),
                Imports.builder().function("env", "tick", TICK, tick).build());
    }

    private static Instance bounds(RunMode mode) {
        return bounds(mode, call -> call.setI32(0, call.i32(0)));
    }

    /** @return the fuel a call consumes when it has plenty */
    private static long consumed(Instance instance, String function, Object... args) {
        long plenty = 1L << 50;
        Execution run = Execution.create().setFuel(plenty);
        run.call(instance.function(function), args);
        return plenty - run.fuel();
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fuelIsTheSameForTheSameWorkAndGrowsWithIt(RunMode mode) {
        Instance instance = bounds(mode);
        long once = consumed(instance, "mixed", 300);
        assertEquals(once, consumed(instance, "mixed", 300), "the same call consumes the same fuel");
        assertEquals(once, consumed(bounds(mode), "mixed", 300), "and so does a fresh instance");
        // A counted loop: the call's cost, then one iteration's cost per further iteration.
        long ten = consumed(instance, "sumSquares", 10);
        long eleven = consumed(instance, "sumSquares", 11);
        long hundred = consumed(instance, "sumSquares", 100);
        long perIteration = eleven - ten;
        assertTrue(perIteration > 5, "an iteration costs its instructions: " + perIteration);
        assertEquals(ten + 90 * perIteration, hundred);
        // Calls cost their bodies: fib(n) makes fib(n-1) + fib(n-2) + 1 calls of the same cost.
        long fib10 = consumed(instance, "fib", 10);
        long fib11 = consumed(instance, "fib", 11);
        long fib12 = consumed(instance, "fib", 12);
        long perCall = consumed(instance, "fib", 1);
        assertEquals(fib12, fib11 + fib10 + perCall);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void everyModeConsumesExactlyTheSameFuel(RunMode mode) {
        for (RunMode other : RunMode.values()) {
            for (String function : List.of("mixed", "sumSquares", "fib")) {
                assertEquals(consumed(bounds(other), function, 25), consumed(bounds(mode), function, 25),
                        function + " in " + mode + " and " + other);
            }
        }
        // runs long enough for the JIT to compile the compiled tier's code, and still the same
        assertEquals(consumed(bounds(RunMode.SWITCH), "mixed", 5000), consumed(bounds(mode), "mixed", 5000));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fuelRunsOutInATightLoop(RunMode mode) {
        Instance instance = bounds(mode);
        Execution run = Execution.create().setFuel(100_000);
        TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function("spin")));
        assertEquals(TrapKind.OUT_OF_FUEL, e.kind());
        assertTrue(run.fuel() >= 0 && run.fuel() < 10, "what is left is less than one iteration: " + run.fuel());
        // The instance and the execution go on: more fuel, another call.
        run.addFuel(1_000_000);
        assertEquals(285L, run.call(instance.function("sumSquares"), 10)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fuelRunsOutInACallChain(RunMode mode) {
        Instance instance = bounds(mode);
        long needed = consumed(instance, "fib", 20);
        Execution run = Execution.create().setFuel(needed - 1);
        TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function("fib"), 20));
        assertEquals(TrapKind.OUT_OF_FUEL, e.kind());
        assertFalse(e.wasmStackTrace().isEmpty());
        assertTrue(e.wasmStackTrace().getFirst().contains("fib"), e.wasmStackTrace().toString());
        Execution enough = Execution.create().setFuel(needed);
        assertEquals(6765, enough.call(instance.function("fib"), 20)[0]);
        assertEquals(0, enough.fuel());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void engineFuelBoundsEveryPlainCall(RunMode mode) throws Throwable {
        Engine engine = mode.builder().callFuel(1_000_000).build();
        Instance instance = engine.instantiate(TestWasm.module("bounds"),
                Imports.builder().function("env", "tick", TICK, call -> call.setI32(0, 0)).build());
        TrapException e = assertThrows(TrapException.class, () -> {
            instance.function("spinCalls").handle().invokeExact(); // exact type ()void
        });
        assertEquals(TrapKind.OUT_OF_FUEL, e.kind());
        assertEquals(55, (int) instance.function("fib").handle().invokeExact(10), "each call gets its own fuel");
    }

    /**
     * Plain calls (no execution, engine defaults without fuel or timeout) take a shorter entry
     * that trusts the machine to be idle: a bounded call before one, or nested in one, must leave
     * nothing of its bounds behind.
     */
    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aPlainCallAfterOrAroundABoundedOneIsUnbounded(RunMode mode) {
        long[] hostSawFuel = new long[1];
        TrapKind[] nestedTrap = new TrapKind[1];
        Instance[] self = new Instance[1];
        Instance instance = bounds(mode, call -> {
            hostSawFuel[0] = call.fuel();
            // a nested call with fuel of its own, which it runs out of
            try {
                Execution.create().setFuel(10).call(self[0].function("sumSquares"), 1000);
            } catch (TrapException e) {
                nestedTrap[0] = e.kind();
            }
            call.setI32(0, call.i32(0));
        });
        self[0] = instance;
        long needed = consumed(instance, "sumSquares", 100_000);
        long expected = (long) Execution.create().call(instance.function("sumSquares"), 100_000)[0];
        TrapException outOfFuel = assertThrows(TrapException.class,
                () -> Execution.create().setFuel(needed / 2).call(instance.function("sumSquares"), 100_000));
        assertEquals(TrapKind.OUT_OF_FUEL, outOfFuel.kind());
        assertEquals(expected, instance.function("sumSquares").call(100_000)[0], "not metered after a metered call");

        TrapException late = assertThrows(TrapException.class,
                () -> Execution.create().setTimeout(java.time.Duration.ofNanos(1)).call(instance.function("spin")));
        assertEquals(TrapKind.DEADLINE_EXCEEDED, late.kind());
        assertEquals(expected, instance.function("sumSquares").call(100_000)[0], "not timed after a timed call");

        assertEquals(300 * 299 / 2, instance.function("ticks").call(300)[0]);
        assertEquals(Long.MAX_VALUE, hostSawFuel[0], "the host function of a plain call sees no metering");
        assertEquals(TrapKind.OUT_OF_FUEL, nestedTrap[0], "the nested call had its own fuel");
        assertEquals(expected, instance.function("sumSquares").call(100_000)[0], "and the plain call none after it");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aCallThatRunsOutOfFuelResumesToTheSameResult(RunMode mode) throws Exception {
        Instance instance = bounds(mode);
        long total = consumed(instance, "mixed", 2000);
        Object[] expected = instance.function("mixed").call(2000);
        Execution run = Execution.create().setFuel(10_000);
        ResumableCall call = run.start(instance.function("mixed"), 2000);
        int suspensions = 0;
        // resume on other threads, virtual and platform, in turn
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService platform = Executors.newSingleThreadExecutor()) {
            while (!call.isFinished()) {
                assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
                suspensions++;
                run.addFuel(10_000);
                Future<?> f = (suspensions % 2 == 0 ? virtual : platform).submit(() -> call.resume());
                f.get();
            }
        }
        assertArrayEquals(expected, call.results());
        assertTrue(suspensions > 10, "suspended " + suspensions + " times");
        long added = 10_000L * (suspensions + 1);
        assertEquals(total, added - run.fuel(), "resuming consumes exactly the fuel of an uninterrupted run");
        assertThrows(IllegalStateException.class, call::resume);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aCallStillShortOfFuelStaysSuspended(RunMode mode) {
        Instance instance = bounds(mode);
        Execution run = Execution.create().setFuel(50);
        ResumableCall call = run.start(instance.function("fib"), 15);
        assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
        call.resume(); // no fuel added
        assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
        run.addFuel(1L << 40);
        assertEquals(610, call.resume().results()[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aHostFunctionSuspendsTheCallAndTheHostSuppliesItsResult(RunMode mode) {
        int[] calls = {0};
        Instance instance = bounds(mode, call -> {
            calls[0]++;
            call.suspend();
        });
        Execution run = Execution.create();
        ResumableCall call = run.start(instance.function("ticks"), 5);
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            assertEquals(ResumableCall.State.YIELDED, call.state());
            assertEquals(TICK, call.yieldedIn());
            sum += 10 * i;
            call.resume(10 * i);
        }
        assertTrue(call.isFinished());
        assertEquals(sum, call.results()[0]);
        assertEquals(5, calls[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void onlyAResumableCallCanBeSuspended(RunMode mode) {
        Instance instance = bounds(mode, HostCall::suspend);
        assertThrows(IllegalStateException.class, () -> instance.function("ticks").call(1));
        assertThrows(IllegalStateException.class, () -> Execution.create().call(instance.function("ticks"), 1));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostFunctionsChargeFuelForTheirWork(RunMode mode) {
        Instance instance = bounds(mode, call -> {
            call.consumeFuel(1000);
            call.setI32(0, 1);
        });
        long withoutHostCharge = consumed(bounds(mode), "ticks", 10);
        assertEquals(withoutHostCharge + 10_000, consumed(instance, "ticks", 10));
        Execution run = Execution.create().setFuel(withoutHostCharge + 5_500);
        TrapException e = assertThrows(TrapException.class, () -> run.call(instance.function("ticks"), 10));
        assertEquals(TrapKind.OUT_OF_FUEL, e.kind());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void bulkInstructionsCostOneUnitPer64BytesToo(RunMode mode) {
        Instance instance = bounds(mode);
        long none = consumed(instance, "fill", 0);
        assertEquals(none + 1, consumed(instance, "fill", 1));
        assertEquals(none + 1, consumed(instance, "fill", 64));
        assertEquals(none + 2, consumed(instance, "fill", 65));
        assertEquals(none + 1024, consumed(instance, "fill", 65536));
        // a resumable call suspends before the fill, and the fill runs (and charges) when resumed
        instance = bounds(mode);
        Execution run = Execution.create().setFuel(none + 10);
        ResumableCall call = run.start(instance.function("fill"), 65536);
        assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
        assertEquals(0, instance.memory("memory").segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 65535));
        run.addFuel(1024 - 10);
        assertTrue(call.resume().isFinished());
        assertEquals(7, instance.memory("memory").segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 65535));
        assertEquals(0, run.fuel());
    }
}
