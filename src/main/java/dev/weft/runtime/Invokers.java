package dev.weft.runtime;

import dev.weft.FunctionType;
import dev.weft.V128;
import dev.weft.ValueType;
import dev.weft.WasmFunction;
import dev.weft.exec.Machine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Builds {@link WasmFunction#handle()}: for numeric signatures with at most
 * {@value WasmFunction#MAX_FAST_PARAMS} parameters and one or no result, a raw invoker of
 * that arity (arguments and result as 64-bit slot values, no allocation) adapted to the exact
 * Java types by argument and return filters; for other signatures (v128 and references
 * included), the boxed {@link WasmFunction#call} adapted the same way.
 */
final class Invokers {
    private Invokers() {
    }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle[] RAW = new MethodHandle[WasmFunction.MAX_FAST_PARAMS + 1];
    private static final MethodHandle FROM_INT;
    private static final MethodHandle FROM_FLOAT;
    private static final MethodHandle FROM_DOUBLE;
    private static final MethodHandle TO_INT;
    private static final MethodHandle TO_FLOAT;
    private static final MethodHandle TO_DOUBLE;
    private static final MethodHandle CALL;
    private static final MethodHandle FIRST;

    static {
        try {
            for (int n = 0; n < RAW.length; n++) {
                Class<?>[] params = new Class<?>[n + 1];
                params[0] = FunctionInstance.class;
                java.util.Arrays.fill(params, 1, n + 1, long.class);
                RAW[n] = LOOKUP.findStatic(Invokers.class, "invoke" + n, MethodType.methodType(long.class, params));
            }
            FROM_INT = LOOKUP.findStatic(Invokers.class, "fromInt", MethodType.methodType(long.class, int.class));
            FROM_FLOAT = LOOKUP.findStatic(Invokers.class, "fromFloat", MethodType.methodType(long.class, float.class));
            FROM_DOUBLE = LOOKUP.findStatic(Invokers.class, "fromDouble", MethodType.methodType(long.class, double.class));
            TO_INT = LOOKUP.findStatic(Invokers.class, "toInt", MethodType.methodType(int.class, long.class));
            TO_FLOAT = LOOKUP.findStatic(Invokers.class, "toFloat", MethodType.methodType(float.class, long.class));
            TO_DOUBLE = LOOKUP.findStatic(Invokers.class, "toDouble", MethodType.methodType(double.class, long.class));
            CALL = LOOKUP.findVirtual(FunctionInstance.class, "call", MethodType.methodType(Object[].class, Object[].class));
            FIRST = LOOKUP.findStatic(Invokers.class, "first", MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static MethodHandle handleFor(FunctionInstance f) {
        FunctionType t = f.type;
        MethodType exact = exactType(t);
        if (fast(t)) {
            MethodHandle h = MethodHandles.insertArguments(RAW[t.paramCount()], 0, f);
            MethodHandle[] filters = new MethodHandle[t.paramCount()];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = switch (t.param(i)) {
                    case I32 -> FROM_INT;
                    case F32 -> FROM_FLOAT;
                    case F64 -> FROM_DOUBLE;
                    default -> null;
                };
            }
            h = MethodHandles.filterArguments(h, 0, filters);
            if (t.resultCount() == 0) {
                h = MethodHandles.dropReturn(h);
            } else {
                switch (t.result(0)) {
                    case I32 -> h = MethodHandles.filterReturnValue(h, TO_INT);
                    case F32 -> h = MethodHandles.filterReturnValue(h, TO_FLOAT);
                    case F64 -> h = MethodHandles.filterReturnValue(h, TO_DOUBLE);
                    default -> {
                    }
                }
            }
            return h.asType(exact);
        }
        MethodHandle h = CALL.bindTo(f).asCollector(Object[].class, t.paramCount());
        if (t.resultCount() == 0) {
            h = MethodHandles.dropReturn(h);
        } else if (t.resultCount() == 1) {
            h = MethodHandles.filterReturnValue(h, FIRST);
        }
        return h.asType(exact);
    }

    private static boolean fast(FunctionType t) {
        if (t.paramCount() > WasmFunction.MAX_FAST_PARAMS || t.resultCount() > 1) {
            return false;
        }
        for (int i = 0; i < t.paramCount(); i++) {
            if (!numeric(t.param(i))) {
                return false;
            }
        }
        return t.resultCount() == 0 || numeric(t.result(0));
    }

    private static boolean numeric(ValueType v) {
        return v == ValueType.I32 || v == ValueType.I64 || v == ValueType.F32 || v == ValueType.F64;
    }

    static MethodType exactType(FunctionType t) {
        Class<?>[] params = new Class<?>[t.paramCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = javaType(t.param(i));
        }
        Class<?> result = t.resultCount() == 0 ? void.class : t.resultCount() == 1 ? javaType(t.result(0)) : Object[].class;
        return MethodType.methodType(result, params);
    }

    private static Class<?> javaType(ValueType v) {
        return switch (v) {
            case I32 -> int.class;
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case V128 -> V128.class;
            default -> Object.class;
        };
    }

    private static Object first(Object[] results) {
        return results[0];
    }

    private static long fromInt(int v) {
        return v;
    }

    private static long fromFloat(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long fromDouble(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static int toInt(long v) {
        return (int) v;
    }

    private static float toFloat(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static double toDouble(long v) {
        return Double.longBitsToDouble(v);
    }

    // Raw invokers: arguments into the thread's value stack, run, result out of slot 0.

    private static long invoke0(FunctionInstance f) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke1(FunctionInstance f, long a) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        m.slots()[base] = a;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke2(FunctionInstance f, long a, long b) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke3(FunctionInstance f, long a, long b, long c) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke4(FunctionInstance f, long a, long b, long c, long d) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        s[base + 3] = d;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke5(FunctionInstance f, long a, long b, long c, long d, long e) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        s[base + 3] = d;
        s[base + 4] = e;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke6(FunctionInstance f, long a, long b, long c, long d, long e, long g) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        s[base + 3] = d;
        s[base + 4] = e;
        s[base + 5] = g;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke7(FunctionInstance f, long a, long b, long c, long d, long e, long g, long h) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        s[base + 3] = d;
        s[base + 4] = e;
        s[base + 5] = g;
        s[base + 6] = h;
        m.invoke(f, base);
        return m.slots()[base];
    }

    private static long invoke8(FunctionInstance f, long a, long b, long c, long d, long e, long g, long h, long i) {
        Machine m = f.machine();
        int base = m.reserve(f.callSlots);
        long[] s = m.slots();
        s[base] = a;
        s[base + 1] = b;
        s[base + 2] = c;
        s[base + 3] = d;
        s[base + 4] = e;
        s[base + 5] = g;
        s[base + 6] = h;
        s[base + 7] = i;
        m.invoke(f, base);
        return m.slots()[base];
    }
}
