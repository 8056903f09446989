package dev.weft.validate;

import static dev.weft.ValueType.EXTERNREF;
import static dev.weft.ValueType.F32;
import static dev.weft.ValueType.FUNCREF;
import static dev.weft.ValueType.I32;
import static dev.weft.ValueType.I64;
import static dev.weft.ValueType.V128;
import static dev.weft.decode.WasmOpcodes.*;
import static dev.weft.validate.TestModule.params;
import static dev.weft.validate.ValidatorAssertions.assertInvalid;
import static dev.weft.validate.ValidatorAssertions.assertMalformed;
import static dev.weft.validate.ValidatorAssertions.assertUnsupported;
import static dev.weft.validate.ValidatorAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.ExternKind;
import dev.weft.decode.SegmentMode;

import org.junit.jupiter.api.Test;

/** Module-level rules, constant expressions, error priority and implementation limits. */
class ModuleValidatorTest {
    private static final int[] I32_ZERO = {I32_CONST, 0, END};

    // ------------------------------------------------------------ limits

    @Test
    void severalMemoriesAreValidButNotRunYet() {
        // valid in WebAssembly 3.0 (multi-memory); Weft does not run them yet
        ValidatorAssertions.assertUnsupported(new TestModule().memory(1, -1).memory(1, -1).build(), "multiple memories");
        ValidatorAssertions.assertUnsupported(new TestModule().importMemory(1, -1).memory(1, -1).build(),
                "multiple memories");
        assertDoesNotThrow(() -> ModuleValidator.validate(new TestModule().memory(1, -1).memory(1, -1).build(),
                ModuleValidator.Scope.SPEC));
        assertValid(new TestModule().memory(1, -1).build());
    }

    @Test
    void memoryLimits() {
        assertValid(new TestModule().memory(65536, 65536).build());
        assertInvalid(new TestModule().memory(65537, -1).build(), "memory size must be at most 65536 pages (4GiB)");
        assertInvalid(new TestModule().memory(0, 65537).build(), "memory size must be at most 65536 pages (4GiB)");
        assertInvalid(new TestModule().memory(2, 1).build(), "size minimum must not be greater than maximum");
        assertInvalid(new TestModule().importMemory(0x10000_0000L, -1).build(), "memory size must be at most");
    }

    @Test
    void tableLimits() {
        assertValid(new TestModule().table(FUNCREF, 0xFFFF_FFFFL, 0xFFFF_FFFFL).build());
        assertInvalid(new TestModule().table(FUNCREF, 10, 9).build(), "size minimum must not be greater than maximum");
    }

    // ------------------------------------------------------------ types, start, exports

    @Test
    void functionTypeIndicesMustExist() {
        TestModule m = new TestModule();
        m.type();
        m.code(3, END);
        assertInvalid(m.build(), "unknown type");
        TestModule imp = new TestModule();
        imp.importFunction(0);
        assertInvalid(imp.build(), "unknown type");
    }

    @Test
    void startFunctionMustTakeAndReturnNothing() {
        TestModule ok = new TestModule();
        ok.code(ok.type(), END).start(0);
        assertValid(ok.build());
        TestModule bad = new TestModule();
        bad.code(bad.typeReturning(I32), I32_CONST, 0, END).start(0);
        assertInvalid(bad.build(), "start function");
        TestModule missing = new TestModule();
        missing.code(missing.type(), END).start(1);
        assertInvalid(missing.build(), "unknown function 1");
    }

    @Test
    void exportNamesAreUniqueAndIndicesExist() {
        TestModule m = new TestModule();
        m.code(m.type(), END).memory(1, -1).global(I32, false, I32_ZERO).table(FUNCREF, 1, -1);
        m.export("f", ExternKind.FUNCTION, 0).export("m", ExternKind.MEMORY, 0).export("g", ExternKind.GLOBAL, 0)
                .export("t", ExternKind.TABLE, 0).export("", ExternKind.FUNCTION, 0);
        assertValid(m.build());
        TestModule dup = new TestModule();
        dup.code(dup.type(), END).export("a", ExternKind.FUNCTION, 0).export("a", ExternKind.FUNCTION, 0);
        assertInvalid(dup.build(), "duplicate export name");
        assertInvalid(new TestModule().export("x", ExternKind.FUNCTION, 0).build(), "unknown function 0");
        assertInvalid(new TestModule().export("x", ExternKind.TABLE, 0).build(), "unknown table 0");
        assertInvalid(new TestModule().export("x", ExternKind.MEMORY, 0).build(), "unknown memory 0");
        assertInvalid(new TestModule().export("x", ExternKind.GLOBAL, 0).build(), "unknown global 0");
    }

    // ------------------------------------------------------------ constant expressions

