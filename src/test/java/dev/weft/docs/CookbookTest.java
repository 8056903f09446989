package dev.weft.docs;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.Limits;
import dev.weft.Memory;
import dev.weft.MemoryType;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.ValueType;
import dev.weft.WasmModule;
import dev.weft.wasi.Wasi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipes of docs/cookbook.md, run: each test holds a recipe's code as the page shows it
 * (DocSnippetsTest checks they agree) and checks what the page says it does, in both dispatch
 * modes where WebAssembly runs.
 */
class CookbookTest {
    /** Where a recipe's env.log lines go. */
    private final List<String> lines = new ArrayList<>();

    static WasmModule module(String name) {
        try (InputStream in = CookbookTest.class.getResourceAsStream(name)) {
            return WasmModule.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ host functions

    private Imports imports() throws ReflectiveOperationException {
        AtomicLong clock = new AtomicLong();
        Imports imports = Imports.builder()
                .function("env", "now", LongSupplier.class, () -> clock.addAndGet(1_000))     // () -> (i64)
                .function("env", "log", Host.Log.class,                                         // (i32, i32) -> ()
                          (memory, ptr, len) -> lines.add(memory.readString(ptr, len)))
                .function("env", "divmod", MethodHandles.lookup().findStatic(Host.class, "divmod",
                          MethodType.methodType(Host.DivMod.class, int.class, int.class)))     // (i32, i32) -> (i32, i32)
                .build();
        return imports;
    }

    private Instance instance(DispatchMode mode) throws ReflectiveOperationException {
        return Engine.builder().dispatch(mode).build().instantiate(module("cookbook.wasm"), imports());
    }

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void hostFunctionsOfEveryShape(DispatchMode mode) throws ReflectiveOperationException {
        Instance instance = instance(mode);
        instance.function("say_hello").call();
        assertEquals(List.of("hello from the guest"), lines);
        assertEquals(1_000L, instance.function("elapsed").call()[0]);
        assertEquals(14 * 1000 + 2, instance.function("divide").call(100, 7)[0]);
    }

    @Test
    void theHostCallForm() {
        Imports imports = Imports.builder()
                .function("env", "now", FunctionType.of(List.of(), List.of(ValueType.I64)),
                          call -> call.setI64(0, System.nanoTime()))
                .function("env", "log", FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of()),
                          call -> lines.add(call.memory().readString(call.i32(0), call.i32(1))))
                .function("env", "divmod", FunctionType.of(List.of(ValueType.I32, ValueType.I32),
                                                           List.of(ValueType.I32, ValueType.I32)), call -> {
                    int a = call.i32(0), b = call.i32(1);
                    if (b == 0) {
                        throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);   // traps the guest
                    }
                    call.setI32(0, a / b);
                    call.setI32(1, a % b);
                })
                .build();
        Instance instance = Engine.create().instantiate(module("cookbook.wasm"), imports);
        instance.function("say_hello").call();
        assertEquals(List.of("hello from the guest"), lines);
        assertEquals(3 * 1000 + 1, instance.function("divide").call(7, 2)[0]);
        TrapException t = assertThrows(TrapException.class, () -> instance.function("divide").call(7, 0));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    }

    // ------------------------------------------------------------------ strings

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void stringsIn(DispatchMode mode) throws ReflectiveOperationException {
        Instance instance = instance(mode);
        Memory memory = instance.memory("memory");

        byte[] utf8 = "education".getBytes(StandardCharsets.UTF_8);
        int ptr = (int) instance.function("alloc").call(utf8.length)[0];    // the guest's allocator
        memory.writeBytes(ptr, utf8);
        int vowels = (int) instance.function("count_vowels").call(ptr, utf8.length)[0];   // 5
        int at = (int) instance.function("alloc").call(64)[0];
        int written = memory.writeCString(at, "zürich");   // 7 UTF-8 bytes and a NUL: 8

        assertEquals(5, vowels);
        assertEquals(8, written);
        assertEquals("zürich", memory.readCString(at));
    }

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void stringsOut(DispatchMode mode) throws ReflectiveOperationException {
        Instance instance = instance(mode);
        Memory memory = instance.memory("memory");

        Object[] r = instance.function("greeting").call();            // two results: pointer, length
        String greeting = memory.readString((int) r[0], (int) r[1]);  // "hello from the guest"
        int cPtr = (int) instance.function("c_string").call()[0];
        String c = memory.readCString(cPtr);                          // up to its NUL: "a C string"

        assertEquals("hello from the guest", greeting);
        assertEquals("a C string", c);
    }

    // ------------------------------------------------------------------ bytes

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void bytesAndBuffers(DispatchMode mode) throws ReflectiveOperationException {
        Instance instance = instance(mode);
        Memory memory = instance.memory("memory");
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }

