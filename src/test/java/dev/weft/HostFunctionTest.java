package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weft.ValueType.EXTERNREF;
import static dev.weft.ValueType.F32;
import static dev.weft.ValueType.F64;
import static dev.weft.ValueType.FUNCREF;
import static dev.weft.ValueType.I32;
import static dev.weft.ValueType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host functions called from WebAssembly: every value type, several results, the caller's memory, exceptions. */
class HostFunctionTest {
    static final IllegalStateException HOST_FAILURE = new IllegalStateException("host failure");
    static final Error HOST_ERROR = new Error("host error");

    private static FunctionType type(List<ValueType> params, List<ValueType> results) {
        return FunctionType.of(params, results);
    }

    /** The host side of host.wat, bound to one instance. */
    static final class Host {
        final AtomicReference<Instance> self = new AtomicReference<>();
        final AtomicReference<Object> lastExternref = new AtomicReference<>();
        final AtomicReference<Object> lastFuncref = new AtomicReference<>();

        Imports imports() {
            return Imports.builder()
                    .function("env", "i32", type(List.of(I32), List.of(I32)), c -> c.setI32(0, c.i32(0) * 3))
                    .function("env", "i64", type(List.of(I64), List.of(I64)), c -> c.setI64(0, c.i64(0) ^ 0x5555_5555_5555_5555L))
                    .function("env", "f32", type(List.of(F32), List.of(F32)), c -> c.setF32(0, c.f32(0)))
                    .function("env", "f64", type(List.of(F64), List.of(F64)), c -> c.setF64(0, c.f64(0)))
                    .function("env", "externref", type(List.of(EXTERNREF), List.of(EXTERNREF)), c -> {
                        lastExternref.set(c.ref(0));
                        c.setRef(0, c.ref(0));
                    })
                    .function("env", "funcref", type(List.of(FUNCREF), List.of(FUNCREF)), c -> {
                        lastFuncref.set(c.ref(0));
                        c.setRef(0, c.ref(0));
                    })
                    .function("env", "multi", type(List.of(I32, I64, F32, F64), List.of(F64, F32, I64, I32)), c -> {
                        c.setF64(0, c.f64(3) * 2);
                        c.setF32(1, c.f32(2) * 2);
                        c.setI64(2, c.i64(1) + 1);
                        c.setI32(3, c.i32(0) - 1);
                    })
                    .function("env", "greet", type(List.of(I32, I32), List.of(I32)), c -> {
                        MemorySegment memory = c.memory().segment();
                        int ptr = c.i32(0);
                        int len = c.i32(1);
                        String name = new String(memory.asSlice(ptr, len).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                        byte[] reply = ("hello, " + name).getBytes(StandardCharsets.UTF_8);
                        MemorySegment.copy(reply, 0, memory, ValueLayout.JAVA_BYTE, ptr + len, reply.length);
                        c.setI32(0, reply.length);
                    })
                    .function("env", "fail", type(List.of(I32), List.of()), c -> {
                        switch (c.i32(0)) {
                            case 0 -> throw new TrapException(TrapKind.UNREACHABLE, "unreachable: the host gave up");
                            case 1 -> throw HOST_FAILURE;
                            default -> throw HOST_ERROR;
                        }
                    })
                    .function("env", "misuse", type(List.of(I32), List.of(I32)), c -> {
                        switch (c.i32(0)) {
                            case 0 -> c.i32(1);
                            case 1 -> c.i64(-1);
                            case 2 -> c.f64(Integer.MAX_VALUE);
                            case 3 -> c.setI32(1, 0);
                            case 4 -> c.setRef(-1, null);
                            default -> c.setI32(0, 7);
                        }
                    })
                    .function("env", "reenter", type(List.of(I32), List.of(I32)), c -> {
                        int a = c.i32(0);
                        // nested calls: one deep enough to grow the value stack, one calling a host function again
                        int deep = (int) self.get().function("deep").call(a)[0];
                        int viaHost = (int) self.get().function("i32").call(a)[0];
                        // this call's arguments and results are still its own
                        c.setI32(0, c.i32(0) + deep + viaHost);
                    })
                    .build();
        }

        Instance instantiate(Engine engine) {
            self.set(engine.instantiate(TestWasm.module("host"), imports()));
            return self.get();
        }
    }

