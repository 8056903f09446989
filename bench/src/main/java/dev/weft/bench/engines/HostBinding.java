package dev.weft.bench.engines;

/** The host functions a benchmark module imports; every engine binds the same behaviour. */
public enum HostBinding {
    /** No imports. */
    NONE,
    /** {@code env.add: (i32, i32) -> i32}, the wrapping sum: the host-call benchmark. */
    ADD,
    /**
     * The same {@code env.add}, bound on Weft as the Java method {@link #add} itself
     * ({@code Imports.Builder.function(module, name, MethodHandle)}) rather than a {@code HostFunction}
     * lambda. Chicory has no such binding: there it is {@link #ADD}.
     */
    ADD_BOUND,
    /**
     * {@code env.clock_ms: () -> i64} returning 0, 10000, 20000, ... (advancing 10 s per call):
     * makes {@code coremark-minimal.wasm} run exactly 30 iterations and return 2.0 (bench-wasm README).
     */
    FAKE_CLOCK,
    /**
     * Every function import bound to a host function that throws: lets modules that import
     * WASI (the large modules) be instantiated without running them.
     */
    TRAP_STUBS;

    public static final String MODULE = "env";
    public static final String ADD_NAME = "add";
    public static final String CLOCK_NAME = "clock_ms";
    /** Milliseconds the fake clock advances per call. */
    public static final long CLOCK_STEP_MS = 10_000;

    /**
     * @param a first addend
     * @param b second addend
     * @return the wrapping i32 sum
     */
    public static int add(int a, int b) {
        return a + b;
    }

    /** A fake clock for one instance. */
    public static final class FakeClock {
        private long calls;

        /** @return the next reading in milliseconds */
        public long next() {
            return CLOCK_STEP_MS * calls++;
        }
    }
}
