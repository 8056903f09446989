package dev.weft.bench;

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
 * Cold load: the first {@code WasmModule.parse} of a module in a fresh JVM, as a command-line run
 * or a freshly started service sees it (Weft's classes loaded and run by the JVM's bytecode
 * interpreter and C1, not yet by C2). One measurement per fork, no warm-up: run it with many
 * forks ({@code -f 10}) and read the distribution. The module's bytes are read in the setup, so
 * only loading is timed (not the JVM's start, not the file read). Parsing is what a host needs
 * before instantiating: decode and validate (translation is lazy, per function, at first call).
 * {@link TranslationBenchmark} measures the warm case, with every function translated.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdLoadBenchmark {
    @Param({"large/spidermonkey.wasm"})
    public String module;

    private ModuleLoad load;

    @Setup(Level.Trial)
    public void read() {
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
