package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code args_*} and {@code environ_*}: what the builder grants, byte for byte. */
class ArgsEnvTest {
    /** Reads a string list through the sizes call and the get call, checking their agreement. */
    private static List<String> strings(Probe p, String sizes, String get) {
        int count = p.alloc(4);
        int size = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call(sizes, count, size));
        int n = p.i32(count);
        int bytes = p.i32(size);
        int pointers = p.alloc(4 * n);
        int buffer = p.alloc(bytes);
        assertErrno(Errno.SUCCESS, p.call(get, pointers, buffer));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s = p.i32(pointers + 4 * i);
            assertTrue(s >= buffer && s < buffer + bytes, "pointer into the buffer");
            int end = s;
            while (p.u8(end) != 0) {
                end++;
            }
            assertTrue(end < buffer + bytes, "NUL inside the buffer");
            out.add(p.string(s, end - s));
        }
        int total = 0;
        for (String s : out) {
            total += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        assertEquals(bytes, total, "the NUL-terminated strings fill the announced size exactly");
        return out;
    }

    @Test
    void nothingIsGrantedByDefault() {
        try (Probe p = new Probe(Wasi.builder())) {
            assertEquals(List.of(), strings(p, "args_sizes_get", "args_get"));
            assertEquals(List.of(), strings(p, "environ_sizes_get", "environ_get"));
        }
    }

    @Test
    void argumentsArriveInOrderAsUtf8() {
        try (Probe p = new Probe(Wasi.builder().args("prog.wasm", "x", "", "ünïcödé ✓"))) {
            assertEquals(List.of("prog.wasm", "x", "", "ünïcödé ✓"), strings(p, "args_sizes_get", "args_get"));
            int size = p.alloc(4);
            assertErrno(Errno.SUCCESS, p.call("args_sizes_get", p.alloc(4), size));
            int expected = 0;
            for (String s : List.of("prog.wasm", "x", "", "ünïcödé ✓")) {
                expected += s.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            assertEquals(expected, p.i32(size));
        }
    }

    @Test
    void argsReplacesEarlierArgs() {
        try (Probe p = new Probe(Wasi.builder().args("a", "b").args("c"))) {
            assertEquals(List.of("c"), strings(p, "args_sizes_get", "args_get"));
        }
    }

    @Test
    void environmentIsNameEqualsValueInOrderLaterOverridingEarlier() {
        try (Probe p = new Probe(Wasi.builder().env("B", "2").env("A", "x=y").env("B", "3"))) {
            assertEquals(List.of("B=3", "A=x=y"), strings(p, "environ_sizes_get", "environ_get"));
        }
    }

    @Test
    void inheritedEnvironmentIsTheHostsWithExplicitVariablesWinning() {
        String name = System.getenv().keySet().stream().sorted().findFirst().orElse(null);
        try (Probe p = new Probe(Wasi.builder().inheritEnv().env("WEFT_TEST_ONLY", "1"))) {
            List<String> env = strings(p, "environ_sizes_get", "environ_get");
            assertEquals(System.getenv().size() + (System.getenv().containsKey("WEFT_TEST_ONLY") ? 0 : 1), env.size());
            assertTrue(env.contains("WEFT_TEST_ONLY=1"));
            if (name != null) {
                assertEquals(name + "=" + System.getenv(name), env.get(0), "host variables in name order");
            }
        }
        if (name != null) {
            try (Probe p = new Probe(Wasi.builder().env(name, "overridden").inheritEnv())) {
                assertTrue(strings(p, "environ_sizes_get", "environ_get").contains(name + "=overridden"));
            }
        }
    }

    @Test
    void badNamesAndNulCharactersAreRefusedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().env("A=B", "1"));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().env("", "1"));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().env("A", "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().args("ok", "a\0b"));
    }

    @Test
    void pointersOutsideMemoryAreEfault() {
        try (Probe p = new Probe(Wasi.builder().args("prog", "arg").env("K", "V"))) {
            int end = p.memorySize();
            int ok = p.alloc(4);
            assertErrno(Errno.FAULT, p.call("args_sizes_get", end - 3, ok));
            assertErrno(Errno.FAULT, p.call("args_sizes_get", ok, -1));
            assertErrno(Errno.SUCCESS, p.call("args_sizes_get", end - 4, ok), "the last 4 bytes are fine");
            // argv needs 8 bytes of pointers and 9 of strings ("prog\0arg\0")
            int buffer = p.alloc(16);
            assertErrno(Errno.FAULT, p.call("args_get", end - 4, buffer));
            assertErrno(Errno.FAULT, p.call("args_get", p.alloc(8), end - 8));
            assertErrno(Errno.SUCCESS, p.call("args_get", p.alloc(8), end - 9));
            assertErrno(Errno.FAULT, p.call("environ_get", end - 2, buffer));
            assertErrno(Errno.FAULT, p.call("environ_sizes_get", ok, end));
        }
    }
}
