package dev.weft;

/**
 * Why a call trapped: every trap the WebAssembly specification defines, and the ways a host
 * bounds and stops a guest ({@link #OUT_OF_FUEL}, {@link #DEADLINE_EXCEEDED}, {@link #INTERRUPTED};
 * see {@link Execution}).
 */
public enum TrapKind {
    /** The {@code unreachable} instruction ran. */
    UNREACHABLE("unreachable"),
    /** Integer division or remainder by zero. */
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    /** Signed division overflow, or a float-to-integer conversion out of range. */
    INTEGER_OVERFLOW("integer overflow"),
    /** Float-to-integer conversion of NaN. */
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    /** Load, store or bulk operation outside linear memory. */
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    /** Table access outside the table. */
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    /** {@code call_indirect} to a function of another type. */
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    /** {@code call_indirect} to a null table element. */
    UNINITIALIZED_ELEMENT("uninitialized element"),
    /** {@code call_indirect} with an index outside the table. */
    UNDEFINED_ELEMENT("undefined element"),
    /** The call depth or value stack limit was reached. */
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** The call's fuel ran out (see {@link Execution#setFuel(long)} and {@link Engine.Builder#callFuel(long)}). */
    OUT_OF_FUEL("out of fuel"),
    /** The call ran past its deadline (see {@link Execution#setTimeout} and {@link Engine.Builder#callTimeout}). */
    DEADLINE_EXCEEDED("deadline exceeded"),
    /**
     * The call was stopped from outside: {@link Execution#interrupt()}, {@link Thread#interrupt()} of
     * the calling thread, or {@link Instance#close()} of an instance the call was running in.
     */
    INTERRUPTED("interrupted");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** {@return the specification's wording for this trap} */
    public String message() {
        return message;
    }
}
