package dev.weft;

/**
 * A bug in Weft, caught at the edge of the API: something other than a documented
 * {@link WeftException} went wrong inside Weft while it parsed, instantiated or ran a module
 * (a valid module crashing the translator, say). Weft never lets such a failure escape as a
 * bare Java exception: it ends in this, with what Weft was doing, the function and byte offset
 * where they are known, and the original failure as the {@linkplain #getCause() cause}.
 *
 * <p>Please report it with the module. The engine and other instances stay usable; the module,
 * instance or call that failed should not be trusted.
 */
public final class InternalErrorException extends WeftException {
    private static final long serialVersionUID = 1L;
    /** The function concerned, or null. */
    private final String function;
    /** The byte offset concerned, or -1. */
    private final long offset;

    /**
     * Creates the exception for a failure of Weft's own.
     *
     * @param during what Weft was doing ("translating", "instantiating", "calling" ...)
     * @param function the function concerned (e.g. {@code "func 3"} or {@code "main (func 3)"}), or null if unknown
     * @param offset byte offset in the module binary (or, for calls, in the translated code), or -1 if unknown
     * @param cause the failure
     */
    public InternalErrorException(String during, String function, long offset, Throwable cause) {
        super(message(during, function, offset, cause), cause);
        this.function = function;
        this.offset = offset;
    }

    private static String message(String during, String function, long offset, Throwable cause) {
        StringBuilder b = new StringBuilder(128).append("internal error in Weft while ").append(during);
        if (function != null) {
            b.append(", in ").append(function);
        }
        if (offset >= 0) {
            b.append(" (at byte offset 0x").append(Long.toHexString(offset)).append(')');
        }
        b.append(": ").append(cause).append(" (a bug in Weft; please report it with the module)");
        return b.toString();
    }

    /** {@return the function concerned, or null if not known} */
    public String function() {
        return function;
    }

    /** {@return the byte offset where it happened (see the constructor), or -1 if not known} */
    public long offset() {
        return offset;
    }
}
