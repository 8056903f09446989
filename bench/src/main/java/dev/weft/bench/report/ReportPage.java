package dev.weft.bench.report;

import dev.weft.bench.report.JmhResults.Result;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.RunSpec;
import dev.weft.bench.support.WasmSections;
import dev.weft.bench.support.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The generated part of docs/performance.md: run facts, targets, tables; and the execution chart. */
final class ReportPage {
    private static final List<String> TRANSLATORS = List.of("weft", "chicory");
    private static final List<String> TRANSLATED = List.of("coremark-minimal.wasm", "large/pulldown-cmark.wasm",
            "large/spidermonkey.wasm");
    private static final List<String> INSTANTIATED = List.of("coremark-fixed/cmfix-310.wasm", "large/pulldown-cmark.wasm",
            "large/spidermonkey.wasm");
    private static final String[] COLORS = {"#1f5fa8", "#6fa8dc", "#c0392b", "#f0a08f"};

    private final JmhResults results;
    private final Ratios ratios;
    private final ProgramTables programs;
    private final StringBuilder md = new StringBuilder();

    ReportPage(JmhResults results) {
        this.results = results;
        this.ratios = new Ratios(results);
        this.programs = new ProgramTables(results);
    }

    /**
     * @param date when the benchmarks ran
     * @param runInfo the run script's notes (commands, load average), or empty
     * @param chartFile the chart's file name, linked from the page
     * @return the Markdown
     */
    String markdown(String date, String runInfo, String chartFile) {
        run(date, runInfo);
        targets();
        execution(chartFile);
        programs.programs(md);
        programs.age(md);
        programs.repetition(md);
        translation();
        instantiation();
        calls();
        return md.toString();
    }

    private void run(String date, String runInfo) {
        md.append("### Run\n\n");
        md.append("- Machine: ").append(MachineInfo.cpuModel()).append(", ").append(MachineInfo.cores())
                .append(" cores visible to the JVM, ").append(MachineInfo.memory()).append(" RAM, ").append(MachineInfo.os()).append('\n');
        results.firstRun().ifPresent(r -> {
            md.append("- JDK: ").append(r.jdkVersion()).append(" (").append(r.vm()).append(")\n");
            // the union over all parts: a part run with a launcher option (e.g. -Djmh.ignoreLock=true) passes it to its forks
            List<String> flags = results.all().stream().flatMap(x -> x.run().jvmArgs().stream()).distinct().toList();
            md.append("- JVM flags of the forks: ").append(flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "` in some parts")
                    .append(" (no `-XX:` tuning)\n");
            md.append("- JMH (first result; see the commands for each part): ").append(r.forks()).append(" fork(s), warm-up ")
                    .append(r.warmup()).append(", measurement ").append(r.measurement())
                    .append(", after the broad warm-up in every fork\n");
        });
        md.append("- Date: ").append(date).append('\n');
        if (!runInfo.isBlank()) {
            md.append("\n```\n").append(runInfo.strip()).append("\n```\n");
        }
        md.append('\n');
    }

