package dev.weft.bench.support;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Translators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every execution workload, at its warm-up size, on both Weft dispatch modes (and on the
 * engine being measured, if it is not Weft), round-robin for {@link #ROUNDS} rounds, once per
 * JVM. The JIT then compiles the interpreters with the profile of a long-running host that has
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

    private static final Set<EngineKind> DONE = EnumSet.noneOf(EngineKind.class);
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
        List<PreparedWorkload> all = new ArrayList<>();
        for (Workload w : Workload.values()) {
            for (EngineKind e : engines) {
                all.add(new PreparedWorkload(e, w.warmup()));
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (PreparedWorkload p : all) {
                p.instantiateAndRun();
            }
        }
        DONE.addAll(engines);
        System.out.printf("# Broad warm-up: %d workloads x %s x %d rounds in %.1f s%n", Workload.values().length,
                engines, ROUNDS, (System.nanoTime() - start) / 1e9);
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
