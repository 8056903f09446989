package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Execution;
import dev.weft.Instance;
import dev.weft.ResumableCall;
import dev.weft.WasmModule;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Resumable calls on real programs: CoreMark (the fixed-workload variant) and the shared WASI C
 * programs run once straight through, then again in slices of fuel, suspended every time the fuel
 * runs out and resumed on other threads (virtual and platform, in turn). Both runs must end the
 * same: CoreMark's whole memory byte for byte, the programs' output and exit code, and the fuel
 * consumed in all. Both dispatch modes. The programs come from {@code weft.benchwasm.dir}
 * (default {@code ../shared/bench-wasm}); without it the tests are skipped, saying why.
 */
class ResumeProgramsTest {
    private static final Path DIR = Path.of(System.getProperty("weft.benchwasm.dir", "../shared/bench-wasm"));
    private static final long PLENTY = 1L << 60;

    /** A program's end: its output (or memory), exit code and the fuel it consumed. */
    private record End(byte[] output, int exitCode, long fuel, int suspensions) {
    }

    @TestFactory
    List<DynamicTest> programsResumedInSlicesEndAsProgramsRunStraight() {
        Path coremark = DIR.resolve("coremark-fixed/cmfix-310.wasm");
        if (!Files.isRegularFile(coremark)) {
            return List.of(dynamicTest("resumed programs", () -> Assumptions.abort(
                    "no " + coremark + "; set -Dweft.benchwasm.dir to the bench-wasm directory to run these")));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (DispatchMode mode : DispatchMode.values()) {
            tests.add(dynamicTest(mode.id() + " coremark", () -> coremark(mode, coremark)));
            for (String[] p : List.of(new String[] {"sha256.wasm", "64", "2"}, new String[] {"matmul.wasm", "40", "1"},
                    new String[] {"nbody.wasm", "2000"}, new String[] {"tokenizer.wasm", "20"})) {
                tests.add(dynamicTest(mode.id() + " " + String.join(" ", p), () -> wasiProgram(mode, p)));
            }
        }
        return tests;
    }

    private static void coremark(DispatchMode mode, Path file) throws Exception {
        WasmModule module = WasmModule.parse(file);
        Engine engine = Engine.builder().dispatch(mode).build();
        End straight = coremarkRun(engine.instantiate(module), PLENTY);
        End sliced = coremarkRun(engine.instantiate(module), 20_000_000);
        assertTrue(sliced.suspensions > 10, "suspended " + sliced.suspensions + " times");
        assertArrayEquals(straight.output, sliced.output, "the memory after the run");
        assertEquals(straight.fuel, sliced.fuel, "fuel consumed");
    }

    private static End coremarkRun(Instance instance, long slice) throws Exception {
        Execution run = Execution.create().setFuel(slice);
        ResumableCall call = run.start(instance.function("run"));
        int suspensions = resumeToTheEnd(run, call, slice);
        assertEquals(0.0f, call.results()[0]);
        byte[] memory = instance.memory("memory").segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        return new End(memory, 0, slice * (suspensions + 1) - run.fuel(), suspensions);
    }

    private static void wasiProgram(DispatchMode mode, String[] argv) throws Exception {
        WasmModule module = WasmModule.parse(DIR.resolve("wasi").resolve(argv[0]));
        Engine engine = Engine.builder().dispatch(mode).build();
        End straight = wasiRun(engine, module, argv, PLENTY);
        long slice = Math.max(10_000, straight.fuel / 40);
        End sliced = wasiRun(engine, module, argv, slice);
        assertTrue(sliced.suspensions >= 20, "suspended " + sliced.suspensions + " times");
        assertEquals(new String(straight.output, StandardCharsets.UTF_8), new String(sliced.output, StandardCharsets.UTF_8));
        assertEquals(straight.exitCode, sliced.exitCode);
        assertEquals(straight.fuel, sliced.fuel, "fuel consumed");
    }

    private static End wasiRun(Engine engine, WasmModule module, String[] argv, long slice) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().args(argv).stdout(out).build()) {
            Instance instance = engine.instantiate(module, wasi.imports());
            Execution run = Execution.create().setFuel(slice);
            int exit = 0;
            int suspensions;
            ResumableCall call = run.start(instance.function("_start"));
            int[] count = {0};
            try {
                suspensions = resumeToTheEnd(run, call, slice, count);
            } catch (WasiExitException e) {
                exit = e.exitCode(); // proc_exit leaves resume() as the host function's exception
                suspensions = count[0];
            }
            return new End(out.toByteArray(), exit, slice * (suspensions + 1) - run.fuel(), suspensions);
        }
    }

    private static int resumeToTheEnd(Execution run, ResumableCall call, long slice) throws Exception {
        return resumeToTheEnd(run, call, slice, new int[1]);
    }

    /** Resumes until finished, adding a slice each time, on other threads in turn; counts suspensions in count[0]. */
    private static int resumeToTheEnd(Execution run, ResumableCall call, long slice, int[] count) throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService platform = Executors.newSingleThreadExecutor()) {
            while (!call.isFinished()) {
                assertEquals(ResumableCall.State.OUT_OF_FUEL, call.state());
                count[0]++;
                run.addFuel(slice);
                try {
                    (count[0] % 2 == 0 ? virtual : platform).submit(() -> call.resume()).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        }
        return count[0];
    }
}