    private void targets() {
        md.append("### Targets\n\nWall clock is JMH's score; thread CPU is the same measurement without the time other "
                + "processes held the CPU. A target counts as met only when both meet it.\n\n"
                + "| target | wall clock | thread CPU | status |\n|---|---|---|---|\n");
        target("CoreMark: Weft switch ≥ 10× Chicory interpreter",
                m -> ratios.speedup(m, Ratios.SWITCH, Ratios.CHICORY, Workload.COREMARK), ReportPage::ratio, v -> v >= 10);
        target("CoreMark: handles ≥ 0.85× switch",
                m -> ratios.speedup(m, Ratios.HANDLES, Ratios.SWITCH, Workload.COREMARK), ReportPage::ratio, v -> v >= 0.85);
        Ratios.Geomean g = ratios.geomean(Ratios.Metric.WALL, Ratios.HANDLES, Ratios.SWITCH);
        target("Execution workloads, geometric mean: handles ≥ 0.85× switch (" + g.count() + " workloads)",
                m -> ratios.geomean(m, Ratios.HANDLES, Ratios.SWITCH).value(), ReportPage::ratio, v -> v >= 0.85);
        Optional<Result> sm = results.find("TranslationBenchmark.translate", "engine", "weft", "module", "large/spidermonkey.wasm");
        target("spidermonkey.wasm decode + validate + translate < 250 ms",
                m -> sm.map(m::of).orElse(OptionalDouble.empty()), v -> num(v) + " ms", v -> v < 250);
        for (String engine : List.of(Ratios.SWITCH, Ratios.HANDLES)) {
            Optional<Result> call = results.find("CallBenchmark.exportCall", "engine", engine);
            target("Trivial export call (" + engine + ", handle in a field) < 50 ns",
                    m -> m == Ratios.Metric.WALL ? call.map(m::of).orElse(OptionalDouble.empty()) : OptionalDouble.empty(),
                    v -> num(v) + " ns", v -> v < 50);
            target("Trivial export call (" + engine + ") allocates 0 B/op",
                    m -> m == Ratios.Metric.WALL ? call.map(r -> r.secondary().get("gc.alloc.rate.norm")).map(OptionalDouble::of)
                            .orElse(OptionalDouble.empty()) : OptionalDouble.empty(),
                    v -> String.format(Locale.ROOT, "%.3f B/op", v), v -> v < 0.5);
        }
        programs.worstAge(Ratios.Metric.WALL).ifPresent(w -> target("No slowdown with age: time of a program after the others ≤ "
                        + ratio(ProgramTables.AGE_LIMIT) + " its time alone (worst of " + w.count() + " by wall clock: " + w.where() + ")",
                m -> programs.worstAge(m).map(x -> OptionalDouble.of(x.value())).orElse(OptionalDouble.empty()), ReportPage::ratio,
                v -> v <= ProgramTables.AGE_LIMIT));
        programs.worstRepetition(Ratios.Metric.WALL).ifPresent(w -> target("Repetition: time of run N ≤ run 1 in one JVM (worst of "
                        + w.count() + " by wall clock: " + w.where() + ")",
                m -> programs.worstRepetition(m).map(x -> OptionalDouble.of(x.value())).orElse(OptionalDouble.empty()),
                ReportPage::ratio, v -> v <= 1.0));
        md.append("\nRatios are speed ratios (time of the second engine / time of the first); "
                + "allocation is JMH's `gc.alloc.rate.norm` (below 0.5 B/op counts as zero: JMH's own sampling noise).\n\n");
    }

    private void target(String what, java.util.function.Function<Ratios.Metric, OptionalDouble> value,
                        java.util.function.DoubleFunction<String> show, java.util.function.DoublePredicate met) {
        OptionalDouble wall = value.apply(Ratios.Metric.WALL);
        OptionalDouble cpu = value.apply(Ratios.Metric.CPU);
        md.append("| ").append(what).append(" | ").append(wall.isPresent() ? show.apply(wall.getAsDouble()) : "not measured")
                .append(" | ");
        if (cpu.isPresent()) {
            md.append(show.apply(cpu.getAsDouble())).append(met.test(cpu.getAsDouble()) ? " (met)" : " (missed)");
        } else {
            md.append("—");
        }
        md.append(" | ");
        if (wall.isEmpty()) {
            md.append("—");
        } else if (!met.test(wall.getAsDouble())) {
            md.append("**missed**");
        } else if (cpu.isPresent() && !met.test(cpu.getAsDouble())) {
            md.append("**missed** (met only by wall clock, which other processes distorted)");
        } else {
            md.append("**met**");
        }
        md.append(" |\n");
    }

