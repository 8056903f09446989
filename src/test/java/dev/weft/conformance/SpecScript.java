package dev.weft.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One converted spec test script: its {@code NAME.json} command file, whose module files sit in
 * the same directory.
 */
public final class SpecScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String folder;
    private final Path jsonFile;
    private final String name;
    private List<SpecCommand> commands;

    /**
     * @param folder the suite folder, e.g. {@code core} or {@code proposals/tail-call}
     * @param jsonFile the command file
     */
    public SpecScript(String folder, Path jsonFile) {
        this.folder = folder;
        this.jsonFile = jsonFile;
        String file = jsonFile.getFileName().toString();
        this.name = file.substring(0, file.length() - ".json".length()) + ".wast";
    }

    /** @return the suite folder, e.g. {@code core} */
    public String folder() {
        return folder;
    }

    /** @return e.g. {@code core/binary.wast} */
    public String displayName() {
        return folder + "/" + name;
    }

    /**
     * @param filename a module file named by a command
     * @return the file's bytes
     * @throws UncheckedIOException if it cannot be read
     */
    public byte[] readModule(String filename) {
        try {
            return Files.readAllBytes(jsonFile.resolveSibling(filename));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + filename + " of " + displayName(), e);
        }
    }

    /** @return the commands in script order (the JSON is read on first use) */
    public synchronized List<SpecCommand> commands() {
        if (commands == null) {
            try {
                JsonNode root = JSON.readTree(jsonFile.toFile());
                List<SpecCommand> list = new ArrayList<>();
                for (JsonNode c : root.path("commands")) {
                    list.add(new SpecCommand(this, c.path("line").asInt(), c.path("type").asText(), c));
                }
                commands = Collections.unmodifiableList(list);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jsonFile, e);
            }
        }
        return commands;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
