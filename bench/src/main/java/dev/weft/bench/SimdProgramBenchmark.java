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
 * SIMD against scalar code: the three corpus programs written for it ({@code image_filter},
 * {@code string_search}, {@code dot_matrix}), each built by clang without and with
 * {@code -msimd128} ({@code build=scalar|simd}; both print the same bytes), run as
 * {@link ProgramBenchmark} runs programs. Issue 15's target: the SIMD build must not be slower
 * than the scalar one on Weft, and should be at least 1.5x faster.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimdProgramBenchmark {
    @Param({"weft-switch", "weft-handles", "weft-compiled"})
    public String engine;

    @Param({"image_filter", "string_search", "dot_matrix"})
    public String program;

    @Param({"scalar", "simd"})
    public String build;

    private PreparedProgram prepared;

    @Setup(Level.Trial)
    public void prepare() {
        EngineKind e = EngineKind.of(engine);
        BroadWarmup.programs(e);
        Program p = Program.of(build.equals("simd") ? program + "-simd" : program);
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
