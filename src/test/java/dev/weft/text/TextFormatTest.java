package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Engine;
import dev.weft.Instance;
import dev.weft.TextFormatException;
import dev.weft.WasmModule;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ModuleDecoder;
import dev.weft.validate.ModuleValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Modules in the text format compile to the expected binaries, abbreviations included, and errors say where. */
class TextFormatTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static final String HEADER = "0061736d 01000000";

    private static void assertCompiles(String expectedHex, String text) {
        assertEquals(HexFormat.of().formatHex(hex(HEADER + expectedHex)), HexFormat.of().formatHex(TextFormat.compile(text)),
                text);
    }

    private static TextFormatException assertError(String reason, String text) {
        TextFormatException e = assertThrows(TextFormatException.class, () -> TextFormat.compile(text), text);
        assertTrue(e.reason().startsWith(reason), "\"" + e.reason() + "\" does not start with \"" + reason + "\"");
        return e;
    }

    @Test
    void emptyModules() {
        assertCompiles("", "(module)");
        assertCompiles("", "(module $m)");
        assertCompiles("", "");
    }

    @Test
    void aFunctionWithItsTypeExportAndBody() {
        // type (i32 i32) -> i32, function 0, export "add", body local.get 0 local.get 1 i32.add
        assertCompiles("0107 0160 027f7f 017f" + "0302 0100" + "0707 0103 616464 0000"
                        + "0a09 0107 00 2000 2001 6a 0b",
                "(module (func $add (export \"add\") (param $a i32) (param i32) (result i32)"
                        + " (i32.add (local.get $a) (local.get 1))))");
        // the same flat, and with an explicit type the inline one repeats
        assertCompiles("0107 0160 027f7f 017f" + "0302 0100" + "0707 0103 616464 0000"
                        + "0a09 0107 00 2000 2001 6a 0b",
                "(type $t (func (param i32 i32) (result i32)))"
                        + "(func (export \"add\") (type $t) (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)");
    }

    @Test
    void inlineImportsTablesAndMemories() {
        // import "m" "f" as function 0 of an implied type; a table sized by its elements, which
        // an active segment of the table's type puts at offset 0 (ref.func expressions)
        assertCompiles("0104 0160 0000" + "0207 01 016d 0166 0000" + "0405 0170 010101" + "0909 0104 4100 0b01 d200 0b",
                "(func $f (import \"m\" \"f\")) (table funcref (elem $f))");
        // a memory sized by its data: 3 bytes need one page
        assertCompiles("0504 0101 0101" + "0b09 01 00 41000b 03 616263", "(memory (data \"abc\"))");
    }

    @Test
    void blockTypesAndLabels() {
        DecodedModule m = decode("(func (result i32) (block $b (result i32) (br_if $b (i32.const 1) (i32.const 2))"
                + " (if (result i32) (i32.const 0) (then (i32.const 3)) (else (i32.const 4))) (drop)))");
        assertEquals(1, m.bodies.length);
        assertError("mismatching label", "(func block $a end $b)");
        assertError("unknown label", "(func br $nowhere)");
        // a block with parameters gets an implied function type
        assertEquals(2, decode("(func (param i32) (result i64) local.get 0 block (param i32) (result i32) end"
                + " i64.extend_i32_u)").types.length);
        // one equal to the function's own type reuses it
        assertEquals(1, decode("(func (param i32) (result i32) local.get 0 block (param i32) (result i32) end)")
                .types.length);
    }

    @Test
    void literalsAndTheirErrors() {
        decode("(func (result f64) f64.const 0x1.fffffffffffffp1023)");
        decode("(global f32 (f32.const nan:0x200000)) (global i64 (i64.const 0xffff_ffff_ffff_ffff))");
        assertError("constant out of range", "(func (result i32) i32.const 4294967296)");
        assertError("constant out of range", "(func (result f32) f32.const 0x1p128)");
        assertError("unknown operator", "(func (result i32) i32.const 0x)");
        assertError("i32 constant out of range", "(func br 4294967296)");
        assertError("alignment must be a power of two", "(memory 1) (func (drop (i32.load align=3 (i32.const 0))))");
    }

    @Test
    void errorsCarryLineAndColumn() {
        TextFormatException e = assertError("unknown operator", "(module\n  (func\n    i32.frobnicate))");
        assertEquals(3, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("line 3, column 5"), e.getMessage());
        assertError("unexpected token", "(module (func (param $x i32) (param $x i32)) (type))");
        assertError("duplicate local", "(func (param $x i32) (local $x i32))");
        assertError("import after function", "(func) (import \"\" \"\" (func))");
        assertError("unclosed string literal", "(module (export \"a)");
        assertError("malformed UTF-8 encoding", "(func (export \"\\ff\"))");
        assertError("multiple start sections", "(func $f) (start $f) (start $f)");
    }

    @Test
    void gcTypesAndRecursionGroups() {
        byte[] b = TextFormat.compile("(rec (type $a (sub (struct (field $x (mut i32)) (field (ref null $b)))))"
                + " (type $b (sub final $a (struct (field i32) (field (ref null $b)) (field i8))))) (type (array i16))");
        // one recursion group of two subtypes, then an array type: 2 entries
        assertEquals(0x01, b[8]);
        assertEquals(2, b[10]);
        assertEquals(0x4E, b[11] & 0xFF);
    }

    @Test
    void customSectionsAreAnnotations() {
        byte[] b = TextFormat.compile("(module (@custom \"hello\" (before first) \"x\") (func))");
        assertEquals(0, b[8]); // the custom section comes first
        assertEquals("hello", ModuleDecoder.decode(b).customSections[0].name());
    }

    @Test
    void theTestModulesCompileToWhatWat2wasmMade() throws IOException {
        // the .wasm files next to the .wat ones were made by wabt's wat2wasm --debug-names: the
        // same bytes once their name section is left out
        Path dir = Path.of("src/test/resources/dev/weft");
        List<Path> wats;
        try (Stream<Path> s = Files.list(dir)) {
            wats = s.filter(p -> p.toString().endsWith(".wat")).sorted().toList();
        }
        assertTrue(wats.size() > 10, "test modules not found in " + dir.toAbsolutePath());
        for (Path wat : wats) {
            byte[] expected = withoutNameSection(Files.readAllBytes(Path.of(wat.toString().replace(".wat", ".wasm"))));
            assertArrayEquals(expected, TextFormat.compile(Files.readAllBytes(wat), wat.toString()), wat.toString());
        }
    }

    /** @return the binary without its custom section "name" (always the last section wat2wasm writes) */
    private static byte[] withoutNameSection(byte[] b) {
        dev.weft.decode.BinaryReader r = new dev.weft.decode.BinaryReader(b, 8, b.length);
        while (!r.atEnd()) {
            int start = r.pos();
            int id = r.u8();
            int size = r.u32();
            int content = r.pos();
            if (id == 0) {
                int n = r.u32();
                String name = new String(b, r.pos(), n, java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals("name")) {
                    byte[] out = new byte[b.length - (content + size - start)];
                    System.arraycopy(b, 0, out, 0, start);
                    System.arraycopy(b, content + size, out, start, b.length - content - size);
                    return out;
                }
            }
            r.pos(content + size);
        }
        return b;
    }

    @Test
    void wasmModuleParsesTextAndWatFiles() throws IOException {
        WasmModule m = WasmModule.parseText("(module (func (export \"f\") (result i32) (i32.const 42)))");
        try (Instance i = Engine.create().instantiate(m)) {
            assertEquals(42, i.function("f").call()[0]);
        }
        Path wat = Files.createTempFile("weft", ".wat");
        try {
            Files.writeString(wat, "(func (export \"g\") (param i64) (result i64) local.get 0)");
            try (Instance i = Engine.create().instantiate(WasmModule.parse(wat))) {
                assertEquals(7L, i.function("g").call(7L)[0]);
            }
        } finally {
            Files.delete(wat);
        }
        assertThrows(TextFormatException.class, () -> WasmModule.parseText("(module (func (i32.bogus)))"));
    }

    private static DecodedModule decode(String text) {
        DecodedModule m = ModuleDecoder.decode(TextFormat.compile(text));
        ModuleValidator.validate(m, ModuleValidator.Scope.SPEC);
        return m;
    }

}
