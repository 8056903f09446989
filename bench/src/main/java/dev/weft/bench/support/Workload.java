package dev.weft.bench.support;

import dev.weft.bench.engines.Signature;

/**
 * The execution workloads: the run measured and a shorter run for the broad warm-up. Sizes are
 * taken from those listed in bench-wasm's expected.json so that a measured call takes 10 ms to
 * 1 s on Weft today (bench/README.md lists the times); CoreMark's size is the iteration
 * count of its cmfix file, and its warm-up is the 30-iteration fake-clock run of coremark-minimal.
 */
public enum Workload {
    COREMARK("coremark", RunSpec.coreMarkFixed(310), RunSpec.coreMarkFakeClock()),
    FIB_RECURSIVE("fib_recursive", wat("fib_recursive", Signature.I64_TO_I64, 30), wat("fib_recursive", Signature.I64_TO_I64, 25)),
    FIB_ITERATIVE("fib_iterative", wat("fib_iterative", Signature.I64_TO_I64, 1_000_000), wat("fib_iterative", Signature.I64_TO_I64, 1_000_000)),
    FOR_LOOP("for_loop", wat("for_loop", Signature.I32_TO_I32, 1_000_000), wat("for_loop", Signature.I32_TO_I32, 1_000_000)),
    SIEVE("sieve", wat("sieve", Signature.I32_TO_I32, 1_000_000), wat("sieve", Signature.I32_TO_I32, 100_000)),
    BUBBLE_SORT("bubble_sort", wat("bubble_sort", Signature.I32_TO_I32, 3000), wat("bubble_sort", Signature.I32_TO_I32, 1000)),
    CALL_HEAVY("call_heavy", wat("call_heavy", Signature.I32_TO_I32, 1_000_000), wat("call_heavy", Signature.I32_TO_I32, 100_000)),
    MANDELBROT("mandelbrot", wat("mandelbrot", Signature.I32_TO_I32, 200), wat("mandelbrot", Signature.I32_TO_I32, 100));

    private final String id;
    private final RunSpec measured;
    private final RunSpec warmup;

    Workload(String id, RunSpec measured, RunSpec warmup) {
        this.id = id;
        this.measured = measured;
        this.warmup = warmup;
    }

    private static RunSpec wat(String name, Signature signature, long arg) {
        return RunSpec.wat(name + ".wasm", name, signature, arg);
    }

    /** @return the id used in JMH's {@code workload} parameter */
    public String id() {
        return id;
    }

    /** @return the run that is measured */
    public RunSpec measured() {
        return measured;
    }

    /** @return the shorter run of the broad warm-up */
    public RunSpec warmup() {
        return warmup;
    }

    /**
     * @param id a parameter value such as {@code sieve}
     * @return the workload
     */
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'");
    }
}
