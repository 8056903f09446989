package dev.weft.bench.support;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.GuestFunction;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Signature;
import dev.weft.bench.engines.Translators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntBinaryOperator;

/**
 * Runs every execution workload, at its warm-up size, and the call benchmarks' modules, on both
 * Weft dispatch modes (and on the engine being measured, if it is not Weft), round-robin for
 * {@link #ROUNDS} rounds, once per JVM. The JIT then compiles the interpreters with the profile of a long-running host that has
 * run many different programs, not one flattered by the single program being measured
 * (see shared/design/jvm-interpreter-notes.md: a narrow profile flatters a switch loop 1.5-3x).
 * Round-robin rather than one workload after another, so that the final compilations see all of them.
 */
public final class BroadWarmup {
    /** Rounds over all workloads and engines; {@code -Dweft.bench.warmupRounds=N} overrides it. */
    public static final int ROUNDS = Integer.getInteger("weft.bench.warmupRounds", 3);

    /** The modules whose translation is measured, all warmed up before any is measured. */
    public static final List<String> TRANSLATED_MODULES = List.of("coremark-minimal.wasm", "large/pulldown-cmark.wasm",
            "large/spidermonkey.wasm");

    /**
     * Programs the program warm-up leaves out, by id ({@code -Dweft.bench.warmupSkip=a,b}): for an
     * A/B against an old build that cannot run them (before SIMD, the {@code -simd} programs), so
     * that both sides warm up on the same programs.
     */
    private static final Set<String> SKIPPED = Set.copyOf(Arrays.asList(System.getProperty("weft.bench.warmupSkip", "").split(",")));

    private static final int EXPORT_CALLS = 20_000;
    private static final int HOST_LOOPS = 20;

    private static final Set<EngineKind> DONE = EnumSet.noneOf(EngineKind.class);
    private static final Set<EngineKind> PROGRAMS_DONE = EnumSet.noneOf(EngineKind.class);
    private static final Set<Translators> TRANSLATORS_DONE = EnumSet.noneOf(Translators.class);

    private BroadWarmup() {
    }

    /**
     * Warms up the Weft modes, and {@code measured} too, unless done already in this JVM.
     *
     * @param measured the engine about to be measured
     */
    public static synchronized void execution(EngineKind measured) {
        List<EngineKind> engines = new ArrayList<>();
        for (EngineKind e : List.of(EngineKind.WEFT_SWITCH, EngineKind.WEFT_HANDLES, measured)) {
            if (!DONE.contains(e) && !engines.contains(e)) {
                engines.add(e);
            }
        }
        if (engines.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Runnable> all = new ArrayList<>();
        for (Workload w : Workload.values()) {
            for (EngineKind e : engines) {
                PreparedWorkload p = new PreparedWorkload(e, w.warmup());
                all.add(p::instantiateAndRun);
            }
        }
        for (EngineKind e : engines) {
            all.add(callsFromJava(e));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Runnable task : all) {
                task.run();
            }
        }
        DONE.addAll(engines);
        System.out.printf("# Broad warm-up: %d workloads and the call benchmarks' modules x %s x %d rounds in %.1f s%n",
                Workload.values().length, engines, ROUNDS, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs every {@link Program} at its warm-up size on both Weft modes (and on {@code measured},
     * if it is not Weft), round-robin for {@link #ROUNDS} rounds, unless done already in this JVM:
     * the program benchmarks' counterpart of {@link #execution}. Outputs are checked.
     *
     * @param measured the engine about to be measured
     */
    public static synchronized void programs(EngineKind measured) {
        List<EngineKind> engines = new ArrayList<>();
        for (EngineKind e : List.of(EngineKind.WEFT_SWITCH, EngineKind.WEFT_HANDLES, measured)) {
            if (!PROGRAMS_DONE.contains(e) && !engines.contains(e)) {
                engines.add(e);
            }
        }
        if (engines.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<PreparedProgram> all = new ArrayList<>();
        List<Program> programs = Arrays.stream(Program.values()).filter(p -> !SKIPPED.contains(p.id())).toList();
        for (Program p : programs) {
            for (EngineKind e : engines) {
                all.add(new PreparedProgram(e, ProgramRuns.of(p, ProgramRuns.Role.WARMUP)));
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (PreparedProgram p : all) {
                p.run();
            }
        }
        PROGRAMS_DONE.addAll(engines);
        System.out.printf("# Broad warm-up: %d programs x %s x %d rounds in %.1f s%n", programs.size(), engines, ROUNDS,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * A history for the age benchmark: every program but {@code except}, at its warm-up size, on
     * {@code engine} only, round-robin for {@code rounds} rounds. Outputs are checked.
     *
     * @param engine the engine
     * @param except the program that is measured afterwards
     * @param rounds how many times each other program runs
     */
    public static void otherPrograms(EngineKind engine, Program except, int rounds) {
        long start = System.nanoTime();
        List<PreparedProgram> others = new ArrayList<>();
        for (Program p : Program.values()) {
            if (p != except) {
                others.add(new PreparedProgram(engine, ProgramRuns.of(p, ProgramRuns.Role.WARMUP)));
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (PreparedProgram p : others) {
                p.run();
            }
        }
        System.out.printf("# History: %d other programs x %s x %d rounds in %.1f s%n", others.size(), engine.id(), rounds,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The entry from Java and host calls, as a host that calls into Wasm often runs them:
     * {@value #EXPORT_CALLS} calls of {@code add.wasm}'s export and {@value #HOST_LOOPS} runs of
     * {@code host_loop.wasm}'s {@code loop(1000)} (1000 host calls each), results checked.
     */
    private static Runnable callsFromJava(EngineKind e) {
        IntBinaryOperator add = e.compile(BenchFiles.bundled("add.wasm")).instantiate(HostBinding.NONE).i32Binary("add");
        GuestFunction loop = e.compile(BenchFiles.bundled("host_loop.wasm")).instantiate(HostBinding.ADD)
                .function("loop", Signature.I32_TO_I32);
        return () -> {
            for (int i = 0; i < EXPORT_CALLS; i++) {
                if (add.applyAsInt(i, 1) != i + 1) {
                    throw new WrongResultException(e.id() + ": add(" + i + ", 1) returned " + add.applyAsInt(i, 1));
                }
            }
            for (int i = 0; i < HOST_LOOPS; i++) {
                long r = loop.call(1000);
                if (r != 499_500) {
                    throw new WrongResultException(e.id() + ": loop(1000) returned " + r);
                }
            }
        };
    }

    /**
     * Translates every module of {@link #TRANSLATED_MODULES} with {@code measured}, {@link #ROUNDS}
     * times round-robin, unless done already in this JVM: the translator's profile then covers
     * small and large modules, not just the one measured.
     *
     * @param measured the translator about to be measured
     */
    public static synchronized void translation(Translators measured) {
        if (!TRANSLATORS_DONE.add(measured)) {
            return;
        }
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            for (String m : TRANSLATED_MODULES) {
                measured.translate(BenchFiles.bytes(m));
            }
        }
        System.out.printf("# Broad warm-up: %d modules x %s x %d rounds in %.1f s%n", TRANSLATED_MODULES.size(), measured.id(),
                ROUNDS, (System.nanoTime() - start) / 1e9);
    }
}
