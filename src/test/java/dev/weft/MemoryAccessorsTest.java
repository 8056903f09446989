package dev.weft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static dev.weft.TrapTest.assertTrap;
import static dev.weft.ValueType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Memory}'s accessors agree with WebAssembly's own loads and stores (byte order, widths,
 * sign and zero extension, unaligned addresses), check bounds as WebAssembly does (the
 * out-of-bounds trap, nothing written), treat addresses as unsigned, follow growth, and serve host
 * functions, in both dispatch modes.
 */
class MemoryAccessorsTest {
    private static final int PAGE = (int) Memory.PAGE_SIZE;

    private static Instance instance(RunMode mode) {
        Imports imports = Imports.builder()
                .function("env", "upper", FunctionType.of(List.of(I32, I32), List.of(I32)), call -> {
                    Memory memory = call.memory();
                    int ptr = call.i32(0);
                    int len = call.i32(1);
                    String upper = memory.readString(ptr, len).toUpperCase(Locale.ROOT);
                    call.setI32(0, memory.writeString(ptr + len, upper));
                })
                .function("env", "peek", FunctionType.of(List.of(I32), List.of(I32)),
                        call -> call.setI32(0, call.memory().readI32(call.i32(0))))
                .build();
        return TestWasm.engine(mode).instantiate(TestWasm.module("memory_access"), imports);
    }

