package dev.weft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.invoke.MethodHandle;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame of more than 65,536 slots: 49,000 locals and an operand stack 17,500 values deep.
 * Slot fields are 16 bits, so every operand and result beyond slot 65,535 goes through
 * {@code copy_far} and the scratch slots; the values must come out right for every kind of
 * instruction that reads or writes them (arithmetic, calls, call_indirect, select, branches
 * with values, local.tee, memory, i64 and f64 temporaries).
 */
class LargeFrameTest {
    private static final int LOCALS = 49_000; // the validator allows 50,000
    private static final int DEPTH = 17_500;
    private static final int KINDS = 9;

    private static WasmModule module;

    private static synchronized WasmModule module() {
        if (module == null) {
            module = WasmModule.parse(build());
        }
        return module;
    }

    /** far(x): pushes DEPTH values, item k computed by instruction kind k % KINDS, then adds them all. */
    private static byte[] build() {
        ModuleBuilder b = new ModuleBuilder();
        int i32ToI32 = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        ModuleBuilder.Code far = new ModuleBuilder.Code()
                .locals(LOCALS - 2, ValueType.I32) // locals 1 .. LOCALS - 2
                .locals(1, ValueType.F64);         // local LOCALS - 1
        int f64Local = LOCALS - 1;
        int farFn = 0;
        int doubleFn = 1;
        for (int k = 0; k < DEPTH; k++) {
            switch (k % KINDS) {
                case 0 -> far.localGet(0).i32Const(k).op(0x6C);                          // x * k
                case 1 -> far.localGet(0).i32Const(k).op(0x6A).call(doubleFn);            // 2(x + k)
                case 2 -> far.localGet(0).i32Const(k).op(0x6A).localTee(1);               // x + k, and local 1
                case 3 -> far.localGet(0).i32Const(k).localGet(0).i32Const(k).op(0x4A, 0x1B); // select: max(x, k)
                case 4 -> far.localGet(0).op(0xAC).i64Const(k).op(0x7E, 0xA7);            // i64: x * k
                case 5 -> far.op(0x02, 0x7F).i32Const(k).localGet(0).i32Const(0).op(0x4E, 0x0D, 0x00, 0x1A)
                        .i32Const(-k).op(0x0B);                                           // x >= 0 ? k : -k
                case 6 -> far.localGet(0).op(0xB7).f64Const(0.5).op(0xA2).localSet(f64Local)
                        .localGet(f64Local).f64Const(2).op(0xA2, 0xAA);                   // f64: x
                case 7 -> far.localGet(0).i32Const(k).op(0x6A).i32Const(0).op(0x11).u32(i32ToI32).u32(0); // 2(x + k)
                case 8 -> far.localGet(0).i32Const(k).op(0x6A).i32Const(0xFFC).op(0x71).localGet(0).op(0x36, 0x02, 0x00)
                        .localGet(0).i32Const(k).op(0x6A).i32Const(0xFFC).op(0x71).op(0x28, 0x02, 0x00); // store x, load x
                default -> throw new AssertionError();
            }
        }
        for (int k = 1; k < DEPTH; k++) {
            far.op(0x6A);
        }
        far.localGet(1).op(0x6A);
        b.function(i32ToI32, far);
        b.function(i32ToI32, new ModuleBuilder.Code().localGet(0).localGet(0).op(0x6A));
        return b.memory(1).table(doubleFn).exportFunction("far", farFn).exportFunction("double", doubleFn).build();
    }

    private static int expected(int x) {
        int sum = 0;
        int local1 = 0;
        for (int k = 0; k < DEPTH; k++) {
            sum += switch (k % KINDS) {
                case 0, 4 -> x * k;
                case 1, 7 -> 2 * (x + k);
                case 2 -> local1 = x + k;
                case 3 -> x > k ? x : k;
                case 5 -> x >= 0 ? k : -k;
                case 6, 8 -> x;
                default -> throw new AssertionError();
            };
        }
        return sum + local1;
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void farSlotsComputeTheSameValues(RunMode mode) throws Throwable {
        Instance instance = TestWasm.engine(mode).instantiate(module());
        MethodHandle far = instance.function("far").handle();
        for (int x : new int[] {0, 1, -7, 900, 123_456_789}) {
            assertEquals(expected(x), (int) far.invokeExact(x), "far(" + x + ")");
        }
        assertEquals(84, instance.function("double").call(42)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void frameLargerThanTheValueSlotLimitTraps(RunMode mode) {
        Instance instance = mode.builder().maxValueSlots(60_000).build().instantiate(module());
        TrapTest.assertTrap(TrapKind.CALL_STACK_EXHAUSTED, () -> instance.function("far").call(5));
        assertEquals(84, instance.function("double").call(42)[0]);
    }

    /**
     * Loads and stores from constant addresses read their address from the zero slot after the
     * locals; with locals in 65,533 slots there is no room for it (the scratch slots must stay
     * near) and the constant is materialised instead. Both must compute the same, in a frame whose
     * temporaries are far: f(x) stores x at 4100 and returns x + the load of 4100.
     */
    @ParameterizedTest
    @EnumSource(RunMode.class)
    void constantAddressesWithAndWithoutRoomForTheZeroSlot(RunMode mode) throws Throwable {
        ModuleBuilder b = new ModuleBuilder();
        int type = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        for (int v128Locals : new int[] {32_765, 32_766}) { // with the parameter: 65,531 and 65,533 slots
            b.function(type, new ModuleBuilder.Code()
                    .locals(v128Locals, ValueType.V128)
                    .i32Const(4096).localGet(0).op(0x36, 0x02, 0x04)          // i32.store offset=4
                    .localGet(0).i32Const(0).op(0x28, 0x02).u32(4100).op(0x6A)); // x + i32.load offset=4100
        }
        WasmModule m = WasmModule.parse(b.memory(1).exportFunction("zero", 0).exportFunction("materialised", 1).build());
        assertTrue(m.disassemble(0).contains("addr=s65531"), m.disassemble(0));
        assertTrue(m.disassemble(1).contains("const_32"), m.disassemble(1));
        Instance instance = TestWasm.engine(mode).instantiate(m);
        for (String name : List.of("zero", "materialised")) {
            MethodHandle f = instance.function(name).handle();
            for (int x : new int[] {0, 1, -7, 123_456_789}) {
                assertEquals(2 * x, (int) f.invokeExact(x), name + "(" + x + ")");
            }
        }
    }

    @Test
    void translatorUsesCopyFar() {
        String listing = module().disassemble(0);
        assertTrue(listing.contains("copy_far"), "far slots are reached through copy_far");
    }
}
