package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.ModuleException;
import dev.weft.code.CodeLayout;
import dev.weft.code.CompiledCode;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.ModuleDecoder;
import dev.weft.validate.ModuleValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The counts that show the translator works: static internal instructions per Wasm instruction
 * (every instruction of every function body, {@code end}s and unreachable code included), and
 * internal code bytes per code-section byte, for CoreMark and every valid core spec module.
 * Writes {@code target/translation-counts.md}; fails if CoreMark exceeds 0.6 internal
 * instructions per Wasm instruction.
 */
class TranslationCountsTest {
    record Counts(String name, long wasm, long internal, long wasmBytes, long codeBytes) {
        double ratio() {
            return internal / (double) wasm;
        }

        double bytesRatio() {
            return codeBytes / (double) wasmBytes;
        }

        Counts plus(Counts o) {
            return new Counts(name, wasm + o.wasm, internal + o.internal, wasmBytes + o.wasmBytes, codeBytes + o.codeBytes);
        }

        String row() {
            return String.format("| %s | %,d | %,d | %.3f | %,d | %,d | %.2f |", name, wasm, internal, ratio(),
                    wasmBytes, codeBytes, bytesRatio());
        }
    }

    static Counts count(String name, byte[] bytes) {
        DecodedModule d = ModuleDecoder.decode(bytes);
        ModuleValidator.validate(d);
        CompiledCode c = Translator.translate(d);
        long wasmBytes = 0;
        for (FunctionBody b : d.bodies) {
            wasmBytes += b.length();
        }
        return new Counts(name, c.wasmInstructions(), c.internalInstructions(), wasmBytes, c.size());
    }

    @Test
    void coremarkAndCoreSpecModules() throws IOException {
        Path bench = Path.of(System.getProperty("weft.benchwasm.dir", "../shared/bench-wasm"));
        Path core = Path.of(System.getProperty("weft.spectest.dir", "../shared/spec-testsuite"), "core");
        Assumptions.assumeTrue(Files.isDirectory(bench) && Files.isDirectory(core),
                "needs " + bench + " and " + core + " (system properties weft.benchwasm.dir, weft.spectest.dir)");
        Counts coremark = count("coremark-minimal.wasm", Files.readAllBytes(bench.resolve("coremark-minimal.wasm")));
        Counts total = new Counts("all valid core spec modules", 0, 0, 0, 0);
        int modules = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(core)) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        for (Path p : files) {
            try {
                total = total.plus(count(p.getFileName().toString(), Files.readAllBytes(p)));
                modules++;
            } catch (ModuleException invalidOnPurpose) {
                // assert_malformed / assert_invalid modules: nothing to translate
            }
        }
        String header = "| module | Wasm instructions | internal instructions | internal/Wasm | code-section bytes | internal code bytes | bytes ratio |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n";
        String table = header + coremark.row() + "\n" + total.row().replace("all valid core spec modules",
                "all " + modules + " valid core spec modules") + "\n";
        Path out = Path.of("target", "translation-counts.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.print(table);
        assertTrue(coremark.ratio() <= 0.6, "CoreMark translates to " + coremark.ratio() + " internal instructions per Wasm instruction (goal: at most 0.6)");
        assertTrue(modules > 1000, "translated " + modules + " core modules");
    }
}
