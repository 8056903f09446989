package dev.weft.conformance;

import dev.weft.ModuleException;
import dev.weft.WeftException;

/**
 * What happened when a mode ran one command.
 *
 * @param status passed, failed or skipped
 * @param detail why it failed or was skipped (null when passed)
 * @param cause the exception behind a failure, if any
 * @param rejection for a module that was rejected, the exception (its reason is compared with the
 *     command's expected text); null otherwise
 */
public record CommandOutcome(Status status, String detail, Throwable cause, ModuleException rejection) {
    /** The three results a command can have; skipped is never counted as passed. */
    public enum Status {
        /** The command behaved as the script says. */
        PASSED,
        /** It did not. */
        FAILED,
        /** The mode cannot run this command (text format, or it needs execution). */
        SKIPPED
    }

    /** @return a plain pass */
    public static CommandOutcome passed() {
        return new CommandOutcome(Status.PASSED, null, null, null);
    }

    /**
     * @param rejection the exception the expected rejection threw
     * @return a pass whose rejection reason can be compared with the expected text
     */
    public static CommandOutcome rejectedAsExpected(ModuleException rejection) {
        return new CommandOutcome(Status.PASSED, null, null, rejection);
    }

    /**
     * @param detail what went wrong
     * @param cause the exception, or null
     * @return a failure
     */
    public static CommandOutcome failed(String detail, Throwable cause) {
        return new CommandOutcome(Status.FAILED, detail, cause,
                cause instanceof ModuleException m ? m : null);
    }

    /**
     * @param detail why the mode cannot run the command
     * @return a skip
     */
    public static CommandOutcome skipped(String detail) {
        return new CommandOutcome(Status.SKIPPED, detail, null, null);
    }

    /** @return true if the failure is an exception that is not a {@link WeftException}: a bug, whatever the script says */
    public boolean escaped() {
        return cause != null && !(cause instanceof WeftException);
    }
}
