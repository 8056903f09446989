package dev.weft;

/**
 * Instantiation failed while resolving imports: an import is missing ("unknown import") or
 * has the wrong kind or type ("incompatible import type").
 */
public final class LinkException extends WeftException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, starting with the specification's wording
     */
    public LinkException(String message) {
        super(message);
    }
}
