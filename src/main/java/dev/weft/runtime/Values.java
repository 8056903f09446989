package dev.weft.runtime;

import dev.weft.V128;
import dev.weft.ValueType;
import dev.weft.code.ValueSlots;
import dev.weft.exec.Machine;

import java.util.List;

/**
 * Boxed values in and out of a machine's value slots: Integer for i32, Long for i64, Float for
 * f32, Double for f64, {@link V128} for v128 (two slots, see {@link ValueSlots}), a reference (or
 * null) for funcref and externref.
 */
final class Values {
    private Values() {
    }

    /**
     * Checks and writes values into slots {@code base..}, laid out as {@link ValueSlots} says.
     *
     * @param types their types
     * @param values the values, one per type
     * @param m the machine
     * @param base the first slot
     * @param what "argument" or "result", for messages
     * @throws IllegalArgumentException if a value does not match its type
     */
    static void write(List<ValueType> types, Object[] values, Machine m, int base, String what) {
        if (values.length != types.size()) {
            throw new IllegalArgumentException("expected " + types.size() + " " + what + "s " + types + ", got "
                    + values.length);
        }
        long[] s = m.slots();
        Object[] r = m.refs();
        int at = base;
        for (int i = 0; i < values.length; i++) {
            ValueType t = types.get(i);
            Object a = values[i];
            try {
                switch (t) {
                    case I32 -> s[at] = (Integer) a;
                    case I64 -> s[at] = (Long) a;
                    case F32 -> s[at] = Float.floatToRawIntBits((Float) a);
                    case F64 -> s[at] = Double.doubleToRawLongBits((Double) a);
                    case V128 -> {
                        V128 v = (V128) a;
                        s[at] = v.low();
                        s[at + 1] = v.high();
                    }
                    case FUNCREF -> {
                        if (a != null && !(a instanceof FunctionInstance)) {
                            throw new IllegalArgumentException(what + " " + i + " must be a WebAssembly function or null");
                        }
                        r[at] = a;
                    }
                    case EXTERNREF -> r[at] = a;
                }
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(what + " " + i + " must be a " + t.wasmName() + " value, got " + a, e);
            }
            at += ValueSlots.width(t);
        }
    }

    /**
     * @param types the values' types
     * @param m the machine
     * @param base the first slot
     * @return the values in slots {@code base..} (laid out as {@link ValueSlots} says), boxed
     */
    static Object[] read(List<ValueType> types, Machine m, int base) {
        long[] s = m.slots();
        Object[] r = m.refs();
        Object[] values = new Object[types.size()];
        int at = base;
        for (int i = 0; i < values.length; i++) {
            long v = s[at];
            ValueType t = types.get(i);
            values[i] = switch (t) {
                case I32 -> (int) v;
                case I64 -> v;
                case F32 -> Float.intBitsToFloat((int) v);
                case F64 -> Double.longBitsToDouble(v);
                case V128 -> new V128(v, s[at + 1]);
                case FUNCREF, EXTERNREF -> r[at];
            };
            at += ValueSlots.width(t);
        }
        return values;
    }
}
