package dev.weft;

/**
 * A module's bytes could not be turned into a runnable module: they are malformed,
 * invalid, or use a feature Weft does not support yet. {@link #offset()} tells where.
 */
public abstract sealed class ModuleException extends WeftException
        permits MalformedModuleException, InvalidModuleException, UnsupportedFeatureException {
    private static final long serialVersionUID = 1L;
    /** Where in the module binary the problem is, or -1. */
    private final long offset;
    /** The message without the offset. */
    private final String reason;

    /**
     * Creates the exception; the message is the reason followed by the offset in hexadecimal.
     *
     * @param reason what is wrong, in the specification's words where it has them
     * @param offset byte offset in the module binary, or -1 where no single byte is to blame
     */
    protected ModuleException(String reason, long offset) {
        super(offset >= 0 ? reason + " (at byte offset 0x" + Long.toHexString(offset) + ")" : reason);
        this.reason = reason;
        this.offset = offset;
    }

    /**
     * For errors whose position is not a byte offset of a binary (the text format's line and
     * column).
     *
     * @param reason what is wrong, in the specification's words where it has them
     * @param offset offset of the problem in its input, or -1
     * @param where where the problem is, appended to the message in parentheses
     */
    protected ModuleException(String reason, long offset, String where) {
        super(reason + " (" + where + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** {@return the byte offset in the module binary where the problem was found, or -1 if none applies} */
    public long offset() {
        return offset;
    }

    /** {@return the reason alone, without the offset (close to the spec test suite's expected text)} */
    public String reason() {
        return reason;
    }
}
