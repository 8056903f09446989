package dev.weft;

import java.util.ArrayList;
import java.util.List;

/**
 * A WebAssembly trap: execution stopped because an instruction failed ({@link #kind()} says
 * which way). The instance stays usable. {@link #wasmStackTrace()} lists the WebAssembly
 * functions that were active, innermost first, named from the module's {@code name} section
 * where it has one.
 */
public final class TrapException extends WeftException {
    private static final long serialVersionUID = 1L;
    /** The most frames {@link #wasmStackTrace()} lists. */
    public static final int MAX_FRAMES = 64;
    /** What failed. */
    private final TrapKind kind;
    private transient List<String> wasmStackTrace = List.of();

    /**
     * Creates a trap. Host functions may throw one to make the WebAssembly caller trap.
     *
     * @param kind the kind of trap
     */
    public TrapException(TrapKind kind) {
        this(kind, kind.message());
    }

    /**
     * Creates a trap with a message of its own, e.g. to say what a host function found wrong.
     *
     * @param kind the kind of trap
     * @param message a message starting with the kind's wording
     */
    public TrapException(TrapKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** {@return the kind of trap} */
    public TrapKind kind() {
        return kind;
    }

    /**
     * {@return the WebAssembly call stack at the trap, innermost first, e.g. {@code "app!fib (func 3)"}}
     * Module and function names come from the name section where it has them, else it says {@code "func 3"}.
     */
    public List<String> wasmStackTrace() {
        return wasmStackTrace;
    }

    /**
     * Internal: records WebAssembly frames the trap unwinds, innermost first. The executor calls
     * this each time the trap leaves one of its runs: a host function that called back into
     * WebAssembly separates the frames below it from those above, and each part is added in
     * turn. At most {@value #MAX_FRAMES} frames are kept.
     *
     * @param frames frames, innermost first
     * @return this
     */
    public TrapException withWasmStackTrace(List<String> frames) {
        if (!frames.isEmpty() && wasmStackTrace.size() < MAX_FRAMES) {
            List<String> all = new ArrayList<>(wasmStackTrace);
            all.addAll(frames);
            wasmStackTrace = List.copyOf(all.subList(0, Math.min(all.size(), MAX_FRAMES)));
        }
        return this;
    }

    @Override
    public String getMessage() {
        String m = super.getMessage();
        if (wasmStackTrace.isEmpty()) {
            return m;
        }
        StringBuilder b = new StringBuilder(m);
        for (String f : wasmStackTrace) {
            b.append("\n    at ").append(f);
        }
        return b.toString();
    }
}
