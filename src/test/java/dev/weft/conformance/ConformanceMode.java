package dev.weft.conformance;

/**
 * A way of running the spec tests: how each command kind is handled. {@code validate} only decodes
 * and validates; execution modes (one per dispatch mode) also instantiate and run, and keep the
 * script's state (instances, registered names) in their {@link ScriptRun}.
 */
public interface ConformanceMode {
    /** @return the mode's name, as written in {@code summary.json} (e.g. {@code validate}) */
    String name();

    /**
     * Starts a script. Its commands are then run in order on the returned object.
     *
     * @param script the script
     * @return the state of one run of the script
     */
    ScriptRun begin(SpecScript script);

    /** One run of one script: commands share its state and run in script order. */
    interface ScriptRun {
        /**
         * Runs one command. Must not throw: every exception is turned into an outcome, so that a
         * bug is reported as a failure of this command and the script goes on.
         *
         * @param command the next command
         * @return what happened
         */
        CommandOutcome run(SpecCommand command);
    }
}
