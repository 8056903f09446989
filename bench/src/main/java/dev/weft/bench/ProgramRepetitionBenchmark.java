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
 * In-JVM repetition: the times of runs 1, 2, ... N of one program in a fresh JVM, each run timed
 * on its own (JMH single-shot mode, no warm-up iterations: iteration k is run k). Run 1 includes
 * interpreting and JIT-compiling the interpreter; after that, a run should be no slower than the
 * runs before it. With {@code history=after-others} the JVM first runs every other program
 * ({@value ProgramAgeBenchmark#HISTORY_ROUNDS} rounds at warm-up size, same engine), as a
 * long-running host would have. Module parsing is untimed; every run's output is checked. The
 * report reads each run's time, and its thread CPU time ({@link ThreadCpuTime}), from JMH's raw data.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 10)
public class ProgramRepetitionBenchmark {
    @Param({"weft-switch", "weft-handles"})
    public String engine;

    @Param({"bytecode_vm", "btree_kv", "lz_huffman", "json_tree", "fft_conv", "callback_sort", "deep_recursion", "sha256",
            "matmul", "tokenizer", "nbody"})
    public String program;

    @Param({"alone", "after-others"})
    public String history;

    private PreparedProgram prepared;

    @Setup(Level.Trial)
    public void prepare() {
        EngineKind e = EngineKind.of(engine);
        Program p = Program.of(program);
        switch (history) {
            case "alone" -> {
            }
            case "after-others" -> BroadWarmup.otherPrograms(e, p, ProgramAgeBenchmark.HISTORY_ROUNDS);
            default -> throw new IllegalArgumentException("history is alone or after-others, not " + history);
        }
        prepared = new PreparedProgram(e, ProgramRuns.of(p, ProgramRuns.Role.MEASURED));
    }

    @Benchmark
    public int run(ThreadCpuTime cpu) {
        long start = CpuClock.now();
        int r = prepared.run();
        cpu.add(start);
        return r;
    }
}
