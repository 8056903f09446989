package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

/** Freeing memories now rather than at garbage collection: Instance.close and Memory.close. */
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
    void closingAnInstanceFreesItsMemory() {
        WasmModule module = WasmModule.parse(LOADER);
        Instance instance = Engine.create().instantiate(module);
        MemorySegment view = instance.memory("memory").segment();
        view.set(ValueLayout.JAVA_INT_UNALIGNED, 8, 42);
        assertEquals(42, instance.function("load").call(8)[0]);
        instance.close();
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, () -> instance.function("load").call(8));
        instance.close(); // twice: nothing
    }

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
    void closingReleasesTheMemoryAtOnceNotAtGarbageCollection() {
        WasmModule module = WasmModule.parse(LOADER);
        Engine engine = Engine.create();
        for (int i = 0; i < 100; i++) {
            MemorySegment view;
            try (Instance instance = engine.instantiate(module)) {
                view = instance.memory("memory").segment();
                assertTrue(view.scope().isAlive());
                assertEquals(0, instance.function("load").call(i * 4)[0]);
            }
            assertFalse(view.scope().isAlive(), "freed when the instance closed, while still referenced");
        }
    }
}
