package dev.weft;

import dev.weft.decode.DecodedModule;
import dev.weft.decode.Export;
import dev.weft.decode.Import;
import dev.weft.decode.ModuleDecoder;
import dev.weft.code.CompiledCode;
import dev.weft.code.Disassembler;
import dev.weft.text.TextFormat;
import dev.weft.translate.Translator;
import dev.weft.validate.ModuleValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A decoded, validated and translated WebAssembly module: compile it once, then instantiate
 * it as often as needed with an {@link Engine}. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * WasmModule module = WasmModule.parse(Path.of("app.wasm"));
 * for (ModuleImport i : module.imports()) System.out.println(i);
 * }</pre>
 */
public final class WasmModule {
    /** The largest module binary Weft accepts (1 GiB), an implementation limit. */
    public static final int MAX_MODULE_BYTES = 1 << 30;

    private final DecodedModule decoded;
    private final CompiledCode compiled;
    private final List<ModuleImport> imports;
    private final List<ModuleExport> exports;

    private WasmModule(DecodedModule decoded) {
        this.decoded = decoded;
        this.compiled = Translator.translate(decoded);
        List<ModuleImport> im = new ArrayList<>(decoded.imports.length);
        for (Import i : decoded.imports) {
            im.add(new ModuleImport(i.module(), i.name(), i.type()));
        }
        this.imports = Collections.unmodifiableList(im);
        List<ModuleExport> ex = new ArrayList<>(decoded.exports.length);
        for (Export e : decoded.exports) {
            ex.add(new ModuleExport(e.name(), exportType(decoded, e)));
        }
        this.exports = Collections.unmodifiableList(ex);
    }

    private static ExternType exportType(DecodedModule m, Export e) {
        return switch (e.kind()) {
            case FUNCTION -> m.functionType(e.index());
            case TABLE -> m.tables[e.index()];
            case MEMORY -> m.memories[e.index()];
            case GLOBAL -> m.globals[e.index()];
        };
    }

    /**
     * Decodes, validates and translates a module binary.
     *
     * @param bytes the binary (copied; the caller may reuse the array)
     * @return the module
     * @throws MalformedModuleException if the bytes do not decode
     * @throws InvalidModuleException if the module does not validate
     * @throws UnsupportedFeatureException if it uses what Weft cannot run yet (SIMD) or exceeds a limit
     */
    public static WasmModule parse(byte[] bytes) {
        if (bytes.length > MAX_MODULE_BYTES) {
            throw new UnsupportedFeatureException("module larger than " + MAX_MODULE_BYTES + " bytes", -1);
        }
        DecodedModule decoded = ModuleDecoder.decode(bytes.clone());
        ModuleValidator.validate(decoded);
        return new WasmModule(decoded);
    }

    /**
     * Compiles a module written in the WebAssembly text format, then decodes, validates and
     * translates it like a binary.
     *
     * @param text the module: {@code (module …)}, or its fields alone
     * @return the module
     * @throws TextFormatException if the text is not a module in the text format
     * @throws ModuleException if the module is invalid or uses what Weft cannot run yet
     */
    public static WasmModule parseText(String text) {
        return parse(TextFormat.compile(text));
    }

    /**
     * Reads, decodes, validates and translates a module file: a binary, or text if its name ends
     * in {@code .wat}.
     *
     * @param path the {@code .wasm} (or {@code .wat}) file
     * @return the module
     * @throws UncheckedIOException if the file cannot be read
     * @throws ModuleException if the module is malformed or invalid
     */
    public static WasmModule parse(Path path) {
        try {
            long size = Files.size(path);
            if (size > MAX_MODULE_BYTES) {
                throw new UnsupportedFeatureException("module larger than " + MAX_MODULE_BYTES + " bytes", -1);
            }
            byte[] bytes = Files.readAllBytes(path);
            if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wat")) {
                bytes = TextFormat.compile(bytes, path.toString());
            }
            DecodedModule decoded = ModuleDecoder.decode(bytes);
            ModuleValidator.validate(decoded);
            return new WasmModule(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Reads the stream to its end, then decodes, validates and translates the module. The stream is not closed.
     *
     * @param in the module binary
     * @return the module
     * @throws UncheckedIOException if the stream cannot be read
     * @throws ModuleException if the module is malformed or invalid, or larger than {@link #MAX_MODULE_BYTES}
     */
    public static WasmModule parse(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_MODULE_BYTES);
            if (in.read() != -1) {
                throw new UnsupportedFeatureException("module larger than " + MAX_MODULE_BYTES + " bytes", -1);
            }
            DecodedModule decoded = ModuleDecoder.decode(bytes);
            ModuleValidator.validate(decoded);
            return new WasmModule(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module", e);
        }
    }

    /** @return the function types of the type section, in order */
    public List<FunctionType> types() {
        return List.of(decoded.types);
    }

    /** @return the imports, in order */
    public List<ModuleImport> imports() {
        return imports;
    }

    /** @return the exports, in order */
    public List<ModuleExport> exports() {
        return exports;
    }

    /** @return the custom sections, in order */
    public List<CustomSection> customSections() {
        return List.of(decoded.customSections);
    }

    /** @return the module name from the {@code name} section, if any */
    public Optional<String> name() {
        return Optional.ofNullable(decoded.names.moduleName());
    }

    /**
     * @param functionIndex a function index (imports first)
     * @return the function's name from the {@code name} section, if any
     */
    public Optional<String> functionName(int functionIndex) {
        return Optional.ofNullable(decoded.names.functionName(functionIndex));
    }

    /** @return number of functions the module defines (not imported) */
    public int definedFunctionCount() {
        return decoded.bodies.length;
    }

    /**
     * @param name an export name
     * @return the index of the function exported under that name
     * @throws IllegalArgumentException if no function is exported under that name
     */
    public int exportedFunctionIndex(String name) {
        for (Export e : decoded.exports) {
            if (e.name().equals(name) && e.kind() == ExternKind.FUNCTION) {
                return e.index();
            }
        }
        throw new IllegalArgumentException("no function export named '" + name + "'");
    }

    /** @return number of functions, imported ones included */
    public int functionCount() {
        return decoded.functionTypes.length;
    }

    /**
     * @param functionIndex a function index (imports first)
     * @return the function's type
     */
    public FunctionType functionType(int functionIndex) {
        return decoded.functionType(functionIndex);
    }

    /**
     * Shows the internal code a function was translated to, one instruction per line.
     *
     * @param functionIndex a defined function's index (imports first)
     * @return the listing
     * @throws IllegalArgumentException if the index is not a defined function
     */
    public String disassemble(int functionIndex) {
        if (functionIndex < decoded.importedFunctionCount || functionIndex >= decoded.functionTypes.length) {
            throw new IllegalArgumentException("function " + functionIndex + " is not defined by this module");
        }
        return Disassembler.disassemble(compiled.code, compiled.entry(functionIndex), compiled.end(functionIndex),
                f -> f >= 0 && f < decoded.functionTypes.length ? decoded.names.functionName(f) : null);
    }

    DecodedModule decoded() {
        return decoded;
    }

    CompiledCode compiled() {
        return compiled;
    }

    @Override
    public String toString() {
        return "module" + name().map(n -> " " + n).orElse("") + " (" + decoded.functionTypes.length + " functions)";
    }
}
