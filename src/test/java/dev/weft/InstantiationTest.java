package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.ValueLayout;
import java.util.List;

import static dev.weft.TrapTest.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instantiation runs active element segments, then active data segments, then the start
 * function. A trap in any of them fails instantiation with that trap, and what was written to
 * imported memories and tables before it stays.
 */
class InstantiationTest {
    /** A fresh imported memory and table. */
    private record Env(Memory memory, Table table) {
        static Env create() {
            return new Env(Memory.create(new MemoryType(Limits.of(1))),
                    Table.create(new TableType(ValueType.FUNCREF, Limits.of(2))));
        }

        Imports imports() {
            return Imports.builder().add("env", "memory", memory).add("env", "table", table).build();
        }

        int byteAt(long at) {
            return memory.segment().get(ValueLayout.JAVA_BYTE, at) & 0xFF;
        }
    }

    /** Functions of one type share their type's data (instantiation computes it once per type). */
    @ParameterizedTest
    @EnumSource(RunMode.class)
    void everyFunctionHasItsOwnDeclaredTypeAndRuns(RunMode mode) {
        WasmModule module = TestWasm.module("calls");
        Instance instance = TestWasm.engine(mode).instantiate(module);
        int functions = 0;
        for (ModuleExport e : module.exports()) {
            if (e.type() instanceof FunctionType declared) {
                assertEquals(declared, instance.function(e.name()).type(), e.name());
                functions++;
            }
        }
        assertTrue(functions > 10, functions + " functions exported");
        assertEquals(7, instance.function("add").call(3, 4)[0]);
        assertEquals(5, instance.function("i32").call(5)[0]);
        assertEquals(6L, instance.function("i64").call(6L)[0]);
        assertEquals(1.5, instance.function("f64").call(1.5)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void startFunctionRunsAfterTheDataSegments(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "start");
        assertEquals("datadata", HostFunctionTest.read(instance.memory("memory"), 0, 8));
        assertEquals(1, instance.global("ready").getI32());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void trappingStartFunctionFailsInstantiationButItsWritesStay(RunMode mode) {
        Env env = Env.create();
        TrapException t = assertTrap(TrapKind.UNREACHABLE,
                () -> TestWasm.engine(mode).instantiate(TestWasm.module("start_trap"), env.imports()));
        assertEquals(List.of("start_trap!init (func 1)"), t.wasmStackTrace());
        assertEquals("segment", HostFunctionTest.read(env.memory(), 0, 7));
        assertEquals(0x2A, env.byteAt(100));
        assertEquals(0x600D, env.memory().segment().get(ValueLayout.JAVA_INT_UNALIGNED, 200)); // the failed instance's function, left in the imported table, still works
        WasmFunction helper = assertInstanceOf(WasmFunction.class, env.table().get(0));
        env.memory().segment().set(ValueLayout.JAVA_BYTE, 100, (byte) 0);
        helper.call();
        assertEquals(0x2A, env.byteAt(100));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void dataSegmentOutOfBounds(RunMode mode) {
        Env env = Env.create();
        TrapException t = assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
                () -> TestWasm.engine(mode).instantiate(TestWasm.module("segment_oob"), env.imports()));
        assertEquals(List.of(), t.wasmStackTrace()); // no function was running
        assertEquals("first", HostFunctionTest.read(env.memory(), 0, 5)); // the segment before it was written
        assertEquals(0, env.byteAt(65534)); // none of the failing one
        assertInstanceOf(WasmFunction.class, env.table().get(0)); // element segments ran first
        assertEquals(0, env.byteAt(8)); // the start function did not run
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void elementSegmentOutOfBounds(RunMode mode) {
        Env env = Env.create();
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS,
                () -> TestWasm.engine(mode).instantiate(TestWasm.module("elem_oob"), env.imports()));
        assertInstanceOf(WasmFunction.class, env.table().get(0)); // the segment before it was written
        assertNull(env.table().get(1)); // none of the failing one
        assertEquals(0, env.byteAt(0)); // data segments come after element segments
    }
}
