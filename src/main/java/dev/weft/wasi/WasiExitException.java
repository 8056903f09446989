package dev.weft.wasi;

import dev.weft.WeftException;

/**
 * Thrown by the {@code proc_exit} host function to end a WASI program: it unwinds the guest's
 * WebAssembly stack back to the host that called into it. {@link Wasi#runStart} catches it and
 * returns {@link #exitCode()}; a host calling other exports of a WASI guest should catch it the
 * same way. The JVM is never exited. After it, the guest's state is whatever it was when it
 * called {@code proc_exit}; a WASI program is not meant to be called again.
 */
public final class WasiExitException extends WeftException {
    private static final long serialVersionUID = 1L;
    /** The code the guest passed to {@code proc_exit}. */
    private final int exitCode;

    /**
     * Creates the exception {@code proc_exit} throws.
     *
     * @param exitCode the guest's exit code, as passed to {@code proc_exit} (a u32, here as an int)
     */
    public WasiExitException(int exitCode) {
        super("proc_exit(" + Integer.toUnsignedString(exitCode) + ")");
        this.exitCode = exitCode;
    }

    /**
     * Returns the guest's exit code.
     *
     * @return the code the guest passed to {@code proc_exit} (0 means success)
     */
    public int exitCode() {
        return exitCode;
    }
}
