package dev.weft.bench.support;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.GuestFunction;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Signature;

import java.util.function.IntBinaryOperator;

/**
 * CallBenchmark's two call paths as one timed run of a million calls, for {@code InterleavedAB}
 * (where two builds alternate in one JVM, which JMH's forks cannot do): {@code call:export}
 * calls the trivial export {@code add} of {@code add.wasm} from Java a million times;
 * {@code call:host} runs {@code loop(1000)} of {@code host_loop.wasm} a thousand times, a million
 * calls from WebAssembly of the Java host function {@code env.add}. Milliseconds per run are
 * then nanoseconds per call. Every result is checked.
 */
public final class PreparedCalls {
    /** The pseudo-program prefix InterleavedAB recognises. */
    public static final String PREFIX = "call:";
    /** The argument of each {@code loop} call: the host calls it makes. */
    public static final int HOST_CALLS_PER_LOOP = 1000;
    /** Σ i for i < 1000: what loop(1000) returns. */
    public static final int HOST_LOOP_RESULT = HOST_CALLS_PER_LOOP * (HOST_CALLS_PER_LOOP - 1) / 2;
    private static final int CALLS = 1_000_000;

    private final IntBinaryOperator add;
    private final GuestFunction loop;
    private int x = 1;

    /**
     * @param engine the engine
     * @param program {@code call:export} or {@code call:host}
     */
    public PreparedCalls(EngineKind engine, String program) {
        switch (program) {
            case PREFIX + "export" -> {
                add = add(engine);
                loop = null;
            }
            case PREFIX + "host" -> {
                add = null;
                loop = hostLoop(engine, HostBinding.ADD);
            }
            default -> throw new IllegalArgumentException("unknown call benchmark " + program + ": call:export or call:host");
        }
    }

    /**
     * @param engine the engine
     * @return the trivial export {@code add} of {@code add.wasm}, on a new instance
     */
    public static IntBinaryOperator add(EngineKind engine) {
        return engine.compile(BenchFiles.bundled("add.wasm")).instantiate(HostBinding.NONE).i32Binary("add");
    }

    /**
     * @param engine the engine
     * @param binding how the host function {@code env.add} is bound
     * @return {@code loop} of {@code host_loop.wasm}, on a new instance
     */
    public static GuestFunction hostLoop(EngineKind engine, HostBinding binding) {
        return engine.compile(BenchFiles.bundled("host_loop.wasm")).instantiate(binding).function("loop", Signature.I32_TO_I32);
    }

    /** A million calls, each result checked. */
    public void run() {
        if (add != null) {
            for (int i = 0; i < CALLS; i++) {
                int a = x++;
                int r = add.applyAsInt(a, 2);
                if (r != a + 2) {
                    throw new WrongResultException("add(" + a + ", 2) returned " + r);
                }
            }
            return;
        }
        for (int i = 0; i < CALLS / HOST_CALLS_PER_LOOP; i++) {
            long r = loop.call(HOST_CALLS_PER_LOOP);
            if (r != HOST_LOOP_RESULT) {
                throw new WrongResultException("loop(" + HOST_CALLS_PER_LOOP + ") returned " + r + ", expected " + HOST_LOOP_RESULT);
            }
        }
    }
}
