package dev.weft;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.weft.TrapKind.CALL_STACK_EXHAUSTED;
import static dev.weft.TrapKind.INDIRECT_CALL_TYPE_MISMATCH;
import static dev.weft.TrapKind.INTEGER_DIVIDE_BY_ZERO;
import static dev.weft.TrapKind.INTEGER_OVERFLOW;
import static dev.weft.TrapKind.INVALID_CONVERSION_TO_INTEGER;
import static dev.weft.TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
import static dev.weft.TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS;
import static dev.weft.TrapKind.UNDEFINED_ELEMENT;
import static dev.weft.TrapKind.UNINITIALIZED_ELEMENT;
import static dev.weft.TrapKind.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every trap kind: its kind, its message, the WebAssembly stack it reports, and the instance afterwards. */
class TrapTest {

    /** Asserts that running {@code e} traps with {@code kind}, the message starting with the kind's wording. */
    static TrapException assertTrap(TrapKind kind, Executable e) {
        TrapException t = assertThrows(TrapException.class, e);
        assertEquals(kind, t.kind(), () -> "kind of " + t.getMessage());
        assertTrue(t.getMessage().startsWith(kind.message()), () -> "message '" + t.getMessage() + "'");
        return t;
    }

    /** One trapping call: export, arguments, expected kind, and the function the trap happens in. */
    record Case(String export, Object[] args, TrapKind kind, String function) {
        @Override
        public String toString() {
            return export + List.of(args) + " -> " + kind;
        }
    }

