package dev.weft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;

import static dev.weft.ValueType.EXTERNREF;
import static dev.weft.ValueType.F32;
import static dev.weft.ValueType.FUNCREF;
import static dev.weft.ValueType.I32;
import static dev.weft.ValueType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolving imports: link errors, and memories, tables, globals and functions shared between instances. */
class LinkingTest {
    private static final FunctionType I32_TO_I32 = FunctionType.of(List.of(I32), List.of(I32));
    private static final FunctionType TO_I32 = FunctionType.of(List.of(), List.of(I32));

    private static Table table(ValueType type, long min, long max) {
        return Table.create(new TableType(type, max < 0 ? Limits.of(min) : Limits.of(min, max)));
    }

    private static Memory memory(long min, long max) {
        return Memory.create(new MemoryType(max < 0 ? Limits.of(min) : Limits.of(min, max)));
    }

    /** What imports.wat needs, each import bound to something that fits. */
    private static Map<String, Object> fitting() {
        Imports f = Imports.builder().function("env", "f", I32_TO_I32, c -> c.setI32(0, c.i32(0) + 1)).build();
        return Map.of(
                "f", f.lookup("env", "f"),
                "table", table(FUNCREF, 2, 10),
                "memory", memory(1, 4),
                "counter", Global.create(new GlobalType(I32, true), 41),
                "seed", Global.create(new GlobalType(I64, false), 100L));
    }

    /** The fitting imports with {@code name} rebound to {@code value}, or left out if value is null. */
    private static Imports with(String name, Object value) {
        Imports.Builder b = Imports.builder();
        fitting().forEach((n, v) -> {
            if (!n.equals(name)) {
                b.add("env", n, v);
            }
        });
        if (value != null) {
            b.add("env", name, value);
        }
        return b.build();
    }