        int buf = (int) instance.function("alloc").call(data.length)[0];
        memory.writeBytes(buf, data);                                       // copy in
        long sum = (long) instance.function("checksum").call(buf, data.length)[0];
        byte[] copy = memory.readBytes(buf, data.length);                   // copy out
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        memory.read(buf, direct);                                           // fills it; position advances
        MemorySegment view = memory.slice(buf, data.length);                // no copy: the guest's bytes

        assertEquals(255L * 256 / 2, sum);
        assertArrayEquals(data, copy);
        assertEquals(16, direct.position());
        assertEquals(15, direct.get(15));
        assertEquals(-1, view.mismatch(MemorySegment.ofArray(data)));

        memory.writeI32(buf, 0xCAFE);              // little-endian, like the guest's i32.store
        memory.writeF64(buf + 8, Math.PI);         // unaligned is fine
        int word = memory.readI32(buf);            // 0xCAFE
        long big = memory.readU32(buf + 252);      // unsigned: 0xFFFEFDFC, not negative

        assertEquals(0xCAFE, word);
        assertEquals(Math.PI, memory.readF64(buf + 8));
        assertEquals(0xFFFE_FDFCL, big);

        TrapKind kind = null;
        try {
            memory.readI64(-4);                    // -4 is address 0xFFFFFFFC: addresses are unsigned
        } catch (TrapException e) {
            kind = e.kind();                       // OUT_OF_BOUNDS_MEMORY_ACCESS, as the guest's load would trap
        }

        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, kind);
    }

    // ------------------------------------------------------------------ WASI

    @ParameterizedTest
    @EnumSource(DispatchMode.class)
    void wasiFromJava(DispatchMode mode) {
        Engine engine = Engine.builder().dispatch(mode).build();
        WasmModule program = module("wasi_hello.wasm");
        int exitCode;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().args("hello").stdout(out).build()) {
            Instance instance = engine.instantiate(program, wasi.imports());
            exitCode = wasi.runStart(instance);                  // 3: the guest called proc_exit(3)
        }
        String printed = out.toString(StandardCharsets.UTF_8);   // "hello from WASI\n"

        assertEquals(3, exitCode);
        assertEquals("hello from WASI\n", printed);
    }

    // ------------------------------------------------------------------ threads

    @Test
    void manyThreads() throws Exception {
        Engine engine = Engine.create();                    // immutable: share it
        WasmModule module = module("cookbook.wasm");        // immutable: share it
        Imports imports = imports();                        // immutable: share it
        long total = 0;

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {     // or newVirtualThreadPerTaskExecutor()
            List<Future<Long>> results = new ArrayList<>();
            for (int n = 0; n < 90; n++) {
                int arg = n;
                results.add(pool.submit(() -> {
                    try (Instance own = engine.instantiate(module, imports)) {   // one per task: cheap
                        return (long) own.function("fib").call(arg)[0];
                    }
                }));
            }
            for (Future<Long> f : results) {
                total += f.get();
            }
        }

        long expected = 0;
        for (long a = 0, b = 1, n = 0; n < 90; n++) {
            expected += a;
            long t = a + b;
            a = b;
            b = t;
        }
        assertEquals(expected, total);
    }

    // ------------------------------------------------------------------ closing

    @Test
    void closing() throws ReflectiveOperationException {
        Engine engine = Engine.create();
        WasmModule module = module("cookbook.wasm");
        Imports imports = imports();
        Instance kept;

        try (Instance instance = engine.instantiate(module, imports)) {
            instance.function("say_hello").call();
            kept = instance;                                         // to call it after the block: it throws
        }                                                            // its memory is freed here

        try (Memory shared = Memory.create(new MemoryType(Limits.of(1, 16)))) {   // made by the host...
            shared.writeI32(0, 42);    // bind it with Imports.builder().add("env", "memory", shared)
        }                                                            // ...so closed by the host

        assertThrows(IllegalStateException.class, () -> kept.function("say_hello").call());
        assertEquals(List.of("hello from the guest"), lines);
    }

    // ------------------------------------------------------------------ logging

    @Test
    void logging() {
        Level saved = Logger.getLogger("dev.weft").getLevel();

        Logger weft = Logger.getLogger("dev.weft");   // java.util.logging: the JDK's default System.Logger backend
        Handler console = new ConsoleHandler();
        weft.setLevel(Level.FINE);                    // Weft logs at DEBUG (FINE) and TRACE (FINER) only
        console.setLevel(Level.FINE);                 // the handler passes FINE too
        weft.addHandler(console);

        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                seen.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        weft.addHandler(capture);
        try {
            module("cookbook.wasm");
            assertTrue(seen.size() == 1 && seen.getFirst().startsWith("module (unnamed) parsed: 534 bytes"), seen.toString());
        } finally {
            weft.removeHandler(console);
            weft.removeHandler(capture);
            weft.setLevel(saved);
        }
    }
}