    private static Case c(String export, TrapKind kind, String function, Object... args) {
        return new Case(export, args, kind, function);
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                c("i32.div_u", INTEGER_DIVIDE_BY_ZERO, "div_u", 1, 0),
                c("i32.rem_s", INTEGER_DIVIDE_BY_ZERO, "rem_s", 1, 0),
                c("i32.div_s_by_0", INTEGER_DIVIDE_BY_ZERO, "div_s_by_0", 5),
                c("i64.rem_u", INTEGER_DIVIDE_BY_ZERO, "rem_u_64", 1L, 0L),
                c("i32.div_s", INTEGER_OVERFLOW, "div_s", Integer.MIN_VALUE, -1),
                c("i64.div_s", INTEGER_OVERFLOW, "div_s_64", Long.MIN_VALUE, -1L),
                c("i32.trunc_f32_s", INTEGER_OVERFLOW, "trunc_f32_s", 3e9f),
                c("i32.trunc_f32_s", INTEGER_OVERFLOW, "trunc_f32_s", Float.NEGATIVE_INFINITY),
                c("i64.trunc_f64_u", INTEGER_OVERFLOW, "trunc_f64_u", -1.0),
                c("i32.trunc_f32_s", INVALID_CONVERSION_TO_INTEGER, "trunc_f32_s", Float.NaN),
                c("i64.trunc_f64_u", INVALID_CONVERSION_TO_INTEGER, "trunc_f64_u", Double.NaN),
                c("i32.load", OUT_OF_BOUNDS_MEMORY_ACCESS, "load", 65533),
                c("i32.load", OUT_OF_BOUNDS_MEMORY_ACCESS, "load", -1),
                c("i64.load", OUT_OF_BOUNDS_MEMORY_ACCESS, "load64", 65529),
                // address + offset is exactly 4 GiB: must not wrap around to 0
                c("i32.load_far", OUT_OF_BOUNDS_MEMORY_ACCESS, "load_far", 1),
                c("i32.store", OUT_OF_BOUNDS_MEMORY_ACCESS, "store", 65533, 1),
                c("i64.store_far", OUT_OF_BOUNDS_MEMORY_ACCESS, "store_far", 8),
                c("memory.fill", OUT_OF_BOUNDS_MEMORY_ACCESS, "fill", 65530, 0, 7),
                c("memory.fill", OUT_OF_BOUNDS_MEMORY_ACCESS, "fill", 1, 0, -1),
                c("memory.copy", OUT_OF_BOUNDS_MEMORY_ACCESS, "copy", 0, 65530, 7),
                c("memory.copy", OUT_OF_BOUNDS_MEMORY_ACCESS, "copy", 65530, 0, 7),
                c("memory.init", OUT_OF_BOUNDS_MEMORY_ACCESS, "init", 0, 5, 6),
                c("memory.init", OUT_OF_BOUNDS_MEMORY_ACCESS, "init", 65535, 0, 2),
                c("table.get", OUT_OF_BOUNDS_TABLE_ACCESS, "table_get", 4),
                c("table.set", OUT_OF_BOUNDS_TABLE_ACCESS, "table_set", -1),
                c("table.fill", OUT_OF_BOUNDS_TABLE_ACCESS, "table_fill", 3, 2),
                c("table.copy", OUT_OF_BOUNDS_TABLE_ACCESS, "table_copy", 3, 0, 2),
                c("table.init", OUT_OF_BOUNDS_TABLE_ACCESS, "table_init", 0, 1, 2),
                c("call_indirect", INDIRECT_CALL_TYPE_MISMATCH, "call_indirect", 1),
                c("call_indirect", UNINITIALIZED_ELEMENT, "call_indirect", 2),
                c("call_indirect", UNDEFINED_ELEMENT, "call_indirect", 4),
                c("call_indirect", UNDEFINED_ELEMENT, "call_indirect", -1),
                c("recurse", CALL_STACK_EXHAUSTED, "recurse", 0));
        List<Arguments> out = new ArrayList<>();
        for (RunMode mode : RunMode.values()) {
            for (Case c : cases) {
                out.add(Arguments.of(mode, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void trapsWithKindMessageAndStack(RunMode mode, Case c) {
        Instance instance = TestWasm.instance(mode, "traps");
        TrapException t = assertTrap(c.kind(), () -> instance.function(c.export()).call(c.args()));
        List<String> stack = t.wasmStackTrace();
        assertFalse(stack.isEmpty(), "no WebAssembly stack");
        assertTrue(stack.get(0).startsWith("traps!" + c.function() + " (func "), () -> "innermost frame of " + stack);
        assertTrue(t.getMessage().contains("\n    at " + stack.get(0)), t.getMessage());
        // the trap left nothing behind: the same instance computes and the same call traps again
        assertEquals(3, instance.function("i32.div_u").call(7, 2)[0]);
        assertEquals(c.kind(), assertThrows(TrapException.class, () -> instance.function(c.export()).call(c.args())).kind());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void stackListsEveryFrameInnermostFirst(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "traps");
        TrapException t = assertTrap(UNREACHABLE, () -> instance.function("unreachable").call());
        assertEquals(List.of("traps!innermost (func 2)", "traps!middle (func 3)", "traps!outer (func 4)"), t.wasmStackTrace());
        assertEquals("unreachable\n    at traps!innermost (func 2)\n    at traps!middle (func 3)\n    at traps!outer (func 4)",
                t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void exhaustedStackReportsOnlyTheRecursingFunction(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "traps");
        TrapException t = assertTrap(CALL_STACK_EXHAUSTED, () -> instance.function("recurse").call(0));
        List<String> stack = t.wasmStackTrace();
        assertEquals(TrapException.MAX_FRAMES, stack.size(), "a long stack is listed, but bounded");
        assertTrue(stack.stream().allMatch("traps!recurse (func 27)"::equals), stack.toString());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void trapThroughHandleIsTheSameTrap(RunMode mode) {
        Instance instance = TestWasm.instance(mode, "traps");
        MethodHandle divU = instance.function("i32.div_u").handle();
        TrapException t = assertTrap(INTEGER_DIVIDE_BY_ZERO, () -> {
            int unused = (int) divU.invokeExact(1, 0);
        });
        assertTrue(t.wasmStackTrace().get(0).startsWith("traps!div_u "), t.wasmStackTrace().toString());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void stateWrittenBeforeATrapStaysAndTheInstanceKeepsWorking(RunMode mode) throws Throwable {
        Instance instance = TestWasm.instance(mode, "traps");
        Memory memory = instance.memory("memory");
        Global counter = instance.global("counter");
        assertEquals(42, counter.getI32());
        assertTrap(UNREACHABLE, () -> instance.function("store_then_trap").call(100, 1234));
        // WebAssembly has no rollback: the store and the global.set before the trap stay
        assertEquals(1234, memory.segment().get(ValueLayout.JAVA_INT_UNALIGNED, 100));
        assertEquals(1234, counter.getI32());
        assertEquals("weft", new String(memory.segment().asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
        // deep traps restore the machine too: a trap after an exhausted stack reports the short stack again
        assertTrap(CALL_STACK_EXHAUSTED, () -> instance.function("recurse").call(0));
        TrapException again = assertTrap(UNREACHABLE, () -> instance.function("unreachable").call());
        assertEquals(3, again.wasmStackTrace().size());
        assertEquals(8, (int) instance.function("call_indirect").handle().invokeExact(0) + 1);
        assertEquals(0x7466_6577, (int) instance.function("i32.load").handle().invokeExact(0)); // "weft" little-endian
    }
}
