package dev.weft.bench;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Execution;
import dev.weft.Instance;
import dev.weft.ResumableCall;
import dev.weft.WasmModule;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.WrongResultException;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What suspending and resuming a call costs. A call of {@code spin} ({@code spin.wat}, a loop
 * branching to itself) runs with fuel for one iteration at a time: each operation adds that
 * fuel and resumes the call, which runs one iteration and suspends again for lack of fuel. So
 * the score is one suspend/resume round trip (plus one loop iteration, a few nanoseconds),
 * to compare with instantiating anew ({@link InstantiationBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResumeBenchmark {
    @Param({"weft-switch", "weft-handles"})
    public String engine;

    private Execution run;
    private ResumableCall call;
    private long iteration;

    @Setup
    public void start() {
        DispatchMode mode = engine.equals("weft-handles") ? DispatchMode.HANDLES : DispatchMode.SWITCH;
        Instance instance = Engine.builder().dispatch(mode).build()
                .instantiate(WasmModule.parse(BenchFiles.bundled("spin.wasm")));
        // spin never returns: start it with a little fuel, so that it suspends
        run = Execution.create().setFuel(1000);
        long before = run.fuel();
        // measure one iteration's fuel: run a while, then count
        call = run.start(instance.function("spin"));
        run.setFuel(0);
        call.resume();
        iteration = 0;
        for (long f = 1; iteration == 0; f++) {
            run.setFuel(f);
            call.resume();
            if (run.fuel() < f) {
                iteration = f - run.fuel();
            }
        }
        if (before <= 0 || call.state() != ResumableCall.State.OUT_OF_FUEL) {
            throw new WrongResultException("spin did not suspend: " + call.state());
        }
    }

    @Benchmark
    public long suspendResume() {
        run.addFuel(iteration);
        call.resume();
        if (call.state() != ResumableCall.State.OUT_OF_FUEL || run.fuel() >= iteration) {
            throw new WrongResultException("expected one iteration, then a suspension: " + call.state() + ", fuel " + run.fuel());
        }
        return run.fuel();
    }
}
