package dev.weft.code;

import dev.weft.FunctionType;
import dev.weft.ValueType;

import java.util.List;

/**
 * How values map to value slots: one 64-bit slot per value, except a v128, which takes two
 * consecutive slots (its low 64 bits first). Parameters, locals, results and operand temporaries
 * are laid out in order, each at the sum of the widths before it, so for signatures without v128
 * a value's slot is its index. Everything that reads or writes values in slots (the translator,
 * calls from and to the host, host functions' arguments) lays them out with these methods.
 */
public final class ValueSlots {
    private ValueSlots() {
    }

    /**
     * @param t a value type
     * @return the slots a value of type t takes: 2 for v128, else 1
     */
    public static int width(ValueType t) {
        return t == ValueType.V128 ? 2 : 1;
    }

    /**
     * @param types value types
     * @return the slots the values take together
     */
    public static int count(List<ValueType> types) {
        int n = 0;
        for (ValueType t : types) {
            n += width(t);
        }
        return n;
    }

    /**
     * @param types value types
     * @param index a value's index
     * @return the slot of value {@code index}, relative to the first value's
     */
    public static int offset(List<ValueType> types, int index) {
        int n = 0;
        for (int i = 0; i < index; i++) {
            n += width(types.get(i));
        }
        return n;
    }

    /**
     * @param t a function type
     * @return the slots its parameters take
     */
    public static int params(FunctionType t) {
        return count(t.params());
    }

    /**
     * @param t a function type
     * @return the slots its results take
     */
    public static int results(FunctionType t) {
        return count(t.results());
    }
}