    private static Instance instance(RunMode mode) {
        return new Host().instantiate(TestWasm.engine(mode));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void numericTypes(RunMode mode) throws Throwable {
        Instance instance = instance(mode);
        assertEquals(16, instance.function("i32").call(5)[0]);
        assertEquals(Integer.MIN_VALUE + 1, instance.function("i32").call(Integer.MIN_VALUE)[0]); // 3 * MIN wraps to MIN
        assertEquals(0x5555_5555_5555_5555L - 1, instance.function("i64").call(0L)[0]);
        assertEquals(-1L ^ 0x5555_5555_5555_5555L, (long) instance.function("i64").handle().invokeExact(-1L) + 1);
        assertEquals(1.5f, instance.function("f32").call(1.5f)[0]);
        assertEquals(-0.0, instance.function("f64").call(-0.0)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void nanPayloadsPassThroughHostFunctionsBitExactly(RunMode mode) throws Throwable {
        Instance instance = instance(mode);
        MethodHandle f32 = instance.function("f32").handle();
        MethodHandle f64 = instance.function("f64").handle();
        for (int bits : new int[] {0x7fa0_0000, 0xffc0_0001, 0x7f80_0001, 0x7fc0_0000}) {
            float in = Float.intBitsToFloat(bits);
            assertEquals(bits, Float.floatToRawIntBits((float) f32.invokeExact(in)), Integer.toHexString(bits));
            assertEquals(bits, Float.floatToRawIntBits((Float) instance.function("f32").call(in)[0]), Integer.toHexString(bits));
        }
        for (long bits : new long[] {0x7ff4_0000_0000_0000L, 0xfff0_0000_0000_0001L, 0x7ff8_0000_0000_0001L}) {
            double in = Double.longBitsToDouble(bits);
            assertEquals(bits, Double.doubleToRawLongBits((double) f64.invokeExact(in)), Long.toHexString(bits));
            assertEquals(bits, Double.doubleToRawLongBits((Double) instance.function("f64").call(in)[0]), Long.toHexString(bits));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void referencesKeepTheirIdentity(RunMode mode) throws Throwable {
        Host host = new Host();
        Instance instance = host.instantiate(TestWasm.engine(mode));
        Object token = new StringBuilder("a host object");
        assertSame(token, instance.function("externref").call(token)[0]);
        assertSame(token, host.lastExternref.get());
        assertSame(token, (Object) instance.function("externref").handle().invokeExact(token));
        assertNull(instance.function("externref").call((Object) null)[0]);
        assertNull(host.lastExternref.get());
        // a funcref passes through the host as a WasmFunction and stays callable from WebAssembly
        assertEquals(99, instance.function("funcref").call()[0]);
        WasmFunction f = assertInstanceOf(WasmFunction.class, host.lastFuncref.get());
        assertEquals(type(List.of(), List.of(I32)), f.type());
        assertEquals(99, f.call()[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void severalResults(RunMode mode) throws Throwable {
        Instance instance = instance(mode);
        assertArrayEquals(new Object[] {4.5, 3.0f, 9L, 6}, instance.function("multi").call(7, 8L, 1.5f, 2.25));
        Object[] viaHandle = (Object[]) instance.function("multi").handle().invokeExact(-1, Long.MAX_VALUE, -0.5f, 1e300);
        assertArrayEquals(new Object[] {2e300, -1.0f, Long.MIN_VALUE, -2}, viaHandle);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostReadsAndWritesTheCallersMemory(RunMode mode) {
        // two instances share the imports; each call sees its own caller's memory
        Instance a = instance(mode);
        Instance b = instance(mode);
        write(a.memory("memory"), 16, "weft");
        write(b.memory("memory"), 16, "wasm!");
        assertEquals(11, a.function("greet").call(16, 4)[0]);
        assertEquals(12, b.function("greet").call(16, 5)[0]);
        assertEquals("weft" + "hello, weft", read(a.memory("memory"), 16, 15));
        assertEquals("wasm!" + "hello, wasm!", read(b.memory("memory"), 16, 17));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostTrapBecomesATrapWithTheWasmStack(RunMode mode) {
        Instance instance = instance(mode);
        TrapException t = TrapTest.assertTrap(TrapKind.UNREACHABLE, () -> instance.function("fail").call(0));
        assertEquals(List.of("host!fail (func 20)"), t.wasmStackTrace());
        assertEquals("unreachable: the host gave up\n    at host!fail (func 20)", t.getMessage());
        assertEquals(16, instance.function("i32").call(5)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void trapBeyondAHostFunctionListsTheFramesOnBothSides(RunMode mode) {
        AtomicReference<Instance> self = new AtomicReference<>();
        Imports imports = Imports.builder()
                .function("env", "callback", type(List.of(I32), List.of()), c -> self.get().function("inner").call(c.i32(0)))
                .build();
        self.set(TestWasm.engine(mode).instantiate(TestWasm.module("reentry"), imports));
        TrapException t = TrapTest.assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> self.get().function("outer").call(0));
        assertEquals(List.of("reentry!fail (func 4)", "reentry!inner (func 3)", "reentry!caller (func 2)", "reentry!outer (func 1)"),
                t.wasmStackTrace());
        self.get().function("outer").call(1);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostMayCatchATrapOfANestedCallAndCarryOn(RunMode mode) {
        AtomicReference<Instance> self = new AtomicReference<>();
        AtomicReference<TrapException> caught = new AtomicReference<>();
        Imports imports = Imports.builder()
                .function("env", "callback", type(List.of(I32), List.of()), c -> {
                    try {
                        self.get().function("inner").call(c.i32(0));
                    } catch (TrapException e) {
                        caught.set(e);
                    }
                })
                .build();
        self.set(TestWasm.engine(mode).instantiate(TestWasm.module("reentry"), imports));
        self.get().function("outer").call(0);
        assertEquals(List.of("reentry!fail (func 4)", "reentry!inner (func 3)"), caught.get().wasmStackTrace());
        self.get().function("outer").call(1);
        // and a trap afterwards still lists every frame
        TrapException t = TrapTest.assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> self.get().function("inner").call(0));
        assertEquals(List.of("reentry!fail (func 4)", "reentry!inner (func 3)"), t.wasmStackTrace());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void callerMemoryIsStillTheCallersAfterCallingAnotherInstance(RunMode mode) {
        Instance other = TestWasm.instance(mode, "memory");
        Host host = new Host();
        Imports imports = Imports.builder()
                .addAll(host.imports())
                .function("env", "greet", type(List.of(I32, I32), List.of(I32)), c -> {
                    other.function("store32").call(0, 0x0BAD); // runs in another instance, with another memory
                    c.memory().segment().set(ValueLayout.JAVA_INT_UNALIGNED, c.i32(0), 0x600D);
                    c.setI32(0, 4);
                })
                .build();
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("host"), imports);
        host.self.set(instance);
        assertEquals(4, instance.function("greet").call(8, 0)[0]);
        assertEquals(0x600D, instance.memory("memory").segment().get(ValueLayout.JAVA_INT_UNALIGNED, 8));
        assertEquals(0x0BAD, other.memory("memory").segment().get(ValueLayout.JAVA_INT_UNALIGNED, 0));
        assertEquals(0, other.memory("memory").segment().get(ValueLayout.JAVA_INT_UNALIGNED, 8));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void otherHostExceptionsPropagateUnchanged(RunMode mode) {
        Instance instance = instance(mode);
        assertSame(HOST_FAILURE, assertThrows(IllegalStateException.class, () -> instance.function("fail").call(1)));
        assertEquals(16, instance.function("i32").call(5)[0]);
        assertSame(HOST_ERROR, assertThrows(Error.class, () -> instance.function("fail").call(2)));
        assertEquals(16, instance.function("i32").call(5)[0]);
        assertSame(HOST_FAILURE, assertThrows(IllegalStateException.class, () -> {
            instance.function("fail").handle().invokeExact(1);
        }));
        assertEquals(2000, instance.function("deep").call(2000)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void argumentOrResultIndexOutOfRangeIsIndexOutOfBounds(RunMode mode) {
        Instance instance = instance(mode);
        for (int misuse = 0; misuse <= 4; misuse++) {
            int m = misuse;
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> instance.function("misuse").call(m));
            // the documented exception itself, not an array's
            assertEquals(IndexOutOfBoundsException.class, e.getClass(), "misuse " + m);
            assertTrue(e.getMessage().contains(m <= 2 ? "argument" : "result"), e.getMessage());
        }
        assertEquals(7, instance.function("misuse").call(9)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void resultsTheHostDoesNotSetAreZeroOrNull(RunMode mode) {
        Imports imports = Imports.builder()
                .function("env", "echo_ref", type(List.of(EXTERNREF, I64), List.of(EXTERNREF, I64)), c -> {
                    c.setRef(0, c.ref(0));
                    c.setI64(1, c.i64(1));
                })
                .function("env", "echo_i64", type(List.of(I64, EXTERNREF), List.of(I64, EXTERNREF)), c -> {
                    c.setI64(0, c.i64(0));
                    c.setRef(1, c.ref(1));
                })
                .function("env", "nothing_ref", type(List.of(), List.of(FUNCREF)), c -> { })
                .function("env", "nothing_i64", type(List.of(), List.of(I64)), c -> { })
                .build();
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("unset_results"), imports);
        // not the externref the earlier call left behind, which would be a String posing as a function
        assertEquals(1, instance.function("ref").call("not a function")[0]);
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT, assertThrows(TrapException.class, () -> instance.function("call_it").call()).kind());
        assertEquals(0L, instance.function("i64").call()[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aFuncrefResultMustBeAFunction(RunMode mode) {
        Host host = new Host();
        Imports imports = Imports.builder()
                .addAll(host.imports())
                .function("env", "funcref", type(List.of(FUNCREF), List.of(FUNCREF)), c -> c.setRef(0, "not a function"))
                .build();
        Instance instance = TestWasm.engine(mode).instantiate(TestWasm.module("host"), imports);
        host.self.set(instance);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> instance.function("funcref").call());
        assertTrue(e.getMessage().contains("funcref"), e.getMessage());
        assertEquals(16, instance.function("i32").call(5)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostCallStaysValidAcrossNestedCalls(RunMode mode) {
        Instance instance = instance(mode);
        // a + deep(a) + (3a + 1): deep(3000) grows the value stack while the host call is in progress
        assertEquals(5 * 3000 + 1, instance.function("reenter").call(3000)[0]);
        assertEquals(5 * 7 + 1, instance.function("reenter").call(7)[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostFunctionsCalledDirectlyFromJava(RunMode mode) throws Throwable {
        Instance instance = instance(mode);
        assertEquals(15, instance.function("host_i32").call(5)[0]);
        assertEquals(21, (int) instance.function("host_i32").handle().invokeExact(7));
        // no WebAssembly caller, so no caller's memory
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> instance.function("host_greet").call(0, 0));
        assertEquals("the caller has no memory", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aHostFunctionCalledDirectlyFromJavaMayCallWebAssembly(RunMode mode) {
        // called from Java, a host function runs on a machine of its own (it belongs to no
        // engine), so the calls it makes into an instance leave its arguments and results alone
        AtomicReference<Instance> self = new AtomicReference<>();
        Imports imports = Imports.builder().function("env", "reenter", type(List.of(I32, I32), List.of(I32)), c -> {
            int sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += (int) self.get().function("add").call(c.i32(0), i)[0];
            }
            c.setI32(0, c.i32(0) * 1000 + c.i32(1) * 100 + sum);
        }).build();
        self.set(TestWasm.engine(mode).instantiate(WasmModule.parseText("""
                (module
                  (import "env" "reenter" (func $reenter (param i32 i32) (result i32)))
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                  (func (export "viaWasm") (param i32 i32) (result i32) (call $reenter (local.get 0) (local.get 1)))
                  (export "reenter" (func $reenter)))
                """), imports));
        for (int round = 0; round < 2; round++) {
            assertEquals(7 * 1000 + 5 * 100 + 3 * 7 + 3, self.get().function("reenter").call(7, 5)[0]);
            assertEquals(7 * 1000 + 5 * 100 + 3 * 7 + 3, self.get().function("viaWasm").call(7, 5)[0]);
        }
    }

    static void write(Memory memory, long at, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(b, 0, memory.segment(), ValueLayout.JAVA_BYTE, at, b.length);
    }

    static String read(Memory memory, long at, int length) {
        return new String(memory.segment().asSlice(at, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
