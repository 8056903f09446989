package dev.weft.compile;

import dev.weft.code.CompiledCode;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ModuleDecoder;
import dev.weft.translate.Translator;
import dev.weft.validate.ModuleValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Modules for the compiled tier's tests: decoded, validated, translated, with their tier state. */
record Modules(DecodedModule decoded, CompiledCode code) {
    static Modules of(byte[] bytes) {
        DecodedModule decoded = ModuleDecoder.decode(bytes);
        ModuleValidator.validate(decoded);
        return new Modules(decoded, Translator.translate(decoded));
    }

    static Modules of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the shared bench-wasm directory, or null (the pom sets weft.benchwasm.dir) */
    static Path benchWasm() {
        Path dir = Path.of(System.getProperty("weft.benchwasm.dir", "../shared/bench-wasm"));
        return Files.isDirectory(dir) ? dir : null;
    }

    ModuleTier tier() {
        return ModuleTier.of(code, decoded);
    }
}
