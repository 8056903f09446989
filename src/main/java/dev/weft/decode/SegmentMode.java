package dev.weft.decode;

/** How an element or data segment is used at instantiation. */
public enum SegmentMode {
    /** Copied into a table or memory at instantiation. */
    ACTIVE,
    /** Available to {@code table.init} / {@code memory.init} until dropped. */
    PASSIVE,
    /** Element segments only: declares function references, then is dropped. */
    DECLARATIVE
}
