import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes docs/features.md from the conformance summary ({@code target/conformance/summary.json})
 * and docs/tools/feature-groups.txt: per WebAssembly feature, how many commands of the 3.0 spec
 * test suite Weft passes in each mode, and which scripts pass completely.
 *
 * <p>Run by Maven in {@code verify} as a single-file source program:
 * {@code java docs/tools/FeaturesPage.java SUMMARY GROUPS OUT}. When the summary lacks a mode of
 * the 3.0 suite (tests skipped or run in part), it writes nothing: the page always shows a full run.
 */
public class FeaturesPage {
    static final List<String> MODES = List.of("validate", "switch", "handles", "compiled");

    record Row(String mode, String folder, String kind, long passed, long failed, long skipped) {
    }

    record Group(String name, String description, Pattern scripts) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FeaturesPage SUMMARY GROUPS OUT");
        }
        Path summary = Path.of(args[0]);
        if (!Files.exists(summary)) {
            System.out.println("features page: no " + summary + " (tests not run); docs/features.md left as it is");
            return;
        }
        List<Row> rows = rows(Files.readString(summary, StandardCharsets.UTF_8));
        TreeSet<String> modes = new TreeSet<>();
        rows.stream().filter(r -> r.folder.startsWith("spec3/")).forEach(r -> modes.add(r.mode));
        if (!modes.containsAll(MODES)) {
            System.out.println("features page: the summary has the 3.0 suite in modes " + modes + ", not all of " + MODES
                    + "; docs/features.md left as it is");
            return;
        }
        List<Group> groups = groups(Path.of(args[1]));
        String page = page(rows, groups);
        Path out = Path.of(args[2]);
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(page)) {
            Files.writeString(out, page, StandardCharsets.UTF_8);
        }
        System.out.println("features page: " + out + " written");
    }

    // ---------------------------------------------------------------- input

    static final Pattern ROW = Pattern.compile("\\{\\s*\"mode\"\\s*:\\s*\"([^\"]*)\",\\s*\"folder\"\\s*:\\s*\"([^\"]*)\","
            + "\\s*\"kind\"\\s*:\\s*\"([^\"]*)\",\\s*\"passed\"\\s*:\\s*(\\d+),\\s*\"failed\"\\s*:\\s*(\\d+),"
            + "\\s*\"skipped\"\\s*:\\s*(\\d+)\\s*}");

    static List<Row> rows(String json) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(json);
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6))));
        }
        return rows;
    }

    static List<Group> groups(Path file) throws IOException {
        List<Group> groups = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*\\|\\s*", 3);
            groups.add(new Group(f[0], f[1], Pattern.compile(f[2])));
        }
        return groups;
    }

    // ---------------------------------------------------------------- the page

    /** Counts of one script or feature: per mode passed, failed, skipped. */
    static final class Counts {
        final Map<String, long[]> byMode = new TreeMap<>();

        void add(Row r) {
            long[] c = byMode.computeIfAbsent(r.mode, k -> new long[3]);
            c[0] += r.passed;
            c[1] += r.failed;
            c[2] += r.skipped;
        }

        long failed() {
            return byMode.values().stream().mapToLong(c -> c[1]).sum();
        }

        String cell(String mode) {
            long[] c = byMode.getOrDefault(mode, new long[3]);
            long run = c[0] + c[1];
            if (run == 0) {
                return "–";
            }
            // a cell with a failure never rounds up to 100 %
            long percent = c[1] > 0 ? Math.min(99, Math.round(100.0 * c[0] / run)) : 100;
            return String.format(Locale.ROOT, "%,d / %,d (%d %%)", c[0], run, percent);
        }

        double rate(String mode) {
            long[] c = byMode.getOrDefault(mode, new long[3]);
            return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        }
    }

    static String page(List<Row> rows, List<Group> groups) {
        Map<String, Counts> scripts = new TreeMap<>();
        for (Row r : rows) {
            if (r.folder.startsWith("spec3/")) {
                scripts.computeIfAbsent(r.folder.substring(6), k -> new Counts()).add(r);
            }
        }
        Map<Group, Map<String, Counts>> byGroup = new LinkedHashMap<>();
        groups.forEach(g -> byGroup.put(g, new TreeMap<>()));
        scripts.forEach((s, c) -> {
            for (Group g : groups) {
                if (g.scripts.matcher(s).matches()) {
                    byGroup.get(g).put(s, c);
                    return;
                }
            }
        });
        StringBuilder b = new StringBuilder();
        b.append("""
                # WebAssembly features

                <!-- GENERATED by docs/tools/FeaturesPage.java from target/conformance/summary.json and
                     docs/tools/feature-groups.txt at the end of mvn verify: do not edit by hand. -->

                How much of each WebAssembly feature Weft passes, measured by the official WebAssembly 3.0
                spec test suite (`../shared/spec-testsuite-3`, run from its `.wast` scripts by
                `Spec3ConformanceTest`). A cell is the commands passed / the commands run in that mode:
                **validate** decodes and validates modules with every rule Weft knows (commands that need
                execution are not run there); **switch** and **handles** run everything in each dispatch mode
                of the interpreter, **compiled** with every function compiled to JVM bytecode first.
                A command that needs what Weft does not run yet fails, so this is the feature-progress table.
                Scripts are assigned to features by `docs/tools/feature-groups.txt`.

                | feature | scripts | complete | validate | switch | handles | compiled | status |
                |---|---:|---:|---:|---:|---:|---:|---|
                """);
        for (Map.Entry<Group, Map<String, Counts>> e : byGroup.entrySet()) {
            Map<String, Counts> members = e.getValue();
            if (members.isEmpty()) {
                continue;
            }
            Counts total = new Counts();
            long complete = 0;
            for (Map.Entry<String, Counts> s : members.entrySet()) {
                s.getValue().byMode.forEach((mode, c) -> total.add(new Row(mode, "", "", c[0], c[1], c[2])));
                if (s.getValue().failed() == 0) {
                    complete++;
                }
            }
            b.append("| ").append(e.getKey().description).append(" | ").append(members.size()).append(" | ")
                    .append(complete).append(" | ").append(total.cell("validate")).append(" | ")
                    .append(total.cell("switch")).append(" | ").append(total.cell("handles")).append(" | ")
                    .append(total.cell("compiled")).append(" | ")
                    .append(status(total, complete == members.size())).append(" |\n");
        }
        b.append("""

                *complete*: scripts that pass every command in every mode (they are listed in
                `src/test/resources/dev/weft/conformance/spec3-must-pass.txt`, and the build fails if one
                regresses). *status*: **runs** when every script of the feature is complete, **runs
                partly** when most commands pass when executed, **validated** when most validation commands
                pass but execution does not, **not yet** otherwise.

                ## Scripts by feature

                Each script with the commands it passes per mode (validate · switch · handles · compiled); complete
                scripts first.

                """);
        for (Map.Entry<Group, Map<String, Counts>> e : byGroup.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            b.append("**").append(e.getKey().description).append("**: ");
            List<String> done = new ArrayList<>();
            List<String> partial = new ArrayList<>();
            e.getValue().forEach((s, c) -> {
                if (c.failed() == 0) {
                    done.add("`" + s + "`");
                } else {
                    partial.add("`" + s + "` (" + shortCell(c, "validate") + " · " + shortCell(c, "switch") + " · "
                            + shortCell(c, "handles") + " · " + shortCell(c, "compiled") + ")");
                }
            });
            if (!done.isEmpty()) {
                b.append("complete: ").append(String.join(", ", done)).append(partial.isEmpty() ? "" : "; ");
            }
            if (!partial.isEmpty()) {
                b.append("not complete: ").append(String.join(", ", partial));
            }
            b.append(".\n\n");
        }
        b.append(specTwo(rows));
        return b.toString();
    }

    static String shortCell(Counts c, String mode) {
        long[] x = c.byMode.getOrDefault(mode, new long[3]);
        return x[0] + x[1] == 0 ? "–" : x[0] + "/" + (x[0] + x[1]);
    }

    static String status(Counts total, boolean allComplete) {
        if (allComplete) {
            return "**runs**";
        }
        if (total.rate("switch") >= 0.9 && total.rate("handles") >= 0.9 && total.rate("compiled") >= 0.9) {
            return "runs partly";
        }
        if (total.rate("validate") >= 0.9) {
            return "validated";
        }
        return "not yet";
    }

    /** The WebAssembly 2.0 suite (JSON), for comparison. */
    static String specTwo(List<Row> rows) {
        Map<String, Counts> folders = new TreeMap<>();
        for (Row r : rows) {
            if (!r.folder.startsWith("spec3/")) {
                folders.computeIfAbsent(r.folder, k -> new Counts()).add(r);
            }
        }
        if (folders.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("""
                ## The WebAssembly 2.0 suite

                The older suite (`../shared/spec-testsuite`, converted to JSON by wabt 1.0.32), run by
                `SpecConformanceTest`; its text-format cases are compiled by Weft's own parser. Commands whose
                expectation WebAssembly 3.0 changed are listed in
                `src/test/resources/dev/weft/conformance/spec2-superseded.txt` and count as failed.

                | folder | validate | switch | handles | compiled |
                |---|---:|---:|---:|---:|
                """);
        folders.forEach((f, c) -> b.append("| ").append(f).append(" | ").append(c.cell("validate")).append(" | ")
                .append(c.cell("switch")).append(" | ").append(c.cell("handles")).append(" | ")
                .append(c.cell("compiled")).append(" |\n"));
        return b.toString();
    }
}
