package dev.weft.decode;

import dev.weft.MalformedModuleException;
import org.junit.jupiter.api.Test;

import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryReaderTest {
    private static BinaryReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new BinaryReader(b, 0, b.length);
    }

    /** Reads one value and checks that exactly all bytes were consumed. */
    private static long read(ToLongFunction<BinaryReader> f, int... bytes) {
        BinaryReader r = reader(bytes);
        long v = f.applyAsLong(r);
        assertEquals(bytes.length, r.pos(), "bytes consumed");
        return v;
    }

    private static void assertMalformed(String reason, int offset, ToLongFunction<BinaryReader> f, int... bytes) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> f.applyAsLong(reader(bytes)));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
    }

    @Test
    void u32AcceptsMinimalNonMinimalAndMaximalEncodings() {
        assertEquals(0, read(BinaryReader::u32, 0x00));
        assertEquals(127, read(BinaryReader::u32, 0x7F));
        assertEquals(128, read(BinaryReader::u32, 0x80, 0x01));
        assertEquals(2, read(BinaryReader::u32, 0x82, 0x80, 0x80, 0x80, 0x00));
        assertEquals(0xFFFFFFFF, (int) read(BinaryReader::u32, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
    }

    @Test
    void u32RejectsSixBytesAndUnusedBits() {
        assertMalformed("integer representation too long", 0, BinaryReader::u32, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertMalformed("integer too large", 0, BinaryReader::u32, 0x82, 0x80, 0x80, 0x80, 0x70);
        assertMalformed("integer too large", 0, BinaryReader::u32, 0x82, 0x80, 0x80, 0x80, 0x10);
    }

    @Test
    void runningOutOfBytesIsAnUnexpectedEndAtTheMissingByte() {
        assertMalformed("unexpected end of section or function", 2, BinaryReader::u32, 0x80, 0x80);
        assertMalformed("unexpected end of section or function", 0, BinaryReader::u8);
        assertMalformed("unexpected end of section or function", 3, r -> r.fixed32(), 1, 2, 3);
        BinaryReader limited = new BinaryReader(new byte[] {(byte) 0x80, 0x01}, 0, 1);
        assertEquals(1, assertThrows(MalformedModuleException.class, limited::u32).offset());
    }

    @Test
    void s32SignExtendsAndChecksTheUnusedBits() {
        assertEquals(-1, read(BinaryReader::s32, 0x7F));
        assertEquals(-64, read(BinaryReader::s32, 0x40));
        assertEquals(63, read(BinaryReader::s32, 0x3F));
        assertEquals(-128, read(BinaryReader::s32, 0x80, 0x7F));
        assertEquals(0, read(BinaryReader::s32, 0x80, 0x80, 0x80, 0x80, 0x00));
        assertEquals(-1, read(BinaryReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        assertEquals(Integer.MAX_VALUE, read(BinaryReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x07));
        assertEquals(Integer.MIN_VALUE, read(BinaryReader::s32, 0x80, 0x80, 0x80, 0x80, 0x78));
        assertMalformed("integer too large", 0, BinaryReader::s32, 0x80, 0x80, 0x80, 0x80, 0x70);
        assertMalformed("integer too large", 0, BinaryReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertMalformed("integer too large", 0, BinaryReader::s32, 0x80, 0x80, 0x80, 0x80, 0x1F);
        assertMalformed("integer too large", 0, BinaryReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0x4F);
        assertMalformed("integer representation too long", 0, BinaryReader::s32, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertMalformed("integer representation too long", 0, BinaryReader::s32, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
    }

    @Test
    void s33CoversBlockTypeIndices() {
        assertEquals(-64, read(BinaryReader::s33, 0x40));
        assertEquals(0xFFFFFFFFL, read(BinaryReader::s33, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
        assertEquals(-(1L << 32), read(BinaryReader::s33, 0x80, 0x80, 0x80, 0x80, 0x70));
        assertMalformed("integer too large", 0, BinaryReader::s33, 0x80, 0x80, 0x80, 0x80, 0x20);
        assertMalformed("integer representation too long", 0, BinaryReader::s33, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    }

    @Test
    void s64AndU64UseTenBytesAtMost() {
        assertEquals(-1L, read(BinaryReader::s64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        assertEquals(0L, read(BinaryReader::s64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
        assertEquals(Long.MIN_VALUE, read(BinaryReader::s64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F));
        assertEquals(-1L, read(BinaryReader::u64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
        assertMalformed("integer too large", 0, BinaryReader::s64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E);
        assertMalformed("integer too large", 0, BinaryReader::s64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        assertMalformed("integer too large", 0, BinaryReader::u64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02);
        assertMalformed("integer representation too long", 0, BinaryReader::s64,
                0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertMalformed("integer representation too long", 0, BinaryReader::u64,
                0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    }

    @Test
    void fixedWidthValuesAreLittleEndian() {
        assertEquals(0x3F800000, read(r -> r.fixed32(), 0x00, 0x00, 0x80, 0x3F));
        assertEquals(0x3FF0000000000000L, read(BinaryReader::fixed64, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
    }

    @Test
    void u32IntRejectsValuesAboveIntMax() {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x08).u32Int("count"));
        assertEquals("count too large", e.reason());
    }
}
