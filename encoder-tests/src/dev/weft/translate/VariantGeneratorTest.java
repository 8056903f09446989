package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variant that is renamed or removed fails the build (native-layout/VariantGenerator.java)
 * instead of silently switching a fusion off: the generator is run on edited copies of
 * instructions.def.
 */
class VariantGeneratorTest {
    private static final Path DEF = Path.of("native-layout", "instructions.def");
    private static final Path WASM_DEF = Path.of("native-layout", "wasm-instructions.def");

    record Run(int exit, String output) {
    }

    static Run generate(Path dir, String def) throws IOException, InterruptedException {
        Path edited = dir.resolve("instructions.def");
        Files.writeString(edited, def, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "native-layout/VariantGenerator.java", edited.toString(),
                WASM_DEF.toString(), dir.resolve("out").toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the generator did not finish");
        return new Run(p.exitValue(), out);
    }

    private static String def() throws IOException {
        return Files.readString(DEF, StandardCharsets.UTF_8);
    }

    @Test
    void theDefinitionAsItIsGenerates(@TempDir Path dir) throws Exception {
        Run r = generate(dir, def());
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.readString(dir.resolve("out/dev/weft/translate/Variants.java"))
                .contains("IMM[Opcodes.I32_ADD] = Opcodes.I32_ADD_IMM;"));
    }

    @Test
    void aRenamedBaseFailsTheBuild(@TempDir Path dir) throws Exception {
        String edited = def().replace("op i32.add              Binary", "op i32.plus             Binary");
        assertNotEquals(def(), edited);
        Run r = generate(dir, edited);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("i32.add_imm looks like a variant of i32.add, which is not an instruction"),
                r.output());
    }

    @Test
    void aMissingNegationFailsTheBuild(@TempDir Path dir) throws Exception {
        String edited = def().replaceAll("(?m)^op br_i32\\.ge_s_imm .*$", "");
        assertNotEquals(def(), edited);
        Run r = generate(dir, edited);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("br_i32.lt_s_imm has no opposite"), r.output());
    }

    @Test
    void aVariantOfTheWrongShapeFailsTheBuild(@TempDir Path dir) throws Exception {
        String edited = def().replaceAll("(?m)^op i32\\.xor_imm          BinaryImm32", "op i32.xor_imm          Binary     ");
        assertNotEquals(def(), edited);
        Run r = generate(dir, edited);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("i32.xor_imm (Binary) cannot be the IMM variant of i32.xor"), r.output());
    }
}
