package dev.weft;

/**
 * The bytes are not a WebAssembly binary: decoding failed (bad magic, truncated section,
 * over-long LEB128, unknown opcode, invalid UTF-8, ...). Matches the spec's "malformed". Text
 * that is not a module in the text format is malformed too: a {@link TextFormatException}.
 */
public sealed class MalformedModuleException extends ModuleException permits TextFormatException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what is malformed
     * @param offset byte offset in the binary
     */
    public MalformedModuleException(String reason, long offset) {
        super(reason, offset);
    }

    MalformedModuleException(String reason, long offset, String where) {
        super(reason, offset, where);
    }
}