    private static void assertIncompatible(String name, Object value) {
        LinkException e = assertThrows(LinkException.class,
                () -> Engine.create().instantiate(TestWasm.module("imports"), with(name, value)), name + " = " + value);
        assertTrue(e.getMessage().startsWith("incompatible import type: env." + name), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fittingImportsLink(RunMode mode) {
        Map<String, Object> imports = fitting();
        Imports.Builder b = Imports.builder();
        imports.forEach((n, v) -> b.add("env", n, v));
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("imports"), b.build());
        assertEquals(100L + 2 + 1, instance.function("run").call()[0]);
        assertEquals(42, ((Global) imports.get("counter")).getI32());
    }

    @Test
    void unknownImport() {
        for (String name : fitting().keySet()) {
            LinkException e = assertThrows(LinkException.class,
                    () -> Engine.create().instantiate(TestWasm.module("imports"), with(name, null)));
            assertEquals("unknown import: env." + name, e.getMessage());
        }
        LinkException e = assertThrows(LinkException.class, () -> Engine.create().instantiate(TestWasm.module("imports")));
        assertEquals("unknown import: env.f", e.getMessage());
    }

    @Test
    void wrongKind() {
        assertIncompatible("f", memory(1, 4));
        assertIncompatible("table", fitting().get("f"));
        assertIncompatible("memory", table(FUNCREF, 2, 10));
        assertIncompatible("counter", memory(1, 4));
    }

    @Test
    void wrongFunctionType() {
        Imports other = Imports.builder()
                .function("x", "params", FunctionType.of(List.of(I64), List.of(I32)), c -> { })
                .function("x", "results", FunctionType.of(List.of(I32), List.of()), c -> { })
                .function("x", "more", FunctionType.of(List.of(I32, I32), List.of(I32)), c -> { })
                .build();
        for (String n : List.of("params", "results", "more")) {
            assertIncompatible("f", other.lookup("x", n));
        }
    }

    @Test
    void tableLimitsAndType() {
        assertIncompatible("table", table(FUNCREF, 1, 10));   // smaller than the required minimum
        assertIncompatible("table", table(FUNCREF, 2, -1));   // no maximum, one is required
        assertIncompatible("table", table(FUNCREF, 2, 11));   // maximum above the required one
        assertIncompatible("table", table(EXTERNREF, 2, 10)); // element type
        assertIncompatible("table", table(FUNCREF, 2, 0xFFFF_FFFFL));
        Engine.create().instantiate(TestWasm.module("imports"), with("table", table(FUNCREF, 5, 6)));
    }

    @Test
    void memoryLimits() {
        assertIncompatible("memory", memory(0, 4));
        assertIncompatible("memory", memory(1, -1));
        assertIncompatible("memory", memory(1, 5));
        assertIncompatible("memory", memory(1, 65536));
        Engine.create().instantiate(TestWasm.module("imports"), with("memory", memory(2, 3)));
    }

    @Test
    void globalMutabilityAndType() {
        assertIncompatible("counter", Global.create(new GlobalType(I32, false), 1));
        assertIncompatible("counter", Global.create(new GlobalType(I64, true), 1L));
        assertIncompatible("seed", Global.create(new GlobalType(I64, true), 1L));
        assertIncompatible("seed", Global.create(new GlobalType(F32, false), 1f));
    }

    /** An exporter and an importer linked to it, the importer's host function growing the shared memory. */
    private record Pair(Instance exporter, Instance importer) {
        static Pair link(RunMode mode) {
            Engine engine = TestWasm.engine(mode);
            Instance exporter = engine.instantiate(TestWasm.module("exporter"));
            Imports imports = Imports.builder()
                    .instance("lib", exporter)
                    .function("env", "grow", TO_I32, c -> c.setI32(0, (int) c.memory().grow(1)))
                    .build();
            return new Pair(exporter, engine.instantiate(TestWasm.module("importer"), imports));
        }

        int ex(String f, Object... args) {
            return (int) exporter.function(f).call(args)[0];
        }

        int im(String f, Object... args) {
            return (int) importer.function(f).call(args)[0];
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void sharedMemoryIsOneMemory(RunMode mode) {
        Pair p = Pair.link(mode);
        assertSame(p.exporter().memory("memory"), p.importer().memory("memory"));
        p.importer().function("store").call(8, 77);
        assertEquals(77, p.ex("load", 8));
        p.exporter().function("store").call(12, -5);
        assertEquals(-5, p.im("load", 12));
        p.exporter().memory("memory").segment().set(ValueLayout.JAVA_INT_UNALIGNED, 21, 0x1234_5678);
        assertEquals(0x1234_5678, p.im("load", 21));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void sharedGlobalIsOneGlobal(RunMode mode) {
        Pair p = Pair.link(mode);
        assertEquals(1, p.ex("bump"));
        assertEquals(11, p.im("bump"));
        assertEquals(12, p.ex("bump"));
        Global counter = p.exporter().global("counter");
        assertEquals(12, counter.getI32());
        counter.setRaw(100);
        assertEquals(110, p.im("bump"));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void functionsCrossInstancesThroughTheSharedTable(RunMode mode) {
        Pair p = Pair.link(mode);
        Table table = p.exporter().table("table");
        assertSame(p.exporter().function("own"), table.get(0));
        // each function runs in its own instance: its globals, the shared memory
        p.exporter().function("store").call(0, 7);
        assertEquals(1007, p.im("call", 0));     // importer -> exporter's function
        assertEquals(2005, p.ex("call", 1));     // exporter -> importer's function, placed there by its element segment
        assertEquals(1007, p.im("call_lib"));    // a direct call of an imported function
        // a function set from Java
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT, assertThrows(TrapException.class, () -> p.im("call", 3)).kind());
        table.set(3, p.exporter().function("bump"));
        assertEquals(1, p.im("call", 3));
        assertEquals(1, p.exporter().global("counter").getI32());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void trapInAnotherInstanceListsFramesOfBoth(RunMode mode) {
        Pair p = Pair.link(mode);
        TrapException t = TrapTest.assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> p.im("call_fail", 0));
        assertEquals(List.of("exporter!fail (func 7)", "importer!call_fail (func 10)"), t.wasmStackTrace());
        assertEquals(1, p.im("call_fail", 1));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void memoryGrownByAnotherInstanceOrTheHostIsUsableAtOnce(RunMode mode) {
        Pair p = Pair.link(mode);
        // exporter calls importer's function (table element 2), which grows the memory; back in the
        // exporter, the same function reads the new page
        assertEquals(42, p.ex("call_then_load", 2));
        assertEquals(2, p.ex("size"));
        // the host grows it in the middle of an importer function
        assertEquals(99, p.im("host_grow_then_store", 99));
        assertEquals(3, p.ex("size"));
        assertEquals(99, p.ex("load", 3 * 65536 - 4));
    }

    @Test
    void importMatchingUsesTheDeclaredMaximumNotTheEngineCap() {
        // the engine caps the memory at 10 pages, but its type still declares a maximum of 100:
        // a module requiring a maximum of at most 50 must not accept it
        Engine capped = Engine.builder().limits(ResourceLimits.builder().maxMemoryBytes(10 * Memory.PAGE_SIZE).maxTableElements(10).build()).build();
        Instance exporter = capped.instantiate(TestWasm.module("limited_exporter"));
        assertEquals(Limits.of(1, 100), exporter.memory("memory").type().limits());
        assertEquals(Limits.of(1, 100), exporter.table("table").type().limits());
        LinkException e = assertThrows(LinkException.class,
                () -> capped.instantiate(TestWasm.module("limited_importer"), Imports.builder().instance("lib", exporter).build()));
        assertTrue(e.getMessage().startsWith("incompatible import type: lib."), e.getMessage());
    }
}
