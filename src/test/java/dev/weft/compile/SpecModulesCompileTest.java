package dev.weft.compile;

import dev.weft.WeftException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function of every valid module of the spec suite's core folder compiles, except those
 * too large for a JIT-compiled JVM method: the conformance run in the {@code compiled} mode then
 * really tests compiled code (a function the tier failed to compile would silently run interpreted).
 */
class SpecModulesCompileTest {
    @Test
    void everyCoreModuleCompiles() throws IOException {
        Path core = Path.of(System.getProperty("weft.spectest.dir", "../shared/spec-testsuite")).resolve("core");
        Assumptions.assumeTrue(Files.isDirectory(core), "no spec test suite at " + core + ": skipping");
        int modules = 0;
        int compiled = 0;
        Map<String, Integer> rejected = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(core)) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        for (Path file : files) {
            Modules m;
            try {
                m = Modules.of(file);
            } catch (WeftException e) {
                continue; // malformed or invalid on purpose
            }
            modules++;
            ModuleTier tier = m.tier();
            tier.compileAll();
            compiled += tier.compiledCount();
            tier.rejections().forEach((why, n) -> rejected.merge(file.getFileName() + ": " + why, n, Integer::sum));
        }
        System.out.println(modules + " core modules: " + compiled + " functions compiled; not compiled: " + rejected);
        assertTrue(modules > 1000, modules + " modules");
        assertTrue(compiled > 4000, compiled + " functions");
        rejected.keySet().removeIf(why -> why.contains("too large for a JIT-compiled JVM method")
                || why.contains("over the JIT's 8000-byte limit"));
        assertEquals(Map.of(), rejected, "functions that failed to compile for another reason than their size");
    }
}
