package dev.weft;

import java.util.List;

/**
 * A WebAssembly trap: execution stopped because an instruction failed ({@link #kind()} says
 * which way). The instance stays usable. {@link #wasmStackTrace()} lists the WebAssembly
 * functions that were active, innermost first, named from the module's {@code name} section
 * where it has one.
 */
public final class TrapException extends WeftException {
    private static final long serialVersionUID = 1L;
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
     * @param kind the kind of trap
     * @param message a message starting with the kind's wording
     */
    public TrapException(TrapKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return the kind of trap */
    public TrapKind kind() {
        return kind;
    }

    /** @return the WebAssembly call stack at the trap, innermost first, e.g. {@code "fib (func 3) @12"} */
    public List<String> wasmStackTrace() {
        return wasmStackTrace;
    }

    /**
     * Internal: records the WebAssembly call stack once, when the trap leaves the executor.
     *
     * @param frames frames, innermost first
     * @return this
     */
    public TrapException withWasmStackTrace(List<String> frames) {
        if (wasmStackTrace.isEmpty()) {
            wasmStackTrace = List.copyOf(frames);
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
