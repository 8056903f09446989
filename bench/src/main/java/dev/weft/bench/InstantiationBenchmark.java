package dev.weft.bench;

import dev.weft.bench.engines.CompiledModule;
import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Guest;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.support.BenchFiles;
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
 * Instantiation of an already parsed (for Chicory's compiler: already compiled) module:
 * memories, tables, globals, data and element segments, import linking. The large modules
 * import WASI; every function import is bound to a stub that would throw (nothing runs: they
 * have no start section). Checked: the instance exports the module's entry function.
 * The stubs are built once, outside the timed part. Each instance is closed as the engine's
 * documentation asks of a host (for Weft this frees its memories at once, a JVM handshake; for
 * Chicory it does nothing), so the time is that of an instance's whole life without calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InstantiationBenchmark {
    @Param({"weft-switch", "weft-handles", "chicory-interpreter", "chicory-compiler"})
    public String engine;

    @Param({"coremark-fixed/cmfix-310.wasm", "large/pulldown-cmark.wasm", "large/spidermonkey.wasm"})
    public String module;

    private CompiledModule compiled;
    private HostBinding host;
    private String entry;

    @Setup(Level.Trial)
    public void prepare() {
        compiled = EngineKind.of(engine).compile(BenchFiles.bytes(module));
        boolean wasi = module.startsWith("large/");
        host = wasi ? HostBinding.TRAP_STUBS : HostBinding.NONE;
        entry = wasi ? "_start" : "run";
    }

    @Benchmark
    public boolean instantiate() {
        try (Guest g = compiled.instantiate(host)) {
            if (!g.exports(entry)) {
                throw new WrongResultException(module + " instance has no export " + entry);
            }
            return true;
        }
    }
}
