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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err).run(args);
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
        assertEquals(1, run("run", tmp.resolve("missing.wasm").toString()).code());
        assertEquals(1, run("run", "--bogus", "x", argc).code());
        assertEquals(1, run("run", "--dir").code());
        assertEquals(1, run("run", "--env", "NOEQUALS", argc).code());
        assertEquals(1, run("run", "--dir", tmp.resolve("missing").toString(), argc).code());
        assertEquals(1, run("run", "--dispatch", "fast", argc).code());
        assertEquals(1, run("frobnicate").code());
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--dir HOST[::GUEST]"));
        assertFalse(help.out().isEmpty());
    }
}
