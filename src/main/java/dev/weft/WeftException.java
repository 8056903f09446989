package dev.weft;

/**
 * Base type of every exception Weft throws on purpose: bad modules, failed links and traps.
 * Anything else escaping Weft is a bug.
 */
public class WeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message a message close to the WebAssembly specification's wording
     */
    public WeftException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message a message close to the WebAssembly specification's wording
     * @param cause the underlying cause
     */
    public WeftException(String message, Throwable cause) {
        super(message, cause);
    }
}
