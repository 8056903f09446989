package dev.weft.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The code on the documentation pages is code the tests compile and run: every {@code java}
 * block of getting-started.md and cookbook.md appears, line for line (indentation aside), in a
 * source file of this package, and every {@code wat} block in a module under
 * {@code src/test/resources/dev/weft/docs/} that the tests load; Maven coordinates shown (there
 * and in README.md) are the project's own.
 */
class DocSnippetsTest {
    private static final List<String> PAGES = List.of("getting-started.md", "cookbook.md");

    private static Path root() {
        return DocPages.dir().toAbsolutePath().getParent();
    }

    private static List<List<String>> files(Path dir, String extension) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().map(DocSnippetsTest::lines).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return normalised(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines stripped of indentation and trailing blanks, blank lines dropped. */
    private static List<String> normalised(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean containedIn(List<String> block, List<List<String>> files) {
        return files.stream().anyMatch(f -> Collections.indexOfSubList(f, block) >= 0);
    }

    @TestFactory
    Stream<DynamicTest> javaAndWatBlocksAreTestedCode() {
        List<List<String>> java = files(root().resolve("src/test/java/dev/weft/docs"), ".java");
        List<List<String>> wat = files(root().resolve("src/test/resources/dev/weft/docs"), ".wat");
        List<DynamicTest> tests = new ArrayList<>();
        for (String page : PAGES) {
            for (DocPages.Block b : DocPages.blocks(page)) {
                List<List<String>> sources = switch (b.language()) {
                    case "java" -> java;
                    case "wat" -> wat;
                    default -> null;
                };
                if (sources != null) {
                    tests.add(dynamicTest(page + ":" + b.line() + " (" + b.language() + ")", () -> {
                        List<String> block = normalised(b.lines());
                        assertFalse(block.isEmpty(), "empty block");
                        assertTrue(containedIn(block, sources), page + ":" + b.line() + ": this " + b.language()
                                + " block is not in the tested sources (src/test/java/dev/weft/docs, "
                                + "src/test/resources/dev/weft/docs); update them together:\n" + b.text());
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> mavenCoordinatesAreTheProjects() throws IOException {
        String pom = Files.readString(root().resolve("pom.xml"));
        Matcher own = Pattern.compile("<groupId>(dev\\.weft)</groupId>\\s*<artifactId>(weft)</artifactId>\\s*"
                + "<version>([^<]+)</version>").matcher(pom);
        assertTrue(own.find(), "the pom's coordinates");
        String version = own.group(3);
        Pattern dependency = Pattern.compile("<groupId>dev\\.weft</groupId>\\s*<artifactId>weft</artifactId>\\s*"
                + "<version>([^<]+)</version>");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : List.of(DocPages.page("getting-started.md"), root().resolve("README.md"))) {
            String text = Files.readString(page);
            tests.add(dynamicTest(page.getFileName().toString(), () -> {
                Matcher m = dependency.matcher(text);
                assertTrue(m.find(), page + " shows the dependency");
                do {
                    assertTrue(m.group(1).equals(version), page + " shows version " + m.group(1) + ", the pom has " + version);
                } while (m.find());
            }));
        }
        return tests.stream();
    }
}
