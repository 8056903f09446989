package dev.weft.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The converted spec test suite on disk: folders {@code core}, {@code simd} and
 * {@code proposals/NAME}, each holding {@code NAME.json} scripts.
 */
public final class SpecSuite {
    /** System property naming the suite's directory. */
    public static final String DIR_PROPERTY = "weft.spectest.dir";

    private final Path root;

    /** @param root the suite directory */
    public SpecSuite(Path root) {
        this.root = root;
    }

    /** @return the suite named by {@value #DIR_PROPERTY}, or {@code ../shared/spec-testsuite} when unset */
    public static SpecSuite fromSystemProperty() {
        return new SpecSuite(Path.of(System.getProperty(DIR_PROPERTY, "../shared/spec-testsuite")).toAbsolutePath());
    }

    /** @return the suite directory */
    public Path root() {
        return root;
    }

    /** @return true if the directory exists */
    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** @return the folders with scripts: {@code core}, {@code simd}, then {@code proposals/*} in name order */
    public List<String> folders() {
        List<String> folders = new ArrayList<>();
        for (String f : List.of("core", "simd")) {
            if (Files.isDirectory(root.resolve(f))) {
                folders.add(f);
            }
        }
        Path proposals = root.resolve("proposals");
        if (Files.isDirectory(proposals)) {
            try (Stream<Path> dirs = Files.list(proposals)) {
                dirs.filter(Files::isDirectory).map(p -> "proposals/" + p.getFileName()).sorted().forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folders;
    }

    /**
     * @param folder a folder from {@link #folders()}
     * @return its scripts in name order
     */
    public List<SpecScript> scripts(String folder) {
        try (Stream<Path> files = Files.list(root.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .map(p -> new SpecScript(folder, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param folder a folder from {@link #folders()}
     * @return every {@code .wasm} file in it, in name order
     */
    public List<Path> binaryModules(String folder) {
        try (Stream<Path> files = Files.list(root.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wasm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
