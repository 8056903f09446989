package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weft.TrapTest.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's limits: call depth, value slots, host re-entry, memory and table sizes. Reaching
 * a stack limit is always the "call stack exhausted" trap, never a JVM error, and the instance
 * stays usable.
 */
class LimitsTest {
    private static final FunctionType I32_TO_I32 = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));

    /** An instance of limits.wat whose host import "reenter" calls its export "down". */
    private static Instance limits(Engine engine) {
        AtomicReference<Instance> self = new AtomicReference<>();
        Imports imports = Imports.builder()
                .function("env", "reenter", I32_TO_I32,
                        call -> call.setI32(0, (int) self.get().function("down").call(call.i32(0))[0]))
                .build();
        self.set(engine.instantiate(TestWasm.module("limits"), imports));
        return self.get();
    }

    private static int call(Instance instance, String name, int arg) {
        return (int) instance.function(name).call(arg)[0];
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hundredThousandFramesWhenConfiguredForThem(RunMode mode) {
        Instance deep = limits(mode.builder().maxCallDepth(100_001).maxValueSlots(1 << 20).build());
        assertEquals(100_000, call(deep, "count", 100_000));
        // the same depth with the default limit of 50,000 frames is a trap
        Instance normal = limits(TestWasm.engine(mode));
        assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> call(normal, "count", 100_000));
        assertEquals(49_999, call(normal, "count", 49_999));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void depthLimitIsExact(RunMode mode) {
        for (int limit : new int[] {1, 10, 300, 1000, 1025}) {
            Instance instance = limits(mode.builder().maxCallDepth(limit).build());
            // count(n) needs n + 1 frames
            assertEquals(limit - 1, call(instance, "count", limit - 1), "limit " + limit);
            TrapException t = assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> call(instance, "count", limit));
            assertEquals("call stack exhausted: more than " + limit + " frames", t.getMessage().lines().findFirst().orElseThrow());
            assertEquals(limit - 1, call(instance, "count", limit - 1), "usable after the trap, limit " + limit);
        }
    }

    // Value slots are the interpreter's stack: compiled frames keep their values in JVM locals, on the
    // Java stack, which the compiled tier's own budget bounds (CompiledTierTest). So these two run interpreted.
    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"SWITCH", "HANDLES"})
    void largeFramesExhaustTheValueSlots(RunMode mode) {
        // wide has 301 locals; its frames fill the slots long before the frame limit
        for (int slots : new int[] {1000, 100_000}) {
            Instance instance = limits(mode.builder().maxValueSlots(slots).build());
            int fits = slots / 400; // frames of a bit over 300 slots
            assertEquals(fits * (fits + 1), call(instance, "wide", fits), "slots " + slots);
            TrapException t = assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> call(instance, "wide", slots / 300));
            assertEquals("call stack exhausted: more than " + slots + " value slots", t.getMessage().lines().findFirst().orElseThrow());
            assertTrue(t.wasmStackTrace().stream().allMatch(f -> f.startsWith("limits!wide ")), t.wasmStackTrace().toString());
            assertEquals(fits * (fits + 1), call(instance, "wide", fits), "usable after the trap, slots " + slots);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"SWITCH", "HANDLES"})
    void valueSlotTrapListsOnlyTheFramesThatStarted(RunMode mode) {
        // two frames of wide fit in 700 slots; the third call traps before its frame exists
        Instance instance = limits(mode.builder().maxValueSlots(700).build());
        TrapException t = assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> call(instance, "wide", 3));
        assertEquals(List.of("limits!wide (func 5)", "limits!wide (func 5)"), t.wasmStackTrace());
        assertEquals(2, call(instance, "wide", 1));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostReentryIsBoundedByMaxHostNesting(RunMode mode) {
        Instance instance = limits(mode.builder().maxHostNesting(50).build());
        // the call from Java is the first of the 50 entries, each reentry one more
        assertEquals(49, call(instance, "down", 49));
        TrapException t = assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> call(instance, "down", 50));
        assertTrue(t.getMessage().contains("more than 50 nested calls from host functions"), t.getMessage());
        assertEquals(49, call(instance, "down", 49));
        assertEquals(1000, call(instance, "count", 1000));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void javaStackOverflowInHostReentryBecomesATrap(RunMode mode) throws InterruptedException {
        // No nesting limit to speak of: the thread's Java stack runs out first, somewhere in the
        // executor or in a host function. Where exactly depends on the stack size, so try several:
        // wherever it happens, the result is the trap, and the thread can call WebAssembly again.
        Instance instance = limits(mode.builder().maxHostNesting(Integer.MAX_VALUE).build());
        for (int i = 0; i < 16; i++) {
            int stackSize = 256 * 1024 + i * 7919;
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Object> after = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    call(instance, "down", 10);
                    call(instance, "down", 1_000_000);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                try {
                    after.set(call(instance, "down", 20) + call(instance, "count", 100));
                } catch (Throwable e) {
                    after.set(e);
                }
            }, "small-stack", stackSize);
            t.start();
            t.join();
            TrapException trap = assertInstanceOf(TrapException.class, thrown.get(), "stack size " + stackSize);
            assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
            // the bare wording, without "more than N ...": no configured limit was hit, the JVM's stack was
            assertEquals("call stack exhausted", trap.getMessage().lines().findFirst().orElseThrow());
            assertEquals(120, after.get(), "usable after the overflow on the same thread, stack size " + stackSize);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void memoryGrowStopsAtMaxMemoryPages(RunMode mode) {
        Instance instance = limits(mode.builder().limits(ResourceLimits.builder().maxMemoryBytes(4 * Memory.PAGE_SIZE).build()).build());
        assertEquals(1, call(instance, "grow", 2));
        assertEquals(-1, call(instance, "grow", 2));
        assertEquals(3, call(instance, "grow", 1));
        assertEquals(-1, call(instance, "grow", 1));
        assertEquals(4, call(instance, "grow", 0));
        assertEquals(-1, instance.memory("memory").grow(1));
        assertEquals(4, instance.function("size").call()[0]);
        assertEquals(4 * Memory.PAGE_SIZE, instance.memory("memory").segment().byteSize());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void importedMemoriesKeepTheirOwnLimits(RunMode mode) {
        // the engine caps the memories it creates; a host-created memory is bounded by its own type
        Memory memory = Memory.create(new MemoryType(Limits.of(1, 6)));
        Engine small = mode.builder().limits(ResourceLimits.builder().maxMemoryBytes(2 * Memory.PAGE_SIZE).build()).build();
        Instance instance = small.instantiate(TestWasm.module("imported_memory"), Imports.builder().add("env", "memory", memory).build());
        assertEquals(1, memory.grow(4));
        assertEquals(5, instance.function("size").call()[0]);
        assertEquals(-1, memory.grow(2));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void declaredSizesOverTheEngineLimitsFailInstantiation(RunMode mode) {
        Engine small = mode.builder().limits(ResourceLimits.builder().maxMemoryBytes(10 * Memory.PAGE_SIZE).maxTableElements(100).build()).build();
        WeftException m = assertThrows(WeftException.class, () -> small.instantiate(TestWasm.module("big_memory")));
        assertEquals(WeftException.class, m.getClass());
        assertEquals("memory of 11 pages exceeds the limit of 10 pages", m.getMessage());
        WeftException t = assertThrows(WeftException.class, () -> small.instantiate(TestWasm.module("big_table")));
        assertEquals(WeftException.class, t.getClass());
        assertEquals("table of 101 elements exceeds the limit of 100 elements", t.getMessage());
        // within the limits they instantiate
        Engine roomy = mode.builder().limits(ResourceLimits.builder().maxMemoryBytes(11 * Memory.PAGE_SIZE).maxTableElements(101).build()).build();
        assertEquals(11, roomy.instantiate(TestWasm.module("big_memory")).memory("memory").pages());
        assertEquals(101, roomy.instantiate(TestWasm.module("big_table")).table("table").size());
    }
}
