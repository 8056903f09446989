package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Functions are translated the first time they are called: once, whichever thread gets there
 * first, while other threads run code translated before; a call running in an older view of the
 * code jumps into functions other threads translated since. Both dispatch modes.
 */
class LazyTranslationTest {
    /** Functions in the test module: enough code to grow the code buffer several times. */
    private static final int FUNCTIONS = 300;
    /** Multiply-adds per function body. */
    private static final int STEPS = 60;

    /** f_k(x): STEPS times x = x * 31 + k; then dispatch(n): sum of f_(i % FUNCTIONS)(i) for i < n, via call_indirect. */
    private static byte[] module() {
        ModuleBuilder b = new ModuleBuilder();
        int unary = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        int[] table = new int[FUNCTIONS];
        for (int k = 0; k < FUNCTIONS; k++) {
            ModuleBuilder.Code c = new ModuleBuilder.Code();
            for (int s = 0; s < STEPS; s++) {
                c.localGet(0).i32Const(31).op(0x6C).i32Const(k).op(0x6A).localSet(0); // x = x * 31 + k
            }
            c.localGet(0);
            table[k] = b.function(unary, c);
            b.exportFunction("f" + k, table[k]);
        }
        ModuleBuilder.Code d = new ModuleBuilder.Code().locals(2, ValueType.I32); // i (1), sum (2)
        d.op(0x02, 0x40).op(0x03, 0x40)                                           // block loop
                .localGet(1).localGet(0).op(0x4F).op(0x0D).u32(1)                 // br_if done (i >= n)
                .localGet(2).localGet(1).localGet(1).i32Const(FUNCTIONS).op(0x70) // sum, i, i % FUNCTIONS
                .op(0x11).u32(unary).u32(0)                                       // call_indirect
                .op(0x6A).localSet(2)                                             // sum += ...
                .localGet(1).i32Const(1).op(0x6A).localSet(1)                     // i++
                .op(0x0C).u32(0)                                                  // br loop
                .op(0x0B).op(0x0B)                                                // end end
                .localGet(2);
        b.exportFunction("dispatch", b.function(unary, d));
        return b.table(table).build();
    }

    private static int f(int k, int x) {
        for (int s = 0; s < STEPS; s++) {
            x = x * 31 + k;
        }
        return x;
    }

    private static int dispatch(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += f(i % FUNCTIONS, i);
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"SWITCH", "HANDLES"}) // compiled: all translated up front
    void onlyCalledFunctionsAreTranslated(RunMode mode) {
        WasmModule module = WasmModule.parse(module());
        Instance instance = TestWasm.engine(mode).instantiate(module);
        assertEquals(0, module.compiled().size(), "loading translates nothing");
        assertEquals(f(7, 3), instance.function("f7").call(3)[0]);
        long one = module.compiled().size();
        assertTrue(one > 0);
        assertEquals(f(7, 4), instance.function("f7").call(4)[0]);
        assertEquals(one, module.compiled().size(), "a second call translates nothing more");
        module.translateAll();
        assertTrue(module.compiled().size() > 100 * one, "all of them: " + module.compiled().size());
        assertEquals(f(8, 5), instance.function("f8").call(5)[0]);
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"SWITCH", "HANDLES"}) // compiled: all translated up front
    void manyThreadsCallingFunctionsFirstGetTheSameResults(RunMode mode) throws Exception {
        WasmModule module = WasmModule.parse(module());
        Engine engine = TestWasm.engine(mode);
        Instance shared = engine.instantiate(module);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < FUNCTIONS; k++) {
                        order.add(k);
                    }
                    Collections.shuffle(order, new Random(seed));
                    Instance own = seed % 2 == 0 ? shared : engine.instantiate(module);
                    go.await();
                    for (int k : order) {
                        assertEquals(f(k, seed), own.function("f" + k).call(seed)[0], "f" + k);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"SWITCH", "HANDLES"}) // compiled: all translated up front
    void aRunningCallJumpsIntoCodeOtherThreadsTranslatedSince(RunMode mode) throws Exception {
        for (int round = 0; round < 5; round++) {
            WasmModule module = WasmModule.parse(module());
            Instance instance = TestWasm.engine(mode).instantiate(module);
            int n = 4 * FUNCTIONS;
            // the dispatcher translates functions as it reaches them, while another thread
            // translates them all (growing and replacing the code view under the dispatcher)
            try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
                Future<?> translator = pool.submit(module::translateAll);
                assertEquals(dispatch(n), instance.function("dispatch").call(n)[0], "round " + round);
                translator.get();
            }
            assertEquals(dispatch(n), instance.function("dispatch").call(n)[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class) // compiled: compiling everything up front leaves it out, interpreted
    void aFunctionWeftCannotTranslateFailsWhenCalledNotWhenLoaded(RunMode mode) {
        ModuleBuilder b = new ModuleBuilder();
        int none = b.type(List.of(), List.of());
        int unary = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        // valid (the validator allows 50,000 locals), but 40,000 v128 locals take 80,000 slots,
        // more than the translator's 16-bit slot fields reach
        ModuleBuilder.Code huge = new ModuleBuilder.Code().locals(40_000, ValueType.V128);
        b.exportFunction("huge", b.function(none, huge));
        b.exportFunction("plain", b.function(unary, new ModuleBuilder.Code().localGet(0).i32Const(1).op(0x6A)));
        WasmModule module = WasmModule.parse(b.build());
        Instance instance = TestWasm.engine(mode).instantiate(module);
        assertEquals(42, instance.function("plain").call(41)[0]);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> instance.function("huge").call());
        assertTrue(e.getMessage().contains("80000 slots"), e.getMessage());
        assertThrows(UnsupportedFeatureException.class, () -> instance.function("huge").call(), "again, every call");
        assertEquals(43, instance.function("plain").call(42)[0], "the instance goes on");
        assertThrows(UnsupportedFeatureException.class, module::translateAll);
    }
}
