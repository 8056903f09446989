package dev.weft.bench.report;

import dev.weft.bench.report.JmhResults.Result;
import dev.weft.bench.support.RunSpec;
import dev.weft.bench.support.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The comparisons the project tracks, computed from execution results (times per op: lower is faster). */
final class Ratios {
    static final String SWITCH = "weft-switch";
    static final String HANDLES = "weft-handles";
    static final String CHICORY = "chicory-interpreter";
    static final String CHICORY_COMPILER = "chicory-compiler";
    static final List<String> ENGINES = List.of(SWITCH, HANDLES, CHICORY, CHICORY_COMPILER);

    /** Which time per call: JMH's wall-clock score, or the benchmark thread's CPU time ({@code ThreadCpuTime}). */
    enum Metric {
        WALL, CPU;

        /** @return the result's time per call in its unit (ms for the benchmarks that record CPU time) */
        OptionalDouble of(Result r) {
            if (this == WALL) {
                return OptionalDouble.of(r.score());
            }
            Double cpu = r.secondary().get("threadCpuMs");
            Double calls = r.secondary().get("calls");
            return cpu != null && calls != null && calls > 0 ? OptionalDouble.of(cpu / calls) : OptionalDouble.empty();
        }
    }

    /**
     * @param value the geometric mean
     * @param count over how many workloads
     */
    record Geomean(OptionalDouble value, int count) {
    }

    private final JmhResults results;

    Ratios(JmhResults results) {
        this.results = results;
    }

    Optional<Result> execution(String engine, Workload w) {
        return results.find("ExecutionBenchmark.run", "engine", engine, "workload", w.id());
    }

    /** @return ms per call of the workload on the engine, if measured */
    OptionalDouble time(Metric m, String engine, Workload w) {
        return execution(engine, w).map(m::of).orElse(OptionalDouble.empty());
    }

    /**
     * @return how many times faster {@code engine} runs the workload than {@code baseline}
     *     (baseline time / engine time), if both were measured
     */
    OptionalDouble speedup(Metric m, String engine, String baseline, Workload w) {
        OptionalDouble e = time(m, engine, w);
        OptionalDouble b = time(m, baseline, w);
        return e.isPresent() && b.isPresent() ? OptionalDouble.of(b.getAsDouble() / e.getAsDouble()) : OptionalDouble.empty();
    }

    /** @return the geometric mean of {@link #speedup} over the workloads where both ran, and how many those are */
    Geomean geomean(Metric m, String engine, String baseline) {
        List<Double> values = new ArrayList<>();
        for (Workload w : Workload.values()) {
            speedup(m, engine, baseline, w).ifPresent(values::add);
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

    /** @return CoreMark iterations per second on the engine: the cmfix iteration count / seconds per run */
    OptionalDouble coreMarkScore(Metric m, String engine) {
        OptionalDouble ms = time(m, engine, Workload.COREMARK);
        return ms.isPresent() ? OptionalDouble.of(coreMarkIterations() / (ms.getAsDouble() / 1000)) : ms;
    }

    /** @return the iteration count of the CoreMark variant measured */
    static long coreMarkIterations() {
        return ((RunSpec.CoreMarkRecord) Workload.COREMARK.measured().check()).iterations();
    }
}
