package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static dev.weft.TrapTest.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Linear memory seen from Java through {@link Memory#segment()}: byte order, alignment, bounds, growth. */
class MemoryViewTest {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long PAGE = Memory.PAGE_SIZE;

    private static int i32(Instance instance, String f, Object... args) {
        return (int) instance.function(f).call(args)[0];
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void javaWritesWasmReadsLittleEndianUnaligned(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "memory");
        MemorySegment m = instance.memory("memory").segment();
        m.set(INT, 1, 0xA1B2_C3D4);
        assertEquals(0xA1B2_C3D4, i32(instance, "load32", 1));
        assertEquals(0xD4, i32(instance, "load8", 1)); // least significant byte first
        m.set(LONG, 4093, 0x0102_0304_0506_0708L);     // across a 4 KiB boundary
        assertEquals(0x0102_0304_0506_0708L, instance.function("load64").call(4093)[0]);
        m.set(DOUBLE, 7, -1.25);
        assertEquals(-1.25, instance.function("loadf64").call(7)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void wasmWritesJavaReads(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "memory");
        instance.function("store64").call(3, 0x1122_3344_5566_7788L);
        instance.function("store32").call(11, -2);
        MemorySegment m = instance.memory("memory").segment();
        assertEquals(0x1122_3344_5566_7788L, m.get(LONG, 3));
        assertEquals((byte) 0x88, m.get(ValueLayout.JAVA_BYTE, 3));
        assertEquals(-2, m.get(INT, 11));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void boundsAreExactlyAtTheLastByte(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "memory");
        MemorySegment m = instance.memory("memory").segment();
        assertEquals(PAGE, m.byteSize());
        m.set(ValueLayout.JAVA_BYTE, PAGE - 1, (byte) 0x7E);
        assertEquals(0x7E, i32(instance, "load8", (int) PAGE - 1));
        assertEquals(0x7E00_0000, i32(instance, "load32", (int) PAGE - 4));
        assertEquals(0x7E00_0000_0000_0000L, instance.function("load64").call((int) PAGE - 8)[0]);
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i32(instance, "load8", (int) PAGE));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i32(instance, "load32", (int) PAGE - 3));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> instance.function("load64").call((int) PAGE - 7));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> instance.function("store32").call((int) PAGE - 3, 1));
        instance.function("store32").call((int) PAGE - 4, 0x0102_0304);
        assertEquals(0x0102_0304, m.get(INT, PAGE - 4));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(ValueLayout.JAVA_BYTE, PAGE));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(INT, PAGE - 3));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void oldViewsStayValidAfterGrowthAndNewViewsSeeTheData(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "memory");
        Memory memory = instance.memory("memory");
        MemorySegment before = memory.segment();
        before.set(INT, PAGE - 4, 0xCAFE_BABE);
        assertEquals(1, i32(instance, "grow", 1));
        // the old view: still readable, still one page
        assertEquals(PAGE, before.byteSize());
        assertEquals(0xCAFE_BABE, before.get(INT, PAGE - 4));
        // a new view: two pages, the old data, and the new page visible both ways
        MemorySegment after = memory.segment();
        assertEquals(2 * PAGE, after.byteSize());
        assertEquals(0xCAFE_BABE, after.get(INT, PAGE - 4));
        after.set(INT, 2 * PAGE - 4, 77);
        assertEquals(77, i32(instance, "load32", (int) (2 * PAGE - 4)));
        instance.function("store32").call((int) PAGE + 8, 88);
        assertEquals(88, after.get(INT, PAGE + 8));
        // grown from Java: WebAssembly sees the size and the page at once; then the declared maximum stops it
        assertEquals(2, memory.grow(1));
        assertEquals(3, i32(instance, "size"));
        assertEquals(0, i32(instance, "load32", (int) (3 * PAGE - 4)));
        assertEquals(-1, memory.grow(1));
        assertEquals(-1, i32(instance, "grow", 1));
        assertEquals(3 * PAGE, memory.segment().byteSize());
        assertEquals(77, memory.segment().get(INT, 2 * PAGE - 4));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostCreatedMemoryAsAnImport(RunMode mode) {
        Memory memory = Memory.create(new MemoryType(Limits.of(1)));
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("imported_memory"),
                Imports.builder().add("env", "memory", memory).build());
        assertEquals("from the data segment", HostFunctionTest.read(memory, 100, 21));
        memory.segment().set(ValueLayout.JAVA_BYTE, 5, (byte) 0xF0);
        assertEquals(0xF0, i32(instance, "load8", 5));
        instance.function("store8").call(6, 0x1FF);
        assertEquals((byte) 0xFF, memory.segment().get(ValueLayout.JAVA_BYTE, 6));
        assertEquals(1, memory.grow(2));
        assertEquals(3, i32(instance, "size"));
        instance.function("store8").call((int) (3 * PAGE - 1), 9);
        assertEquals(9, memory.segment().get(ValueLayout.JAVA_BYTE, 3 * PAGE - 1));
        assertEquals(new MemoryType(Limits.of(3)), memory.type());
    }
}
