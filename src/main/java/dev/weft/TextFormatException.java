package dev.weft;

/**
 * The text is not a module (or script) in the WebAssembly text format: a lexical or syntax error,
 * an unknown identifier, a literal out of range. {@link #reason()} is the reference interpreter's
 * wording where the spec test suite checks it (for example {@code unknown operator},
 * {@code unexpected token}, {@code constant out of range}, {@code unknown label}); the message adds
 * the line and column.
 */
public final class TextFormatException extends MalformedModuleException {
    private static final long serialVersionUID = 1L;
    /** The line of the problem, from 1. */
    private final int line;
    /** The column of the problem, from 1, in bytes of UTF-8. */
    private final int column;

    /**
     * Creates the exception for a problem at a position in the text.
     *
     * @param reason what is wrong
     * @param line the line of the problem, from 1
     * @param column the column of the problem (in bytes of UTF-8), from 1
     * @param offset the offset of the problem in the text's UTF-8 bytes
     */
    public TextFormatException(String reason, int line, int column, long offset) {
        super(reason, offset, "at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /**
     * The line of the problem.
     *
     * @return the line, from 1
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem.
     *
     * @return the column, from 1, counted in bytes of UTF-8
     */
    public int column() {
        return column;
    }

    /**
     * The offset of the problem in the text (not in a binary).
     *
     * @return the offset in the text's UTF-8 bytes
     */
    @Override
    public long offset() {
        return super.offset();
    }
}
