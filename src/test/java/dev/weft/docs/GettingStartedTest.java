package dev.weft.docs;

import dev.weft.Engine;
import dev.weft.WasmModule;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs docs/getting-started.md: its two programs print what the page says they print, and its C
 * version of {@code add} compiles with the page's command and adds (where clang is installed).
 */
class GettingStartedTest {
    private static final String PAGE = "getting-started.md";

    /** The page's output blocks (fenced, no language), in order. */
    private static List<String> outputs() {
        return DocPages.blocks(PAGE, "").stream().map(DocPages.Block::text).toList();
    }

    private interface Program {
        void run() throws Throwable;
    }

    private static String stdoutOf(Program program) throws Throwable {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void step3PrintsWhatThePageShows() throws Throwable {
        assertEquals(outputs().get(0), stdoutOf(() -> Main.main(new String[0])));
    }

    @Test
    void step4PrintsWhatThePageShows() throws Throwable {
        assertEquals(outputs().get(1), stdoutOf(() -> Hello.main(new String[0])));
    }

    @Test
    void theCVersionCompilesWithThePagesCommandAndAdds(@TempDir Path dir) throws Throwable {
        List<DocPages.Block> c = DocPages.blocks(PAGE, "c");
        assertEquals(1, c.size(), "one C block");
        String command = DocPages.blocks(PAGE, "sh").stream().flatMap(b -> b.lines().stream())
                .filter(l -> l.startsWith("clang ")).findFirst().orElseThrow();
        Assumptions.assumeTrue(onPath("clang") && onPath("wasm-ld"),
                "clang and wasm-ld (apt-get install clang lld) are not installed: the page's C version is not compiled here");
        Files.writeString(dir.resolve("add.c"), c.getFirst().text());
        List<String> argv = new ArrayList<>(Arrays.asList(command.split(" +")));
        argv.replaceAll(a -> a.equals("src/main/resources/add.wasm") ? "add.wasm" : a);
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clang did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", argv) + "\n" + out);
        WasmModule module = WasmModule.parse(dir.resolve("add.wasm"));
        assertEquals(42, Engine.create().instantiate(module).function("add").call(40, 2)[0]);
    }

    private static boolean onPath(String tool) throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