    @Test
    void globalInitialisersAreConstant() {
        assertValid(new TestModule().global(I64, true, I64_CONST, 0x7F, END).build());
        assertValid(new TestModule().global(F32, false, F32_CONST, 0, 0, 0x80, 0x3F, END).build());
        assertValid(new TestModule().global(EXTERNREF, false, REF_NULL, 0x6F, END).build());
        assertValid(new TestModule().global(V128, false, Bytes.seq(PREFIX_FD, FD_V128_CONST, new int[16], END)).build());
        // extended constant expressions (WebAssembly 3.0): i32/i64 add, sub and mul
        assertValid(new TestModule().global(I32, false, I32_CONST, 0, I32_CONST, 1, I32_ADD, END).build());
        assertInvalid(new TestModule().global(I32, false, I32_CONST, 0, I32_CONST, 1, I32_DIV_S, END).build(),
                "constant expression required");
        assertInvalid(new TestModule().global(I32, false, NOP, I32_CONST, 0, END).build(),
                "constant expression required");
    }

    @Test
    void globalInitialisersHaveTheGlobalsType() {
        assertInvalid(new TestModule().global(I32, false, I64_CONST, 0, END).build(), "type mismatch");
        assertInvalid(new TestModule().global(I32, false, END).build(), "type mismatch");
        assertInvalid(new TestModule().global(I32, false, I32_CONST, 0, I32_CONST, 0, END).build(), "type mismatch");
        assertInvalid(new TestModule().global(FUNCREF, false, REF_NULL, 0x6F, END).build(), "type mismatch");
    }

    @Test
    void globalGetInConstantsReadsEarlierImmutableGlobals() {
        assertValid(new TestModule().importGlobal(I32, false).global(I32, false, GLOBAL_GET, 0, END).build());
        assertInvalid(new TestModule().importGlobal(I32, true).global(I32, false, GLOBAL_GET, 0, END).build(),
                "constant expression required");
        // WebAssembly 3.0: an earlier defined global too, but not the global itself or a later one
        assertValid(new TestModule().global(I32, false, I32_ZERO).global(I32, false, GLOBAL_GET, 0, END).build());
        assertInvalid(new TestModule().global(I32, false, GLOBAL_GET, 0, END).build(), "unknown global 0");
        assertInvalid(new TestModule().global(I32, false, GLOBAL_GET, 1, END).global(I32, false, I32_ZERO).build(),
                "unknown global 1");
        assertInvalid(new TestModule().importGlobal(I64, false).global(I32, false, GLOBAL_GET, 0, END).build(),
                "type mismatch");
    }

    @Test
    void refFuncInConstantsNeedsAFunction() {
        TestModule m = new TestModule();
        m.code(m.type(), END).global(FUNCREF, false, REF_FUNC, 0, END);
        assertValid(m.build());
        assertInvalid(new TestModule().global(FUNCREF, false, REF_FUNC, 0, END).build(), "unknown function 0");
    }

    // ------------------------------------------------------------ segments

    @Test
    void elementSegments() {
        TestModule m = new TestModule();
        m.code(m.type(), END).table(FUNCREF, 1, -1);
        m.elemFunctions(SegmentMode.ACTIVE, 0, I32_ZERO, 0, 0);
        m.elemFunctions(SegmentMode.PASSIVE, 0, null, 0);
        m.elemExprs(SegmentMode.ACTIVE, 0, I32_ZERO, FUNCREF, new int[] {REF_FUNC, 0, END}, new int[] {REF_NULL, 0x70, END});
        m.elemExprs(SegmentMode.DECLARATIVE, 0, null, EXTERNREF, new int[] {REF_NULL, 0x6F, END});
        assertValid(m.build());
    }

    @Test
    void activeElementSegmentsNeedAMatchingTable() {
        TestModule noTable = new TestModule();
        noTable.code(noTable.type(), END).elemFunctions(SegmentMode.ACTIVE, 0, I32_ZERO, 0);
        assertInvalid(noTable.build(), "unknown table 0");
        TestModule ext = new TestModule();
        ext.table(EXTERNREF, 1, -1).elemExprs(SegmentMode.ACTIVE, 0, I32_ZERO, FUNCREF, new int[] {REF_NULL, 0x70, END});
        assertInvalid(ext.build(), "type mismatch");
        TestModule offset = new TestModule();
        offset.table(FUNCREF, 1, -1).elemExprs(SegmentMode.ACTIVE, 0, new int[] {I64_CONST, 0, END}, FUNCREF);
        assertInvalid(offset.build(), "type mismatch");
    }

    @Test
    void elementItemsMatchTheSegmentType() {
        TestModule m = new TestModule();
        m.elemExprs(SegmentMode.PASSIVE, 0, null, FUNCREF, new int[] {REF_NULL, 0x6F, END});
        assertInvalid(m.build(), "type mismatch");
        TestModule f = new TestModule();
        f.elemFunctions(SegmentMode.PASSIVE, 0, null, 7);
        assertInvalid(f.build(), "unknown function 7");
        TestModule c = new TestModule();
        c.elemExprs(SegmentMode.PASSIVE, 0, null, FUNCREF, new int[] {I32_CONST, 0, END});
        assertInvalid(c.build(), "type mismatch");
    }

