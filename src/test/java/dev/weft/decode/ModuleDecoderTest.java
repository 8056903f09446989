package dev.weft.decode;

import dev.weft.CustomSection;
import dev.weft.ExternKind;
import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.InvalidModuleException;
import dev.weft.Limits;
import dev.weft.MalformedModuleException;
import dev.weft.MemoryType;
import dev.weft.ModuleException;
import dev.weft.TableType;
import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.weft.decode.Bin.bytes;
import static dev.weft.decode.Bin.leb;
import static dev.weft.decode.Bin.module;
import static dev.weft.decode.Bin.name;
import static dev.weft.decode.Bin.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleDecoderTest {
    private static final byte[] ONE_EMPTY_TYPE = section(1, 1, 0x60, 0, 0);
    private static final byte[] I32_CONST_0 = bytes(0x41, 0x00, 0x0B);

    private static DecodedModule decode(byte[] b) {
        return ModuleDecoder.decode(b);
    }

    private static void assertMalformed(String reason, int offset, byte[] b) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> decode(b));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset(), "offset of " + reason);
    }

    private static void assertUnsupported(String reason, byte[] b) {
        dev.weft.UnsupportedFeatureException e = assertThrows(dev.weft.UnsupportedFeatureException.class, () -> decode(b));
        assertTrue(e.reason().contains(reason), e.reason());
    }

    @Nested
    class Header {
        @Test
        void emptyModuleDecodesToEmptyModel() {
            DecodedModule m = decode(module());
            assertEquals(0, m.types.length + m.imports.length + m.functionTypes.length + m.tables.length
                    + m.memories.length + m.globals.length + m.exports.length + m.elements.length + m.data.length
                    + m.bodies.length + m.customSections.length);
            assertEquals(-1, m.startFunction);
            assertEquals(-1, m.dataCount);
            assertSame(NameSection.EMPTY, m.names);
        }

        @Test
        void shortInputIsAnUnexpectedEnd() {
            assertMalformed("unexpected end of section or function", 0, bytes());
            assertMalformed("unexpected end of section or function", 3, bytes(0x00, 0x61, 0x73));
            assertMalformed("unexpected end of section or function", 6, bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00));
        }

        @Test
        void wrongMagicOrVersion() {
            assertMalformed("magic header not detected", 0, bytes(0x00, 0x41, 0x53, 0x4D, 1, 0, 0, 0));
            assertMalformed("unknown binary version", 4, bytes(0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0));
        }
    }

    @Nested
    class Sections {
        @Test
        void unknownSectionId() {
            assertMalformed("malformed section id", 8, module(0x0E, 0x00));
            assertMalformed("malformed section id", 8, module(0x80, 0x00, 0x01, 0x00));
        }

        @Test
        void duplicateOrOutOfOrderSections() {
            assertMalformed("unexpected content after last section", 11, module(section(1, 0), section(1, 0)));
            assertMalformed("unexpected content after last section", 11, module(section(3, 0), section(2, 0)));
            // data count (12) comes before code (10), so code then data count is out of order
            assertMalformed("unexpected content after last section", 11, module(section(10, 0), section(12, 0)));
            decode(module(section(12, 0), section(10, 0), section(11, 0)));
        }

        @Test
        void sizeMustMatchContent() {
            // one type declared, two given: the section ends after the first
            assertMalformed("section size mismatch", 14, module(section(1, 1, 0x60, 0, 0, 0x60, 0, 0)));
            // the content runs past the declared end
            assertMalformed("section size mismatch", 11, module(1, 1, 1, 0x60, 0, 0));
        }

        @Test
        void sizeBeyondTheEndOfTheBinary() {
            assertMalformed("length out of bounds", 9, module(1, 0x07, 0x02, 0x60, 0x00, 0x00));
        }

        @Test
        void customSectionsAreKeptInOrderWithoutCopying() {
            byte[] b = module(section(0, name("first"), 1, 2, 3), ONE_EMPTY_TYPE, section(0, name("second")));
            DecodedModule m = decode(b);
            assertEquals(2, m.customSections.length);
            CustomSection first = m.customSections[0];
            assertEquals("first", first.name());
            assertEquals(3, first.content().remaining());
            assertEquals(2, first.content().get(1));
            assertEquals("second", m.customSections[1].name());
            assertEquals(0, m.customSections[1].content().remaining());
        }

        @Test
        void customSectionNameMustFitAndBeUtf8() {
            assertMalformed("unexpected end of section or function", 10, module(0, 0x00, 0x00, 0x05, 0x01, 0x00));
            assertMalformed("malformed UTF-8 encoding", 12, module(section(0, 2, 'a', 0xFF)));
        }
    }

    @Nested
    class Types {
        @Test
        void functionTypes() {
            DecodedModule m = decode(module(section(1, 2, 0x60, 2, 0x7F, 0x7B, 1, 0x6F, 0x60, 0, 0)));
            assertEquals(FunctionType.of(new ValueType[] {ValueType.I32, ValueType.V128},
                    new ValueType[] {ValueType.EXTERNREF}), m.types[0]);
            assertEquals(0, m.types[1].paramCount());
        }

        @Test
        void malformedTypes() {
            assertMalformed("malformed definition type", 11, module(section(1, 1, 0x61, 0, 0)));
            assertMalformed("integer representation too long", 11, module(section(1, 1, 0xE0, 0x7F, 0, 0)));
            assertMalformed("malformed value type", 13, module(section(1, 1, 0x60, 1, 0x7A, 0)));
        }

        @Test
        void tooManyParametersIsUnsupported() {
            byte[] params = new byte[1001];
            java.util.Arrays.fill(params, (byte) 0x7F);
            ModuleException e = assertThrows(UnsupportedFeatureException.class,
                    () -> decode(module(section(1, 1, 0x60, leb(1001), params, 0))));
            assertEquals(13, e.offset());
        }
    }

    @Nested
    class Imports {
        @Test
        void everyKindOfImport() {
            DecodedModule m = decode(module(ONE_EMPTY_TYPE, section(2, 4,
                    name("m"), name("f"), 0x00, 0x00,
                    name("m"), name("t"), 0x01, 0x70, 0x01, 0x01, 0x02,
                    name("m"), name("mem"), 0x02, 0x00, 0x01,
                    name("m"), name("g"), 0x03, 0x7E, 0x01)));
            assertEquals(4, m.imports.length);
            assertEquals(new Import("m", "f", m.types[0], 0), m.imports[0]);
            assertEquals(new TableType(ValueType.FUNCREF, Limits.of(1, 2)), m.imports[1].type());
            assertEquals(new MemoryType(Limits.of(1)), m.imports[2].type());
            assertEquals(new GlobalType(ValueType.I64, true), m.imports[3].type());
            assertEquals(-1, m.imports[3].typeIndex());
            assertEquals(1, m.importedFunctionCount);
            assertEquals(1, m.importedTableCount);
            assertEquals(1, m.importedMemoryCount);
            assertEquals(1, m.importedGlobalCount);
            assertArrayEquals(new int[] {0}, m.functionTypes);
        }

        @Test
        void malformedImports() {
            assertMalformed("malformed import kind", 13, module(section(2, 1, 0, 0, 0x05)));
            assertMalformed("malformed import kind", 13, module(section(2, 1, 0, 0, 0x80, 0x00)));
            assertMalformed("malformed mutability", 15, module(section(2, 1, 0, 0, 0x03, 0x7F, 0x02)));
            assertMalformed("malformed UTF-8 encoding", 14, module(section(2, 1, 3, 'a', 'b', 0xC0, 0, 0x02, 0, 0)));
        }

        @Test
        void functionImportWithUnknownTypeIsInvalid() {
            InvalidModuleException e = assertThrows(InvalidModuleException.class,
                    () -> decode(module(ONE_EMPTY_TYPE, section(2, 1, 0, 0, 0x00, 0x01))));
            assertEquals(20, e.offset());
        }

        @Test
        void laterMalformationWinsOverAnUnknownImportType() {
            assertThrows(MalformedModuleException.class,
                    () -> decode(module(section(2, 1, 0, 0, 0x00, 0x05), 0x0D)));
        }
    }

    @Nested
    class TablesAndMemories {
        @Test
        void limitsFlags() {
            DecodedModule m = decode(module(section(4, 2, 0x70, 0x00, 0x00, 0x6F, 0x01, 0x01, 0x80, 0x01),
                    section(5, 1, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
            assertEquals(new TableType(ValueType.FUNCREF, Limits.of(0)), m.tables[0]);
            assertEquals(new TableType(ValueType.EXTERNREF, Limits.of(1, 128)), m.tables[1]);
            assertEquals(new MemoryType(Limits.of(0, 0xFFFFFFFFL)), m.memories[0]);
        }

        @Test
        void sharedAndMemory64FlagsAreUnsupportedAndOthersMalformed() {
            // WebAssembly 3.0: bit 2 is memory64; the threads proposal's bit 1 makes a memory shared
            assertUnsupported("shared memory", module(section(5, 1, 0x03, 0x00, 0x01)));
            assertUnsupported("64-bit addresses", module(section(5, 1, 0x04, 0x80, 0x80, 0x80, 0x80, 0x10)));
            assertUnsupported("64-bit addresses", module(section(4, 1, 0x70, 0x05, 0x00, 0x01)));
            assertMalformed("malformed limits flags", 11, module(section(5, 1, 0x08, 0x00)));
            assertMalformed("malformed limits flags", 11, module(section(5, 1, 0x81, 0x00, 0x00, 0x00)));
            assertMalformed("malformed limits flags", 12, module(section(4, 1, 0x70, 0x02, 0x00)));
            // malformed beats unsupported
            assertMalformed("malformed limits flags", 13, module(section(5, 2, 0x02, 0x00, 0x10, 0x00)));
        }

        @Test
        void tableElementTypeMustBeAReference() {
            assertMalformed("malformed reference type", 11, module(section(4, 1, 0x7F, 0x00, 0x00)));
        }

        @Test
        @Timeout(5)
        void declaredSizesAllocateNothing() {
            long before = usedMemory();
            for (int i = 0; i < 1000; i++) {
                DecodedModule m = decode(module(section(4, 1, 0x70, 0x00, leb(10_000_000)),
                        section(5, 2, 0x01, leb(65536), leb(65536), 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
                assertEquals(10_000_000, m.tables[0].limits().min());
                assertEquals(65536, m.memories[0].limits().min());
            }
            // a thousand tables of 10^7 elements and memories of 4 GiB would need terabytes
            assertTrue(usedMemory() - before < 256L << 20, "memory grew by " + (usedMemory() - before));
        }

        private static long usedMemory() {
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }
    }

    @Nested
    class Globals {
        @Test
        void initialiserExtents() {
            byte[] b = module(section(6, 2, 0x7F, 0x00, I32_CONST_0, 0x7C, 0x01, 0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x0B));
            DecodedModule m = decode(b);
            assertEquals(new GlobalType(ValueType.I32, false), m.globals[0]);
            assertEquals(new GlobalType(ValueType.F64, true), m.globals[1]);
            assertEquals(new ConstExpr(13, 3), m.globalInits[0]);
            assertEquals(new ConstExpr(18, 10), m.globalInits[1]);
            assertEquals(0x0B, b[m.globalInits[1].offset() + m.globalInits[1].length() - 1]);
        }

        @Test
        void nonConstantInstructionsAreLeftToTheValidator() {
            // i32.const 1, i32.const 2, i32.add; call 0; block (result i32) i32.const 0 end; memory.size
            byte[] init = bytes(0x41, 1, 0x41, 2, 0x6A, 0x10, 0x00, 0x02, 0x7F, 0x41, 0, 0x0B, 0x3F, 0x00,
                    0xFD, 0x0C, new byte[16], 0xFC, 0x0A, 0x00, 0x00, 0x0B);
            DecodedModule m = decode(module(section(6, 1, 0x7F, 0x00, init)));
            assertEquals(init.length, m.globalInits[0].length());
        }

        @Test
        void malformedInitialisers() {
            assertMalformed("illegal opcode 0x17", 13, module(section(6, 1, 0x7F, 0x00, 0x17, 0x0B)));
            assertMalformed("illegal opcode 0xfd 0x9a", 13, module(section(6, 1, 0x7F, 0x00, 0xFD, 0x9A, 0x01, 0x0B)));
            assertMalformed("illegal opcode 0xfc 0x12", 13, module(section(6, 1, 0x7F, 0x00, 0xFC, 0x12, 0x0B)));
            assertMalformed("END opcode expected", 13, module(section(6, 1, 0x7F, 0x00, 0x05, 0x0B)));
            assertMalformed("zero byte expected", 15, module(section(6, 1, 0x7F, 0x00, 0xFE, 0x03, 0x01, 0x0B)));
            assertMalformed("integer representation too long", 14,
                    module(section(6, 1, 0x7F, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B)));
            assertMalformed("unexpected end of section or function", 15, module(section(6, 1, 0x7F, 0x00, 0x41, 0x00)));
            assertMalformed("malformed mutability", 12, module(section(6, 1, 0x7F, 0x02, I32_CONST_0)));
        }

        @Test
        void elseInsideIfIsFineElsewhereNot() {
            decode(module(section(6, 1, 0x7F, 0x00, 0x04, 0x40, 0x05, 0x0B, I32_CONST_0)));
            assertMalformed("END opcode expected", 15, module(section(6, 1, 0x7F, 0x00, 0x02, 0x40, 0x05, 0x0B, 0x0B)));
            assertMalformed("END opcode expected", 16,
                    module(section(6, 1, 0x7F, 0x00, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B)));
        }
    }

    @Nested
    class ExportsAndStart {
        @Test
        void exportsAndStart() {
            DecodedModule m = decode(module(section(7, 2, name("f"), 0x00, 0x03, name("g"), 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F),
                    section(8, 0x05)));
            assertEquals(new Export("f", ExternKind.FUNCTION, 3), m.exports[0]);
            // indices of 2^31 and more are never valid; they are kept out of range, not negative
            assertEquals(new Export("g", ExternKind.GLOBAL, Integer.MAX_VALUE), m.exports[1]);
            assertEquals(5, m.startFunction);
        }

        @Test
        void malformedExportKind() {
            assertMalformed("malformed export kind", 13, module(section(7, 1, name("f"), 0x05, 0x00)));
            assertUnsupported("tags", module(section(7, 1, name("f"), 0x04, 0x00)));
        }
    }

    @Nested
    class Elements {
        private DecodedModule elements(Object... segments) {
            return decode(module(section(9, segments)));
        }

        @Test
        void allEightEncodings() {
            DecodedModule m = elements(8,
                    0x00, I32_CONST_0, 2, 0, 1,
                    0x01, 0x00, 1, 7,
                    0x02, 0x03, I32_CONST_0, 0x00, 0,
                    0x03, 0x00, 1, 2,
                    0x04, I32_CONST_0, 1, 0xD2, 0x00, 0x0B,
                    0x05, 0x6F, 1, 0xD0, 0x6F, 0x0B,
                    0x06, 0x02, I32_CONST_0, 0x70, 2, 0xD0, 0x70, 0x0B, 0xD2, 0x01, 0x0B,
                    0x07, 0x70, 0);
            ElementSegment[] e = m.elements;
            assertEquals(List.of(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE,
                    SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE),
                    java.util.Arrays.stream(e).map(ElementSegment::mode).toList());
            assertArrayEquals(new int[] {0, 1}, e[0].functionIndices());
            assertEquals(new ConstExpr(12, 3), e[0].offset());
            assertEquals(0, e[0].tableIndex());
            assertArrayEquals(new int[] {7}, e[1].functionIndices());
            assertNull(e[1].offset());
            assertEquals(3, e[2].tableIndex());
            assertEquals(0, e[2].size());
            assertEquals(ValueType.FUNCREF, e[4].type());
            assertEquals(1, e[4].items().length);
            assertEquals(ValueType.EXTERNREF, e[5].type());
            assertEquals(2, e[6].tableIndex());
            assertEquals(2, e[6].items().length);
            assertEquals(3, e[6].items()[1].length());
            assertEquals(0, e[7].size());
            assertNull(e[7].functionIndices());
            assertEquals(11, e[0].binaryOffset());
        }

        @Test
        void malformedSegments() {
            assertMalformed("malformed elements segment kind", 11, module(section(9, 1, 0x08)));
            assertMalformed("malformed element kind", 12, module(section(9, 1, 0x01, 0x01, 0)));
            assertMalformed("malformed reference type", 12, module(section(9, 1, 0x05, 0x7F, 1, 0xD2, 0x00, 0x0B)));
            assertMalformed("illegal opcode 0xf3", 14, module(section(9, 1, 0x05, 0x70, 1, 0xF3, 0x00, 0x0B)));
        }
    }

    @Nested
    class CodeAndData {
        @Test
        void bodiesAreExtents() {
            byte[] b = module(ONE_EMPTY_TYPE, section(3, 2, 0, 0), section(10, 2, 2, 0x00, 0x0B, 4, 0x01, 0x01, 0x7F, 0x0B));
            DecodedModule m = decode(b);
            assertEquals(new FunctionBody(23, 2), m.bodies[0]);
            assertEquals(new FunctionBody(26, 4), m.bodies[1]);
            assertArrayEquals(new int[] {0, 0}, m.functionTypes);
        }

        @Test
        void functionAndCodeCountsMustAgree() {
            assertMalformed("function and code section have inconsistent lengths", 16,
                    module(ONE_EMPTY_TYPE, section(3, 2, 0, 0)));
            assertMalformed("function and code section have inconsistent lengths", 10,
                    module(section(10, 1, 2, 0x00, 0x0B)));
        }

        @Test
        void oversizedBodyIsUnsupported() {
            int size = ModuleDecoder.MAX_FUNCTION_BODY_BYTES + 1;
            byte[] body = new byte[size];
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> decode(module(
                    ONE_EMPTY_TYPE, section(3, 1, 0), section(10, 1, leb(size), body))));
            assertEquals(24, e.offset());
        }

        @Test
        void dataSegments() {
            byte[] b = module(section(11, 3, 0x00, I32_CONST_0, 2, 'h', 'i', 0x01, 1, 'x', 0x02, 0x01, I32_CONST_0, 0));
            DecodedModule m = decode(b);
            DataSegment d0 = m.data[0];
            assertEquals(SegmentMode.ACTIVE, d0.mode());
            assertEquals(new ConstExpr(12, 3), d0.offset());
            assertEquals("hi", new String(b, d0.dataOffset(), d0.dataLength(), StandardCharsets.US_ASCII));
            assertEquals(SegmentMode.PASSIVE, m.data[1].mode());
            assertEquals(1, m.data[1].dataLength());
            assertEquals(1, m.data[2].memoryIndex());
            assertEquals(0, m.data[2].dataLength());
            assertEquals(-1, m.dataCount);
        }

        @Test
        void malformedData() {
            assertMalformed("malformed data segment kind", 11, module(section(11, 1, 0x03)));
            // 7 bytes declared, 6 given: within the reference interpreter's length bound, then runs out
            assertMalformed("unexpected end of section or function", 16,
                    module(0x0B, 0x0C, 0x01, 0x00, I32_CONST_0, 0x07, 'a', 'b', 'c', 'd', 'e', 'f'));
        }

        @Test
        void dataCountMustMatch() {
            assertEquals(1, decode(module(section(12, 1), section(11, 1, 0x01, 0))).dataCount);
            assertMalformed("data count and data section have inconsistent lengths", 10,
                    module(section(12, 2), section(11, 1, 0x01, 0)));
            assertMalformed("data count and data section have inconsistent lengths", 10, module(section(12, 1)));
        }
    }

    @Nested
    class HugeCounts {
        @Test
        @Timeout(5)
        void countsBeyondTheInputFailWithoutAllocating() {
            byte[] huge = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}; // 2^31
            byte[] max = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
            for (int id : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11}) {
                for (byte[] count : new byte[][] {huge, max}) {
                    assertMalformed("length out of bounds", 10, module(id, 5, count));
                }
            }
            assertMalformed("length out of bounds", 12, module(section(1, 1, 0x60, max, 0)));
            assertMalformed("length out of bounds", 13, module(section(9, 1, 0x01, 0x00, huge)));
            assertMalformed("length out of bounds", 10, module(section(0, max)));
        }

        @Test
        void countsWithinTheInputButBeyondALimitAreUnsupported() {
            int n = ModuleDecoder.MAX_IMPORTS + 1;
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> decode(module(section(2, leb(n), new byte[n * 4]))));
            assertEquals(12, e.offset());
        }
    }

    @Nested
    class Names {
        private static byte[] nameSection(Object... subsections) {
            return section(0, name("name"), bytes(subsections));
        }

        private static byte[] subsection(int id, Object... content) {
            return section(id, content);
        }

        @Test
        void moduleFunctionAndLocalNames() {
            DecodedModule m = decode(module(nameSection(
                    subsection(0, name("mod")),
                    subsection(1, 2, 0, name("zero"), 3, name("three")),
                    subsection(2, 1, 3, 2, 0, name("a"), 1, name("b")),
                    subsection(4, 1, 2, 3))));
            assertEquals("mod", m.names.moduleName());
            assertEquals(Map.of(0, "zero", 3, "three"), m.names.functionNames());
            assertEquals(Map.of(3, Map.of(0, "a", 1, "b")), m.names.localNames());
            assertEquals("name", m.customSections[0].name());
        }

        @Test
        void malformedNameSectionIsIgnored() {
            List<byte[]> broken = List.of(
                    nameSection(0, 5, 3, 'a', 'b', 'c'), // subsection size too large
                    nameSection(0, 3, 1, 'a', 'b'), // subsection size too small
                    nameSection(subsection(1, 1, 0, 2, 'a', 0xFF)), // bad UTF-8
                    nameSection(subsection(1, 0), subsection(0, name("m"))), // out of order
                    nameSection(subsection(1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F))); // huge count
            for (byte[] s : broken) {
                DecodedModule m = decode(module(s));
                assertSame(NameSection.EMPTY, m.names);
                assertEquals(1, m.customSections.length);
            }
        }
    }
}
