package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.Median;
import dev.weft.bench.support.PreparedCalls;
import dev.weft.bench.support.PreparedProgram;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.Program;
import dev.weft.bench.support.ProgramRuns;
import dev.weft.bench.support.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * An A/B of two Weft builds in one JVM, interleaved run by run, for a machine whose speed changes
 * by itself (docs/performance.md, finding 13): consecutive JMH forks of the two jars see different
 * machine states, while runs of A and B interleaved within seconds see the same ones. Each build's
 * Weft classes ({@code dev.weft.*} outside {@code dev.weft.bench}) are loaded from its jar by a
 * class loader of its own, with this harness's classes (the benchmark support, Chicory, JMH) from
 * this jar, so each side has its own classes, profiles and compiled code, as in its own JVM; the two
 * share only the JDK and the JIT's threads. Both sides first run the broad warm-up over every
 * program in both dispatch modes (the state {@code ProgramBenchmark} measures), then each program
 * alternately on A and B (A B, then B A), each run timed by the thread's CPU clock and its result
 * checked. Prints the median ms per run of each side and B/A per program, and their geometric mean.
 * One side's dispatch loop can still compile better than the other's as a whole (A/A runs of one
 * jar against itself gave 0.99 and 1.14), so compare in both orders, A/B and then B/A.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.weft.bench.InterleavedAB A.jar B.jar weft-switch [rounds] [program,...]</pre>
 *
 * A program may also be {@code workload:ID}, one of ExecutionBenchmark's workloads ({@code
 * workload:coremark}), timed without its instantiation, or {@code call:export} / {@code call:host},
 * CallBenchmark's call paths as a million calls per run (ms per run is then ns per call).
 *
 * A and B are jars holding Weft's classes (a {@code benchmarks.jar} or {@code weft.jar}), whose
 * public API this harness was built against. A build whose API predates the harness can name, after
 * {@code =}, a harness jar of its own ({@code old-weft.jar=old-harness.jar}): that side takes every
 * class outside Weft's from it, for instance this harness's sources with the engine adapters
 * ({@code dev.weft.bench.engines}) ported to the old API; {@code
 * bench/current/programs/vs-e3f9f3d-2026-12-06/} has the script that builds one for e3f9f3d.
 */
public final class InterleavedAB {
    private static final int WARM_ROUNDS = 2;
    private static final String WORKLOAD = "workload:";

