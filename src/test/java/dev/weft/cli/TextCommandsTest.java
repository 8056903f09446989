package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft wast}, {@code weft print}, and modules in the text format for {@code run}. */
class TextCommandsTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, err).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void wastRunsAScriptAndSummarises() throws IOException {
        Path ok = file("ok.wast", """
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 1))
                (assert_malformed (module quote "(func i32.nope)") "unknown operator")
                """);
        Result r = run("wast", ok.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(ok + ": 3 passed, 0 failed (" + dev.weft.DispatchMode.defaultMode().id() + ")\n", r.out());
        Path bad = file("bad.wast", """
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 2))
                """);
        Result b = run("--dispatch", "handles", "wast", bad.toString());
        assertEquals(WastCommand.FAILED, b.code());
        assertTrue(b.out().startsWith(bad + ":2 assert_return: result 0: expected i32 2, got 1\n"), b.out());
        assertTrue(b.out().endsWith(bad + ": 1 passed, 1 failed (handles)\n"), b.out());
        Result v = run("wast", "--validate", bad.toString());
        assertEquals(0, v.code());
        assertTrue(v.out().endsWith("1 passed, 0 failed, 1 skipped (validate)\n"), v.out());
        Result broken = run("wast", file("broken.wast", "(assert_return").toString());
        assertEquals(Main.BAD_MODULE, broken.code());
        assertTrue(broken.err().contains("line 1"), broken.err());
    }

    @Test
    void printShowsABinaryAsText() throws IOException {
        Path wasm = tmp.resolve("m.wasm");
        Files.write(wasm, dev.weft.text.TextFormat.compile(
                "(module (memory 1) (func (export \"f\") (param i32) (result i32) local.get 0 i32.load offset=4))"));
        Result r = run("print", wasm.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                (module
                  (type (;0;) (func (param i32) (result i32)))
                  (memory (;0;) 1)
                  (export "f" (func 0))
                  (func (;0;) (type 0)
                    local.get 0
                    i32.load offset=4
                  )
                )
                """, r.out());
    }

    @Test
    void runAndDisasmAcceptTextModules() throws IOException {
        Path wat = file("add.wat", "(func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))");
        Result r = run("run", "--invoke", "add", wat.toString(), "2", "40");
        assertEquals(0, r.code(), r.err());
        assertEquals("42\n", r.out());
        Result d = run("disasm", wat.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("add"), d.out());
        Result bad = run("run", file("bad.wat", "(func (i32.add))").toString());
        assertEquals(Main.BAD_MODULE, bad.code());
    }
}
