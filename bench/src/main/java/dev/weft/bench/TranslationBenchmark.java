package dev.weft.bench;

import dev.weft.bench.engines.Translators;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.ThreadCpuTime;
import dev.weft.bench.support.WasmSections;
import dev.weft.bench.support.WrongResultException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Load time, single-threaded: everything an engine does to a module binary before it can
 * instantiate it ({@link Translators}: Weft decodes, validates and translates; Chicory decodes
 * and validates). The bytes are already in memory. The result's function count is checked
 * against the binary's function section. The thread's CPU time is reported too ({@link ThreadCpuTime};
 * it leaves out garbage collection, which runs on other threads). MB/s of code section = code section bytes
 * ({@link WasmSections}) / time per op; the report generator computes it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TranslationBenchmark {
    @Param({"weft", "chicory"})
    public String engine;

    /** Keep in step with {@link BroadWarmup#TRANSLATED_MODULES}. */
    @Param({"coremark-minimal.wasm", "large/pulldown-cmark.wasm", "large/spidermonkey.wasm"})
    public String module;

    private Translators translator;
    private byte[] wasm;
    private int functions;

    @Setup(Level.Trial)
    public void prepare() {
        translator = Translators.of(engine);
        BroadWarmup.translation(translator);
        wasm = BenchFiles.bytes(module);
        functions = WasmSections.of(wasm).definedFunctions();
    }

    @Benchmark
    public int translate(ThreadCpuTime cpu) {
        long start = CpuClock.now();
        int n = translator.translate(wasm);
        cpu.add(start);
        if (n != functions) {
            throw new WrongResultException(module + ": " + n + " functions, the function section has " + functions);
        }
        return n;
    }
}
