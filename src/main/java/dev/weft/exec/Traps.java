package dev.weft.exec;

import dev.weft.TrapException;
import dev.weft.TrapKind;

/** Creates trap exceptions from instruction semantics. */
final class Traps {
    private Traps() {
    }

    static TrapException divideByZero() {
        return new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }

    static TrapException overflow() {
        return new TrapException(TrapKind.INTEGER_OVERFLOW);
    }

    static TrapException invalidConversion() {
        return new TrapException(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }

    static TrapException memoryOutOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    static TrapException tableOutOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
}
