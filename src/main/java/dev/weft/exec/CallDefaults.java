package dev.weft.exec;

/**
 * The bounds of calls made without an {@link ExecutionState} (through {@code WasmFunction.call}
 * or {@code handle()}): an engine's settings.
 *
 * @param fuel fuel given to each such call, or -1 for no metering
 * @param timeoutNanos each such call's timeout in nanoseconds, or 0 for none
 */
public record CallDefaults(long fuel, long timeoutNanos) {
    /** No fuel metering, no timeout. */
    public static final CallDefaults NONE = new CallDefaults(-1, 0);
}
