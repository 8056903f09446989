package dev.weft.runtime;

import dev.weft.ValueType;
import dev.weft.exec.Machine;

import java.util.List;

/**
 * Boxed values in and out of a machine's value slots: Integer for i32, Long for i64, Float for
 * f32, Double for f64, a reference (or null) for funcref and externref.
 */
final class Values {
    private Values() {
    }

    /**
     * Checks and writes values into slots {@code base..}.
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
        for (int i = 0; i < values.length; i++) {
            ValueType t = types.get(i);
            Object a = values[i];
            try {
                switch (t) {
                    case I32 -> s[base + i] = (Integer) a;
                    case I64 -> s[base + i] = (Long) a;
                    case F32 -> s[base + i] = Float.floatToRawIntBits((Float) a);
                    case F64 -> s[base + i] = Double.doubleToRawLongBits((Double) a);
                    case FUNCREF -> {
                        if (a != null && !(a instanceof FunctionInstance)) {
                            throw new IllegalArgumentException(what + " " + i + " must be a WebAssembly function or null");
                        }
                        r[base + i] = a;
                    }
                    case EXTERNREF -> r[base + i] = a;
                    default -> throw new IllegalArgumentException("cannot pass a " + t.wasmName() + " " + what
                            + " from Java");
                }
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(what + " " + i + " must be a " + t.wasmName() + " value, got " + a, e);
            }
        }
    }

    /**
     * @param types the values' types
     * @param m the machine
     * @param base the first slot
     * @return the values in slots {@code base..}, boxed
     */
    static Object[] read(List<ValueType> types, Machine m, int base) {
        long[] s = m.slots();
        Object[] r = m.refs();
        Object[] values = new Object[types.size()];
        for (int i = 0; i < values.length; i++) {
            long v = s[base + i];
            values[i] = switch (types.get(i)) {
                case I32 -> (int) v;
                case I64 -> v;
                case F32 -> Float.intBitsToFloat((int) v);
                case F64 -> Double.longBitsToDouble(v);
                case FUNCREF, EXTERNREF -> r[base + i];
                default -> throw new IllegalStateException("cannot return a " + types.get(i).wasmName() + " to Java");
            };
        }
        return values;
    }
}