    private void execution(String chartFile) {
        md.append("### Execution\n\nOne call on a fresh instance, ms (lower is better; ± is JMH's 99.9 % error where it has one). "
                + "Wall clock first, then the benchmark thread's CPU time for the same calls.\n\n");
        for (Ratios.Metric m : Ratios.Metric.values()) {
            md.append("| ").append(m == Ratios.Metric.WALL ? "wall clock" : "thread CPU").append(" | call |");
            for (String e : Ratios.ENGINES) {
                md.append(' ').append(e).append(" |");
            }
            md.append(" switch vs Chicory interpreter | handles / switch |\n|---|---|");
            md.append("---:|".repeat(Ratios.ENGINES.size() + 2)).append('\n');
            for (Workload w : Workload.values()) {
                md.append("| ").append(w.id()).append(" | ").append(describe(w.measured())).append(" |");
                for (String e : Ratios.ENGINES) {
                    Optional<Result> r = ratios.execution(e, w);
                    md.append(' ').append(m == Ratios.Metric.WALL ? cell(r) : opt(r.map(m::of).orElse(OptionalDouble.empty()), ReportPage::num))
                            .append(" |");
                }
                md.append(' ').append(opt(ratios.speedup(m, Ratios.SWITCH, Ratios.CHICORY, w), ReportPage::ratio)).append(" | ")
                        .append(opt(ratios.speedup(m, Ratios.HANDLES, Ratios.SWITCH, w), ReportPage::ratio)).append(" |\n");
            }
            Ratios.Geomean vsChicory = ratios.geomean(m, Ratios.SWITCH, Ratios.CHICORY);
            Ratios.Geomean handles = ratios.geomean(m, Ratios.HANDLES, Ratios.SWITCH);
            md.append("| **geometric mean** | |").append(" |".repeat(Ratios.ENGINES.size())).append(' ')
                    .append(opt(vsChicory.value(), ReportPage::ratio)).append(" (").append(vsChicory.count()).append(") | ")
                    .append(opt(handles.value(), ReportPage::ratio)).append(" (").append(handles.count()).append(") |\n\n");
        }
        md.append("CoreMark score, iterations per second (").append(Ratios.coreMarkIterations())
                .append(" / seconds per run; wall clock, thread CPU in parentheses):");
        String sep = " ";
        for (String e : Ratios.ENGINES) {
            OptionalDouble wall = ratios.coreMarkScore(Ratios.Metric.WALL, e);
            if (wall.isPresent()) {
                md.append(sep).append(e).append(" **").append(String.format(Locale.ROOT, "%.0f", wall.getAsDouble())).append("** (")
                        .append(opt(ratios.coreMarkScore(Ratios.Metric.CPU, e), v -> String.format(Locale.ROOT, "%.0f", v))).append(')');
                sep = ", ";
            }
        }
        md.append(".\n\n![Execution speed relative to Chicory's interpreter](").append(chartFile).append(")\n\n");
    }

    /** @return the chart of the execution workloads, speed relative to Chicory's interpreter */
    String chartSvg(String subtitle) {
        List<String> categories = new ArrayList<>();
        for (Workload w : Workload.values()) {
            categories.add(w.id());
        }
        categories.add("geomean");
        List<BarChart.Series> series = new ArrayList<>();
        for (int i = 0; i < Ratios.ENGINES.size(); i++) {
            String e = Ratios.ENGINES.get(i);
            double[] v = new double[categories.size()];
            for (int c = 0; c < Workload.values().length; c++) {
                v[c] = ratios.speedup(Ratios.Metric.WALL, e, Ratios.CHICORY, Workload.values()[c]).orElse(Double.NaN);
            }
            v[v.length - 1] = ratios.geomean(Ratios.Metric.WALL, e, Ratios.CHICORY).value().orElse(Double.NaN);
            series.add(new BarChart.Series(e, COLORS[i], v));
        }
        return new BarChart("Execution speed relative to Chicory's interpreter (higher is better, log scale)", subtitle,
                "speed vs chicory-interpreter", categories, series).toSvg();
    }

