package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link WasmFunction#call} with boxed values and {@link WasmFunction#handle()} of the exact Java type. */
class CallApiTest {
    private static final ValueType[] CYCLE = {ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64};
    private static final float SIGNALLING_NAN_F32 = Float.intBitsToFloat(0x7fa0_0000);
    private static final double SIGNALLING_NAN_F64 = Double.longBitsToDouble(0x7ff4_0000_0000_0001L);

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void callWithBoxedValuesOfEveryType(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "calls");
        assertArrayEquals(new Object[] {-7}, instance.function("i32").call(-7));
        assertArrayEquals(new Object[] {Long.MIN_VALUE}, instance.function("i64").call(Long.MIN_VALUE));
        assertArrayEquals(new Object[] {1.5f}, instance.function("f32").call(1.5f));
        assertArrayEquals(new Object[] {-0.0}, instance.function("f64").call(-0.0));
        Object token = new Object();
        assertSame(token, instance.function("externref").call(token)[0]);
        WasmFunction add = instance.function("add");
        assertSame(add, instance.function("funcref").call(add)[0]);
        assertNull(instance.function("funcref").call((Object) null)[0]);
        assertArrayEquals(new Object[] {0}, instance.function("is_null").call(add));
        assertArrayEquals(new Object[] {}, instance.function("void").call(5));
        assertEquals(5, instance.global("last").getI32());
        assertArrayEquals(new Object[] {}, instance.function("nothing").call());
        assertArrayEquals(new Object[] {2.5, -1.5f, 3L, 4}, instance.function("swap").call(4, 3L, -1.5f, 2.5));
        assertArrayEquals(new Object[] {add, token}, instance.function("refs").call(token, add));
        assertSame(token, instance.function("pick").call(1, token)[0]);
        assertNull(instance.function("pick").call(0, token)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void wrongArgumentsAreIllegalArgumentExceptions(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "calls");
        WasmFunction add = instance.function("add");
        List<Runnable> wrong = List.of(
                () -> add.call(1),
                () -> add.call(1, 2, 3),
                () -> add.call(),
                () -> add.call(1, 2L),
                () -> add.call(1, null),
                () -> add.call("1", 2),
                () -> instance.function("i64").call(1),
                () -> instance.function("f32").call(1.0),
                () -> instance.function("f64").call(1.0f),
                () -> instance.function("funcref").call("not a function"),
                () -> instance.function("funcref").call(new Object()),
                () -> instance.function("swap").call(1, 2L, 3f, 4f));
        for (int i = 0; i < wrong.size(); i++) {
            assertThrows(IllegalArgumentException.class, wrong.get(i)::run, "case " + i);
        }
        assertEquals(3, add.call(1, 2)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void exportLookups(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "calls");
        assertEquals("no export named 'missing'",
                assertThrows(IllegalArgumentException.class, () -> instance.function("missing")).getMessage());
        assertEquals("export 'last' is not a function",
                assertThrows(IllegalArgumentException.class, () -> instance.function("last")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> instance.global("add"));
        assertThrows(IllegalArgumentException.class, () -> instance.memory("add"));
        assertThrows(IllegalArgumentException.class, () -> instance.table("last"));
        assertSame(instance.function("add"), instance.exports().get("add"));
        assertSame(instance.global("last"), instance.exports().get("last"));
        assertThrows(UnsupportedOperationException.class, () -> instance.exports().clear());
    }

    /** The Java class of a parameter or single result of type t. */
    private static Class<?> javaType(ValueType t) {
        return switch (t) {
            case I32 -> int.class;
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            default -> Object.class;
        };
    }

    private static Object box(ValueType t, int v) {
        return switch (t) {
            case I32 -> v;
            case I64 -> (long) v;
            case F32 -> (float) v;
            case F64 -> (double) v;
            default -> throw new AssertionError(t);
        };
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void handlesOfZeroToEightParametersHaveTheExactType(RunMode mode) throws Throwable {
        Instance instance = TestWasm.instance(mode, "calls");
        for (int n = 0; n <= 8; n++) {
            WasmFunction f = instance.function("p" + n);
            List<Class<?>> params = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            double expected = 0;
            for (int k = 0; k < n; k++) {
                ValueType t = CYCLE[(k + n) % 4];
                params.add(javaType(t));
                int v = (k % 2 == 0 ? 1 : -1) * (10 * k + 3); // distinct, signed, exact in every type
                args.add(box(t, v));
                expected += (k + 1) * (double) v;
            }
            MethodHandle h = f.handle();
            assertEquals(MethodType.methodType(double.class, params), h.type(), "p" + n);
            assertSame(h, f.handle());
            assertEquals(expected, (double) h.invokeWithArguments(args), "p" + n);
            assertEquals(expected, f.call(args.toArray())[0], "p" + n);
        }
        // and invokeExact spelled out, which is what callers write
        assertEquals(0.0, (double) instance.function("p0").handle().invokeExact());
        assertEquals(2.5 * 1 + 2 * 2 + 7 * 3, (double) instance.function("p3").handle().invokeExact(2.5, 2, 7L));
        assertEquals(1 + 2 * 2 + 3 * 3 + 4 * 4 + 5 * 5 + 6 * 6 + 7 * 7 + 8 * 8,
                (double) instance.function("p8").handle().invokeExact(1, 2L, 3f, 4.0, 5, 6L, 7f, 8.0));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void handlesOfOtherShapes(RunMode mode) throws Throwable {
        Instance instance = TestWasm.instance(mode, "calls");
        MethodHandle add = instance.function("add").handle();
        assertEquals(MethodType.methodType(int.class, int.class, int.class), add.type());
        assertEquals(Integer.MIN_VALUE, (int) add.invokeExact(Integer.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE, (long) instance.function("i64").handle().invokeExact(Long.MAX_VALUE));
        MethodHandle v = instance.function("void").handle();
        assertEquals(MethodType.methodType(void.class, int.class), v.type());
        v.invokeExact(99);
        assertEquals(99, instance.global("last").getI32());
        instance.function("nothing").handle().invokeExact();
        MethodHandle swap = instance.function("swap").handle();
        assertEquals(MethodType.methodType(Object[].class, int.class, long.class, float.class, double.class), swap.type());
        assertArrayEquals(new Object[] {8.0, 7f, 6L, 5}, (Object[]) swap.invokeExact(5, 6L, 7f, 8.0));
        Object token = "token";
        MethodHandle pick = instance.function("pick").handle();
        assertEquals(MethodType.methodType(Object.class, int.class, Object.class), pick.type());
        assertSame(token, (Object) pick.invokeExact(1, token));
        assertNull((Object) pick.invokeExact(0, token));
        MethodHandle refs = instance.function("refs").handle();
        WasmFunction f = instance.function("add");
        assertArrayEquals(new Object[] {f, token}, (Object[]) refs.invokeExact(token, (Object) f));
        MethodHandle isNull = instance.function("is_null").handle();
        assertEquals(1, (int) isNull.invokeExact((Object) null));
        // more parameters than the fast path takes: still the exact type
        MethodHandle p10 = instance.function("p10").handle();
        assertEquals(MethodType.methodType(int.class, java.util.Collections.nCopies(10, int.class)), p10.type());
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10, (int) p10.invokeExact(1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void twelveParametersAndResultsThroughWasmAndTheHost(RunMode mode) throws Throwable {
        ValueType[] types = new ValueType[12];
        for (int i = 0; i < 12; i++) {
            types[i] = CYCLE[i % 4];
        }
        ValueType[] reversed = new ValueType[12];
        for (int i = 0; i < 12; i++) {
            reversed[i] = types[11 - i];
        }
        Imports imports = Imports.builder().function("env", "reverse", FunctionType.of(types, reversed), c -> {
            for (int i = 0; i < 12; i++) {
                switch (types[i]) {
                    case I32 -> c.setI32(11 - i, c.i32(i));
                    case I64 -> c.setI64(11 - i, c.i64(i));
                    case F32 -> c.setF32(11 - i, c.f32(i));
                    case F64 -> c.setF64(11 - i, c.f64(i));
                    default -> throw new AssertionError();
                }
            }
        }).build();
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("wide_signatures"), imports);
        Object[] args = new Object[12];
        Object[] expected = new Object[12];
        for (int i = 0; i < 12; i++) {
            args[i] = box(types[i], 100 + i);
            expected[11 - i] = args[i];
        }
        assertArrayEquals(expected, instance.function("twelve").call(args));
        assertArrayEquals(expected, (Object[]) instance.function("twelve").handle().invokeWithArguments(args));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void nanPayloadsPassBitExactly(RunMode mode) throws Throwable {
        Instance instance = TestWasm.instance(mode, "calls");
        for (String f : List.of("f32", "f32_mem")) {
            MethodHandle h = instance.function(f).handle();
            for (int bits : new int[] {0x7fa0_0000, 0xff80_0001, 0x7fff_ffff, 0xffc0_0000, 0x7fc0_1234}) {
                float in = Float.intBitsToFloat(bits);
                assertEquals(bits, Float.floatToRawIntBits((float) h.invokeExact(in)), f + " " + Integer.toHexString(bits));
                assertEquals(bits, Float.floatToRawIntBits((Float) instance.function(f).call(in)[0]), f + " " + Integer.toHexString(bits));
            }
        }
        for (String f : List.of("f64", "f64_mem")) {
            MethodHandle h = instance.function(f).handle();
            for (long bits : new long[] {0x7ff4_0000_0000_0001L, 0xfff0_0000_0000_0001L, 0x7fff_ffff_ffff_ffffL, 0xfff8_0000_0000_0000L}) {
                double in = Double.longBitsToDouble(bits);
                assertEquals(bits, Double.doubleToRawLongBits((double) h.invokeExact(in)), f + " " + Long.toHexString(bits));
                assertEquals(bits, Double.doubleToRawLongBits((Double) instance.function(f).call(in)[0]), f + " " + Long.toHexString(bits));
            }
        }
        // in several results, too
        Object[] r = instance.function("swap").call(0, 0L, SIGNALLING_NAN_F32, SIGNALLING_NAN_F64);
        assertEquals(Double.doubleToRawLongBits(SIGNALLING_NAN_F64), Double.doubleToRawLongBits((Double) r[0]));
        assertEquals(Float.floatToRawIntBits(SIGNALLING_NAN_F32), Float.floatToRawIntBits((Float) r[1]));
        assertTrue(Float.isNaN((Float) r[1]));
    }
}
