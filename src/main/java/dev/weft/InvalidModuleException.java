package dev.weft;

/**
 * The binary decodes but breaks a validation rule (type mismatch, unknown index, bad
 * alignment, ...). Matches the spec's "invalid".
 */
public final class InvalidModuleException extends ModuleException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason which rule is broken
     * @param offset byte offset of the offending instruction or entry, or -1
     */
    public InvalidModuleException(String reason, long offset) {
        super(reason, offset);
    }
}
