package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.RunMode;
import dev.weft.Engine;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.TrapException;
import dev.weft.TrapKind;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Wasi#runStart}: returns, {@code proc_exit} codes, traps, and what is not a command. */
class RunStartTest {
    private static Instance instantiate(Wasi wasi, String module, RunMode mode) {
        return mode.engine().instantiate(Probe.module(module), wasi.imports());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aCommandThatReturnsExitsWithZero(RunMode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().stdout(out).build()) {
            assertEquals(0, wasi.runStart(instantiate(wasi, "hello.wasm", mode)));
        }
        assertEquals("hello, wasi\n", out.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 42, 126, 255, 256, 65536, -1})
    void procExitEndsTheRunWithItsCode(int code) {
        for (RunMode mode : RunMode.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Wasi wasi = Wasi.builder().stdout(out).build()) {
                Instance instance = instantiate(wasi, "exit.wasm", mode);
                instance.memory("memory").segment().set(ValueLayout.JAVA_INT_UNALIGNED, 0, code);
                assertEquals(code, wasi.runStart(instance), mode + " exit code");
            }
            assertEquals("bye\n", out.toString(), "output before proc_exit is kept");
        }
    }

    @Test
    void procExitOutsideRunStartThrowsWasiExitException() {
        try (Probe p = new Probe(Wasi.builder())) {
            WasiExitException e = assertThrows(WasiExitException.class,
                    () -> p.instance.function("proc_exit").call(7));
            assertEquals(7, e.exitCode());
            assertEquals("proc_exit(7)", e.getMessage());
            assertEquals("proc_exit(4294967295)", new WasiExitException(-1).getMessage());
            // the instance is still usable afterwards
            assertEquals(Errno.SUCCESS, p.call("sched_yield"));
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aTrapPropagatesWithItsStackAndTheOutputBeforeIt(RunMode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().stdout(out).build()) {
            Instance instance = instantiate(wasi, "trap.wasm", mode);
            TrapException trap = assertThrows(TrapException.class, () -> wasi.runStart(instance));
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());
            assertTrue(trap.wasmStackTrace().get(0).contains("divide"), trap.wasmStackTrace().toString());
            assertTrue(trap.wasmStackTrace().get(1).contains("compute"), trap.wasmStackTrace().toString());
        }
        assertEquals("before the trap\n", out.toString());
    }

    @Test
    void whatIsNotACommandIsRefused() {
        try (Wasi wasi = Wasi.builder().build()) {
            Instance probe = instantiate(wasi, "probe.wasm", RunMode.SWITCH);
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> wasi.runStart(probe));
            assertTrue(none.getMessage().contains("no _start"), none.getMessage());
            Instance bad = Engine.create().instantiate(Probe.module("badstart.wasm"), Imports.none());
            assertThrows(IllegalArgumentException.class, () -> wasi.runStart(bad));
        }
    }

    @Test
    void aClosedContextCannotRunAndItsCallsFailWithEbadf() {
        Probe p = new Probe(Wasi.builder());
        p.close();
        p.close(); // closing twice is harmless
        assertThrows(IllegalStateException.class, () -> p.wasi.runStart(p.instance));
        assertEquals(Errno.BADF, p.writeErrno(1, new byte[] {1}, new int[1]));
    }

    @Test
    void stdoutIsDiscardedUnlessConfigured() {
        try (Wasi wasi = Wasi.builder().build()) {
            assertEquals(0, wasi.runStart(instantiate(wasi, "hello.wasm", RunMode.SWITCH)));
        }
    }
}