    private static Object call(Instance instance, String name, Object... args) {
        return instance.function(name).call(args)[0];
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void javaWritesWhatWasmLoads(RunMode mode) {
        Instance instance = instance(mode);
        Memory m = instance.memory("memory");
        m.writeI8(1, 0x1FE);                 // low 8 bits: 0xFE
        assertEquals(-2, call(instance, "load8_s", 1));
        assertEquals(0xFE, call(instance, "load8_u", 1));
        m.writeI16(3, 0x18765);              // low 16 bits, unaligned
        assertEquals((int) (short) 0x8765, call(instance, "load16_s", 3));
        assertEquals(0x8765, call(instance, "load16_u", 3));
        m.writeI32(5, 0xA1B2_C3D4);
        assertEquals(0xA1B2_C3D4, call(instance, "load32", 5));
        assertEquals(0xD4, call(instance, "load8_u", 5)); // little-endian: least significant byte first
        assertEquals(0xA1B2_C3D4L, call(instance, "load32_u", 5));
        m.writeI64(PAGE - 8, 0x0102_0304_0506_0708L); // the last 8 bytes
        assertEquals(0x0102_0304_0506_0708L, call(instance, "load64", PAGE - 8));
        float nan = Float.intBitsToFloat(0x7FA0_0001); // a NaN with a payload, kept bit for bit
        m.writeF32(9, nan);
        assertEquals(0x7FA0_0001, Float.floatToRawIntBits((Float) call(instance, "loadf32", 9)));
        m.writeF64(13, -1.25);
        assertEquals(-1.25, call(instance, "loadf64", 13));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void javaReadsWhatWasmStores(RunMode mode) {
        Instance instance = instance(mode);
        Memory m = instance.memory("memory");
        instance.function("store8").call(1, 0x80);
        assertEquals(-128, m.readI8(1));
        assertEquals(0x80, m.readU8(1));
        instance.function("store16").call(3, 0xFFFE);
        assertEquals(-2, m.readI16(3));
        assertEquals(0xFFFE, m.readU16(3));
        instance.function("store32").call(5, -3);
        assertEquals(-3, m.readI32(5));
        assertEquals(0xFFFF_FFFDL, m.readU32(5));
        instance.function("store64").call(PAGE - 8, Long.MIN_VALUE + 7);
        assertEquals(Long.MIN_VALUE + 7, m.readI64(PAGE - 8));
        instance.function("storef32").call(9, 3.5f);
        assertEquals(3.5f, m.readF32(9));
        double nan = Double.longBitsToDouble(0x7FF4_0000_0000_0001L);
        instance.function("storef64").call(13, nan);
        assertEquals(0x7FF4_0000_0000_0001L, Double.doubleToRawLongBits(m.readF64(13)));
    }

    /** Each accessor at the first address where its last byte falls outside, and at a huge unsigned address. */
    @Test
    void outOfBoundsIsTheTrapAndWritesNothing() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            List<Object[]> accesses = List.of(
                    new Object[] {1, (Consumer<Integer>) m::readI8}, new Object[] {1, (Consumer<Integer>) m::readU8},
                    new Object[] {2, (Consumer<Integer>) m::readI16}, new Object[] {2, (Consumer<Integer>) m::readU16},
                    new Object[] {4, (Consumer<Integer>) m::readI32}, new Object[] {4, (Consumer<Integer>) m::readU32},
                    new Object[] {8, (Consumer<Integer>) m::readI64}, new Object[] {4, (Consumer<Integer>) m::readF32},
                    new Object[] {8, (Consumer<Integer>) m::readF64},
                    new Object[] {1, (Consumer<Integer>) a -> m.writeI8(a, 1)},
                    new Object[] {2, (Consumer<Integer>) a -> m.writeI16(a, 1)},
                    new Object[] {4, (Consumer<Integer>) a -> m.writeI32(a, 1)},
                    new Object[] {8, (Consumer<Integer>) a -> m.writeI64(a, 1)},
                    new Object[] {4, (Consumer<Integer>) a -> m.writeF32(a, 1)},
                    new Object[] {8, (Consumer<Integer>) a -> m.writeF64(a, 1)},
                    new Object[] {3, (Consumer<Integer>) a -> m.readBytes(a, 3)},
                    new Object[] {3, (Consumer<Integer>) a -> m.writeBytes(a, new byte[] {1, 2, 3})},
                    new Object[] {3, (Consumer<Integer>) a -> m.slice(a, 3)},
                    new Object[] {3, (Consumer<Integer>) a -> m.readString(a, 3)},
                    new Object[] {3, (Consumer<Integer>) a -> m.writeString(a, "abc")},
                    new Object[] {4, (Consumer<Integer>) a -> m.writeCString(a, "abc")},
                    new Object[] {3, (Consumer<Integer>) a -> m.read(a, ByteBuffer.allocate(3))},
                    new Object[] {3, (Consumer<Integer>) a -> m.write(a, ByteBuffer.wrap(new byte[] {1, 2, 3}))},
                    new Object[] {3, (Consumer<Integer>) a -> m.read(a, MemorySegment.ofArray(new byte[3]))},
                    new Object[] {3, (Consumer<Integer>) a -> m.write(a, MemorySegment.ofArray(new byte[] {1, 2, 3}))});
            for (Object[] access : accesses) {
                int width = (Integer) access[0];
                @SuppressWarnings("unchecked")
                Consumer<Integer> at = (Consumer<Integer>) access[1];
                at.accept(PAGE - width); // the last fitting address works
                m.segment().fill((byte) 0);
                TrapException t = assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> at.accept(PAGE - width + 1));
                assertTrue(t.getMessage().contains(width + " bytes at 0x" + Integer.toHexString(PAGE - width + 1)),
                        t.getMessage());
                assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> at.accept(-4)); // 0xFFFFFFFC, not -4
                assertEquals(-1, m.segment().mismatch(MemorySegment.ofArray(new byte[PAGE])), "nothing written");
            }
        }
    }

    @Test
    void lengthsAreUnsigned() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            // -1 is 4 GiB - 1 bytes: outside a one-page memory, not a negative length
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.readBytes(0, -1));
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.slice(0, -1));
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.readString(0, -1));
            // lengths that index Java arrays are the Java kind, checked as such
            assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(0, new byte[4], 2, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> m.writeBytes(0, new byte[4], -1, 2));
        }
    }

    @Test
    void stringsAreUtf8() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            String text = "zürich ☃ 𝄞";
            int written = m.writeString(100, text);
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, written);
            assertEquals(text, m.readString(100, written));
            assertEquals(written + 1, m.writeCString(200, text));
            assertEquals(0, m.readU8(200 + written));
            assertEquals(text, m.readCString(200));
            assertEquals("", m.readCString(PAGE - 1)); // the last byte is a NUL: the empty string
            m.writeBytes(300, new byte[] {'a', (byte) 0xC3, 'b'}); // a truncated two-byte sequence
            assertEquals("a\uFFFDb", m.readString(300, 3));
        }
    }

    @Test
    void aCStringWithoutItsNulIsOutOfBounds() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            m.segment().asSlice(PAGE - 3).fill((byte) 'x');
            TrapException t = assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.readCString(PAGE - 3));
            assertTrue(t.getMessage().contains("no NUL"), t.getMessage());
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.readCString(PAGE));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aCStringAgreesWithTheGuestsStrlen(RunMode mode) {
        Instance instance = instance(mode);
        Memory m = instance.memory("memory");
        // the data segment holds "héllo\0" at 16
        assertEquals((int) call(instance, "strlen", 16), m.readCString(16).getBytes(StandardCharsets.UTF_8).length);
        assertEquals("héllo", m.readCString(16));
    }

    @Test
    void bytesInAndOut() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            byte[] data = {1, 2, 3, 4, 5, 6};
            m.writeBytes(10, data);
            assertArrayEquals(data, m.readBytes(10, 6));
            m.writeBytes(20, data, 2, 3);
            assertArrayEquals(new byte[] {3, 4, 5}, m.readBytes(20, 3));
            byte[] into = new byte[8];
            m.readBytes(10, into, 1, 6);
            assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 0}, into);
            assertArrayEquals(new byte[0], m.readBytes(PAGE, 0)); // an empty range at the end is in bounds
        }
    }

    @Test
    void byteBuffersHeapAndDirect() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            for (ByteBuffer source : List.of(ByteBuffer.allocate(8), ByteBuffer.allocateDirect(8))) {
                source.put(new byte[] {9, 8, 7, 6, 5}).flip().position(1); // remaining: 8 7 6 5
                m.write(40, source);
                assertEquals(5, source.position(), "position advanced by what was written");
                assertArrayEquals(new byte[] {8, 7, 6, 5, 0}, m.readBytes(40, 5));
                ByteBuffer destination = source.isDirect() ? ByteBuffer.allocateDirect(6) : ByteBuffer.allocate(6);
                destination.position(2);
                m.read(40, destination);
                assertEquals(6, destination.position());
                assertEquals(8, destination.get(2));
                assertEquals(5, destination.get(5));
                m.segment().fill((byte) 0);
            }
            assertThrows(ReadOnlyBufferException.class, () -> m.read(0, ByteBuffer.allocate(4).asReadOnlyBuffer()));
        }
    }

    @Test
    void segmentsInOutAndZeroCopySlices() {
        try (Memory m = Memory.create(new MemoryType(Limits.of(1))); Arena arena = Arena.ofConfined()) {
            MemorySegment source = arena.allocate(16);
            source.set(ValueLayout.JAVA_LONG_UNALIGNED, 3, 0x1122_3344_5566_7788L);
            m.write(100, source);
            MemorySegment copy = arena.allocate(16);
            m.read(100, copy);
            assertEquals(-1, copy.mismatch(source));
            MemorySegment view = m.slice(100, 16);
            assertEquals(16, view.byteSize());
            view.set(ValueLayout.JAVA_BYTE, 0, (byte) 42); // a view: writes land in the memory
            assertEquals(42, m.readU8(100));
            assertThrows(IllegalArgumentException.class, () -> m.read(0, MemorySegment.ofArray(new byte[4]).asReadOnly()));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void accessorsFollowGrowth(RunMode mode) {
        Instance instance = instance(mode);
        Memory m = instance.memory("memory");
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> m.readI32(PAGE));
        assertEquals(1, call(instance, "grow", 1));
        assertEquals(2L * PAGE, m.byteSize());
        m.writeI32(PAGE, 77);
        assertEquals(77, call(instance, "load32", PAGE));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostFunctionsReadAndWriteTheCallersMemory(RunMode mode) {
        Instance instance = instance(mode);
        Memory m = instance.memory("memory");
        int length = m.writeString(1000, "grüße");
        int written = (int) call(instance, "call_upper", 1000, length);
        assertEquals("GRÜSSE", m.readString(1000 + length, written));
        m.writeI32(2000, 31337);
        assertEquals(31337, call(instance, "call_peek", 2000));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aBadGuestPointerTrapsTheGuest(RunMode mode) {
        Instance instance = instance(mode);
        TrapException t = assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> call(instance, "call_peek", PAGE - 3));
        assertTrue(t.wasmStackTrace().getFirst().contains("call_peek"), t.wasmStackTrace().toString());
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> call(instance, "call_upper", PAGE - 2, 5));
        instance.memory("memory").writeI32(0, 7);
        assertEquals(7, call(instance, "call_peek", 0), "the instance stays usable");
    }

    @Test
    void aClosedMemoryRefusesAccess() {
        Memory m = Memory.create(new MemoryType(Limits.of(1)));
        m.close();
        assertThrows(IllegalStateException.class, () -> m.readI32(0));
        assertThrows(IllegalStateException.class, () -> m.writeString(0, "x"));
    }

    /** Typed reads and writes allocate nothing: measured as the thread's allocated bytes over many calls. */
    @Test
    void typedAccessorsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        try (Memory m = Memory.create(new MemoryType(Limits.of(1)))) {
            long sum = roundTrips(m, 300_000); // warm-up: compiled before measuring
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 3 && allocated > 4096; round++) {
                long before = threads.getThreadAllocatedBytes(thread);
                sum += roundTrips(m, 100_000);
                allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
            }
            assertTrue(sum != 0);
            assertTrue(allocated <= 4096, allocated + " bytes for 100,000 round trips");
        }
    }

    private static long roundTrips(Memory m, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int at = (i * 8) & (PAGE - 16);
            m.writeI64(at, i);
            m.writeI32(at + 8, i);
            sum += m.readI64(at) + m.readI32(at + 8) + m.readU8(at);
        }
        return sum;
    }
}
