package dev.weft.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Engine;
import dev.weft.Instance;
import dev.weft.Tier;
import dev.weft.WasmModule;
import dev.weft.text.TextFormat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * SIMD in the compiled tier: functions whose signatures hold no v128 compile, with v128 locals,
 * temporaries, globals and every shape of SIMD instruction (generated emitters: v128 arguments as
 * two longs, v128 results through a two-element array), and compute what the interpreter computes.
 * Functions with v128 parameters or results, or calling such functions, stay interpreted (their
 * compiled signature would pass one long per value) and still run correctly under
 * {@link Tier#COMPILED}.
 */
class SimdCompileTest {
    private static final String MODULE = """
            (module
              (memory (export "mem") 1)
              (global $acc (mut v128) (v128.const i64x2 0 0))
              (func $id (param v128) (result v128) (local.get 0))
              ;; dot product of n i32 at a and b: loads, mul, add, a v128 local, extract_lane
              (func (export "dot") (param $a i32) (param $b i32) (param $n i32) (result i32) (local $s v128)
                (block $done (loop $l
                  (br_if $done (i32.lt_s (local.get $n) (i32.const 4)))
                  (local.set $s (i32x4.add (local.get $s)
                    (i32x4.mul (v128.load (local.get $a)) (v128.load offset=0 (local.get $b)))))
                  (local.set $a (i32.add (local.get $a) (i32.const 16)))
                  (local.set $b (i32.add (local.get $b) (i32.const 16)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 4)))
                  (br $l)))
                (i32.add (i32.add (i32x4.extract_lane 0 (local.get $s)) (i32x4.extract_lane 1 (local.get $s)))
                         (i32.add (i32x4.extract_lane 2 (local.get $s)) (i32x4.extract_lane 3 (local.get $s)))))
              ;; byte search: splat, eq, bitmask, shifts by constant and variable counts, shuffle, bitselect
              (func (export "mix") (param $x i32) (param $k i32) (result i64) (local $v v128) (local $w v128)
                (local.set $v (i8x16.splat (local.get $x)))
                (local.set $w (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0
                  (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15) (local.get $v)))
                (local.set $w (v128.bitselect (local.get $w) (i16x8.shl (local.get $v) (local.get $k))
                  (v128.const i64x2 0x00ff00ff00ff00ff -1)))
                (local.set $w (i32x4.shr_s (local.get $w) (i32.const 3)))
                (i64.add (i64x2.extract_lane 0 (local.get $w))
                  (i64.add (i64x2.extract_lane 1 (local.get $w))
                    (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 7 0 7 0 7 0 7 0 7 0 7 0 7 0 7 0)))))))
              ;; floats, conversions, lanes in memory, relaxed SIMD, select, globals
              (func (export "floats") (param $p i32) (param $c i32) (result i64) (local $f v128)
                (local.set $f (f32x4.convert_i32x4_s (v128.load32_splat (local.get $p))))
                (local.set $f (f32x4.relaxed_madd (local.get $f) (f32x4.splat (f32.const 0.5)) (f32x4.sqrt (local.get $f))))
                (v128.store8_lane 3 (local.get $p) (local.get $f))
                (local.set $f (v128.load16_lane 5 (local.get $p) (local.get $f)))
                (local.set $f (select (local.get $f) (i32x4.relaxed_trunc_f32x4_s (local.get $f)) (local.get $c)))
                (global.set $acc (i64x2.add (global.get $acc) (local.get $f)))
                (i64.xor (i64x2.extract_lane 0 (global.get $acc)) (i64x2.extract_lane 1 (global.get $acc))))
              ;; a call with a v128 argument: stays interpreted
              (func (export "calls") (param $x i32) (result i32)
                (i32x4.extract_lane 2 (call $id (i32x4.splat (local.get $x)))))
              (func (export "v128_param") (param v128) (result i32) (i32x4.extract_lane 1 (local.get 0))))
            """;

    private static final byte[] BYTES = TextFormat.compile(MODULE);

    @Test
    void simdBodiesCompileAndSignaturesWithV128StayInterpreted() {
        Modules m = Modules.of(BYTES);
        ModuleTier tier = m.tier();
        List<Integer> all = List.of(0, 1, 2, 3, 4, 5);
        tier.compileNow(all);
        for (int f : List.of(1, 2, 3)) {
            assertTrue(tier.isCompiled(f), "func " + f + ": " + tier.summary());
        }
        for (int f : List.of(0, 4, 5)) {
            assertFalse(tier.isCompiled(f), "func " + f + ": " + tier.summary());
        }
        assertTrue(tier.summary().contains("v128"), tier.summary());
    }

    @Test
    void compiledSimdComputesWhatTheInterpreterComputes() {
        Object[][] calls = {{"dot", 0, 256, 12}, {"dot", 16, 300, 7}, {"mix", 7, 3}, {"mix", 0x1f7, 33}, {"mix", -1, 0},
            {"floats", 64, 1}, {"floats", 64, 0}, {"floats", 128, 1}, {"calls", 42}};
        Instance compiled = instance(Tier.COMPILED);
        Instance interpreted = instance(Tier.INTERPRETER);
        for (Object[] call : calls) {
            Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
            // the same sequence of calls on both, so that globals and memory evolve alike
            Object[] expected = interpreted.function((String) call[0]).call(args);
            Object[] actual = compiled.function((String) call[0]).call(args);
            assertArrayEquals(expected, actual, java.util.Arrays.toString(call));
        }
        assertEquals(interpreted.function("v128_param").call(dev.weft.V128.i32x4(1, 2, 3, 4))[0], 2);
        assertEquals(compiled.function("v128_param").call(dev.weft.V128.i32x4(1, 2, 3, 4))[0], 2);
    }

    private static Instance instance(Tier tier) {
        Instance i = Engine.builder().tier(tier).build().instantiate(WasmModule.parse(BYTES), dev.weft.Imports.none());
        byte[] data = new byte[512];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 37 + 11);
        }
        i.memory("mem").writeBytes(0, data);
        return i;
    }
}
