package dev.weft.bench.report;

import dev.weft.bench.ProgramAgeBenchmark;
import dev.weft.bench.report.JmhResults.Result;
import dev.weft.bench.support.Program;
import dev.weft.bench.support.ProgramRuns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The program sections of the report: whole WASI programs per engine ({@code ProgramBenchmark}),
 * after-others vs alone ({@code ProgramAgeBenchmark}) and runs 1..N in a fresh JVM
 * ({@code ProgramRepetitionBenchmark}). A section is left out when none of its results are present.
 */
final class ProgramTables {
    static final String RUN = "ProgramBenchmark.run";
    static final String AGE = "ProgramAgeBenchmark.run";
    static final String REPETITION = "ProgramRepetitionBenchmark.run";
    static final List<String> WEFT = List.of(Ratios.SWITCH, Ratios.HANDLES);
    static final List<String> HISTORIES = List.of("alone", "after-others");
    /** The age target: B after the others at most this many times B alone. */
    static final double AGE_LIMIT = 1.10;

    private final JmhResults results;

    ProgramTables(JmhResults results) {
        this.results = results;
    }

    /** A worst case over the programs: the value and where it occurred. */
    record Worst(double value, String where, int count) {
    }

    void programs(StringBuilder md) {
        if (results.all().stream().noneMatch(r -> r.benchmark().equals(RUN))) {
            return;
        }
        md.append("### Programs\n\nOne run of a WASI command (C compiled to wasm32-wasi; `bench/corpus/` and bench-wasm's "
                + "`wasi/`): fresh WASI context and instance, `_start`, stdout compared byte for byte with the output recorded on "
                + "V8, instance closed; module parsed once, untimed. ms per run after the program broad warm-up (lower is "
                + "better; ± is JMH's 99.9 % error). Wall clock first, then the benchmark thread's CPU time.\n\n");
        for (Ratios.Metric m : Ratios.Metric.values()) {
            md.append("| ").append(m == Ratios.Metric.WALL ? "wall clock" : "thread CPU").append(" | run |");
            for (String e : Ratios.ENGINES) {
                md.append(' ').append(e).append(" |");
            }
            md.append(" switch vs Chicory interpreter | handles / switch |\n|---|---|")
                    .append("---:|".repeat(Ratios.ENGINES.size() + 2)).append('\n');
            List<Double> vsChicory = new ArrayList<>();
            List<Double> handles = new ArrayList<>();
            for (Program p : Program.values()) {
                md.append("| ").append(p.id()).append(" | `").append(describe(p)).append("` |");
                for (String e : Ratios.ENGINES) {
                    Optional<Result> r = run(e, p);
                    md.append(' ').append(m == Ratios.Metric.WALL ? ReportPage.cell(r)
                            : ReportPage.opt(r.map(m::of).orElse(OptionalDouble.empty()), ReportPage::num)).append(" |");
                }
                OptionalDouble c = speedup(m, Ratios.SWITCH, Ratios.CHICORY, p);
                OptionalDouble h = speedup(m, Ratios.HANDLES, Ratios.SWITCH, p);
                c.ifPresent(vsChicory::add);
                h.ifPresent(handles::add);
                md.append(' ').append(ReportPage.opt(c, ReportPage::ratio)).append(" | ").append(ReportPage.opt(h, ReportPage::ratio))
                        .append(" |\n");
            }
            md.append("| **geometric mean** | |").append(" |".repeat(Ratios.ENGINES.size())).append(' ')
                    .append(ReportPage.opt(geomean(vsChicory), ReportPage::ratio)).append(" (").append(vsChicory.size()).append(") | ")
                    .append(ReportPage.opt(geomean(handles), ReportPage::ratio)).append(" (").append(handles.size()).append(") |\n\n");
        }
    }

