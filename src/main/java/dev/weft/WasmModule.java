package dev.weft;

import dev.weft.code.CompiledCode;
import dev.weft.code.Disassembler;
import dev.weft.code.InstructionDecoder;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.Export;
import dev.weft.decode.Import;
import dev.weft.decode.ModuleDecoder;
import dev.weft.runtime.EngineLog;
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
 * A decoded and validated WebAssembly module: load it once, then instantiate it as often as
 * needed with an {@link Engine}. Its functions are translated to Weft's internal code the first
 * time they are called, once for all instances and threads ({@link #translateAll()} does it up
 * front). Immutable as far as anyone can see, and safe to share between threads.
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

    private WasmModule(DecodedModule decoded, CompiledCode compiled) {
        this.decoded = decoded;
        this.compiled = compiled;
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
     * Decodes and validates bytes the module may keep (translating too with
     * {@code -Dweft.translate=eager}), timing each step for the log. The last line of defence of
     * parsing: a failure that is not a {@link WeftException} is a bug in Weft and ends in an
     * {@link InternalErrorException} saying which stage failed (the translator adds the function
     * and byte offset).
     */
    private static WasmModule compile(byte[] bytes) {
        String stage = "decoding the module";
        try {
            long start = System.nanoTime();
            DecodedModule decoded = ModuleDecoder.decode(bytes);
            long decodedAt = System.nanoTime();
            stage = "validating the module";
            ModuleValidator.validate(decoded);
            long validatedAt = System.nanoTime();
            stage = "translating the module";
            WasmModule module = of(decoded);
            long translatedAt = System.nanoTime();
            EngineLog.moduleParsed(decoded.names.moduleName(), bytes.length, decoded.bodies.length,
                    decodedAt - start, validatedAt - decodedAt, translatedAt - validatedAt);
            return module;
        } catch (RuntimeException e) {
            throw e instanceof WeftException w ? w : new InternalErrorException(stage, null, -1, e);
        }
    }

    /**
     * @param validated a module that passed validation
     * @return it translated
     */
    static WasmModule of(DecodedModule validated) {
        WasmModule module = new WasmModule(validated, Translator.prepare(validated));
        if (EAGER) {
            module.translateAll();
        }
        return module;
    }

    /** {@code -Dweft.translate=eager}: translate every function when the module is parsed. */
    private static final boolean EAGER = "eager".equals(System.getProperty("weft.translate"));

    /**
     * Translates every function now. Functions are otherwise translated the first time they are
     * called (the default, so that loading a large module costs only decoding and validation),
     * or when the module is parsed if the system property {@code weft.translate} is {@code eager}.
     * Call this after parsing to keep translation off the first calls, e.g. before serving
     * requests. Thread-safe; idempotent.
     *
     * @return this module
     * @throws UnsupportedFeatureException if a function uses what Weft cannot run yet (otherwise
     *     its first call throws it) or exceeds an implementation limit
     */
    public WasmModule translateAll() {
        compiled.translateAll();
        return this;
    }

    /**
     * Decodes and validates a module binary. Its functions are translated when first called (see
     * {@link #translateAll()}).
     *
     * @param bytes the binary (copied; the caller may reuse the array)
     * @return the module
     * @throws MalformedModuleException if the bytes do not decode
     * @throws InvalidModuleException if the module does not validate
     * @throws UnsupportedFeatureException if it exceeds an implementation limit (a function using what
     *     Weft cannot run yet, SIMD, fails with this exception when first called)
     * @throws InternalErrorException if Weft fails on it for a reason of its own (a bug)
     */
    public static WasmModule parse(byte[] bytes) {
        if (bytes.length > MAX_MODULE_BYTES) {
            throw new UnsupportedFeatureException("module larger than " + MAX_MODULE_BYTES + " bytes", -1);
        }
        return compile(bytes.clone());
    }

    /**
     * Compiles a module written in the WebAssembly text format, then loads it like a binary (see
     * {@link #parse(byte[])}).
     *
     * @param text the module: {@code (module …)}, or its fields alone
     * @return the module
     * @throws TextFormatException if the text is not a module in the text format
     * @throws ModuleException if the module is invalid or exceeds an implementation limit
     */
    public static WasmModule parseText(String text) {
        return parse(TextFormat.compile(text));
    }

    /**
     * Reads, decodes and validates a module file: a binary, or text if its name ends in
     * {@code .wat} (see {@link #parse(byte[])}).
     *
     * @param path the {@code .wasm} (or {@code .wat}) file
     * @return the module
     * @throws UncheckedIOException if the file cannot be read
     * @throws ModuleException if the module is malformed or invalid
     * @throws InternalErrorException if Weft fails on it for a reason of its own (a bug)
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
            return compile(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Reads the stream to its end, then decodes and validates the module (see {@link #parse(byte[])}).
     * The stream is not closed.
     *
     * @param in the module binary
     * @return the module
     * @throws UncheckedIOException if the stream cannot be read
     * @throws ModuleException if the module is malformed or invalid, or larger than {@link #MAX_MODULE_BYTES}
     * @throws InternalErrorException if Weft fails on it for a reason of its own (a bug)
     */
    public static WasmModule parse(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_MODULE_BYTES);
            if (in.read() != -1) {
                throw new UnsupportedFeatureException("module larger than " + MAX_MODULE_BYTES + " bytes", -1);
            }
            return compile(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module", e);
        }
    }

    /** {@return the function types of the type section, in order} */
    public List<FunctionType> types() {
        return List.of(decoded.types);
    }

    /** {@return the imports, in order} */
    public List<ModuleImport> imports() {
        return imports;
    }

    /** {@return the exports, in order} */
    public List<ModuleExport> exports() {
        return exports;
    }

    /** {@return the custom sections, in order} */
    public List<CustomSection> customSections() {
        return List.of(decoded.customSections);
    }

    /** {@return the module name from the {@code name} section, if any} */
    public Optional<String> name() {
        return Optional.ofNullable(decoded.names.moduleName());
    }

    /**
     * Finds a function's name in the module's {@code name} section.
     *
     * @param functionIndex a function index (imports first)
     * @return the function's name from the {@code name} section, if any
     */
    public Optional<String> functionName(int functionIndex) {
        return Optional.ofNullable(decoded.names.functionName(functionIndex));
    }

    /** {@return number of functions the module defines (not imported)} */
    public int definedFunctionCount() {
        return decoded.bodies.length;
    }

    /**
     * Finds the function index behind a function export.
     *
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

    /** {@return number of functions, imported ones included} */
    public int functionCount() {
        return decoded.functionTypes.length;
    }

    /**
     * Returns a function's type.
     *
     * @param functionIndex a function index (imports first)
     * @return the function's type
     */
    public FunctionType functionType(int functionIndex) {
        return decoded.functionType(functionIndex);
    }

    /**
     * Shows the internal code a function was translated to, one instruction per line (translating it
     * if it was not yet).
     *
     * @param functionIndex a defined function's index (imports first)
     * @return the listing
     * @throws IllegalArgumentException if the index is not a defined function
     */
    public String disassemble(int functionIndex) {
        if (functionIndex < decoded.importedFunctionCount || functionIndex >= decoded.functionTypes.length) {
            throw new IllegalArgumentException("function " + functionIndex + " is not defined by this module");
        }
        int entry = compiled.translate(functionIndex);
        return Disassembler.disassemble(compiled.code, entry, compiled.end(functionIndex),
                f -> f >= 0 && f < decoded.functionTypes.length ? decoded.names.functionName(f) : null);
    }

    /**
     * Sizes and instruction counts of the module's code before and after translation.
     *
     * @return the figures
     */
    public ModuleStats stats() {
        compiled.translateAll();
        List<ModuleStats.Function> functions = new ArrayList<>(decoded.bodies.length);
        long wasmBytes = 0;
        for (int i = 0; i < decoded.bodies.length; i++) {
            int f = decoded.importedFunctionCount + i;
            int start = compiled.entry(f);
            int end = compiled.end(f);
            int instructions = 0;
            for (int pc = start; pc < end; pc += InstructionDecoder.size(compiled.code, pc)) {
                instructions++;
            }
            wasmBytes += decoded.bodies[i].length();
            functions.add(new ModuleStats.Function(f, decoded.names.functionName(f), decoded.bodies[i].length(),
                    end - start, instructions));
        }
        return new ModuleStats(wasmBytes, compiled.size(), compiled.wasmInstructions(), compiled.internalInstructions(),
                List.copyOf(functions));
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
