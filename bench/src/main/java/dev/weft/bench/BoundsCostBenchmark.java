package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.Workload;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * What fuel metering and deadlines cost, measured inside one JVM: one operation runs the workload
 * three times, on three engines of one dispatch mode in turn (which goes first rotates), each on a fresh instance: plain,
 * with every call metered ({@code weft-MODE-fuel}), and with a deadline armed on every call
 * ({@code weft-MODE-deadline}). The thread CPU of each goes to its own counter
 * ({@link Cpu#plainCpuMs}, {@link Cpu#fuelCpuMs}, {@link Cpu#deadlineCpuMs}, with {@link Cpu#runs});
 * their ratios are the costs. The three share one JIT-compiled dispatch loop, as in a host that
 * meters some guests and not others, and the ratios are free of the variation between forks
 * (up to 1.5x on 2-core machines), which {@link ExecutionBenchmark}'s engines, one per fork,
 * are not. The primary score (the three runs and their instantiation) is not the measure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class BoundsCostBenchmark {
    @Param({"switch", "handles"})
    public String mode;

    @Param({"coremark", "fib_recursive", "sieve", "mandelbrot"})
    public String workload;

    private PreparedWorkload plain;
    private PreparedWorkload fuel;
    private PreparedWorkload deadline;

    /** Thread CPU per configuration, per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU ms of the plain runs. */
        public double plainCpuMs;
        /** CPU ms of the metered runs. */
        public double fuelCpuMs;
        /** CPU ms of the runs with a deadline. */
        public double deadlineCpuMs;
        /** Operations (each one run of each configuration). */
        public long runs;

        @Setup(Level.Iteration)
        public void reset() {
            plainCpuMs = 0;
            fuelCpuMs = 0;
            deadlineCpuMs = 0;
            runs = 0;
        }
    }

    @Setup(Level.Trial)
    public void prepare() {
        plain = prepare("weft-" + mode);
        fuel = prepare("weft-" + mode + "-fuel");
        deadline = prepare("weft-" + mode + "-deadline");
    }

    private PreparedWorkload prepare(String engine) {
        EngineKind e = EngineKind.of(engine);
        BroadWarmup.execution(e);
        return new PreparedWorkload(e, Workload.of(workload).measured());
    }

    @Benchmark
    public long run(Cpu cpu) {
        long r = 0;
        for (int i = 0; i < 3; i++) {
            int k = (int) ((cpu.runs + i) % 3); // each configuration first, second and third in turn
            PreparedWorkload p = k == 0 ? plain : k == 1 ? fuel : deadline;
            p.instantiate();
            long start = CpuClock.now();
            r += p.run();
            double ms = (CpuClock.now() - start) / 1e6;
            if (k == 0) {
                cpu.plainCpuMs += ms;
            } else if (k == 1) {
                cpu.fuelCpuMs += ms;
            } else {
                cpu.deadlineCpuMs += ms;
            }
        }
        cpu.runs++;
        return r;
    }
}
