package dev.weft.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 *   <li>{@code summary.json}: {@code {"results":[{"mode","folder","kind","passed","failed","skipped"}, ...]}}.
 *       Rows of the (mode, suite) pairs this run wrote replace the file's rows of those pairs
 *       (suite {@code spec3} for folders {@code spec3/…}, else the 2.0 suite); other rows stay, so
 *       JVM forks and test classes running different modes or suites can share the file.</li>
 *   <li>{@code message-mismatches.txt}: rejected modules whose reason does not contain the
 *       expected text, one per line, merged the same way (each line starts with {@code [mode]}).</li>
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
        Set<String> runs = results.runs();
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                writeSummary(results.rows(), runs);
                writeMismatches(results.mismatches(), runs);
            } finally {
                lock.release();
            }
        }
    }

    private void writeSummary(List<ConformanceResults.Row> ours, Set<String> runs) throws IOException {
        List<ConformanceResults.Row> rows = new ArrayList<>(readSummary(dir.resolve(SUMMARY)));
        rows.removeIf(r -> runs.contains(ConformanceResults.run(r.mode(), ConformanceResults.suiteOf(r.folder()))));
        rows.addAll(ours);
        rows.sort(ConformanceResults.Row.ORDER);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("results");
        for (ConformanceResults.Row r : rows) {
            array.addObject().put("mode", r.mode()).put("folder", r.folder()).put("kind", r.kind())
                    .put("passed", r.passed()).put("failed", r.failed()).put("skipped", r.skipped());
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

    private void writeMismatches(List<ConformanceResults.MessageMismatch> ours, Set<String> runs)
            throws IOException {
        Path file = dir.resolve(MISMATCHES);
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int close = line.indexOf(']');
                if (line.startsWith("[") && close > 0 && !runs.contains(ConformanceResults.run(line.substring(1, close),
                        ConformanceResults.suiteOf(line.substring(close + 2))))) {
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
