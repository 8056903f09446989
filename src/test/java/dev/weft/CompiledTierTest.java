package dev.weft;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weft.TrapTest.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled tier seen from the API: compiled code really runs (its hidden classes' frames are
 * on the Java stack, seen with {@link StackWalker.Option#SHOW_HIDDEN_FRAMES}), {@link Tier#AUTO}
 * compiles hot functions in the background, calls that may suspend stay interpreted, and calls
 * through a function too large for one JVM method (split into parts) give the interpreter's
 * results, traps and stack traces. The other test classes
 * run their cases in {@link RunMode#COMPILED} too (spec suite, fuel, interruption, traps, limits).
 */
class CompiledTierTest {
    private static final FunctionType TICK = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));
    private static final FunctionType I32_TO_I32 = TICK;

    /** @return whether a compiled function's frame is on the calling thread's stack */
    static boolean compiledFrameOnStack() {
        return StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES)
                .walk(s -> s.anyMatch(f -> f.getClassName().startsWith("dev.weft.exec.Wasm$")));
    }

    /** bounds.wat with a tick that records whether compiled code called it. */
    private static Instance bounds(Engine engine, AtomicBoolean compiledCaller) {
        return engine.instantiate(TestWasm.module("bounds"), Imports.builder().function("env", "tick", TICK, call -> {
            compiledCaller.set(compiledFrameOnStack());
            call.setI32(0, call.i32(0));
        }).build());
    }

    @Test
    void compiledCodeRunsInTheCompiledTierOnly() {
        AtomicBoolean compiled = new AtomicBoolean();
        assertEquals(45, bounds(RunMode.COMPILED.engine(), compiled).function("ticks").call(10)[0]);
        assertTrue(compiled.get(), "ticks ran compiled");
        assertEquals(45, bounds(RunMode.SWITCH.engine(), compiled).function("ticks").call(10)[0]);
        assertFalse(compiled.get(), "the interpreter tier compiles nothing");
    }

    @Test
    void autoCompilesHotFunctionsInTheBackgroundWithTheSameResultsAndFuel() throws InterruptedException {
        AtomicBoolean compiled = new AtomicBoolean();
        Instance instance = bounds(Engine.builder().tier(Tier.AUTO).build(), compiled);
        Execution first = Execution.create().setFuel(1L << 40);
        assertEquals(4950, first.call(instance.function("ticks"), 100)[0]);
        long fuel = (1L << 40) - first.fuel();
        assertFalse(compiled.get(), "the first call runs interpreted");
        long deadline = System.nanoTime() + 60_000_000_000L;
        int calls = 1;
        while (!compiled.get()) {
            assertTrue(System.nanoTime() < deadline, "ticks not compiled after " + calls + " calls");
            Execution run = Execution.create().setFuel(1L << 40);
            assertEquals(4950, run.call(instance.function("ticks"), 100)[0]);
            assertEquals(fuel, (1L << 40) - run.fuel(), "the same fuel in either tier");
            calls++;
            if (calls % 50 == 0) {
                Thread.sleep(10); // let the compiler thread have the core
            }
        }
        Execution run = Execution.create().setFuel(1L << 40);
        assertEquals(4950, run.call(instance.function("ticks"), 100)[0]);
        assertTrue(compiled.get());
        assertEquals(fuel, (1L << 40) - run.fuel(), "compiled code charges the interpreter's fuel");
    }

    @Test
    void aCallThatMaySuspendRunsInterpreted() {
        AtomicBoolean compiled = new AtomicBoolean(true);
        Instance instance = RunMode.COMPILED.engine().instantiate(TestWasm.module("bounds"),
                Imports.builder().function("env", "tick", TICK, call -> {
                    compiled.set(compiledFrameOnStack());
                    call.suspend();
                }).build());
        ResumableCall call = Execution.create().start(instance.function("ticks"), 3);
        assertFalse(compiled.get(), "a resumable call runs interpreted");
        while (!call.isFinished()) {
            call.resume(7);
            assertFalse(compiled.get());
        }
        assertEquals(21, call.results()[0]);
        // a plain call of the same function runs compiled (and a host function cannot suspend it)
        assertThrows(IllegalStateException.class, () -> instance.function("ticks").call(1));
        assertTrue(compiled.get());
    }

    /**
     * outer (small) calls big (too large for one JIT-compiled JVM method: compiled as a driver and
     * parts) calls inner (small), which traps on 0: whole and split functions' frames in one call.
     */
    private static WasmModule mixed() {
        ModuleBuilder b = new ModuleBuilder();
        int type = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        int inner = b.function(type, new ModuleBuilder.Code()
                .localGet(0).op(0x45).op(0x04, 0x40).op(0x00).op(0x0B) // if (n == 0) unreachable
                .localGet(0).i32Const(2).op(0x6C));                 // n * 2
        ModuleBuilder.Code big = new ModuleBuilder.Code().locals(1, ValueType.I32);
        for (int k = 0; k < 3000; k++) {
            big.localGet(1).i32Const(k).op(0x6A).localSet(1);        // acc += k
        }
        big.localGet(0).call(inner).localGet(1).op(0x6A);           // inner(n) + acc
        int bigFunction = b.function(type, big);
        int outer = b.function(type, new ModuleBuilder.Code().localGet(0).call(bigFunction).i32Const(1).op(0x6A));
        return WasmModule.parse(b.exportFunction("outer", outer).build());
    }

    @Test
    void wholeAndSplitFunctionsGiveTheInterpretersResultsAndTraps() {
        WasmModule module = mixed();
        Instance interpreted = RunMode.SWITCH.engine().instantiate(module);
        Instance compiled = RunMode.COMPILED.engine().instantiate(module);
        int expected = 2 * 21 + 3000 * 2999 / 2 + 1;
        for (int i = 0; i < 2000; i++) { // long enough for the JIT to compile the compiled code
            assertEquals(expected, interpreted.function("outer").call(21)[0]);
            assertEquals(expected, compiled.function("outer").call(21)[0]);
        }
        TrapException a = assertTrap(TrapKind.UNREACHABLE, () -> interpreted.function("outer").call(0));
        TrapException b = assertTrap(TrapKind.UNREACHABLE, () -> compiled.function("outer").call(0));
        assertEquals(List.of("func 0", "func 1", "func 2"), a.wasmStackTrace());
        assertEquals(a.wasmStackTrace(), b.wasmStackTrace());
        assertEquals(a.getMessage(), b.getMessage());
    }

    @Test
    void trapsAreTheInterpretersInKindMessageAndStack() {
        Instance interpreted = TestWasm.instance(RunMode.SWITCH, "traps");
        Instance compiled = TestWasm.instance(RunMode.COMPILED, "traps");
        for (String export : List.of("unreachable", "i32.div_u", "i32.load", "call_indirect", "table.get", "memory.fill")) {
            Object[] args = switch (export) {
                case "i32.div_u" -> new Object[] {1, 0};
                case "i32.load" -> new Object[] {-1};
                case "call_indirect" -> new Object[] {2};
                case "table.get" -> new Object[] {4};
                case "memory.fill" -> new Object[] {65530, 0, 7};
                default -> new Object[0];
            };
            TrapException a = assertThrows(TrapException.class, () -> interpreted.function(export).call(args));
            TrapException b = assertThrows(TrapException.class, () -> compiled.function(export).call(args));
            assertEquals(a.kind(), b.kind(), export);
            assertEquals(a.getMessage(), b.getMessage(), export);
        }
    }

    @Test
    void deepRecursionStaysOffTheJavaStacksEnd() throws InterruptedException {
        // a thread with the JVM's default stack size (1 MiB on 64-bit Linux): compiled frames take
        // what the compiled tier's budget allows, the rest of the recursion runs interpreted
        Engine engine = RunMode.COMPILED.builder().maxCallDepth(200_001).maxValueSlots(1 << 21).build();
        Instance instance = engine.instantiate(TestWasm.module("limits"),
                Imports.builder().function("env", "reenter", I32_TO_I32, call -> call.setI32(0, 0)).build());
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Object> exhausted = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(instance.function("count").call(200_000)[0]);
                instance.function("count").call(200_001);
            } catch (Throwable e) {
                exhausted.set(e);
            }
        }, "one-mebibyte-stack", 1 << 20);
        t.start();
        t.join();
        assertEquals(200_000, result.get());
        TrapException trap = assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> {
            throw (Throwable) exhausted.get();
        });
        assertEquals("call stack exhausted: more than 200001 frames", trap.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void valueSlotsBoundOnlyTheInterpretersStack() {
        // wide's frames hold 300 locals: 700 value slots fit two interpreted frames, but compiled
        // frames keep their values in JVM locals (bounded by the compiled tier's Java stack budget)
        Imports imports = Imports.builder().function("env", "reenter", I32_TO_I32, call -> call.setI32(0, 0)).build();
        Instance interpreted = RunMode.SWITCH.builder().maxValueSlots(700).build().instantiate(TestWasm.module("limits"), imports);
        Instance compiled = RunMode.COMPILED.builder().maxValueSlots(700).build().instantiate(TestWasm.module("limits"), imports);
        assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> interpreted.function("wide").call(3));
        assertEquals(12, compiled.function("wide").call(3)[0]);
    }

    @Test
    void theTierIsAnEngineSetting() {
        String property = System.getProperty(Tier.PROPERTY);
        assertEquals(property == null ? Tier.AUTO : Tier.parse(property), Engine.create().tier(),
                "auto by default: its targets are met (docs/compiled-tier.md)");
        assertEquals(Tier.AUTO, Engine.builder().tier(Tier.AUTO).build().tier());
        assertEquals(Tier.COMPILED, Tier.parse(" Compiled "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tier.parse("jit"));
        assertEquals("unknown tier 'jit'; valid tiers: interpreter, auto, compiled", e.getMessage());
    }
}
