package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: the bundled example, running WASI commands, --invoke, and every exit code. */
class MainTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result runWithInput(String stdin, String... args) {
        return runWithEnv(Map.of(), stdin, args);
    }

    private static Result runWithEnv(Map<String, String> hostEnv, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, hostEnv::get)
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(String... args) {
        return runWithInput("", args);
    }

    /** Copies a module from the test or main resources into the temporary directory. */
    private String module(String resource) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream(resource)) {
            Path file = tmp.resolve(Path.of(resource).getFileName().toString());
            Files.write(file, in.readAllBytes());
            return file.toString();
        }
    }

    @Test
    void withoutArgumentsTheBundledExampleRuns() {
        for (String mode : List.of("switch", "handles")) {
            Result r = run("--dispatch", mode);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(10, lines.size(), r.out());
            assertEquals("Weft " + mode + " dispatch: running the bundled WASI example"
                    + " (example.c, compiled with clang --target=wasm32-wasi)", lines.get(0));
            assertEquals("Hello from C compiled to WebAssembly (wasm32-wasi), running on Weft.", lines.get(1));
            assertEquals("arguments (2): example.wasm 30", lines.get(2));
            assertEquals("environment: 1 variable, WEFT_DISPATCH=" + mode, lines.get(3));
            assertTrue(lines.get(4).matches("fib\\(30\\) = 832040 \\(recursive\\), computed in \\d+ ms of monotonic"
                    + " clock time"), lines.get(4));
            assertEquals("clocks: realtime says after 2023, monotonic did not go backwards", lines.get(5));
            assertEquals("random: 16 bytes from random_get", lines.get(6));
            assertEquals("files: wrote /sandbox/report.txt, read back 3 lines, stat says 79 bytes", lines.get(7));
            assertEquals("files: /sandbox lists notes/ report.txt", lines.get(8));
            assertEquals("sandbox: opening /sandbox/../../etc/passwd was refused: Capabilities insufficient",
                    lines.get(9));
        }
    }

    @Test
    void runPrintsABenchProgramsResult() {
        Path sha = Path.of(System.getProperty("weft.benchwasm.dir", "../shared/bench-wasm"), "wasi", "sha256.wasm");
        if (!Files.isRegularFile(sha)) {
            Assumptions.abort("no " + sha + "; set -Dweft.benchwasm.dir to run this");
        }
        Result r = run("run", sha.toString(), "1", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("sha256 kib=1 rounds=1 digest=4687202b74802034facb4c5620c81363089fdcaedef2eb6a58c4fc5fd4d9d480\n",
                r.out());
    }

    @Test
    void theGuestsExitCodeIsTheProcesssAndEverythingAfterTheFileIsAGuestArgument() throws IOException {
        String argc = module("argc.wasm");
        assertEquals(1, run("run", argc).code(), "argv[0] only");
        assertEquals(4, run("run", argc, "a", "b", "c").code());
        assertEquals(3, run("run", argc, "--dir", "x").code(), "options after the file belong to the guest");
        assertEquals(3, run("run", "--dispatch", "handles", argc, "--env", "A=1").code());
        List<String> many = new ArrayList<>(List.of("run", argc));
        for (int i = 0; i < 299; i++) {
            many.add("x");
        }
        Result r = run(many.toArray(String[]::new));
        assertEquals(255, r.code(), "300 does not fit in an exit status");
        assertTrue(r.err().contains("exited with 300"), r.err());
    }

    @Test
    void stdioIsTheGuests() throws IOException {
        String text = "line one\nline two: ünïcödé\n".repeat(500);
        Result r = runWithInput(text, "run", module("cat.wasm"));
        assertEquals(0, r.code(), r.err());
        assertEquals(text, r.out());
    }

    @Test
    void dirAndEnvReachTheGuest() throws IOException {
        String example = module("/dev/weft/cli/example.wasm");
        Path box = Files.createDirectory(tmp.resolve("box"));
        Result r = run("run", "--dir", box + "::/sandbox", "--env", "WEFT_DISPATCH=custom", "--env", "X=1=2",
                example, "5");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("arguments (2): example.wasm 5\n"), r.out());
        assertTrue(r.out().contains("environment: 2 variables, WEFT_DISPATCH=custom\n"), r.out());
        assertEquals("fib(5) = 5\ncomputed by a WebAssembly guest\nwritten through WASI fd_write\n",
                Files.readString(box.resolve("report.txt")));
        assertTrue(Files.isDirectory(box.resolve("notes")));

        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Result unmapped = run("run", "--dir", elsewhere.toString(), example, "5");
        assertEquals(1, unmapped.code(), "without ::/sandbox the guest sees the host path as the name, not /sandbox");
        assertTrue(unmapped.out().contains("files: cannot create /sandbox/report.txt"), unmapped.out());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aTrapIsReportedWithItsStackAndExits134() throws IOException {
        Result r = run("run", module("/dev/weft/wasi/trap.wasm"));
        assertEquals(134, r.code());
        assertEquals("before the trap\n", r.out(), "output before the trap is kept");
        assertTrue(r.err().startsWith("weft: trap: integer divide by zero\n    at "), r.err());
        assertTrue(r.err().contains("divide") && r.err().contains("compute"), r.err());
    }

    @Test
    void invokeCallsAnExportAndPrintsItsResults() throws IOException {
        String add = module("/dev/weft/wasi/add.wasm");
        Result r = run("run", "--invoke", "add", add, "2", "40");
        assertEquals(0, r.code(), r.err());
        assertEquals("42\n", r.out());
        assertEquals("-2\n", run("run", "--invoke", "add64", add, "9223372036854775807", "9223372036854775807").out());
        assertEquals(1, run("run", "--invoke", "add", add, "2").code(), "wrong argument count");
        assertEquals(1, run("run", "--invoke", "nope", add).code(), "no such export");
        assertEquals(7, run("run", "--invoke", "proc_exit", module("/dev/weft/wasi/probe.wasm"), "7").code(),
                "an export that calls proc_exit ends the run with its code");
        Result notACommand = run("run", add);
        assertEquals(1, notACommand.code());
        assertTrue(notACommand.err().contains("no _start"), notACommand.err());
    }

    @Test
    void invokeTakesAndPrintsV128Values() throws IOException {
        Path wat = Files.writeString(tmp.resolve("simd.wat"), """
                (module
                  (func (export "add") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
                  (func (export "sum") (param v128 i32) (result i32)
                    (i32.add (local.get 1) (i32x4.extract_lane 3 (local.get 0)))))
                """);
        String file = wat.toString();
        Result r = run("run", "--invoke", "add", file, "i32x4:1,2,3,-4", "0x0000000a0000000a0000000a0000000a");
        assertEquals(0, r.code(), r.err());
        assertEquals("0x000000060000000d0000000c0000000b\n", r.out());
        assertEquals("0x11111111111111111111111111111111\n",
                run("run", "--invoke", "add", file, "i8x16:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
                        "i8x16:16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1").out());
        assertEquals("45\n", run("run", "--invoke", "sum", file, "f32x4:0,0,0,1.4e-45", "44").out());
        assertEquals("3\n", run("run", "--invoke", "sum", file, "i64x2:0,0x100000000", "2").out());
        Result bad = run("run", "--invoke", "sum", file, "i32x4:1,2,3", "0");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("i32x4 has 4 lanes, got 3"), bad.err());
        assertEquals(1, run("run", "--invoke", "sum", file, "i8x16:256,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "0").code(),
                "a lane out of range");
        assertEquals(1, run("run", "--invoke", "sum", file, "0x12", "0").code(), "too few hex digits");
    }

    @Test
    void badModulesAndUnlinkableModulesExitWith2() throws IOException {
        Path garbage = Files.write(tmp.resolve("garbage.wasm"), new byte[] {0, 'a', 's', 'm', 9, 9});
        Result bad = run("run", garbage.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("weft: "), bad.err());
        Result unlinkable = run("run", module("needs-env.wasm"));
        assertEquals(2, unlinkable.code());
        assertTrue(unlinkable.err().contains("env"), unlinkable.err());
    }

    @Test
    void usageErrorsExitWith1() throws IOException {
        String argc = module("argc.wasm");
        assertEquals(1, run("run").code());
        assertEquals(1, run("run", "--bogus", "x", argc).code());
        assertEquals(1, run("run", "--dir").code());
        assertEquals(1, run("run", "--env", "=VALUE", argc).code());
        assertEquals(1, run("run", "--dir", tmp.resolve("missing").toString(), argc).code());
        assertEquals(1, run("run", "--dispatch", "fast", argc).code());
        assertEquals(1, run("frobnicate").code());
        Result unknown = run("frobnicate");
        assertEquals("weft: unknown command 'frobnicate'\nTry 'weft --help' for more.\n", unknown.err());
    }

    @Test
    void helpAndVersion() {
        for (String flag : List.of("--help", "-h")) {
            Result tool = run(flag);
            assertEquals(0, tool.code(), tool.err());
            assertTrue(tool.out().startsWith("usage: weft [--dispatch switch|handles] [--verbose] [COMMAND]\n"), tool.out());
            assertTrue(tool.out().contains("--dir HOST[::GUEST]") && tool.out().contains("--version"), tool.out());
            Result run = run("run", flag);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().startsWith("usage: weft run [OPTIONS] FILE.wasm [ARG...]\n"), run.out());
            assertEquals("", run.err());
            Result disasm = run("disasm", flag);
            assertEquals(0, disasm.code(), disasm.err());
            assertTrue(disasm.out().startsWith("usage: weft disasm FILE.wasm [FUNCTION]\n"), disasm.out());
        }
        assertEquals(run("run", "--help").out(), run("help", "run").out());
        assertEquals(run("run", "--help").out(), run("run", "--dir", "x", "--help").out(), "--help among other options");
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("weft \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), version.out());
    }

    @Test
    void aLoopHeadedByAFusedLoadRuns() {
        // issue 11: a loop whose head is a br_if on a load crashed the translator (exit 1, Java stack trace)
        Path cases = Path.of(System.getProperty("weft.encoder.cases", "encoder-tests/cases"));
        String wasm = cases.resolve("loop-rotation.wasm").toString();
        for (String mode : List.of("switch", "handles")) {
            Result r = run("run", "--dispatch", mode, "--invoke", "scan", wasm, "16");
            assertEquals(0, r.code(), r.err());
            assertEquals("24\n", r.out());
        }
    }

    @Test
    void aFileAsTheCommandRunsIt() throws IOException {
        String argc = module("argc.wasm");
        assertEquals(4, run(argc, "a", "b", "c").code(), "weft FILE ARGS is weft run FILE ARGS");
        assertEquals(3, run("--dispatch", "handles", argc, "--env", "A=1").code());
        String add = module("/dev/weft/wasi/add.wasm");
        Result invoke = run("--invoke", "add", add, "2", "40");
        assertEquals(0, invoke.code(), invoke.err());
        assertEquals("42\n", invoke.out());
    }

    @Test
    void envWithoutAValuePassesTheHostsThrough() throws IOException {
        String example = module("/dev/weft/cli/example.wasm");
        Path box = Files.createDirectory(tmp.resolve("box"));
        Map<String, String> host = Map.of("WEFT_DISPATCH", "from-host", "OTHER", "x");
        Result r = runWithEnv(host, "", "run", "--dir", box + "::/sandbox", "--env", "WEFT_DISPATCH", "--env", "UNSET",
                example, "5");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("environment: 1 variable, WEFT_DISPATCH=from-host\n"), r.out());
    }

    @Test
    void filesThatAreNoModulesSayWhatTheyAreAndExitWith2() throws IOException {
        Path missing = tmp.resolve("missing.wasm");
        assertFailure(2, "weft: no such file: " + missing + "\n", run("run", missing.toString()));
        assertFailure(2, "weft: no such file: " + missing + "\n", run(missing.toString()));
        assertFailure(2, "weft: no such file: " + missing + "\n", run("disasm", missing.toString()));
        assertFailure(2, "weft: " + tmp + " is a directory, not a WebAssembly module\n", run("run", tmp.toString()));
        Path wat = Files.writeString(tmp.resolve("bad.wat"), ";; adds\n(module (func (export \"add\") (i32.ad)))\n");
        Result badText = run(wat.toString()); // text modules are read; this one does not parse
        assertEquals(2, badText.code(), badText.err());
        assertTrue(badText.err().startsWith("weft: " + wat + ": unknown operator"), badText.err());
        Path textComponent = Files.writeString(tmp.resolve("c.txt"), "(component)\n");
        assertFailure(2, "weft: " + textComponent + " is a WebAssembly component in the text format; Weft runs core"
                + " modules\n", run("run", textComponent.toString()));
        Path text = Files.writeString(tmp.resolve("notes.wasm"), "hello\n");
        assertFailure(2, "weft: " + text + " is a text file, not a WebAssembly module\n", run("run", text.toString()));
        Path elf = Files.write(tmp.resolve("a.out"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        assertFailure(2, "weft: " + elf + " is an ELF executable or library, not a WebAssembly module\n",
                run("run", elf.toString()));
        Path component = Files.write(tmp.resolve("c.wasm"), new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
        assertFailure(2, "weft: " + component + " is a WebAssembly component (component model), not a core module;"
                + " Weft runs core modules\n", run("run", component.toString()));
        Path empty = Files.write(tmp.resolve("empty.wasm"), new byte[0]);
        assertFailure(2, "weft: " + empty + " is empty, not a WebAssembly module\n", run("run", empty.toString()));
        Path binary = Files.write(tmp.resolve("data.bin"), new byte[] {1, 2, 3, 4, 5});
        assertFailure(2, "weft: " + binary + " is not a WebAssembly module (it does not start with the bytes"
                + " 00 61 73 6d, \"\\0asm\"; it starts with 01 02 03 04)\n", run("run", binary.toString()));
    }

    @Test
    void noJavaStackTraceUnlessVerbose() throws IOException {
        Path garbage = Files.write(tmp.resolve("garbage.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 9});
        Result quiet = run("run", garbage.toString());
        assertEquals(2, quiet.code());
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertTrue(quiet.err().startsWith("weft: " + garbage + ": "), quiet.err());
        for (String[] args : List.of(new String[] {"--verbose", "run", garbage.toString()},
                new String[] {"run", "--verbose", garbage.toString()})) {
            Result verbose = run(args);
            assertEquals(2, verbose.code());
            assertTrue(verbose.err().contains("MalformedModuleException") && verbose.err().contains("\tat dev.weft."),
                    verbose.err());
        }
        Result trap = run("run", module("/dev/weft/wasi/trap.wasm"));
        assertFalse(trap.err().contains("\tat "), trap.err());
    }

    private static void assertFailure(int code, String err, Result r) {
        assertEquals(err, r.err());
        assertEquals(code, r.code());
        assertEquals("", r.out());
    }

    @Test
    void fuelTimeoutMemoryAndDepthBoundTheGuest() throws IOException {
        String forever = module("forever.wasm");
        for (String mode : List.of("switch", "handles")) {
            Result fuel = run("run", "--dispatch", mode, "--fuel", "1000000", forever);
            assertEquals(Main.TRAP, fuel.code(), fuel.err());
            assertTrue(fuel.err().contains("trap: out of fuel"), fuel.err());
            Result timeout = run("--timeout", "200ms", "--dispatch", mode, forever); // options before the file, no "run"
            assertEquals(Main.TRAP, timeout.code(), timeout.err());
            assertTrue(timeout.err().contains("trap: deadline exceeded"), timeout.err());
            Result memory = run("run", "--max-memory", "1M", forever);
            assertEquals(2, memory.code(), memory.err());
            assertTrue(memory.err().contains("exceeds the limit"), memory.err());
            Result depth = run("run", "--dispatch", mode, "--max-call-depth", "100", "--invoke", "down", forever, "0");
            assertEquals(Main.TRAP, depth.code(), depth.err());
            assertTrue(depth.err().contains("more than 100 frames"), depth.err());
        }
        Result bad = run("run", "--timeout", "soon", forever);
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--timeout needs a duration"), bad.err());
        Result badSize = run("run", "--max-memory", "lots", forever);
        assertTrue(badSize.err().contains("--max-memory needs a size"), badSize.err());
    }

    @Test
    void statsShowsCodeSizesAndInstructionCounts() throws IOException {
        Result r = run("stats", "--top", "2", module("forever.wasm"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("functions         2 defined, 0 imported"), r.out());
        assertTrue(r.out().matches("(?s).*WebAssembly code  \\d+ bytes, \\d+ instructions.*"), r.out());
        assertTrue(r.out().matches("(?s).*internal code     \\d+ bytes, \\d+ instructions \\(\\d\\.\\d{3} per.*"), r.out());
        assertTrue(r.out().contains("func 1 <down>"), r.out());
        assertEquals(0, run("stats", "--help").code());
        assertEquals(1, run("stats").code());
    }

    @Test
    void everyTierRunsTheExample() throws IOException {
        String forever = module("forever.wasm");
        for (String tier : List.of("interpreter", "auto", "compiled")) {
            Result r = run("--tier", tier, "--invoke", "down", "--max-call-depth", "50", forever, "0");
            assertEquals(Main.TRAP, r.code(), tier + ": " + r.err());
            assertTrue(r.err().contains("call stack exhausted"), r.err());
        }
        Result bad = run("--tier", "jit", forever);
        assertEquals(1, bad.code());
    }
}