    @Test
    void activeDataSegmentsNeedAMemory() {
        assertValid(new TestModule().memory(1, -1).activeData(0, I32_ZERO, 3).build());
        assertInvalid(new TestModule().activeData(0, I32_ZERO, 3).build(), "unknown memory 0");
        assertInvalid(new TestModule().memory(1, -1).activeData(1, I32_ZERO, 3).build(), "unknown memory 1");
        assertInvalid(new TestModule().memory(1, -1).activeData(0, new int[] {F32_CONST, 0, 0, 0, 0, END}, 3).build(),
                "type mismatch");
        assertValid(new TestModule().passiveData(3).build());
    }

    // ------------------------------------------------------------ priority

    @Test
    void malformedBodyAfterAnInvalidOneWins() {
        TestModule m = new TestModule();
        int t = m.type();
        m.code(t, I32_CONST, 0, END); // invalid: leaves a value
        m.code(t, 0xFF, END); // malformed: illegal opcode
        assertMalformed(m.build(), "illegal opcode");
    }

    @Test
    void malformedRestOfTheSameBodyWins() {
        TestModule m = new TestModule();
        int t = m.type();
        m.memory(1, -1);
        m.code(t, I64_CONST, 0, I32_EQZ, DROP, 0x17, END);
        assertMalformed(m.build(), "illegal opcode");
    }

    @Test
    void malformedBodyWinsOverModuleLevelErrors() {
        TestModule m = new TestModule();
        int t = m.type();
        m.global(I32, false, I64_CONST, 0, END); // invalid initialiser, checked before the bodies
        m.export("e", ExternKind.FUNCTION, 5); // invalid export, checked after the bodies
        m.code(t, I32_CONST, 0x80, END); // the LEB128 swallows the end byte: the body has no end
        assertMalformed(m.build(), "unexpected end of section or function");
        TestModule late = new TestModule();
        int t2 = late.type();
        late.export("e", ExternKind.FUNCTION, 5);
        late.func(t2, Bytes.of(1, 1, 0x55, END)); // malformed local type
        assertMalformed(late.build(), "malformed");
    }

    @Test
    void firstValidationErrorIsReported() {
        TestModule m = new TestModule();
        int t = m.type();
        m.code(t, LOCAL_GET, 0, DROP, END);
        m.code(t, BR, 3, END);
        var e = assertInvalid(m.build(), "unknown local 0");
        assertEquals(m.build().bodies[0].offset() + 1, e.offset());
    }

    @Test
    void missingEndInALaterBodyWins() {
        TestModule m = new TestModule();
        int t = m.type();
        m.code(t, UNREACHABLE, I32_ADD, END); // valid
        m.code(t, LOCAL_GET, 0, END); // invalid
        m.code(t, BLOCK, 0x40, END); // malformed: the function's end is missing
        assertMalformed(m.build(), "unexpected end of section or function");
    }

    // ------------------------------------------------------------ locals

    @Test
    void tooManyLocalsIsMalformed() {
        TestModule m = new TestModule();
        int t = m.type();
        // 0xFFFFFFFF i32 + 2 i64: more than 2^32 - 1 locals
        m.func(t, Bytes.of(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 2, 0x7E, END));
        assertMalformed(m.build(), "too many locals");
        TestModule four = new TestModule();
        int t2 = four.type(params(I32, I32), params());
        // 4 x 2^30 = 2^32 declared locals
        four.func(t2, Bytes.of(4, 0x80, 0x80, 0x80, 0x80, 4, 0x7F, 0x80, 0x80, 0x80, 0x80, 4, 0x7E, 0x80, 0x80, 0x80,
                0x80, 4, 0x7D, 0x80, 0x80, 0x80, 0x80, 4, 0x7C, END));
        assertMalformed(four.build(), "too many locals");
    }

    @Test
    void moreThanFiftyThousandLocalsAreUnsupported() {
        TestModule ok = new TestModule();
        int t = ok.type(params(I32), params());
        // 1 parameter + 49,999 locals: exactly at the limit; the last local is usable
        ok.func(t, Bytes.of(Bytes.seq(1, Bytes.u32(49_999), 0x7E, LOCAL_GET, 0, DROP, LOCAL_GET, Bytes.u32(49_999),
                DROP, END)));
        assertValid(ok.build());
        TestModule over = new TestModule();
        int t2 = over.type(params(I32), params());
        over.func(t2, Bytes.of(Bytes.seq(1, Bytes.u32(50_000), 0x7E, END)));
        assertUnsupported(over.build(), "50000");
    }

    @Test
    void malformedLaterBodyWinsOverTheLocalsLimit() {
        TestModule m = new TestModule();
        int t = m.type();
        m.func(t, Bytes.of(Bytes.seq(1, Bytes.u32(60_000), 0x7E, END)));
        m.code(t, 0xD7, END);
        assertMalformed(m.build(), "illegal opcode");
    }
}
