package dev.weft;

/** Every trap the WebAssembly specification defines. */
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
    CALL_STACK_EXHAUSTED("call stack exhausted");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** @return the specification's wording for this trap */
    public String message() {
        return message;
    }
}
