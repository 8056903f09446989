package dev.weft.wasi;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.weft.RunMode;
import dev.weft.Engine;
import dev.weft.TrapException;
import dev.weft.WasmModule;
import dev.weft.conformance.CommandOutcome;
import dev.weft.conformance.ConformanceReport;
import dev.weft.conformance.ConformanceResults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the official WASI preview 1 test suite ({@code wasi-testsuite}) in both dispatch modes:
 * every {@code NAME.wasm} under {@code tests/}, each as its {@code NAME.json} (or the default
 * specification) says, on a fresh writable copy of its fixtures in a temporary directory, and
 * reports passed/failed per language into {@code summary.json} (folder {@value ConformanceReport#WASI_SUITE},
 * kind {@code assemblyscript}, {@code c} or {@code rust}). A test that fails fails the build.
 *
 * <p>The suite's location is the system property {@value #DIR_PROPERTY} (default
 * {@code ../shared/wasi-testsuite}); without it the test says so and is skipped (aborted, never passed).
 */
class WasiTestsuiteTest {
    /** System property naming the suite's directory (the one holding {@code tests/}). */
    static final String DIR_PROPERTY = "weft.wasitest.dir";
    /** How long one test may run before it counts as failed (the reference runner allows 5 s on native runtimes). */
    private static final long TIMEOUT_SECONDS = 60;

