package dev.weft.cli;

import dev.weft.decode.ModuleDecoder;
import dev.weft.text.ModulePrinter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code weft print FILE.wasm}: prints a binary module in the text format (numeric indices,
 * flat instructions). The module is decoded, not validated; a malformed one exits with 2.
 */
final class PrintCommand {
    private PrintCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("print needs exactly one module file");
        }
        Path file = Path.of(args.get(0));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        out.print(ModulePrinter.print(ModuleDecoder.decode(bytes)));
        return Main.OK;
    }
}
