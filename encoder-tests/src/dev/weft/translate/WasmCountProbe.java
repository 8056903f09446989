package dev.weft.translate;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Instance;
import dev.weft.WasmModule;

/**
 * Run by {@link ExecutedWasmCountTest} in a JVM of its own with {@code -Dweft.profile=true}:
 * calls one function of {@link #MODULE} once, so that the profile printed at exit counts exactly
 * that call.
 */
public final class WasmCountProbe {
    private WasmCountProbe() {
    }

    /**
     * Two loops whose WebAssembly instructions per iteration are known. {@code sum} executes
     * {@code 10n + 6} instructions for n ≥ 1: {@code i32.const}, {@code local.set}, {@code loop};
     * per iteration 4 + 4 + 2; then the loop's {@code end}, {@code local.get}, the function's
     * {@code end}. {@code count} executes 12 per iteration (its head, rotated by the translator:
     * 3; its body: 4 + 4 + {@code br}).
     */
    static final String MODULE = """
            (module
              (func (export "sum") (param $n i32) (result i32) (local $s i32)
                (local.set $s (i32.const 0))
                (loop $l
                  (local.set $s (i32.add (local.get $s) (local.get $n)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $l (local.get $n)))
                (local.get $s))
              (func (export "count") (param $n i32) (result i32) (local $s i32)
                (local.set $s (i32.const 0))
                (block $exit
                  (loop $l
                    (br_if $exit (i32.eqz (local.get $n)))
                    (local.set $s (i32.add (local.get $s) (local.get $n)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $l)))
                (local.get $s)))
            """;

    /**
     * @param args dispatch mode id, function name, argument
     */
    public static void main(String[] args) {
        Engine engine = Engine.builder().dispatch(DispatchMode.parse(args[0])).build();
        Instance instance = engine.instantiate(WasmModule.parseText(MODULE));
        Object[] result = instance.function(args[1]).call(Integer.parseInt(args[2]));
        System.out.println("result " + result[0]);
    }
}
