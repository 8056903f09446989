package dev.weft.cli;

/** Ends a command with an exit status and a one-line message for stderr (the cause is printed with --verbose). */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    CliFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
