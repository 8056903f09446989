package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.ModuleException;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ModuleDecoder;
import dev.weft.validate.ModuleValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The printer and the parser agree: every valid binary module of the 2.0 spec test suite, printed
 * as text and compiled back, prints the same text again.
 */
class RoundTripTest {
    @Test
    void everyValidModuleOfTheSuiteSurvivesPrintingAndParsing() throws IOException {
        Path suite = Path.of(System.getProperty("weft.spectest.dir", "../shared/spec-testsuite"));
        Assumptions.assumeTrue(Files.isDirectory(suite), "no spec test suite at " + suite.toAbsolutePath());
        List<Path> modules;
        try (Stream<Path> s = Files.walk(suite)) {
            modules = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        int checked = 0;
        for (Path p : modules) {
            DecodedModule m;
            try {
                m = ModuleDecoder.decode(Files.readAllBytes(p));
                ModuleValidator.validate(m, ModuleValidator.Scope.SPEC);
            } catch (ModuleException e) {
                continue; // the suite's malformed and invalid modules
            }
            String text = ModulePrinter.print(m);
            String again = ModulePrinter.print(ModuleDecoder.decode(TextFormat.compile(text)));
            assertEquals(text, again, p.toString());
            checked++;
        }
        assertTrue(checked > 2000, checked + " modules checked");
    }
}
