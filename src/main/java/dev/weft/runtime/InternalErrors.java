package dev.weft.runtime;

import dev.weft.InternalErrorException;
import dev.weft.WeftException;

/**
 * The last line of defence at the edges of the API (instantiation, calls): what Weft throws on
 * purpose passes unchanged, and so do the exceptions a host function throws itself and the
 * {@link IllegalStateException} of a memory closed under a running call (both documented);
 * anything else is a bug in Weft and becomes an {@link InternalErrorException} saying where.
 * Errors ({@code OutOfMemoryError}, a host's {@code AssertionError}) are not touched.
 */
public final class InternalErrors {
    private InternalErrors() {
    }

    /** The exception the last failed host function threw on this thread (only set on that failure path). */
    private static final ThreadLocal<Throwable> HOST_FAILURE = new ThreadLocal<>();
    private static final String CLOSED_MEMORY = MemoryInstance.closedError().getMessage();
    /** What the Foreign Memory API says when a closed memory's freed storage is read. */
    private static final String CLOSED_STORAGE = "Already closed";

    /**
     * Call where a host function's exception leaves it: marks it as the host's own, so that
     * {@link #convert} lets it pass unchanged at every level it crosses.
     *
     * @param e what the host function threw
     * @return {@code e}
     */
    public static RuntimeException fromHost(RuntimeException e) {
        HOST_FAILURE.set(e);
        return e;
    }

    /**
     * @param t what escaped
     * @param during what Weft was doing, for the message ("running WebAssembly", "instantiating ...")
     * @param function the function concerned, or null
     * @param offset a byte offset (see {@link InternalErrorException#offset()}), or -1
     * @return {@code t} if it is documented to pass, else an {@link InternalErrorException} wrapping it
     * @throws Error if {@code t} is one
     */
    public static RuntimeException convert(Throwable t, String during, String function, long offset) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof WeftException w) {
            return w;
        }
        if (t instanceof RuntimeException re && (re == HOST_FAILURE.get() || closedMemory(re))) {
            return re;
        }
        return new InternalErrorException(during, function, offset, t);
    }

    private static boolean closedMemory(RuntimeException e) {
        return e instanceof IllegalStateException
                && (CLOSED_MEMORY.equals(e.getMessage()) || CLOSED_STORAGE.equals(e.getMessage()));
    }
}
