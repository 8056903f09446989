package dev.weft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.weft.TrapTest.assertTrap;
import static dev.weft.ValueType.EXTERNREF;
import static dev.weft.ValueType.F32;
import static dev.weft.ValueType.F64;
import static dev.weft.ValueType.FUNCREF;
import static dev.weft.ValueType.I32;
import static dev.weft.ValueType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Globals, tables and memories the host creates with {@code create}: values, bounds, growth, misuse. */
class HostObjectsTest {
    @Test
    void globalsOfEveryType() {
        assertEquals(-5, Global.create(new GlobalType(I32, false), -5).get());
        assertEquals(-5L, Global.create(new GlobalType(I32, false), -5).getRaw()); // sign-extended
        assertEquals(Long.MIN_VALUE, Global.create(new GlobalType(I64, false), Long.MIN_VALUE).getI64());
        assertEquals(2.5f, Global.create(new GlobalType(F32, false), 2.5f).getF32());
        assertEquals(-0.0, Global.create(new GlobalType(F64, false), -0.0).get());
        Global nan = Global.create(new GlobalType(F32, true), Float.intBitsToFloat(0x7fa0_0000));
        assertEquals(0x7fa0_0000, (int) nan.getRaw());
        Object token = new Object();
        assertSame(token, Global.create(new GlobalType(EXTERNREF, false), token).getRef());
        assertNull(Global.create(new GlobalType(FUNCREF, false), null).get());
    }

    @Test
    void globalMisuse() {
        Global immutable = Global.create(new GlobalType(I32, false), 1);
        assertThrows(IllegalStateException.class, () -> immutable.setRaw(2));
        assertEquals(1, immutable.getI32());
        assertThrows(IllegalStateException.class, () -> Global.create(new GlobalType(EXTERNREF, false), null).setRef("x"));
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(FUNCREF, false), "not a function"));
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(FUNCREF, true), null).setRef("x"));
        // a value of the wrong Java type is an illegal argument, like in WasmFunction.call
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(I32, false), 1L));
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(I64, false), 1));
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(F32, false), 1.0));
        assertThrows(IllegalArgumentException.class, () -> Global.create(new GlobalType(F64, false), null));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void importedGlobalsAndTableReadAndWrittenByWasm(RunMode mode) {
        Global i32 = Global.create(new GlobalType(I32, true), 41);
        Global i64 = Global.create(new GlobalType(I64, true), -1L);
        Global f32 = Global.create(new GlobalType(F32, true), 0.5f);
        Global f64 = Global.create(new GlobalType(F64, true), 1e10);
        Global externref = Global.create(new GlobalType(EXTERNREF, true), "before");
        Global funcref = Global.create(new GlobalType(FUNCREF, true), null);
        Table table = Table.create(new TableType(EXTERNREF, Limits.of(1)));
        Object token = new Object();
        table.set(0, token);
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("globals"), Imports.builder()
                .add("env", "i32", i32).add("env", "i64", i64).add("env", "f32", f32).add("env", "f64", f64)
                .add("env", "externref", externref).add("env", "funcref", funcref).add("env", "table", table).build());
        assertEquals(41, instance.function("get_i32").call()[0]);
        assertEquals("before", instance.function("get_externref").call()[0]);
        instance.function("step").call();
        assertEquals(42, i32.get());
        assertEquals(0L, i64.get());
        assertEquals(1.5f, f32.get());
        assertEquals(1e10 + 1, f64.get());
        assertSame(token, externref.getRef());
        WasmFunction step = assertInstanceOf(WasmFunction.class, funcref.getRef());
        assertSame(step, instance.function("get_funcref").call()[0]);
        assertSame(instance.function("step"), step);
        // written from Java, read by Wasm
        i32.setRaw(-7);
        f32.setRaw(Float.floatToRawIntBits(Float.intBitsToFloat(0x7fa0_0000)));
        assertEquals(-7, instance.function("get_i32").call()[0]);
        assertEquals(0x7fa0_0000, Float.floatToRawIntBits((Float) instance.function("get_f32").call()[0]));
        // the table grown from Java
        assertEquals(1, table.grow(2, "new"));
        assertEquals(3, instance.function("table_size").call()[0]);
    }

    @Test
    void tables() {
        Table externs = Table.create(new TableType(EXTERNREF, Limits.of(2, 4)));
        assertEquals(2, externs.size());
        assertNull(externs.get(1));
        Object token = new Object();
        externs.set(1, token);
        assertSame(token, externs.get(1));
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, assertThrows(TrapException.class, () -> externs.get(2)).kind());
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, assertThrows(TrapException.class, () -> externs.set(-1, null)).kind());
        assertEquals(2, externs.grow(1, token));
        assertSame(token, externs.get(2));
        assertEquals(-1, externs.grow(2, null)); // beyond the maximum of 4
        assertEquals(-1, externs.grow(-1, null));
        assertEquals(3, externs.grow(0, null));
        assertEquals(new TableType(EXTERNREF, Limits.of(3, 4)), externs.type());

        Table functions = Table.create(new TableType(FUNCREF, Limits.of(1)));
        assertThrows(IllegalArgumentException.class, () -> functions.set(0, "not a function"));
        assertThrows(IllegalArgumentException.class, () -> functions.grow(1, "not a function"));
        assertEquals(1, functions.size());
    }

    @Test
    void memories() {
        Memory memory = Memory.create(new MemoryType(Limits.of(0, 2)));
        assertEquals(0, memory.pages());
        assertEquals(0, memory.segment().byteSize());
        assertEquals(-1, memory.grow(3));
        assertEquals(-1, memory.grow(-1));
        assertEquals(0, memory.grow(2));
        assertEquals(2 * Memory.PAGE_SIZE, memory.segment().byteSize());
        assertEquals(new MemoryType(Limits.of(2, 2)), memory.type());
        WeftException tooBig = assertThrows(WeftException.class, () -> Memory.create(new MemoryType(Limits.of(65537))));
        assertEquals("memory of 65537 pages exceeds the limit of 65536 pages", tooBig.getMessage());
        assertThrows(WeftException.class, () -> Table.create(new TableType(FUNCREF, Limits.of(20_000_000))));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aTrapInsideWasmFromATableGetIsTheSameKindAsFromJava(RunMode mode) {
        // table.get out of bounds from Wasm and Table.get from Java: the same trap
        Instance instance = TestWasm.instance(mode, "traps");
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> instance.function("table.get").call(4));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> instance.table("table").get(4));
        assertEquals(List.of(), assertThrows(TrapException.class, () -> instance.table("table").get(4)).wasmStackTrace());
    }
}
