package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.GuestFunction;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.PreparedCalls;
import dev.weft.bench.support.WrongResultException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;

/**
 * Call overhead between Java and WebAssembly, after the {@link BroadWarmup}. Run with
 * {@code -prof gc} for bytes allocated per call ({@code gc.alloc.rate.norm}).
 * <ul>
 * <li>{@code exportCall}: Java calls the exported {@code add(i32, i32) -> i32} of {@code add.wat}
 * once per operation, through the function looked up once and kept in a field (Weft:
 * {@code handle().invokeExact}; Chicory: {@code apply}) — how an embedder holding an instance calls it.</li>
 * <li>{@code exportCallConstant}: the same, but the caller sits in a {@code static final} field,
 * so the JIT sees the method handle as a constant and can inline through it — the best case, for
 * an embedder with one instance for the life of the application.</li>
 * <li>{@code hostCall}: a round trip WebAssembly → Java → WebAssembly. One invocation calls
 * {@code loop(1000)} of {@code host_loop.wat}, which calls the imported Java {@code env.add}
 * 1000 times; JMH divides by 1000, so the score is per host call, including one Wasm loop
 * iteration (6 instructions of Weft's code) and the amortised entry from Java.</li>
 * <li>{@code hostCallBound}: the same, with {@code env.add} bound as the Java method itself
 * ({@code Imports.Builder.function(module, name, MethodHandle)}) instead of a {@code HostFunction}
 * lambda reading a {@code HostCall}: it must cost no more than {@code hostCall}. (Chicory binds
 * it as in {@code hostCall}.)</li>
 * </ul>
 * Every call's result is checked.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallBenchmark {
    private static final int HOST_CALLS = PreparedCalls.HOST_CALLS_PER_LOOP;
    private static final int HOST_LOOP_RESULT = PreparedCalls.HOST_LOOP_RESULT;

    @Param({"weft-switch", "weft-handles", "chicory-interpreter", "chicory-compiler"})
    public String engine;

    private IntBinaryOperator add;
    private GuestFunction loop;
    private GuestFunction boundLoop;
    private int x = 1;
    private final int y = 2;

    @Setup(Level.Trial)
    public void prepare() {
        EngineKind e = EngineKind.of(engine);
        BroadWarmup.execution(e);
        add = PreparedCalls.add(e);
        Pending.op = add;
        if (ConstantAdd.ADD != add) {
            throw new IllegalStateException("ConstantAdd initialised before its caller was set");
        }
        loop = PreparedCalls.hostLoop(e, HostBinding.ADD);
        boundLoop = PreparedCalls.hostLoop(e, HostBinding.ADD_BOUND);
    }

    @Benchmark
    public int exportCall() {
        int a = x++;
        int r = add.applyAsInt(a, y);
        if (r != a + y) {
            throw new WrongResultException("add(" + a + ", " + y + ") returned " + r);
        }
        return r;
    }

    @Benchmark
    public int exportCallConstant() {
        int a = x++;
        int r = ConstantAdd.ADD.applyAsInt(a, y);
        if (r != a + y) {
            throw new WrongResultException("add(" + a + ", " + y + ") returned " + r);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(HOST_CALLS)
    public long hostCall() {
        long r = loop.call(HOST_CALLS);
        if (r != HOST_LOOP_RESULT) {
            throw new WrongResultException("loop(" + HOST_CALLS + ") returned " + r + ", expected " + HOST_LOOP_RESULT);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(HOST_CALLS)
    public long hostCallBound() {
        long r = boundLoop.call(HOST_CALLS);
        if (r != HOST_LOOP_RESULT) {
            throw new WrongResultException("loop(" + HOST_CALLS + ") returned " + r + ", expected " + HOST_LOOP_RESULT);
        }
        return r;
    }

    /** Holds the caller in a static final field, initialised once per fork from the trial setup. */
    private static final class ConstantAdd {
        static final IntBinaryOperator ADD = Pending.op;
    }

    /** Where the trial setup leaves the caller before {@link ConstantAdd} is initialised. */
    private static final class Pending {
        static IntBinaryOperator op;
    }
}
