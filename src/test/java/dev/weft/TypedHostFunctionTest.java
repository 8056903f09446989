package dev.weft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import static dev.weft.TrapTest.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host functions bound to Java methods and lambdas with Java types ({@link Imports.Builder#function(String, String,
 * MethodHandle)} and {@link Imports.Builder#function(String, String, Class, Object)}): every value type, the
 * caller's memory, several results through a record, their WebAssembly types checked at link time, exceptions,
 * and calls that allocate nothing, in both dispatch modes.
 */
class TypedHostFunctionTest {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** Several results: (i32, i32). */
    public record DivMod(int quotient, int remainder) {
    }

    /** A functional interface of the test's own, with the caller's memory. */
    public interface Greeter {
        int greet(Memory memory, int ptr, int len);
    }

    /** The caller's memory as a segment, in the middle of the parameters. */
    public interface Checksum {
        long sum(int ptr, MemorySegment memory, int len);
    }

    /** Throws a checked exception. */
    public interface Failing {
        void fail(int how) throws IOException;
    }

    public static int add(int a, int b) {
        return a + b;
    }

    public static double mix(int a, long b, float c, double d) {
        return a * 1000.0 + b * 100.0 + c * 10.0 + d;
    }

    public static DivMod divmod(int a, int b) {
        return new DivMod(a / b, a % b);
    }

    /** Bound to an instance: counts its calls. */
    public static final class Counter {
        final AtomicInteger calls = new AtomicInteger();

        public long next() {
            return calls.incrementAndGet();
        }
    }

    private static MethodHandle staticMethod(String name, Class<?> result, Class<?>... params) throws ReflectiveOperationException {
        return LOOKUP.findStatic(TypedHostFunctionTest.class, name, MethodType.methodType(result, params));
    }

    private static Imports imports(Counter counter, AtomicInteger ticks, IntConsumer fail) throws ReflectiveOperationException {
        return Imports.builder()
                .function("env", "add", staticMethod("add", int.class, int.class, int.class))
                .function("env", "mix", staticMethod("mix", double.class, int.class, long.class, float.class, double.class))
                .function("env", "divmod", staticMethod("divmod", DivMod.class, int.class, int.class))
                .function("env", "greet", Greeter.class, (memory, ptr, len) -> {
                    String name = memory.readString(ptr, len);
                    return memory.writeString(ptr + len, "hello, " + name);
                })
                .function("env", "checksum", Checksum.class, (ptr, memory, len) -> {
                    long sum = 0;
                    for (int i = 0; i < len; i++) {
                        sum += memory.get(ValueLayout.JAVA_BYTE, ptr + i) & 0xFF;
                    }
                    return sum;
                })
                .function("env", "ext", LOOKUP.findVirtual(Object.class, "toString", MethodType.methodType(String.class))
                        .asType(MethodType.methodType(Object.class, Object.class)))
                .function("env", "fn", MethodHandles.identity(WasmFunction.class))
                .function("env", "now", LOOKUP.findVirtual(Counter.class, "next", MethodType.methodType(long.class)).bindTo(counter))
                .function("env", "tick", Runnable.class, ticks::incrementAndGet)
                .function("env", "fail", IntConsumer.class, fail)
                .build();
    }

    private static Instance instance(RunMode mode, Imports imports) {
        return TestWasm.engine(mode).instantiate(TestWasm.module("typed_host"), imports);
    }

    private static Object call(Instance instance, String name, Object... args) {
        return instance.function(name).call(args)[0];
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void everyKindOfBindingIsCalledWithItsArguments(RunMode mode) throws Throwable {
        Counter counter = new Counter();
        AtomicInteger ticks = new AtomicInteger();
        Instance instance = instance(mode, imports(counter, ticks, how -> { }));
        assertEquals(-7, call(instance, "add", 5, -12));
        assertEquals(Integer.MIN_VALUE, call(instance, "add", Integer.MAX_VALUE, 1)); // wraps, as i32.add does
        assertEquals(1000.0 * 1 + 100.0 * 2 + 10.0 * 3 + 0.25, call(instance, "mix", 1, 2L, 3f, 0.25));
        assertEquals(14 * 1000 + 2, call(instance, "divmod", 100, 7)); // results in component order
        Memory memory = instance.memory("memory");
        int length = memory.writeString(64, "weft");
        int written = (int) call(instance, "greet", 64, length);
        assertEquals("hello, weft", memory.readString(64 + length, written));
        memory.writeBytes(200, new byte[] {1, 2, (byte) 250});
        assertEquals(253L, call(instance, "checksum", 200, 3));
        assertEquals("[1, 2]", call(instance, "ext", List.of(1, 2))); // externref in, externref out
        assertEquals(7, call(instance, "fn"));                       // funcref in, funcref out, then called
        assertEquals(1L, call(instance, "now"));
        assertEquals(2L, call(instance, "now"));
        instance.function("tick").call();
        assertEquals(1, ticks.get());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void theImportsTypeIsCheckedAtLinkTime(RunMode mode) throws Throwable {
        Imports good = imports(new Counter(), new AtomicInteger(), how -> { });
        Imports wrong = Imports.builder().addAll(good)
                .function("env", "add", LongBinaryOperator.class, (a, b) -> a + b) // (i64, i64) -> i64
                .build();
        LinkException e = assertThrows(LinkException.class, () -> instance(mode, wrong));
        assertTrue(e.getMessage().startsWith("incompatible import type"), e.getMessage());
        assertTrue(e.getMessage().contains("env.add") || e.getMessage().contains("\"env\" \"add\""), e.getMessage());
        assertTrue(e.getMessage().contains("(i32, i32) -> (i32)"), e.getMessage());
        assertTrue(e.getMessage().contains("(i64, i64) -> (i64)"), e.getMessage());

        Imports noResult = Imports.builder().addAll(good).function("env", "now", Runnable.class, () -> { }).build();
        assertThrows(LinkException.class, () -> instance(mode, noResult));
    }

    @Test
    void javaTypesWithoutAWasmTypeAreRefusedWhenBound() throws ReflectiveOperationException {
        Imports.Builder b = Imports.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f",
                LOOKUP.findVirtual(String.class, "length", MethodType.methodType(int.class))));
        assertTrue(e.getMessage().contains("env.f") && e.getMessage().contains("java.lang.String"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f",
                MethodHandles.constant(String.class, "x")));
        assertTrue(e.getMessage().contains("returns a java.lang.String"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f",
                MethodHandles.constant(PrivateResult.class, new PrivateResult(1))));
        assertTrue(e.getMessage().contains("not public"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f",
                MethodHandles.constant(BadRecord.class, new BadRecord("x"))));
        assertTrue(e.getMessage().contains("component name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f", PrivateInterface.class, () -> 1));
        assertTrue(e.getMessage().contains("not public"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.function("env", "f", TwoMethods.class, new TwoMethods() {
            @Override
            public int a() {
                return 0;
            }

            @Override
            public int b() {
                return 0;
            }
        }));
        assertTrue(e.getMessage().contains("more than one abstract method"), e.getMessage());
    }

    record PrivateResult(int value) {
    }

    /** A component without a WebAssembly type. */
    public record BadRecord(String name) {
    }

    interface PrivateInterface {
        int get();
    }

    /** Not functional. */
    public interface TwoMethods {
        int a();

        int b();
    }

    @Test
    void genericInterfacesEraseToExternref() throws ReflectiveOperationException {
        // UnaryOperator<Object> is (Object) Object: (externref) -> (externref), which env.ext declares
        Imports imports = Imports.builder().addAll(imports(new Counter(), new AtomicInteger(), how -> { }))
                .function("env", "ext", UnaryOperator.class, (UnaryOperator<Object>) x -> "seen " + x)
                .build();
        assertEquals("seen 42", call(instance(RunMode.SWITCH, imports), "ext", 42));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void exceptionsOfBoundMethods(RunMode mode) throws Throwable {
        IllegalStateException failure = new IllegalStateException("host failure");
        Imports imports = Imports.builder().addAll(imports(new Counter(), new AtomicInteger(), how -> { }))
                .function("env", "fail", Failing.class, how -> {
                    switch (how) {
                        case 0 -> throw new TrapException(TrapKind.UNREACHABLE, "unreachable: the host gave up");
                        case 1 -> throw failure;
                        default -> throw new IOException("disk on fire");
                    }
                })
                .build();
        Instance instance = instance(mode, imports);
        TrapException trap = assertTrap(TrapKind.UNREACHABLE, () -> instance.function("fail").call(0));
        assertTrue(trap.wasmStackTrace().getFirst().contains("call_fail"), trap.wasmStackTrace().toString());
        assertSame(failure, assertThrows(IllegalStateException.class, () -> instance.function("fail").call(1)));
        UndeclaredThrowableException checked = assertThrows(UndeclaredThrowableException.class,
                () -> instance.function("fail").call(2));
        assertInstanceOf(IOException.class, checked.getCause());
        assertEquals(3, call(instance, "add", 1, 2), "the instance stays usable");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aNullRecordIsReported(RunMode mode) throws Throwable {
        Imports imports = Imports.builder().addAll(imports(new Counter(), new AtomicInteger(), how -> { }))
                .function("env", "divmod", MethodHandles.dropArguments(MethodHandles.constant(DivMod.class, null), 0,
                        int.class, int.class))
                .build();
        NullPointerException e = assertThrows(NullPointerException.class, () -> call(instance(mode, imports), "divmod", 1, 1));
        assertTrue(e.getMessage().contains("record of its results"), e.getMessage());
    }

    /**
     * A bound host call reads its arguments and writes its result without boxing: after warm-up,
     * 100,000 WebAssembly → Java → WebAssembly calls allocate nothing (the thread's allocated
     * bytes, with slack for the measurement itself), for a static method and for a lambda.
     */
    @ParameterizedTest
    @EnumSource(RunMode.class)
    void boundCallsAllocateNothing(RunMode mode) throws Throwable {
        Imports base = imports(new Counter(), new AtomicInteger(), how -> { });
        IntBinaryOperator sum = Integer::sum;
        for (Imports imports : List.of(base, Imports.builder().addAll(base)
                .function("env", "add", IntBinaryOperator.class, sum).build())) {
            MethodHandle repeat = instance(mode, imports).function("repeat").handle();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().threadId();
            for (int i = 0; i < 30; i++) {
                assertEquals(10_000 * 9_999 / 2 + 10_000, (int) repeat.invokeExact(10_000)); // warm-up
            }
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 3 && allocated > 4096; round++) {
                long before = threads.getThreadAllocatedBytes(thread);
                int r = (int) repeat.invokeExact(100_000);
                allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
                assertEquals((int) (100_000L * 99_999 / 2 + 100_000), r);
            }
            assertTrue(allocated <= 4096, mode + ": " + allocated + " bytes for 100,000 host calls");
        }
    }

    @Test
    void aHostCalledDirectlyFromJavaWorksToo() throws ReflectiveOperationException {
        // the function a builder made is also a WasmFunction a host may call or re-export
        Imports imports = Imports.builder().function("env", "add", staticMethod("add", int.class, int.class, int.class)).build();
        WasmFunction add = (WasmFunction) imports.lookup("env", "add");
        assertEquals(FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32)), add.type());
        assertEquals(9, add.call(4, 5)[0]);
        WasmFunction now = (WasmFunction) Imports.builder().function("env", "now", LongSupplier.class, () -> 42L).build()
                .lookup("env", "now");
        assertEquals(FunctionType.of(List.of(), List.of(ValueType.I64)), now.type());
        assertEquals(42L, now.call()[0]);
    }
}