    void age(StringBuilder md) {
        if (results.all().stream().noneMatch(r -> r.benchmark().equals(AGE))) {
            return;
        }
        md.append("### No slowdown with age\n\nProgram B measured in a fresh JVM that runs nothing else (`alone`) and in one that "
                + "first ran every other program (").append(ProgramAgeBenchmark.HISTORY_ROUNDS)
                .append(" rounds at warm-up size, same engine; `after-others`); same JMH warm-up and measurement of B in both, "
                        + "no broad warm-up. ms per run (wall clock ± error), and the ratio after-others / alone by wall clock "
                        + "and by thread CPU; target ≤ ").append(String.format(Locale.ROOT, "%.2f", AGE_LIMIT))
                .append(" (**bold**: missed by both).\n\n| program |");
        for (String e : WEFT) {
            md.append(' ').append(e).append(" alone | after others | ratio | CPU ratio |");
        }
        md.append("\n|---|").append("---:|---:|---:|---:|".repeat(WEFT.size())).append('\n');
        for (Program p : Program.values()) {
            md.append("| ").append(p.id()).append(" |");
            for (String e : WEFT) {
                OptionalDouble wall = ageRatio(Ratios.Metric.WALL, e, p);
                OptionalDouble cpu = ageRatio(Ratios.Metric.CPU, e, p);
                boolean missed = wall.isPresent() && wall.getAsDouble() > AGE_LIMIT && cpu.isPresent() && cpu.getAsDouble() > AGE_LIMIT;
                String r = ReportPage.opt(wall, ReportPage::ratio);
                md.append(' ').append(ReportPage.cell(age(e, p, "alone"))).append(" | ").append(ReportPage.cell(age(e, p, "after-others")))
                        .append(" | ").append(missed ? "**" + r + "**" : r).append(" | ").append(ReportPage.opt(cpu, ReportPage::ratio))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    void repetition(StringBuilder md) {
        if (results.all().stream().noneMatch(r -> r.benchmark().equals(REPETITION))) {
            return;
        }
        md.append("### Repetition in one JVM\n\nRuns 1, 2, … N of one program in a fresh JVM, each timed alone (JMH single-shot, "
                + "no warm-up: run 1 includes interpreting and JIT-compiling the interpreter), ms per run; `after-others`: the "
                + "JVM first ran every other program as in the age benchmark. Target: run N no slower than run 1; "
                + "N / best shows how far the last run is from the best one. Wall clock first, then the benchmark thread's "
                + "CPU time of the same runs.\n\n");
        for (Ratios.Metric m : Ratios.Metric.values()) {
            md.append("| ").append(m == Ratios.Metric.WALL ? "wall clock" : "thread CPU")
                    .append(" | engine | history | run 1 | run 2 | run 3 | run 5 | run N | best | N | N / 1 | N / best |\n")
                    .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Program p : Program.values()) {
                for (String e : WEFT) {
                    for (String h : HISTORIES) {
                        List<Double> runs = runs(m, e, p, h);
                        if (runs.isEmpty()) {
                            continue;
                        }
                        int n = runs.size();
                        double best = runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                        md.append("| ").append(p.id()).append(" | ").append(e).append(" | ").append(h).append(" | ")
                                .append(at(runs, 1)).append(" | ").append(at(runs, 2)).append(" | ").append(at(runs, 3))
                                .append(" | ").append(at(runs, 5)).append(" | ").append(at(runs, n)).append(" | ")
                                .append(ReportPage.num(best)).append(" | ").append(n).append(" | ")
                                .append(ReportPage.ratio(runs.get(n - 1) / runs.get(0))).append(" | ")
                                .append(ReportPage.ratio(runs.get(n - 1) / best)).append(" |\n");
                    }
                }
            }
            md.append('\n');
        }
    }

    /** @return the time of each run, 1..N, of the first fork: JMH's score, or the thread CPU ms */
    private List<Double> runs(Ratios.Metric m, String engine, Program p, String history) {
        Optional<Result> r = repetition(engine, p, history);
        if (r.isEmpty()) {
            return List.of();
        }
        List<List<Double>> raw = m == Ratios.Metric.WALL ? r.get().raw() : r.get().secondaryRaw().getOrDefault("threadCpuMs", List.of());
        return raw.isEmpty() ? List.of() : raw.get(0);
    }

    /** @return the largest after-others / alone ratio over programs and Weft modes, by {@code m} */
    Optional<Worst> worstAge(Ratios.Metric m) {
        Worst worst = null;
        int count = 0;
        for (Program p : Program.values()) {
            for (String e : WEFT) {
                OptionalDouble v = ageRatio(m, e, p);
                if (v.isPresent()) {
                    count++;
                    if (worst == null || v.getAsDouble() > worst.value()) {
                        worst = new Worst(v.getAsDouble(), p.id() + ", " + e, 0);
                    }
                }
            }
        }
        return worst == null ? Optional.empty() : Optional.of(new Worst(worst.value(), worst.where(), count));
    }

    /** @return the largest run N / run 1 over programs, Weft modes and histories, by {@code m} */
    Optional<Worst> worstRepetition(Ratios.Metric m) {
        Worst worst = null;
        int count = 0;
        for (Program p : Program.values()) {
            for (String e : WEFT) {
                for (String h : HISTORIES) {
                    List<Double> runs = runs(m, e, p, h);
                    if (runs.isEmpty()) {
                        continue;
                    }
                    double v = runs.get(runs.size() - 1) / runs.get(0);
                    count++;
                    if (worst == null || v > worst.value()) {
                        worst = new Worst(v, p.id() + ", " + e + ", " + h, 0);
                    }
                }
            }
        }
        return worst == null ? Optional.empty() : Optional.of(new Worst(worst.value(), worst.where(), count));
    }

    private Optional<Result> run(String engine, Program p) {
        return results.find(RUN, "engine", engine, "program", p.id());
    }

    private Optional<Result> age(String engine, Program p, String history) {
        return results.find(AGE, "engine", engine, "program", p.id(), "history", history);
    }

    private Optional<Result> repetition(String engine, Program p, String history) {
        return results.find(REPETITION, "engine", engine, "program", p.id(), "history", history);
    }

    private OptionalDouble speedup(Ratios.Metric m, String engine, String baseline, Program p) {
        OptionalDouble e = run(engine, p).map(m::of).orElse(OptionalDouble.empty());
        OptionalDouble b = run(baseline, p).map(m::of).orElse(OptionalDouble.empty());
        return e.isPresent() && b.isPresent() ? OptionalDouble.of(b.getAsDouble() / e.getAsDouble()) : OptionalDouble.empty();
    }

    private OptionalDouble ageRatio(Ratios.Metric m, String engine, Program p) {
        OptionalDouble alone = age(engine, p, "alone").map(m::of).orElse(OptionalDouble.empty());
        OptionalDouble after = age(engine, p, "after-others").map(m::of).orElse(OptionalDouble.empty());
        return alone.isPresent() && after.isPresent() ? OptionalDouble.of(after.getAsDouble() / alone.getAsDouble())
                : OptionalDouble.empty();
    }

    private static String describe(Program p) {
        try {
            return ProgramRuns.of(p, ProgramRuns.Role.MEASURED).describe();
        } catch (RuntimeException e) {
            return p.id();
        }
    }

    private static String at(List<Double> runs, int k) {
        return k <= runs.size() ? ReportPage.num(runs.get(k - 1)) : "—";
    }

    private static OptionalDouble geomean(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.exp(Arrays.stream(values.toArray(Double[]::new)).mapToDouble(Math::log).sum() / values.size()));
    }
}
