package dev.weft.bench.report;

import dev.weft.bench.support.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The results of one or more JMH runs ({@code -rf json} files), merged; a later file's result replaces an earlier one's. */
final class JmhResults {
    /**
     * One benchmark result.
     *
     * @param benchmark class and method, e.g. {@code ExecutionBenchmark.run}
     * @param params the JMH parameters
     * @param score the primary score
     * @param error its 99.9 % half-interval, NaN when JMH could not compute one (a single fork and iteration)
     * @param unit the score's unit
     * @param secondary secondary scores by name (e.g. {@code gc.alloc.rate.norm})
     * @param raw the primary metric of every measurement iteration, per fork (JMH's {@code rawData})
     * @param secondaryRaw the same for each secondary metric
     * @param run how the run was configured
     */
    record Result(String benchmark, Map<String, String> params, double score, double error, String unit,
                  Map<String, Double> secondary, List<List<Double>> raw, Map<String, List<List<Double>>> secondaryRaw,
                  RunInfo run) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    /**
     * @param jdkVersion e.g. 25.0.3
     * @param vm VM name and version
     * @param jvmArgs arguments of the forked JVMs
     * @param forks forks
     * @param warmup warm-up iterations and time
     * @param measurement measurement iterations and time
     */
    record RunInfo(String jdkVersion, String vm, List<String> jvmArgs, int forks, String warmup, String measurement) {
    }

    private final Map<String, Result> results = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    static JmhResults load(List<Path> files) throws IOException {
        JmhResults r = new JmhResults();
        for (Path f : files) {
            for (Object o : (List<Object>) Json.parse(Files.readString(f))) {
                Result res = result((Map<String, Object>) o);
                r.results.put(res.benchmark() + " " + res.params(), res);
            }
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Result result(Map<String, Object> m) {
        String full = (String) m.get("benchmark");
        String[] parts = full.split("\\.");
        String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, String> params = new LinkedHashMap<>();
        Object p = m.get("params");
        if (p != null) {
            ((Map<String, Object>) p).forEach((k, v) -> params.put(k, (String) v));
        }
        Map<String, Object> primary = (Map<String, Object>) m.get("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        Map<String, List<List<Double>>> secondaryRaw = new LinkedHashMap<>();
        Object s = m.get("secondaryMetrics");
        if (s != null) {
            ((Map<String, Object>) s).forEach((k, v) -> {
                secondary.put(k.replace("\u00b7", ""), number(((Map<String, Object>) v).get("score")));
                secondaryRaw.put(k.replace("\u00b7", ""), raw((Map<String, Object>) v));
            });
        }
        List<String> jvmArgs = new ArrayList<>();
        for (Object a : (List<Object>) m.getOrDefault("jvmArgs", List.of())) {
            jvmArgs.add((String) a);
        }
        RunInfo run = new RunInfo((String) m.get("jdkVersion"), m.get("vmName") + " " + m.get("vmVersion"), jvmArgs,
                (int) number(m.get("forks")), (int) number(m.get("warmupIterations")) + " x " + m.get("warmupTime"),
                (int) number(m.get("measurementIterations")) + " x " + m.get("measurementTime"));
        return new Result(benchmark, params, number(primary.get("score")), number(primary.get("scoreError")),
                (String) primary.get("scoreUnit"), secondary, raw(primary), secondaryRaw, run);
    }

    /** JMH's {@code rawData}: per fork, the value of every measurement iteration. */
    @SuppressWarnings("unchecked")
    private static List<List<Double>> raw(Map<String, Object> metric) {
        List<List<Double>> raw = new ArrayList<>();
        for (Object fork : (List<Object>) metric.getOrDefault("rawData", List.of())) {
            List<Double> iterations = new ArrayList<>();
            for (Object v : (List<Object>) fork) {
                iterations.add(number(v));
            }
            raw.add(List.copyOf(iterations));
        }
        return List.copyOf(raw);
    }

    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof String s) {
            return Double.parseDouble(s);
        }
        return Double.NaN;
    }

    List<Result> all() {
        return List.copyOf(results.values());
    }

    /**
     * @param benchmark e.g. {@code ExecutionBenchmark.run}
     * @param params parameter name/value pairs that must all match
     * @return the result, if that combination ran
     */
    Optional<Result> find(String benchmark, String... params) {
        outer:
        for (Result r : results.values()) {
            if (!r.benchmark().equals(benchmark)) {
                continue;
            }
            for (int i = 0; i < params.length; i += 2) {
                if (!params[i + 1].equals(r.param(params[i]))) {
                    continue outer;
                }
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    /** @return the run settings of the first result, for the page header */
    Optional<RunInfo> firstRun() {
        return results.values().stream().map(Result::run).findFirst();
    }
}
