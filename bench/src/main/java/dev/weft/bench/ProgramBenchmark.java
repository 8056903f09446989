package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.PreparedProgram;
import dev.weft.bench.support.Program;
import dev.weft.bench.support.ProgramRuns;
import dev.weft.bench.support.ThreadCpuTime;
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
 * Whole WASI programs: one operation is one run of a C program compiled to wasm32-wasi (the
 * corpus in {@code bench/corpus/} and bench-wasm's {@code wasi/} programs) as a command-line
 * runner makes it, minus reading and parsing the module (done once): a fresh WASI context with the
 * recorded arguments, a fresh instance, {@code _start}, stdout captured and compared byte for
 * byte with the output recorded on V8, instance closed. Before measuring, each fork runs the
 * {@link BroadWarmup#programs program broad warm-up}: every program, on both Weft modes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProgramBenchmark {
    @Param({"weft-switch", "weft-handles", "chicory-interpreter", "chicory-compiler"})
    public String engine;

    @Param({"bytecode_vm", "btree_kv", "lz_huffman", "json_tree", "fft_conv", "callback_sort", "deep_recursion", "sha256",
            "matmul", "tokenizer", "nbody"})
    public String program;

    private PreparedProgram prepared;

    @Setup(Level.Trial)
    public void prepare() {
        EngineKind e = EngineKind.of(engine);
        BroadWarmup.programs(e);
        prepared = new PreparedProgram(e, ProgramRuns.of(Program.of(program), ProgramRuns.Role.MEASURED));
    }

    @Benchmark
    public int run(ThreadCpuTime cpu) {
        long start = CpuClock.now();
        int r = prepared.run();
        cpu.add(start);
        return r;
    }
}
