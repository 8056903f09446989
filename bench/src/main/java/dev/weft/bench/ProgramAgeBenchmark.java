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
 * No slowdown with age: is program B slower in a JVM that ran other programs first than in a
 * JVM that only ever ran B? The operation is {@link ProgramBenchmark}'s (one checked run of B at
 * its measured size), but there is no broad warm-up: with {@code history=alone} the fork runs
 * nothing but B (JMH's warm-up iterations, then the measured ones); with
 * {@code history=after-others} the fork first runs every other program
 * ({@value #HISTORY_ROUNDS} rounds at warm-up size, on the same engine), then the same warm-up
 * and measurement of B. JMH gives each parameter combination its own fork (fresh JVM). The
 * report divides after-others by alone: the target is at most 1.10.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProgramAgeBenchmark {
    /** Rounds of the other programs before B, in the after-others case. */
    public static final int HISTORY_ROUNDS = 2;

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
            case "after-others" -> BroadWarmup.otherPrograms(e, p, HISTORY_ROUNDS);
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
