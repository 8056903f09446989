package dev.weft.bench.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the shared benchmark modules ({@code bench-wasm/}) and the small modules bundled in
 * this jar. The directory is, in order: the system property {@value #PROPERTY}, the
 * environment variable {@value #ENV}, or the first {@code shared/bench-wasm} found walking up
 * from the working directory (so it works from the repository root and from {@code bench/}).
 * JMH forks inherit the working directory, the environment and the launcher's system properties.
 */
public final class BenchFiles {
    public static final String PROPERTY = "weft.benchwasm.dir";
    public static final String ENV = "WEFT_BENCH_WASM";

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();
    private static volatile Path dir;

    private BenchFiles() {
    }

    /** @return the bench-wasm directory */
    public static Path dir() {
        Path d = dir;
        if (d == null) {
            d = locate();
            dir = d;
        }
        return d;
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        if (configured != null) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p.resolve("expected.json"))) {
                throw new IllegalStateException(PROPERTY + "/" + ENV + " = " + p + " has no expected.json");
            }
            return p.toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/bench-wasm");
            if (Files.isRegularFile(candidate.resolve("expected.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/bench-wasm above " + Path.of("").toAbsolutePath()
                + "; set -D" + PROPERTY + "=... or " + ENV);
    }

    /**
     * @param relative a path inside bench-wasm, e.g. {@code large/spidermonkey.wasm}
     * @return the file's bytes (cached; do not modify)
     */
    public static byte[] bytes(String relative) {
        return CACHE.computeIfAbsent(relative, r -> {
            try {
                return Files.readAllBytes(dir().resolve(r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * @param name a module bundled with the benchmarks, e.g. {@code add.wasm}
     * @return its bytes
     */
    public static byte[] bundled(String name) {
        return CACHE.computeIfAbsent("bundled:" + name, k -> {
            try (InputStream in = BenchFiles.class.getResourceAsStream("/dev/weft/bench/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled module " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
