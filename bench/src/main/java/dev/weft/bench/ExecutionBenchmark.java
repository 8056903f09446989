package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.ThreadCpuTime;
import dev.weft.bench.support.Workload;
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
 * Execution speed: one operation is one call of the workload's export on a fresh instance
 * (instantiation happens in an untimed per-invocation setup, which JMH allows for operations
 * this long), result checked inside the timed call. Before measuring, each fork runs the
 * {@link BroadWarmup}. The benchmark thread's CPU time is reported too ({@link ThreadCpuTime}).
 * CoreMark's score in iterations per second is
 * {@code 310 / (ms per op / 1000)} (the report generator computes it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutionBenchmark {
    @Param({"weft-switch", "weft-handles", "chicory-interpreter", "chicory-compiler"})
    public String engine;

    @Param({"coremark", "fib_recursive", "fib_iterative", "for_loop", "sieve", "bubble_sort", "call_heavy", "mandelbrot"})
    public String workload;

    private PreparedWorkload prepared;

    @Setup(Level.Trial)
    public void prepare() {
        EngineKind e = EngineKind.of(engine);
        BroadWarmup.execution(e);
        prepared = new PreparedWorkload(e, Workload.of(workload).measured());
    }

    @Setup(Level.Invocation)
    public void instantiate() {
        prepared.instantiate();
    }

    @Benchmark
    public long run(ThreadCpuTime cpu) {
        long start = CpuClock.now();
        long r = prepared.run();
        cpu.add(start);
        return r;
    }
}
