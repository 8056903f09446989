package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Releasing memories rather than waiting for garbage collection: Instance.close and Memory.close. */
class CloseTest {
    /** (module (memory (export "memory") 1) (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))) */
    private static final byte[] LOADER = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x05, 0x03, 0x01, 0x00, 0x01,
        0x07, 0x11, 0x02, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00, 0x04, 'l', 'o', 'a', 'd', 0x00, 0x00,
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x28, 0x02, 0x00, 0x0b,
    };

    @Test
    void aClosedInstanceCannotBeCalledNorItsMemoryUsed() {
        WasmModule module = WasmModule.parse(LOADER);
        Instance instance = Engine.create().instantiate(module);
        Memory memory = instance.memory("memory");
        memory.segment().set(ValueLayout.JAVA_INT_UNALIGNED, 8, 42);
        assertEquals(42, instance.function("load").call(8)[0]);
        instance.close();
        assertThrows(IllegalStateException.class, memory::segment);
        assertThrows(IllegalStateException.class, () -> memory.grow(1));
        assertThrows(IllegalStateException.class, () -> instance.function("load").call(8));
        instance.close(); // twice: nothing
    }

    /**
     * A close racing with calls from another thread: a call entering as the instance closes
     * checks it once and then runs (Machine.runPlain); whatever the interleaving, each call
     * returns the right value or fails saying the instance is closed (never, say, as an
     * out-of-bounds access of the closed memory), and once close() has returned no call succeeds.
     */
    @ParameterizedTest
    @EnumSource(RunMode.class)
    void callsRacingWithACloseSucceedOrFailAsClosed(RunMode mode) throws Exception {
        Engine engine = TestWasm.engine(mode);
        WasmModule module = WasmModule.parse(LOADER);
        for (int round = 0; round < 200; round++) {
            Instance instance = engine.instantiate(module);
            instance.memory("memory").segment().set(ValueLayout.JAVA_INT_UNALIGNED, 8, 42);
            WasmFunction load = instance.function("load");
            CountDownLatch calling = new CountDownLatch(1);
            AtomicReference<Throwable> wrong = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    while (true) { // until the close stops it: calls are in flight when it comes
                        Object value = load.call(8)[0];
                        if (!Integer.valueOf(42).equals(value)) {
                            throw new AssertionError("loaded " + value);
                        }
                        calling.countDown();
                    }
                } catch (IllegalStateException | TrapException e) {
                    if (!String.valueOf(e.getMessage()).contains("closed")) {
                        wrong.set(e);
                    }
                } catch (Throwable t) {
                    wrong.set(t);
                } finally {
                    calling.countDown();
                }
            });
            calling.await();
            instance.close();
            assertThrows(IllegalStateException.class, () -> load.call(8), "a call after close() returned");
            caller.join(10_000);
            assertFalse(caller.isAlive(), "round " + round + ": calls still succeed after the close");
            if (wrong.get() != null) {
                throw new AssertionError("round " + round + ": " + wrong.get(), wrong.get());
            }
        }
    }

    @Test
    void anInstanceImportingAClosedMemoryCannotBeCalled() throws Throwable {
        Memory shared = Memory.create(new MemoryType(Limits.of(1)));
        Instance instance = Engine.create().instantiate(WasmModule.parse(IMPORTS_MEMORY_AND_LOADS),
                Imports.builder().add("env", "memory", shared).build());
        assertEquals(0, (int) instance.function("load").handle().invokeExact(0));
        shared.close();
        assertThrows(IllegalStateException.class, () -> instance.function("load").call(0));
    }

    /** (module (import "env" "memory" (memory 1)) (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))) */
    private static final byte[] IMPORTS_MEMORY_AND_LOADS = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
        0x02, 0x0f, 0x01, 0x03, 'e', 'n', 'v', 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00, 0x01,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x08, 0x01, 0x04, 'l', 'o', 'a', 'd', 0x00, 0x00,
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x28, 0x02, 0x00, 0x0b,
    };

    @Test
    void anInstanceDoesNotCloseAMemoryItImports() {
        Memory shared = Memory.create(new MemoryType(Limits.of(1)));
        // (module (import "env" "memory" (memory 1)))
        byte[] importer = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x02, 0x0f, 0x01, 0x03, 'e', 'n', 'v', 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00, 0x01};
        Instance instance = Engine.create().instantiate(WasmModule.parse(importer),
                Imports.builder().add("env", "memory", shared).build());
        instance.close();
        shared.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 7);
        assertEquals(7, shared.segment().get(ValueLayout.JAVA_BYTE, 0));
        shared.close();
        assertThrows(IllegalStateException.class, () -> shared.segment().get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void aFailedInstanceKeepsTheMemoryOfAFunctionItLeftInAnImportedTable() {
        Table table = Table.create(new TableType(ValueType.FUNCREF, Limits.of(1)));
        assertThrows(TrapException.class, () -> Engine.create().instantiate(TestWasm.module("escaped_function"),
                Imports.builder().add("env", "table", table).build()));
        WasmFunction read = (WasmFunction) table.get(0);
        assertEquals(42, read.call()[0]);
    }

    @Test
    void closedMemoriesAreFreedWithTheirBatchNotAtGarbageCollection() {
        WasmModule module = WasmModule.parse(LOADER);
        Engine engine = Engine.create();
        List<MemorySegment> views = new ArrayList<>();
        int instances = 200;
        for (int i = 0; i < instances; i++) {
            try (Instance instance = engine.instantiate(module)) {
                MemorySegment view = instance.memory("memory").segment();
                assertEquals(0, instance.function("load").call(i * 4)[0]);
                views.add(view);
            }
        }
        // Still referenced, yet freed: all but those of the batch still filling (at most one
        // batch, and the one before it if another test's memory still holds it).
        long alive = views.stream().filter(v -> v.scope().isAlive()).count();
        assertTrue(alive < 2 * 32, alive + " of " + instances + " closed memories not freed");
        MemorySegment freed = views.stream().filter(v -> !v.scope().isAlive()).findFirst().orElseThrow();
        assertThrows(IllegalStateException.class, () -> freed.get(ValueLayout.JAVA_BYTE, 0));
    }
}
