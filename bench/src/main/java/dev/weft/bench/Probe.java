package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.Median;
import dev.weft.bench.support.PreparedProgram;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.Program;
import dev.weft.bench.support.ProgramRuns;
import dev.weft.bench.support.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick look without JMH: after the broad warm-up, times a few runs of each workload on one
 * engine and prints the fastest and the median. For choosing sizes and for a first check after
 * an executor change; report numbers come from JMH. With {@code programs} in place of the
 * workloads it does the same for the WASI programs (measured sizes, after the program warm-up).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.weft.bench.Probe weft-switch [runs] [workload...]
 *java -cp bench/target/benchmarks.jar dev.weft.bench.Probe weft-switch [runs] programs [program...]
 *java -cp bench/target/benchmarks.jar dev.weft.bench.Probe weft-handles,weft-handles-fuel [runs] [workload...]</pre>
 *
 * <p>With several engines (comma-separated) it warms each, then runs the workloads on them in turn,
 * one run of each engine after the other, in one JVM: the ratio of their medians (by thread CPU)
 * is then free of the variation between JVMs, which on these machines reaches 1.5x. That measures
 * what a setting (fuel, a deadline) costs in one JVM whose code serves both, as in a host that
 * meters some calls and not others.
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].contains(",")) {
            interleaved(args);
            return;
        }
        EngineKind engine = EngineKind.of(args.length > 0 ? args[0] : "weft-switch");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (args.length > 2 && args[2].equals("programs")) {
            programs(engine, runs, Arrays.asList(args).subList(3, args.length));
            return;
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            workloads.add(Workload.of(args[i]));
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Arrays.asList(Workload.values()));
        }
        BroadWarmup.execution(engine);
        for (Workload w : workloads) {
            PreparedWorkload p = new PreparedWorkload(engine, w.measured());
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                p.instantiate();
                long t0 = System.nanoTime();
                p.run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-20s %-14s arg %-10d min %9.2f ms  median %9.2f ms%n", engine.id(), w.id(), p.spec().arg(), ms[0],
                    ms[runs / 2]);
        }
    }

    private static void interleaved(String[] args) {
        List<EngineKind> engines = Arrays.stream(args[0].split(",")).map(EngineKind::of).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Workload> workloads = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            workloads.add(Workload.of(args[i]));
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Arrays.asList(Workload.values()));
        }
        engines.forEach(BroadWarmup::execution);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Workload w : workloads) {
            List<PreparedWorkload> prepared = engines.stream().map(e -> new PreparedWorkload(e, w.measured())).toList();
            double[][] cpu = new double[engines.size()][runs];
            for (int i = 0; i < runs; i++) {
                for (int e = 0; e < engines.size(); e++) {
                    PreparedWorkload p = prepared.get(e);
                    p.instantiate();
                    long t0 = threads.getCurrentThreadCpuTime();
                    p.run();
                    cpu[e][i] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
                }
            }
            double first = Median.of(cpu[0]);
            for (int e = 0; e < engines.size(); e++) {
                double m = Median.of(cpu[e]);
                System.out.printf("%-22s %-14s thread CPU median %9.2f ms  / %s: %.3f%n", engines.get(e).id(), w.id(), m,
                        engines.getFirst().id(), m / first);
            }
        }
    }

    private static void programs(EngineKind engine, int runs, List<String> ids) {
        List<Program> programs = new ArrayList<>();
        ids.forEach(id -> programs.add(Program.of(id)));
        if (programs.isEmpty()) {
            programs.addAll(Arrays.asList(Program.values()));
        }
        BroadWarmup.programs(engine);
        for (Program program : programs) {
            PreparedProgram p = new PreparedProgram(engine, ProgramRuns.of(program, ProgramRuns.Role.MEASURED));
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                p.run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            StringBuilder each = new StringBuilder();
            for (double t : ms) {
                each.append(String.format(" %.1f", t));
            }
            Arrays.sort(ms);
            System.out.printf("%-20s %-28s min %9.2f ms  median %9.2f ms  (runs in order:%s)%n", engine.id(), p.spec().describe(),
                    ms[0], ms[runs / 2], each);
        }
    }
}
