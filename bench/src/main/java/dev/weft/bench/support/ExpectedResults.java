package dev.weft.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected results of the WAT workloads, read from bench-wasm's {@code expected.json}
 * (computed with Node.js and independent Python models), so a benchmark size without a
 * published expected value cannot be used.
 */
public final class ExpectedResults {
    private static volatile Map<String, Long> table;

    private ExpectedResults() {
    }

    /**
     * @param file the module file, e.g. {@code sieve.wasm}
     * @param export the export called
     * @param arg its single argument
     * @return the expected single integer result
     * @throws IllegalStateException if expected.json has no entry for that call
     */
    public static long of(String file, String export, long arg) {
        Long v = table().get(key(file, export, arg));
        if (v == null) {
            throw new IllegalStateException("expected.json has no result for " + export + "(" + arg + ") in " + file
                    + ": pick a size listed there");
        }
        return v;
    }

    private static String key(String file, String export, long arg) {
        return file + " " + export + " " + arg;
    }

    private static Map<String, Long> table() {
        Map<String, Long> t = table;
        if (t == null) {
            t = load();
            table = t;
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> load() {
        String text;
        try {
            text = Files.readString(BenchFiles.dir().resolve("expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> t = new HashMap<>();
        for (Object o : (List<Object>) Json.parse(text)) {
            Map<String, Object> e = (Map<String, Object>) o;
            List<Object> args = (List<Object>) e.get("args");
            List<Object> results = (List<Object>) e.get("expected");
            if (args.size() != 1 || results.size() != 1) {
                continue;
            }
            long arg = Long.parseLong((String) ((Map<String, Object>) args.get(0)).get("value"));
            long result = Long.parseLong((String) ((Map<String, Object>) results.get(0)).get("value"));
            t.put(key((String) e.get("file"), (String) e.get("export"), arg), result);
        }
        return Map.copyOf(t);
    }
}
