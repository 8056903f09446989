package dev.weft;

import dev.weft.runtime.EngineLog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weft logs through {@code System.Logger} "dev.weft" (here backed by {@code java.util.logging}, the
 * JDK's default): nothing at the default configuration, the module-load line at DEBUG (FINE), and
 * the hooks' events at their documented levels.
 */
class LoggingTest {
    private final Logger jul = Logger.getLogger(EngineLog.NAME);
    private final Level savedLevel = jul.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void restore() {
        jul.removeHandler(capture);
        jul.setLevel(savedLevel);
    }

    private List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Test
    void silentByDefault() {
        jul.setLevel(null); // inherit the root logger's INFO, as an unconfigured application does
        jul.addHandler(capture);
        assertFalse(System.getLogger(EngineLog.NAME).isLoggable(System.Logger.Level.DEBUG));
        TestWasm.module("memory_access");
        EngineLog.instantiated("x", 60_000_000_000L);
        EngineLog.limitReached("maxCallDepth", 50_000, "call stack exhausted");
        assertEquals(List.of(), messages());
    }

    @Test
    void moduleLoadAtDebug() {
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        TestWasm.module("memory_access");
        assertEquals(1, records.size(), messages().toString());
        LogRecord r = records.getFirst();
        assertEquals(Level.FINE, r.getLevel()); // System.Logger's DEBUG
        assertEquals(EngineLog.NAME, r.getLoggerName());
        String m = r.getMessage();
        assertTrue(m.startsWith("module memory_access parsed: 637 bytes, 19 functions; decoded in "), m);
        assertTrue(m.matches(".*decoded in \\d+\\.\\d{3} ms, validated in \\d+\\.\\d{3} ms, translated in \\d+\\.\\d{3} ms"), m);
    }

    @Test
    void hooksLogAtTheirLevels() {
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
        EngineLog.instantiated("fast", 1_000_000);
        EngineLog.instantiated("slow", EngineLog.SLOW_INSTANTIATION_MILLIS * 1_000_000);
        EngineLog.limitReached("maxCallDepth", 50_000, "call stack exhausted in app!fib");
        EngineLog.tierChanged("app!fib (func 3)", "compiled", "10,000 calls");
        assertEquals(List.of(Level.FINER, Level.FINE, Level.FINE, Level.FINE), records.stream().map(LogRecord::getLevel).toList());
        assertEquals(List.of("module fast instantiated in 1.000 ms",
                "module slow instantiated in 10.000 ms (slow: 10 ms or more)",
                "limit maxCallDepth (50000) reached: call stack exhausted in app!fib",
                "function app!fib (func 3) moved to compiled (10,000 calls)"), messages());
    }

    @Test
    void theCompiledTierLogsWhatItCompiles() {
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        Instance instance = RunMode.COMPILED.engine().instantiate(WasmModule.parseText("""
                (module
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                """));
        assertEquals(5, instance.function("add").call(2, 3)[0]);
        List<String> tier = messages().stream().filter(m -> m.startsWith("function ")).toList();
        assertEquals(1, tier.size(), messages().toString());
        // (the text parser writes no name section, so the function is known by its index)
        assertTrue(tier.getFirst().matches("function func 0 moved to compiled \\(2 instructions of weight 2; \\d+ bytes of JVM bytecode\\)"),
                tier.getFirst());
        assertTrue(messages().stream().anyMatch(m -> m.matches("module \\(unnamed\\): compiled 1 function into a class in [0-9.]+ ms")),
                messages().toString());
    }
}
