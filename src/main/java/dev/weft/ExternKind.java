package dev.weft;

/** The four kinds of importable and exportable things. */
public enum ExternKind {
    /** A function. */
    FUNCTION,
    /** A table of references. */
    TABLE,
    /** A linear memory. */
    MEMORY,
    /** A global variable. */
    GLOBAL
}