    private static final Path SUITE = Path.of(System.getProperty(DIR_PROPERTY, "../shared/wasi-testsuite"));
    private static final ConformanceResults RESULTS = new ConformanceResults();
    private static final Map<RunMode, Engine> ENGINES = new EnumMap<>(RunMode.class);
    private static final Map<Path, WasmModule> MODULES = new ConcurrentHashMap<>();
    /** Guests run here, so that a hanging one can be abandoned (daemon threads) and counted as failed. */
    private static final ExecutorService GUESTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "wasi-testsuite guest");
        t.setDaemon(true);
        return t;
    });

    /**
     * One test of the suite.
     *
     * @param language the folder under {@code tests/}: {@code assemblyscript}, {@code c}, {@code rust}
     * @param wasm the test program
     */
    record TestCase(String language, Path wasm) {
        String name() {
            String file = wasm.getFileName().toString();
            return file.substring(0, file.length() - ".wasm".length());
        }
    }

    @TestFactory
    Stream<DynamicNode> wasiTestsuite() throws IOException {
        for (RunMode mode : RunMode.values()) {
            RESULTS.noteRun(mode.id(), ConformanceReport.WASI_SUITE);
        }
        Path tests = SUITE.resolve("tests");
        if (!Files.isDirectory(tests)) {
            String message = "WASI test suite NOT FOUND at " + SUITE.toAbsolutePath() + ": its 72 tests were NOT run; set -D"
                    + DIR_PROPERTY + "=<dir> (the pom sets it to ${project.basedir}/../shared/wasi-testsuite)";
            System.err.println("!!! " + message);
            return Stream.of(dynamicTest("WASI test suite not found", () -> Assumptions.abort(message)));
        }
        List<TestCase> cases = discover(tests);
        List<DynamicNode> modes = new ArrayList<>();
        for (RunMode mode : RunMode.values()) {
            ENGINES.put(mode, mode.engine());
            modes.add(dynamicContainer(mode.id(), cases.stream()
                    .map(c -> dynamicTest(c.language() + "/" + c.name(), () -> runAndRecord(mode, c)))));
        }
        return modes.stream();
    }

    @AfterAll
    static void writeReport() throws IOException {
        ConformanceReport report = ConformanceReport.fromSystemProperty();
        report.write(RESULTS);
        System.out.println();
        System.out.println("WASI test suite (" + SUITE + "), passed / failed per mode and language:");
        for (ConformanceResults.Row r : RESULTS.rows()) {
            System.out.printf("  %-8s %-16s %4d %4d%n", r.mode(), r.kind(), r.passed(), r.failed());
        }
        System.out.println("  written: " + report.dir().resolve(ConformanceReport.SUMMARY));
    }

    /** Every {@code *.wasm} under {@code tests/}, in name order; {@code *.cleanup} files are never copied. */
    private static List<TestCase> discover(Path tests) throws IOException {
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wasm") && Files.isRegularFile(p)).sorted()
                    .map(p -> new TestCase(tests.relativize(p).getName(0).toString(), p)).toList();
        }
    }

    private static void runAndRecord(RunMode mode, TestCase test) throws IOException {
        String failure = run(mode, test);
        RESULTS.record(mode.id(), ConformanceReport.WASI_SUITE, test.language(),
                failure == null ? CommandOutcome.passed() : CommandOutcome.failed(failure, null));
        if (failure != null) {
            throw new AssertionFailedError(test.language() + "/" + test.name() + " [" + mode.id() + "]: " + failure);
        }
    }

    /** What one run of the program did. */
    private record Outcome(Integer exitCode, String trap, Map<String, StringBuilder> unread) {
    }

    /** @return null if the test passed, else what went wrong */
    private static String run(RunMode mode, TestCase test) throws IOException {
        Path dir = test.wasm().getParent();
        WasiTestSpec spec;
        try {
            spec = WasiTestSpec.read(dir.resolve(test.name() + ".json"));
        } catch (IllegalArgumentException e) {
            return "bad specification: " + e.getMessage();
        }
        if (!spec.proposals().isEmpty()) {
            return "needs WASI proposals " + spec.proposals() + ", which Weft does not implement";
        }
        Path work = Files.createTempDirectory("weft-wasitest-");
        try {
            Outcome outcome = null;
            for (WasiTestSpec.Operation op : spec.operations()) {
                switch (op) {
                    case WasiTestSpec.Run r -> outcome = start(mode, test, r, work);
                    case WasiTestSpec.Read r -> {
                        StringBuilder stream = outcome.unread().get(r.stream());
                        if (stream == null) {
                            return "read of unknown stream " + r.stream();
                        }
                        String got = stream.substring(0, Math.min(stream.length(), r.payload().length()));
                        stream.delete(0, got.length());
                        if (!got.equals(r.payload())) {
                            return r.stream() + " expected " + quote(r.payload()) + ", got " + quote(got + stream)
                                    + describe(outcome);
                        }
                    }
                    case WasiTestSpec.Wait w -> {
                        if (outcome.exitCode() == null || outcome.exitCode() != w.exitCode()) {
                            return "expected exit code " + w.exitCode() + describe(outcome);
                        }
                    }
                    case WasiTestSpec.Unsupported u -> {
                        return "operation " + u.type() + " needs sockets, which preview 1 cannot create";
                    }
                }
            }
            return null;
        } finally {
            deleteTree(work);
        }
    }

    private static String describe(Outcome o) {
        return (o.trap() != null ? "; trapped: " + o.trap() : "; exit code " + o.exitCode())
                + "; stdout " + quote(o.unread().get("stdout").toString())
                + "; stderr " + quote(o.unread().get("stderr").toString());
    }

    private static String quote(String s) {
        return '"' + s.replace("\n", "\\n") + '"';
    }

    /** Runs the program to its end (stdin empty), on a fresh copy of its root directory. */
    private static Outcome start(RunMode mode, TestCase test, WasiTestSpec.Run run, Path work) throws IOException {
        WasmModule module = MODULES.computeIfAbsent(test.wasm(), WasmModule::parse);
        List<String> argv = new ArrayList<>();
        argv.add(test.wasm().getFileName().toString());
        argv.addAll(run.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Wasi.Builder builder = Wasi.builder().args(argv.toArray(String[]::new)).stdout(out).stderr(err);
        run.env().forEach(builder::env);
        if (run.root() != null) {
            Path fixtures = work.resolve(Path.of(run.root()).getFileName().toString());
            copyWritable(test.wasm().getParent().resolve(run.root()), fixtures);
            builder.preopen(fixtures, "/");
        }
        Integer exitCode = null;
        String trap = null;
        try (Wasi wasi = builder.build()) {
            Future<Integer> result = GUESTS.submit(() -> wasi.runStart(ENGINES.get(mode).instantiate(module, wasi.imports())));
            try {
                exitCode = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TrapException t)) {
                    throw new AssertionFailedError("the guest ended with " + e.getCause(), e.getCause());
                }
                trap = t.getMessage();
            } catch (TimeoutException e) {
                result.cancel(true);
                trap = "still running after " + TIMEOUT_SECONDS + " s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted", e);
            }
        }
        return new Outcome(exitCode, trap, Map.of(
                "stdout", new StringBuilder(out.toString(StandardCharsets.UTF_8)),
                "stderr", new StringBuilder(err.toString(StandardCharsets.UTF_8))));
    }

    /** Copies the fixtures, leaving out {@code *.cleanup} artifacts, and makes the copy writable by its owner. */
    private static void copyWritable(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                addPermissions(target, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().endsWith(".cleanup")) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (!Files.isSymbolicLink(target)) {
                        addPermissions(target, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void addPermissions(Path path, PosixFilePermission... permissions) throws IOException {
        Set<PosixFilePermission> set = Files.getPosixFilePermissions(path);
        set.addAll(List.of(permissions));
        Files.setPosixFilePermissions(path, set);
    }

    /** Deletes what a test left, whatever permissions it gave it; never follows a link. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                addPermissions(dir, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
