package dev.weft.bench;

import dev.weft.WasmModule;
import dev.weft.bench.engines.CompiledModule;
import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Guest;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Translators;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.BroadWarmup;
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

    private byte[] wasm;
    private int functions;

    @Setup(Level.Trial)
    public void read() {
        BroadWarmup.translation(Translators.of("weft"));
        wasm = BenchFiles.bytes(module);
        functions = WasmSections.of(wasm).definedFunctions();
    }

    @Benchmark
    public int parse() {
        int n = WasmModule.parse(wasm).definedFunctionCount();
        if (n != functions) {
            throw new WrongResultException(module + ": " + n + " functions, the function section has " + functions);
        }
        return n;
    }

    @Benchmark
    public boolean instance() {
        return toCallableInstance(wasm, module);
    }

    /**
     * Parses a WASI module, instantiates it with every import bound to a stub (nothing runs: the
     * large modules have no start section), checks that it exports {@code _start}, closes it.
     */
    static boolean toCallableInstance(byte[] wasm, String module) {
        CompiledModule compiled = EngineKind.of("weft-switch").compile(wasm);
        try (Guest g = compiled.instantiate(HostBinding.TRAP_STUBS)) {
            if (!g.exports("_start")) {
                throw new WrongResultException(module + " instance has no export _start");
            }
            return true;
        }
    }
}
