package dev.weft.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts outcomes per (mode, folder, command kind) and collects message mismatches. Thread-safe;
 * one instance per JVM run, written out when the run ends.
 */
public final class ConformanceResults {
    /**
     * One row of the summary.
     *
     * @param mode the mode's name
     * @param folder e.g. {@code core} or {@code proposals/tail-call}
     * @param kind the command kind
     * @param passed commands that passed
     * @param failed commands that failed
     * @param skipped commands the mode could not run
     */
    public record Row(String mode, String folder, String kind, long passed, long failed, long skipped) {
        /** Summary order: mode, then folder (core, simd, proposals), then kind. */
        public static final Comparator<Row> ORDER = Comparator.comparing(Row::mode)
                .thenComparing(Row::folder, Comparator.comparing(ConformanceResults::folderRank)
                        .thenComparing(Comparator.naturalOrder()))
                .thenComparing(Row::kind);
    }

    /**
     * A rejected module whose reason does not contain the expected text.
     *
     * @param mode the mode's name
     * @param location script and line
     * @param expected the script's text
     * @param ours our exception's reason
     */
    public record MessageMismatch(String mode, String location, String expected, String ours) {
    }

    /**
     * A suite run in one mode: the unit of the summary that one run's rows replace.
     *
     * @param mode the mode's name
     * @param suite {@link ConformanceReport#suite(String)} of the rows' folders
     */
    public record Scope(String mode, String suite) implements Comparable<Scope> {
        private static final Comparator<Scope> ORDER = Comparator.comparing(Scope::mode).thenComparing(Scope::suite);

        @Override
        public int compareTo(Scope other) {
            return ORDER.compare(this, other);
        }
    }

    private record Key(String mode, String folder, String kind) {
    }

    private final Map<Key, long[]> counts = new TreeMap<>(
            Comparator.comparing(Key::mode).thenComparing(Key::folder).thenComparing(Key::kind));
    private final List<MessageMismatch> mismatches = new ArrayList<>();
    private final Set<Scope> scopes = new TreeSet<>();

    /**
     * Records one outcome, and a message mismatch if the module was rejected for a reason that does
     * not contain the command's expected text.
     *
     * @param mode the mode's name
     * @param command the command
     * @param outcome what happened
     */
    public synchronized void record(String mode, SpecCommand command, CommandOutcome outcome) {
        record(mode, command.script().folder(), command.kind(), command.location(), command.expectedText(), outcome);
    }

    /**
     * Records one outcome (see {@link #record(String, SpecCommand, CommandOutcome)}), for runners
     * that read their commands from elsewhere (the {@code .wast} scripts).
     *
     * @param mode the mode's name
     * @param folder the command's folder ({@code core}, {@code spec3/i32} …)
     * @param kind the command kind
     * @param location script and line, for mismatches
     * @param expected the command's expected error text, or null
     * @param outcome what happened
     */
    public synchronized void record(String mode, String folder, String kind, String location, String expected,
            CommandOutcome outcome) {
        record(mode, folder, kind, outcome);
        if (outcome.rejection() != null && expected != null && !outcome.rejection().reason().contains(expected)) {
            mismatches.add(new MessageMismatch(mode, location, expected, outcome.rejection().reason()));
        }
    }

    /**
     * Records one outcome of a suite that has no {@link SpecCommand}s (e.g. the WASI test suite).
     *
     * @param mode the mode's name
     * @param folder the summary's folder
     * @param kind the summary's kind
     * @param outcome what happened
     */
    public synchronized void record(String mode, String folder, String kind, CommandOutcome outcome) {
        scopes.add(new Scope(mode, ConformanceReport.suite(folder)));
        long[] c = counts.computeIfAbsent(new Key(mode, folder, kind), k -> new long[3]);
        c[outcome.status().ordinal()]++;
    }

    /**
     * Notes that a mode of the spec suite ran, even if it recorded nothing (so that its old rows
     * are replaced).
     *
     * @param mode the mode's name
     */
    public synchronized void noteMode(String mode) {
        noteRun(mode, ConformanceReport.SPEC_SUITE);
    }

    /**
     * Notes that a mode of the suite that {@code folder} belongs to ran, even if it recorded
     * nothing (so that its old rows are replaced).
     *
     * @param mode the mode's name
     * @param folder a folder of the suite, or the suite's name
     */
    public synchronized void noteRun(String mode, String folder) {
        scopes.add(new Scope(mode, ConformanceReport.suite(folder)));
    }

    /** @return the (mode, suite) pairs that ran */
    public synchronized Set<Scope> scopes() {
        return new TreeSet<>(scopes);
    }

    /** @return one row per (mode, folder, kind), in summary order */
    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new Row(k.mode(), k.folder(), k.kind(), c[0], c[1], c[2])));
        rows.sort(Row.ORDER);
        return rows;
    }

    /** @return the message mismatches, in the order they were found */
    public synchronized List<MessageMismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    static int folderRank(String folder) {
        return switch (folder) {
            case "core" -> 0;
            case "simd" -> 1;
            default -> folder.startsWith("spec3/") ? 3 : folder.startsWith("wasi-testsuite") ? 4 : 2;
        };
    }
}