    private void translation() {
        md.append("### Translation\n\nDecode + validate (+ translate, for Weft) of a module already in memory, single-threaded, "
                + "ms per module (wall clock ± error, thread CPU); MB/s of code section by wall clock. "
                + "Thread CPU leaves out garbage collection, which runs on other threads.\n\n");
        md.append("| module | code section |");
        for (String t : TRANSLATORS) {
            md.append(' ').append(t).append(" ms | CPU ms | MB/s |");
        }
        md.append("\n|---|---:|").append("---:|---:|---:|".repeat(TRANSLATORS.size())).append('\n');
        for (String m : TRANSLATED) {
            long code = codeBytes(m);
            md.append("| ").append(m).append(" | ").append(code > 0 ? String.format(Locale.ROOT, "%.2f MB", code / 1e6) : "?").append(" |");
            for (String t : TRANSLATORS) {
                Optional<Result> r = results.find("TranslationBenchmark.translate", "engine", t, "module", m);
                md.append(' ').append(cell(r)).append(" | ").append(opt(r.map(Ratios.Metric.CPU::of).orElse(OptionalDouble.empty()),
                        ReportPage::num)).append(" | ")
                        .append(r.isPresent() && code > 0 ? num(code / 1e6 / (r.get().score() / 1000)) : "—").append(" |");
            }
            md.append('\n');
        }
        md.append("\nChicory's interpreter needs no translation step beyond its parse; its compiler was not timed here "
                + "(bench/README.md).\n\n");
    }

    private void instantiation() {
        md.append("### Instantiation\n\nInstantiating an already parsed module and closing the instance, µs per instance "
                + "(function imports bound to stubs), and KB allocated per instance where run with `-prof gc`. Weft's close releases the "
                + "instance's memory, freed with its batch of up to 32 small memories (one JVM handshake per batch; "
                + "docs/embedding.md); Chicory has nothing to close.\n\n");
        md.append("| module |");
        for (String e : Ratios.ENGINES) {
            md.append(' ').append(e).append(" µs | KB |");
        }
        md.append("\n|---|").append("---:|---:|".repeat(Ratios.ENGINES.size())).append('\n');
        for (String m : INSTANTIATED) {
            md.append("| ").append(m).append(" |");
            for (String e : Ratios.ENGINES) {
                Optional<Result> r = results.find("InstantiationBenchmark.instantiate", "engine", e, "module", m);
                md.append(' ').append(cell(r)).append(" | ").append(r.map(x -> x.secondary().get("gc.alloc.rate.norm"))
                        .map(v -> num(v / 1024)).orElse("—")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void calls() {
        md.append("### Calls between Java and WebAssembly\n\nns per call and bytes allocated per call (`-prof gc`). "
                + "`exportCall`: `add(i32, i32)` through the function kept in a field (Weft: `handle().invokeExact`; "
                + "Chicory: `apply`); `exportCallConstant`: the same from a `static final` field; "
                + "`hostCall`: one Wasm → Java → Wasm round trip to an imported `env.add`, inside a Wasm loop of 1000.\n\n");
        List<String> benches = List.of("exportCall", "exportCallConstant", "hostCall");
        md.append("| engine |");
        for (String b : benches) {
            md.append(' ').append(b).append(" ns | B/op |");
        }
        md.append("\n|---|").append("---:|---:|".repeat(benches.size())).append('\n');
        for (String e : Ratios.ENGINES) {
            md.append("| ").append(e).append(" |");
            for (String b : benches) {
                Optional<Result> r = results.find("CallBenchmark." + b, "engine", e);
                md.append(' ').append(cell(r)).append(" | ").append(r.map(x -> x.secondary().get("gc.alloc.rate.norm"))
                        .map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("—")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String describe(RunSpec s) {
        if (s.check() instanceof RunSpec.CoreMarkRecord c) {
            return "`" + s.file().substring(s.file().lastIndexOf('/') + 1) + "` run(): " + c.iterations() + " iterations";
        }
        return "`" + s.export() + "(" + s.arg() + ")`";
    }

    private static long codeBytes(String module) {
        try {
            return WasmSections.of(BenchFiles.bytes(module)).codeSectionBytes();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String cell(Optional<Result> r) {
        if (r.isEmpty()) {
            return "—";
        }
        double s = r.get().score();
        double err = r.get().error();
        return Double.isFinite(err) ? num(s) + " ± " + num(err) : num(s);
    }

    static String opt(OptionalDouble v, java.util.function.DoubleFunction<String> show) {
        return v.isPresent() ? show.apply(v.getAsDouble()) : "—";
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    /** Three significant digits, no exponent. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
