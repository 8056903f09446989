package dev.weft.bench.support;

import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Signature;

/**
 * One call to benchmark: which module, export and argument, what the host binds, and how the
 * result is checked.
 *
 * @param file the module, relative to bench-wasm
 * @param export the export called
 * @param signature its type
 * @param arg its argument (ignored for {@link Signature#NONE_TO_F32})
 * @param host the host functions it imports
 * @param check how the result is verified
 */
public record RunSpec(String file, String export, Signature signature, long arg, HostBinding host, Check check) {

    /** How a result is verified. */
    public sealed interface Check {
    }

    /** The result must equal {@code value} (raw f32 bits for {@link Signature#NONE_TO_F32}). */
    public record Equals(long value) implements Check {
    }

    /** A fixed-workload CoreMark run of {@code iterations}: see {@link CoreMarkCheck}. */
    public record CoreMarkRecord(long iterations) implements Check {
    }

    /**
     * A call of a bench-wasm WAT module's export with its expected.json result.
     *
     * @param file the module
     * @param export the export
     * @param signature its type
     * @param arg the argument, one listed in expected.json
     * @return the spec
     */
    public static RunSpec wat(String file, String export, Signature signature, long arg) {
        return new RunSpec(file, export, signature, arg, HostBinding.NONE, new Equals(ExpectedResults.of(file, export, arg)));
    }

    /**
     * @param iterations 310, 1210 or 12110
     * @return a run of {@code coremark-fixed/cmfix-N.wasm}
     */
    public static RunSpec coreMarkFixed(long iterations) {
        return new RunSpec("coremark-fixed/cmfix-" + iterations + ".wasm", "run", Signature.NONE_TO_F32, 0, HostBinding.NONE,
                new CoreMarkRecord(iterations));
    }

    /** @return {@code coremark-minimal.wasm} with the fake clock: 30 iterations, returns exactly 2.0 */
    public static RunSpec coreMarkFakeClock() {
        return new RunSpec("coremark-minimal.wasm", "run", Signature.NONE_TO_F32, 0, HostBinding.FAKE_CLOCK,
                new Equals(Float.floatToRawIntBits(2.0f)));
    }
}
