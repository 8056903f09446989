package dev.weft.wasi;

/**
 * A WASI call failing with an errno: thrown inside Weft's host functions and turned into their
 * return value at the boundary ({@link Preview1}), never seen by the host. Carries no stack trace:
 * it is control flow, and guests may provoke it as often as they like.
 */
final class WasiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The errno value the call returns. */
    final int errno;

    WasiError(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }
}
