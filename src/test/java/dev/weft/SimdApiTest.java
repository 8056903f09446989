package dev.weft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * v128 values through the API: {@link V128} itself, {@link WasmFunction#call} and
 * {@link WasmFunction#handle()} with v128 parameters and results (alone and among other values,
 * whose slots a v128 shifts), host functions with v128 in their signature (through
 * {@link HostCall} and bound from a Java method), v128 globals; and v128 values crossing blocks,
 * loops, br_table and call_indirect, in both dispatch modes.
 */
class SimdApiTest {
    private static final String MODULE = """
            (module
              (type $vv (func (param v128) (result v128)))
              (import "env" "twice" (func $twice (param i32 v128 i64) (result v128 i32)))
              (import "env" "typed" (func $typed (param v128 f64) (result v128)))
              (import "env" "g" (global $g (mut v128)))
              (global $own (export "own") v128 (v128.const i32x4 1 2 3 4))
              (table 2 funcref)
              (elem (i32.const 0) $neg $id)
              (func $id (export "id") (type $vv) (local.get 0))
              (func $neg (type $vv) (i32x4.neg (local.get 0)))
              (func (export "multi") (param i32 v128 f32 v128) (result v128 i64 v128 f32)
                (local.get 3) (i64.extend_i32_s (local.get 0)) (local.get 1) (local.get 2))
              (func (export "via_host") (param $x v128) (result v128 i32)
                (call $twice (i32.const 7) (local.get $x) (i64.const -1)))
              (func (export "via_typed") (param v128) (result v128)
                (call $typed (local.get 0) (f64.const 0.5)))
              (func (export "swap_global") (param v128) (result v128)
                (global.get $g) (global.set $g (local.get 0)))
              (func (export "loop_sum") (param $n i32) (result v128)
                (v128.const i32x4 0 0 0 0)
                (loop $l (param v128) (result v128)
                  (i32x4.add (v128.const i32x4 1 2 3 4))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $l (local.get $n))))
              (func (export "table") (param $i i32) (param $a v128) (param $b v128) (result v128)
                (block $x (result v128)
                  (block $y (result v128)
                    (br_table $x $y $x (local.get $a) (local.get $i)))
                  (local.get $b)
                  (i32x4.add)))
              (func (export "indirect") (param $f i32) (param $v v128) (result v128)
                (call_indirect (type $vv) (local.get $v) (local.get $f))))
            """;

    /** A Java method bound as a host function: v128 parameters and result. */
    public static V128 scale(V128 v, double factor) {
        return V128.f32x4((float) (v.f32(0) * factor), (float) (v.f32(1) * factor), (float) (v.f32(2) * factor),
                (float) (v.f32(3) * factor));
    }

    private static Instance instance(DispatchMode mode, Global g) throws ReflectiveOperationException {
        MethodHandle scale = java.lang.invoke.MethodHandles.lookup().findStatic(SimdApiTest.class, "scale",
                MethodType.methodType(V128.class, V128.class, double.class));
        Imports imports = Imports.builder()
                .function("env", "twice", FunctionType.of(List.of(ValueType.I32, ValueType.V128, ValueType.I64),
                        List.of(ValueType.V128, ValueType.I32)), call -> {
                            V128 v = call.v128(1);
                            call.setV128(0, V128.i32x4(2 * v.i32(0), 2 * v.i32(1), 2 * v.i32(2), 2 * v.i32(3)));
                            call.setI32(1, call.i32(0) + (int) call.i64(2));
                        })
                .function("env", "typed", scale)
                .add("env", "g", g)
                .build();
        return Engine.builder().dispatch(mode).build().instantiate(WasmModule.parseText(MODULE), imports);
    }

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void v128ArgumentsAndResultsAmongOtherValues(DispatchMode mode) throws Throwable {
        Global g = Global.create(new GlobalType(ValueType.V128, true), V128.i64x2(5, 6));
        Instance instance = instance(mode, g);
        V128 a = V128.i32x4(1, -2, 3, Integer.MIN_VALUE);
        V128 b = V128.f32x4(1.5f, Float.intBitsToFloat(0x7fa0_0001), -0.0f, 8f);
        assertArrayEquals(new Object[] {a}, instance.function("id").call(a));
        assertArrayEquals(new Object[] {b, -3L, a, 2.5f}, instance.function("multi").call(-3, a, 2.5f, b));
        assertArrayEquals(new Object[] {V128.i32x4(2, -4, 6, 0), 6}, instance.function("via_host").call(a));
        assertArrayEquals(new Object[] {V128.f32x4(0.75f, 0.5f, -0.0f, 4f)},
                instance.function("via_typed").call(V128.f32x4(1.5f, 1f, -0.0f, 8f)));

        // handle(): V128 in the exact Java type
        MethodHandle id = instance.function("id").handle();
        assertEquals(MethodType.methodType(V128.class, V128.class), id.type());
        assertEquals(b, (V128) id.invokeExact(b));
        MethodHandle sum = instance.function("loop_sum").handle();
        assertEquals(V128.i32x4(10, 20, 30, 40), (V128) sum.invokeExact(10));

        // globals: imported and exported
        assertEquals(V128.i32x4(1, 2, 3, 4), instance.global("own").get());
        assertArrayEquals(new Object[] {V128.i64x2(5, 6)}, instance.function("swap_global").call(a));
        assertEquals(a, g.get());
        assertEquals(a.low(), g.getRaw());
    }

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void v128ValuesCrossBranchesTablesAndIndirectCalls(DispatchMode mode) throws Throwable {
        Instance instance = instance(mode, Global.create(new GlobalType(ValueType.V128, true), V128.ZERO));
        V128 a = V128.i32x4(1, 2, 3, 4);
        V128 b = V128.i32x4(10, 20, 30, 40);
        assertArrayEquals(new Object[] {a}, instance.function("table").call(0, a, b));
        assertArrayEquals(new Object[] {V128.i32x4(11, 22, 33, 44)}, instance.function("table").call(1, a, b));
        assertArrayEquals(new Object[] {a}, instance.function("table").call(9, a, b));
        assertArrayEquals(new Object[] {V128.i32x4(-1, -2, -3, -4)}, instance.function("indirect").call(0, a));
        assertArrayEquals(new Object[] {a}, instance.function("indirect").call(1, a));
        assertArrayEquals(new Object[] {V128.i32x4(1, 2, 3, 4)}, instance.function("loop_sum").call(1));
    }

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void wrongV128ArgumentsAreIllegalArgumentExceptions(DispatchMode mode) throws Throwable {
        Instance instance = instance(mode, Global.create(new GlobalType(ValueType.V128, true), V128.ZERO));
        assertThrows(IllegalArgumentException.class, () -> instance.function("id").call(5));
        assertThrows(IllegalArgumentException.class, () -> instance.function("id").call((Object) null));
        assertThrows(IllegalArgumentException.class,
                () -> Global.create(new GlobalType(ValueType.V128, false), 1L));
    }

    @Test
    void v128Lanes() {
        V128 v = V128.i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF);
        assertEquals(0x0706050403020100L, v.low());
        assertEquals(0xFF0E0D0C0B0A0908L, v.high());
        assertEquals(-1, v.i8(15));
        assertEquals(0x0302, v.i16(1));
        assertEquals(0x0B0A0908, v.i32(2));
        assertEquals(v, V128.ofBytes(v.toBytes()));
        assertEquals((byte) 0xFF, v.toBytes()[15]);
        assertEquals("0xff0e0d0c0b0a09080706050403020100", v.toString());
        assertEquals(v, V128.parseHex(v.toString()));
        assertEquals(V128.i16x8(1, 2, 3, 4, 5, 6, 7, -1), V128.parseHex("0xffff0007000600050004000300020001"));
        assertEquals(2.5, V128.f64x2(1, 2.5).f64(1));
        assertEquals(-0.0f, V128.f32x4(0, 0, -0.0f, 0).f32(2));
        assertThrows(IllegalArgumentException.class, () -> V128.i32x4(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> V128.ofBytes(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> V128.parseHex("0x1234"));
        assertThrows(IndexOutOfBoundsException.class, () -> v.i32(4));
    }
}
