package dev.weft.bench;

import dev.weft.bench.engines.Translators;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.ModuleLoad;
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
 * Warm load: a module loaded again in a JVM that has loaded modules before, as a service that
 * loads the modules its requests name sees it. {@code parse} decodes and validates (function
 * bodies on all cores; translation is lazy); {@code instance} goes on to a callable instance, as
 * {@link ColdLoadBenchmark#instance()} does. Wall clock, not the thread's CPU time: validation
 * runs on helper threads too, and the caller waits for them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WarmLoadBenchmark {
    @Param({"large/spidermonkey.wasm"})
    public String module;

    private ModuleLoad load;

    @Setup(Level.Trial)
    public void read() {
        BroadWarmup.translation(Translators.of("weft"));
        load = new ModuleLoad(module);
    }

    @Benchmark
    public int parse() {
        return load.parse();
    }

    @Benchmark
    public boolean instance() {
        return load.toCallableInstance();
    }
}
