package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Guest;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Translators;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.CoreMarkCheck;
import dev.weft.bench.support.PreparedProgram;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.Program;
import dev.weft.bench.support.ProgramRuns;
import dev.weft.bench.support.RunSpec;
import dev.weft.bench.support.WasmSections;
import dev.weft.bench.support.Workload;
import dev.weft.bench.support.WrongResultException;

/**
 * Checks the benchmarks' checks, in about two minutes: every warm-up run on every engine, CoreMark
 * cmfix-310 with its CRC check, every program's warm-up run, every module instantiated and
 * translated; and that the checks reject wrong results (a corrupted CoreMark record, a wrong
 * expected value, a program output one byte off). Run it after
 * changing the workloads or the engines' adapters:
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.weft.bench.SelfCheck</pre>
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    public static void main(String[] args) {
        for (EngineKind e : EngineKind.values()) {
            for (Workload w : Workload.values()) {
                new PreparedWorkload(e, w.warmup()).instantiateAndRun();
            }
            new PreparedWorkload(e, RunSpec.coreMarkFixed(310)).instantiateAndRun();
            for (Program p : Program.values()) {
                new PreparedProgram(e, ProgramRuns.of(p, ProgramRuns.Role.WARMUP)).run();
            }
            for (String m : new String[] {"coremark-fixed/cmfix-310.wasm", "large/pulldown-cmark.wasm", "large/spidermonkey.wasm"}) {
                if (e == EngineKind.CHICORY_COMPILER && m.contains("spidermonkey")) {
                    continue; // compiling it takes Chicory over 10 s; the instantiation benchmark does it once
                }
                boolean wasi = m.startsWith("large/");
                Guest g = e.compile(BenchFiles.bytes(m)).instantiate(wasi ? HostBinding.TRAP_STUBS : HostBinding.NONE);
                require(g.exports(wasi ? "_start" : "run") && !g.exports("no such export"), e + " exports of " + m);
            }
            System.out.println(e.id() + ": every warm-up run, cmfix-310, every program and the instantiations check out");
        }
        for (Translators t : Translators.values()) {
            for (String m : new String[] {"coremark-minimal.wasm", "large/pulldown-cmark.wasm", "large/spidermonkey.wasm"}) {
                byte[] wasm = BenchFiles.bytes(m);
                require(t.translate(wasm) == WasmSections.of(wasm).definedFunctions(), t.id() + " function count of " + m);
            }
            System.out.println(t.id() + ": translations report every function");
        }
        negativeChecks();
        System.out.println("SelfCheck passed");
    }

    /** The checks must fail on wrong results, or they protect nothing. */
    private static void negativeChecks() {
        Guest g = EngineKind.WEFT_SWITCH.compile(BenchFiles.bytes("coremark-fixed/cmfix-310.wasm")).instantiate(HostBinding.NONE);
        g.function("run", dev.weft.bench.engines.Signature.NONE_TO_F32).call(0);
        byte[] memory = g.memory();
        CoreMarkCheck.verify(310, 0, memory);
        mustFail(() -> CoreMarkCheck.verify(310, Float.floatToRawIntBits(1f), memory), "a non-zero run() result");
        mustFail(() -> CoreMarkCheck.verify(1210, 0, memory), "the final CRC of a different iteration count");
        int record = indexOf(memory, new byte[] {0x14, (byte) 0xe7, (byte) 0xd7, 0x1f, 0x3a, (byte) 0x8e});
        require(record > 0, "the CoreMark record is in memory");
        byte[] corrupt = memory.clone();
        corrupt[record + 2] ^= 1;
        mustFail(() -> CoreMarkCheck.verify(310, 0, corrupt), "a corrupted crcmatrix");
        mustFail(() -> CoreMarkCheck.verify(310, 0, new byte[65536]), "a memory without the result record");
        RunSpec right = RunSpec.wat("fib_recursive.wasm", "fib_recursive", dev.weft.bench.engines.Signature.I64_TO_I64, 20);
        RunSpec wrong = new RunSpec(right.file(), right.export(), right.signature(), right.arg(), right.host(),
                new RunSpec.Equals(((RunSpec.Equals) right.check()).value() + 1));
        mustFail(() -> new PreparedWorkload(EngineKind.WEFT_SWITCH, wrong).instantiateAndRun(), "a wrong expected value");
        ProgramRuns.Run run = ProgramRuns.of(Program.JSON_TREE, ProgramRuns.Role.WARMUP);
        byte[] oneOff = run.stdout().clone();
        oneOff[oneOff.length / 2] ^= 1;
        ProgramRuns.Run wrongOutput = new ProgramRuns.Run(run.program(), run.role(), run.args(), run.exitCode(), oneOff);
        mustFail(() -> new PreparedProgram(EngineKind.WEFT_SWITCH, wrongOutput).run(), "a program output one byte off");
        ProgramRuns.Run wrongExit = new ProgramRuns.Run(run.program(), run.role(), run.args(), 1, run.stdout());
        mustFail(() -> new PreparedProgram(EngineKind.WEFT_SWITCH, wrongExit).run(), "a wrong exit code");
        System.out.println("checks reject wrong results");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void mustFail(Runnable r, String what) {
        try {
            r.run();
        } catch (WrongResultException expected) {
            return;
        }
        throw new AssertionError("check accepted " + what);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("failed: " + what);
        }
    }
}
