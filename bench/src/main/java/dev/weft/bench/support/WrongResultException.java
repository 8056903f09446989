package dev.weft.bench.support;

/** A benchmark computed a wrong result: its time must not be reported. */
public final class WrongResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public WrongResultException(String message) {
        super(message);
    }
}