    private InterleavedAB() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: InterleavedAB A.jar B.jar ENGINE [ROUNDS] [PROGRAM,...]");
        }
        String engine = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        List<String> programs = args.length > 4 ? List.of(args[4].split(","))
                : Arrays.stream(Program.values()).map(Program::id).toList();
        Path harness = Path.of(InterleavedAB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Side a = Side.of(args[0], harness, engine, programs);
        Side b = Side.of(args[1], harness, engine, programs);
        int n = programs.size();
        double[][][] ms = new double[2][n][rounds];
        for (int r = -WARM_ROUNDS; r < rounds; r++) {
            for (int p = 0; p < n; p++) {
                boolean aFirst = ((r + p) & 1) == 0; // A B, then B A: neither side always goes first
                double first = (aFirst ? a : b).run(p);
                double second = (aFirst ? b : a).run(p);
                if (r >= 0) {
                    ms[0][p][r] = aFirst ? first : second;
                    ms[1][p][r] = aFirst ? second : first;
                }
            }
        }
        System.out.printf("%s, %d interleaved rounds, thread CPU ms per run (median), A = %s, B = %s%n",
                engine, rounds, args[0], args[1]);
        double logSum = 0;
        for (int p = 0; p < n; p++) {
            double ma = Median.of(ms[0][p]);
            double mb = Median.of(ms[1][p]);
            logSum += Math.log(mb / ma);
            System.out.printf("  %-15s A %8.1f  B %8.1f  B/A %5.3f%n", programs.get(p), ma, mb, mb / ma);
        }
        System.out.printf("  geometric mean of B/A over %d programs: %.3f%n", n, Math.exp(logSum / n));
    }

    /** One build: its class loader and its prepared programs. */
    private static final class Side {
        private final MethodHandle run;
        private final List<Object> prepared = new ArrayList<>();

        /** {@code WEFT.jar} with this harness, or {@code WEFT.jar=HARNESS.jar} with a harness of its own. */
        static Side of(String spec, Path defaultHarness, String engine, List<String> programs) throws Throwable {
            int eq = spec.indexOf('=');
            return eq < 0 ? new Side(Path.of(spec), defaultHarness, engine, programs)
                    : new Side(Path.of(spec.substring(0, eq)), Path.of(spec.substring(eq + 1)), engine, programs);
        }

        Side(Path weftJar, Path harnessJar, String engine, List<String> programs) throws Throwable {
            ClassLoader loader = new SplitLoader(weftJar, harnessJar);
            Class<?> entry = Class.forName(Entry.class.getName(), true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle prepare = lookup.findStatic(entry, "prepare", MethodType.methodType(Object.class, String.class, String.class));
            run = lookup.findStatic(entry, "run", MethodType.methodType(long.class, Object.class));
            for (String p : programs) {
                prepared.add(prepare.invoke(engine, p));
            }
        }

        double run(int program) throws Throwable {
            return (long) run.invoke(prepared.get(program)) / 1e6;
        }
    }

    /** Runs inside each side's class loader, so it links to that side's Weft. */
    public static final class Entry {
        private Entry() {
        }

        /**
         * The broad warm-up (once per side), then the program prepared as ProgramBenchmark measures
         * it; {@code workload:ID} names a workload of ExecutionBenchmark instead (CoreMark is
         * {@code workload:coremark}), prepared after that benchmark's broad warm-up as well.
         */
        public static Object prepare(String engine, String program) {
            EngineKind e = EngineKind.of(engine);
            BroadWarmup.programs(e);
            if (program.startsWith(PreparedCalls.PREFIX)) {
                BroadWarmup.execution(e); // as CallBenchmark
                return new PreparedCalls(e, program);
            }
            if (program.startsWith(WORKLOAD)) {
                BroadWarmup.execution(e);
                return new PreparedWorkload(e, Workload.of(program.substring(WORKLOAD.length())).measured());
            }
            return new PreparedProgram(e, ProgramRuns.of(Program.of(program), ProgramRuns.Role.MEASURED));
        }

        /** One run, its result checked; returns the thread CPU nanoseconds it took (a workload's instantiation not counted). */
        public static long run(Object prepared) {
            if (prepared instanceof PreparedCalls c) {
                long start = CpuClock.now();
                c.run();
                return CpuClock.now() - start;
            }
            if (prepared instanceof PreparedWorkload w) {
                w.instantiate();
                long start = CpuClock.now();
                w.run();
                return CpuClock.now() - start;
            }
            long start = CpuClock.now();
            ((PreparedProgram) prepared).run();
            return CpuClock.now() - start;
        }
    }

    /**
     * Loads Weft's classes from one jar and everything else from the harness jar, itself defining
     * every class (child first), with the platform class loader as parent.
     */
    private static final class SplitLoader extends ClassLoader {
        private final JarFile weft;
        private final JarFile harness;

        SplitLoader(Path weftJar, Path harnessJar) throws IOException {
            super("weft-ab-" + weftJar.getFileName(), ClassLoader.getPlatformClassLoader());
            this.weft = new JarFile(weftJar.toFile());
            this.harness = new JarFile(harnessJar.toFile());
        }

        private JarFile source(String path) {
            boolean weftClass = path.startsWith("dev/weft/") && !path.startsWith("dev/weft/bench/");
            return weftClass ? weft : harness;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = name.replace('.', '/') + ".class";
            JarFile jar = source(path);
            JarEntry entry = jar.getJarEntry(path);
            if (entry == null) {
                throw new ClassNotFoundException(name + " in " + jar.getName());
            }
            try (InputStream in = jar.getInputStream(entry)) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected URL findResource(String name) {
            JarFile jar = source(name);
            if (jar.getJarEntry(name) == null) {
                return null;
            }
            try {
                return URI.create("jar:" + Path.of(jar.getName()).toUri() + "!/" + name).toURL();
            } catch (MalformedURLException e) {
                return null;
            }
        }
    }
}
