package dev.weft.fuzz;

import dev.weft.WasmModule;
import dev.weft.WeftException;
import dev.weft.conformance.SpecSuite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robustness: every {@code .wasm} module of the spec test suite, cut short at many lengths and
 * damaged by seeded random edits, must either parse (decode and validate) or throw a
 * {@link WeftException}. Any other throwable ({@code ArrayIndexOutOfBoundsException},
 * {@code StackOverflowError}, {@code OutOfMemoryError}, ...) fails the test, as does a case that
 * runs longer than {@link #CASE_LIMIT_MILLIS}. Failures name the module and the cut length or
 * seed, which reproduce the case through {@link Mutation}.
 */
class TruncationAndMutationTest {
    private static final long BASE_SEED = 0x5EED_0F_DEC0DEL;
    /** Modules up to this size are cut at every length; larger ones at {@link #CUTS} seeded lengths. */
    private static final int ALL_CUTS_UP_TO = 256;
    private static final int CUTS = 64;
    private static final int MUTATIONS_PER_MODULE = 48;
    private static final long CASE_LIMIT_MILLIS = 2_000;
    private static final int MAX_REPORTED = 20;

    private record Failure(String module, String description, Throwable thrown) {
    }

    private record Module(String name, byte[] bytes) {
    }

    /** One worker thread; its current case is visible to the watchdog. */
    private static final class Worker extends Thread {
        private final List<Module> modules;
        private final AtomicInteger next;
        private final ConcurrentLinkedQueue<Failure> failures;
        volatile String currentCase;
        volatile long caseStartedNanos;
        long truncations;
        long mutations;
        long accepted;

        Worker(int id, List<Module> modules, AtomicInteger next, ConcurrentLinkedQueue<Failure> failures) {
            super("robustness-" + id);
            setDaemon(true); // a hung case must not keep the JVM alive
            this.modules = modules;
            this.next = next;
            this.failures = failures;
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < modules.size(); i = next.getAndIncrement()) {
                String name = modules.get(i).name();
                byte[] original = modules.get(i).bytes();
                long seed = BASE_SEED ^ (name.hashCode() * 0x9E3779B97F4A7C15L);
                for (int length : cutLengths(original.length, seed)) {
                    check(name, Mutation.truncate(original, length));
                    truncations++;
                }
                for (int k = 0; k < MUTATIONS_PER_MODULE; k++) {
                    check(name, Mutation.mutate(original, seed + k));
                    mutations++;
                }
            }
            currentCase = null;
        }

        private void check(String module, Mutation m) {
            currentCase = module + ", " + m.description();
            caseStartedNanos = System.nanoTime();
            try {
                WasmModule.parse(m.bytes());
                accepted++;
            } catch (WeftException expected) {
                // rejected cleanly
            } catch (Throwable t) {
                failures.add(new Failure(module, m.description(), t));
            }
            caseStartedNanos = 0;
        }
    }

    @Test
    void damagedModulesParseOrThrowWeftExceptions() throws InterruptedException {
        SpecSuite suite = SpecSuite.fromSystemProperty();
        Assumptions.assumeTrue(suite.exists(), () -> "no spec test suite at " + suite.root() + "; set -D"
                + SpecSuite.DIR_PROPERTY + "=<dir>");
        List<Module> modules = new ArrayList<>();
        for (String folder : suite.folders()) {
            for (Path file : suite.binaryModules(folder)) {
                modules.add(new Module(suite.root().relativize(file).toString(), read(file)));
            }
        }
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(i, modules, next, failures));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        watch(workers);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        long truncations = workers.stream().mapToLong(w -> w.truncations).sum();
        long mutations = workers.stream().mapToLong(w -> w.mutations).sum();
        long accepted = workers.stream().mapToLong(w -> w.accepted).sum();
        System.out.printf("robustness: %d modules, %d cases (%d truncations, %d mutations) on %d threads in %d ms;"
                + " %d parsed, %d rejected with a Weft exception, %d failures%n", modules.size(),
                truncations + mutations, truncations, mutations, threads, millis, accepted,
                truncations + mutations - accepted - failures.size(), failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(report(failures), failures.peek().thrown());
        }
        assertTrue(truncations + mutations >= 10_000, "too few cases ran: " + (truncations + mutations));
    }

    /** Waits for the workers, failing if one case runs longer than the limit. */
    private static void watch(List<Worker> workers) throws InterruptedException {
        long limitNanos = TimeUnit.MILLISECONDS.toNanos(CASE_LIMIT_MILLIS);
        for (Worker w : workers) {
            while (w.isAlive()) {
                w.join(50);
                for (Worker other : workers) {
                    String current = other.currentCase;
                    long started = other.caseStartedNanos;
                    if (started != 0 && System.nanoTime() - started > limitNanos && current != null) {
                        throw new AssertionFailedError("case took longer than " + CASE_LIMIT_MILLIS + " ms (hang?): "
                                + current + "\n" + stackOf(other));
                    }
                }
            }
        }
    }

    private static String stackOf(Thread t) {
        StringBuilder s = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            s.append("    at ").append(e).append('\n');
        }
        return s.toString();
    }

    private static String report(ConcurrentLinkedQueue<Failure> failures) {
        StringBuilder s = new StringBuilder(failures.size() + " damaged modules threw something other than a"
                + " WeftException (reproduce with Mutation.truncate/mutate):\n");
        int n = 0;
        for (Failure f : failures) {
            if (n++ == MAX_REPORTED) {
                s.append("  ... and ").append(failures.size() - MAX_REPORTED).append(" more\n");
                break;
            }
            StringWriter trace = new StringWriter();
            f.thrown().printStackTrace(new PrintWriter(trace));
            String[] lines = trace.toString().split("\n");
            s.append("  ").append(f.module()).append(", ").append(f.description()).append(":\n");
            for (int i = 0; i < Math.min(6, lines.length); i++) {
                s.append("      ").append(lines[i].strip()).append('\n');
            }
        }
        return s.toString();
    }

    /** Every length below the module's for small modules, else seeded lengths (always including the header's). */
    static int[] cutLengths(int size, long seed) {
        if (size <= ALL_CUTS_UP_TO) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        Random random = new Random(seed);
        int[] cuts = new int[CUTS];
        cuts[0] = 8; // header only
        for (int i = 1; i < CUTS; i++) {
            cuts[i] = 9 + random.nextInt(size - 9);
        }
        return cuts;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
