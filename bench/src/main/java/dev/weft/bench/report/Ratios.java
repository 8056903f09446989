package dev.weft.bench.report;

import dev.weft.bench.support.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The comparisons the project tracks, computed from execution results (times per op: lower is faster). */
final class Ratios {
    static final String SWITCH = "weft-switch";
    static final String HANDLES = "weft-handles";
    static final String CHICORY = "chicory-interpreter";
    static final String CHICORY_COMPILER = "chicory-compiler";
    static final List<String> ENGINES = List.of(SWITCH, HANDLES, CHICORY, CHICORY_COMPILER);

    private final JmhResults results;

    Ratios(JmhResults results) {
        this.results = results;
    }

    /** @return ms per op of the workload on the engine, if measured */
    OptionalDouble time(String engine, Workload w) {
        return results.find("ExecutionBenchmark.run", "engine", engine, "workload", w.id())
                .map(r -> OptionalDouble.of(r.score())).orElse(OptionalDouble.empty());
    }

    /**
     * @return how many times faster {@code engine} runs the workload than {@code baseline}
     *     (baseline time / engine time), if both were measured
     */
    OptionalDouble speedup(String engine, String baseline, Workload w) {
        OptionalDouble e = time(engine, w);
        OptionalDouble b = time(baseline, w);
        return e.isPresent() && b.isPresent() ? OptionalDouble.of(b.getAsDouble() / e.getAsDouble()) : OptionalDouble.empty();
    }

    /** @return the geometric mean of {@link #speedup} over the workloads where both ran, and how many those are */
    Geomean geomean(String engine, String baseline) {
        List<Double> values = new ArrayList<>();
        for (Workload w : Workload.values()) {
            speedup(engine, baseline, w).ifPresent(values::add);
        }
        if (values.isEmpty()) {
            return new Geomean(OptionalDouble.empty(), 0);
        }
        double logSum = 0;
        for (double v : values) {
            logSum += Math.log(v);
        }
        return new Geomean(OptionalDouble.of(Math.exp(logSum / values.size())), values.size());
    }

    /**
     * @param value the geometric mean
     * @param count over how many workloads
     */
    record Geomean(OptionalDouble value, int count) {
    }

    /** @return CoreMark iterations per second on the engine: the cmfix iteration count / seconds per run */
    OptionalDouble coreMarkScore(String engine) {
        OptionalDouble ms = time(engine, Workload.COREMARK);
        if (ms.isEmpty()) {
            return ms;
        }
        long iterations = ((dev.weft.bench.support.RunSpec.CoreMarkRecord) Workload.COREMARK.measured().check()).iterations();
        return OptionalDouble.of(iterations / (ms.getAsDouble() / 1000));
    }
}
