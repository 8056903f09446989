package dev.weft.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.weft.suites.SharedSuite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a run's results to the output directory ({@value #OUT_PROPERTY}, default
 * {@code target/conformance}):
 * <ul>
 *   <li>{@code summary.json}: {@code {"results":[{"mode","folder","kind","passed","failed","skipped"}, ...],
 *       "missing":[{"suite","dir","property"}, ...]}}.
 *       Rows are merged by (mode, suite), the suite being {@link #suite(String) named by the
 *       folder}: the rows of each (mode, suite) this run wrote replace the file's rows of that
 *       pair; all other rows stay. So JVM forks running different modes, and runners of
 *       different suites in the same mode (the spec suite's {@code switch} rows and the WASI
 *       suite's), share the file. {@code missing} lists the shared suites ({@link SharedSuite})
 *       absent in this run, whose tests were skipped.</li>
 *   <li>{@code message-mismatches.txt}: rejected modules whose reason does not contain the
 *       expected text, one per line, merged the same way (each line starts with {@code [mode]}
 *       and the location, which starts with the folder).</li>
 * </ul>
 * Writers take a file lock, so forks finishing together do not lose each other's rows.
 */
public final class ConformanceReport {
    /** System property naming the output directory. */
    public static final String OUT_PROPERTY = "weft.conformance.out";
    /** The summary's file name. */
    public static final String SUMMARY = "summary.json";
    /** The mismatch list's file name. */
    public static final String MISMATCHES = "message-mismatches.txt";

    /** The suite of the official core spec tests (every folder not claimed by another suite). */
    public static final String SPEC_SUITE = "spec";
    /** The suite of the Wasm 3.0 spec tests: folders {@code spec3/...}. */
    public static final String SPEC3_SUITE = "spec3";
    /** The official WASI test suite: folder {@code wasi-testsuite}. */
    public static final String WASI_SUITE = "wasi-testsuite";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** @param dir the output directory */
    public ConformanceReport(Path dir) {
        this.dir = dir;
    }

    /** @return the report for the directory named by {@value #OUT_PROPERTY} */
    public static ConformanceReport fromSystemProperty() {
        return new ConformanceReport(Path.of(System.getProperty(OUT_PROPERTY, "target/conformance")));
    }

    /**
     * @param folder a summary row's folder (or a mismatch's location, which starts with its folder)
     * @return the suite it belongs to: {@value #WASI_SUITE}, {@value #SPEC3_SUITE} or {@value #SPEC_SUITE}
     */
    public static String suite(String folder) {
        if (belongsTo(folder, WASI_SUITE)) {
            return WASI_SUITE;
        }
        return belongsTo(folder, SPEC3_SUITE) ? SPEC3_SUITE : SPEC_SUITE;
    }

    private static boolean belongsTo(String folder, String suite) {
        return folder.equals(suite) || folder.startsWith(suite + "/");
    }

    /** @return the output directory */
    public Path dir() {
        return dir;
    }

    /**
     * Merges the results into the files.
     *
     * @param results the run's results
     * @throws IOException if the files cannot be written
     */
    public void write(ConformanceResults results) throws IOException {
        Files.createDirectories(dir);
        Set<ConformanceResults.Scope> scopes = results.scopes();
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                writeSummary(results.rows(), scopes);
                writeMismatches(results.mismatches(), scopes);
            } finally {
                lock.release();
            }
        }
    }

    private void writeSummary(List<ConformanceResults.Row> ours, Set<ConformanceResults.Scope> scopes)
            throws IOException {
        List<ConformanceResults.Row> rows = new ArrayList<>(readSummary(dir.resolve(SUMMARY)));
        rows.removeIf(r -> scopes.contains(new ConformanceResults.Scope(r.mode(), suite(r.folder()))));
        rows.addAll(ours);
        rows.sort(ConformanceResults.Row.ORDER);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("results");
        for (ConformanceResults.Row r : rows) {
            array.addObject().put("mode", r.mode()).put("folder", r.folder()).put("kind", r.kind())
                    .put("passed", r.passed()).put("failed", r.failed()).put("skipped", r.skipped());
        }
        // an empty "results" alone would read as nothing to report: say which suites were not there to run
        ArrayNode missing = root.putArray("missing");
        for (SharedSuite suite : SharedSuite.missing()) {
            missing.addObject().put("suite", suite.folder()).put("dir", suite.dir().toString())
                    .put("property", suite.property());
        }
        replace(dir.resolve(SUMMARY), JSON.writeValueAsString(root) + "\n");
    }

    /**
     * @param file a summary file
     * @return its rows; none if the file does not exist
     * @throws IOException if it cannot be read or parsed
     */
    public static List<ConformanceResults.Row> readSummary(Path file) throws IOException {
        List<ConformanceResults.Row> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (JsonNode r : JSON.readTree(file.toFile()).path("results")) {
            rows.add(new ConformanceResults.Row(r.path("mode").asText(), r.path("folder").asText(),
                    r.path("kind").asText(), r.path("passed").asLong(), r.path("failed").asLong(),
                    r.path("skipped").asLong()));
        }
        return rows;
    }

    private void writeMismatches(List<ConformanceResults.MessageMismatch> ours, Set<ConformanceResults.Scope> scopes)
            throws IOException {
        Path file = dir.resolve(MISMATCHES);
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int close = line.indexOf(']');
                if (line.startsWith("[") && close > 0 && !scopes.contains(new ConformanceResults.Scope(
                        line.substring(1, close), suite(line.substring(Math.min(line.length(), close + 2)))))) {
                    lines.add(line);
                }
            }
        }
        for (ConformanceResults.MessageMismatch m : ours) {
            lines.add("[" + m.mode() + "] " + m.location() + "  expected: " + oneLine(m.expected())
                    + "  ours: " + oneLine(m.ours()));
        }
        replace(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    private static String oneLine(String s) {
        return '"' + s.replace("\n", "\\n") + '"';
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Prints the run's rows as a compact table.
     *
     * @param results the run's results
     * @param out where to print
     */
    public static void printTable(ConformanceResults results, PrintStream out) {
        List<ConformanceResults.Row> rows = results.rows();
        out.println();
        out.println("Spec conformance (" + rows.size() + " rows; passed / failed / skipped)");
        out.printf("  %-9s %-26s %-22s %8s %8s %8s%n", "mode", "folder", "kind", "passed", "failed", "skipped");
        long p = 0;
        long f = 0;
        long s = 0;
        for (ConformanceResults.Row r : rows) {
            out.printf("  %-9s %-26s %-22s %8d %8d %8d%n", r.mode(), r.folder(), r.kind(), r.passed(), r.failed(),
                    r.skipped());
            p += r.passed();
            f += r.failed();
            s += r.skipped();
        }
        out.printf("  %-9s %-26s %-22s %8d %8d %8d%n", "total", "", "", p, f, s);
        out.println("  message mismatches (reason lacks the expected text): " + results.mismatches().size());
    }
}
