package dev.weft.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The documentation pages whose snippets the tests check and run, read as fenced code blocks. */
final class DocPages {
    /** System property naming the docs directory (the pom sets it; default {@code docs}). */
    static final String DIR_PROPERTY = "weft.docs.dir";

    private DocPages() {
    }

    /**
     * A fenced code block.
     *
     * @param language the word after the opening fence, or "" for none
     * @param lines its lines, without the fences
     * @param line the page's line number of the opening fence
     */
    record Block(String language, List<String> lines, int line) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "docs"));
    }

    static Path page(String name) {
        return dir().resolve(name);
    }

    /** @return the page's fenced blocks, in order */
    static List<Block> blocks(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                if (i == lines.size()) {
                    throw new IllegalStateException(name + ":" + (start + 1) + ": unclosed code block");
                }
                blocks.add(new Block(l.substring(3).strip(), body, start + 1));
            }
        }
        return blocks;
    }

    /** @return the page's blocks of one language */
    static List<Block> blocks(String name, String language) {
        return blocks(name).stream().filter(b -> b.language().equals(language)).toList();
    }
}
