package dev.weft;

/**
 * The module is valid WebAssembly but uses something this version of Weft cannot run yet
 * (for example SIMD instructions in the translator), or exceeds one of Weft's documented
 * implementation limits.
 */
public final class UnsupportedFeatureException extends ModuleException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what is not supported
     * @param offset byte offset in the binary, or -1
     */
    public UnsupportedFeatureException(String reason, long offset) {
        super(reason, offset);
    }
}
