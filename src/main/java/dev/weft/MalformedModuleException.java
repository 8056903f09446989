package dev.weft;

/**
 * The bytes are not a WebAssembly binary: decoding failed (bad magic, truncated section,
 * over-long LEB128, unknown opcode, invalid UTF-8, ...). Matches the spec's "malformed".
 */
public final class MalformedModuleException extends ModuleException {
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
}
