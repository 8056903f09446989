package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;
import dev.weft.bench.support.PreparedWorkload;
import dev.weft.bench.support.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick look without JMH: after the broad warm-up, times a few runs of each workload on one
 * engine and prints the fastest and the median. For choosing sizes and for a first check after
 * an executor change; report numbers come from JMH.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.weft.bench.Probe weft-switch [runs] [workload...]</pre>
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) {
        EngineKind engine = EngineKind.of(args.length > 0 ? args[0] : "weft-switch");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
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
}
