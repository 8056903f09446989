package dev.weft.cli;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.InternalErrorException;
import dev.weft.LinkException;
import dev.weft.ModuleExport;
import dev.weft.ModuleImport;
import dev.weft.ResourceLimits;
import dev.weft.Tier;
import dev.weft.TrapException;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;
import dev.weft.WeftException;
import dev.weft.runtime.BuildInfo;
import dev.weft.wasi.Wasi;
import dev.weft.wasi.WasiExitException;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Weft's command line.
 *
 * <pre>
 * weft [--dispatch MODE] [--verbose]          run the bundled WASI example
 * weft run [OPTIONS] FILE.wasm [ARG...]        run a WASI command (_start) with guest arguments
 * weft FILE.wasm [ARG...]                      the same
 * weft run --invoke NAME [OPTIONS] FILE.wasm [ARG...]
 *                                              call an export, print its results one per line
 * weft disasm FILE.wasm [FUNCTION]             show the translated code (index or name)
 * weft stats FILE.wasm [--top N]               sizes and instruction counts before and after translation
 * weft wast [--validate] FILE.wast...          run spec-test scripts ({@link WastCommand})
 * weft print FILE.wasm                         print a module in the text format ({@link PrintCommand})
 * weft --help | -h, weft COMMAND --help, weft --version
 * </pre>
 * A module file whose name ends in {@code .wat} is read in the text format.
 * Options of {@code run} come before the file; everything after the file goes to the guest:
 * {@code --dir HOST[::GUEST]} preopens a host directory (as GUEST, default the same path),
 * {@code --env NAME=VALUE} sets an environment variable ({@code --env NAME} passes the host's),
 * {@code --dispatch switch|handles}, {@code --tier interpreter|auto|compiled}, {@code --verbose}; and the guest's bounds: {@code --fuel N},
 * {@code --timeout DURATION} ({@code 500ms}, {@code 2s}), {@code --max-memory BYTES} (suffixes K, M,
 * G) and {@code --max-call-depth N}, which may also come first, without {@code run}.
 *
 * <p>Exit codes: the guest's exit code for a WASI command (0 when {@code _start} returns; codes
 * outside 0-255 become 255), 0 after {@code --invoke}; 1 usage error; 2 the module cannot be
 * loaded (no such file, not a module, malformed, invalid, unsupported) or cannot be linked;
 * 70 an internal error in Weft; 134 a trap (printed with the WebAssembly call stack). A guest
 * can exit with 1, 2, 70 or 134 itself: the message on stderr tells them apart. Java stack
 * traces are printed only with {@code --verbose}.
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int BAD_MODULE = 2;
    static final int TRAP = 134;
    /** A bug in Weft (sysexits' EX_SOFTWARE). */
    static final int INTERNAL = 70;
    /** What a guest exit code outside 0-255 becomes (the OS keeps only 8 bits, which could turn it into 0). */
    static final int EXIT_OUT_OF_RANGE = 255;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final PrintStream out;
    private final PrintStream err;
    private final UnaryOperator<String> hostEnv;
    private boolean verbose;

    /**
     * @param stdin what guests read
     * @param stdout where guests and the CLI write results (guests unbuffered, the CLI buffered and flushed)
     * @param stderr where guests write errors and the CLI its messages
     */
    Main(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this(stdin, stdout, stderr, System::getenv);
    }

    /** As above, with the host environment that {@code --env NAME} reads from. */
    Main(InputStream stdin, OutputStream stdout, OutputStream stderr, UnaryOperator<String> hostEnv) {
        this.hostEnv = hostEnv;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.out = new PrintStream(new BufferedOutputStream(stdout), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        // guests get the process's own streams, without Java's buffering in between
        int code = new Main(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err)).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            DispatchMode dispatch = DispatchMode.defaultMode();
            while (!args.isEmpty() && args.get(0).startsWith("-")) {
                String option = args.remove(0);
                switch (option) {
                    case "--dispatch" -> {
                        if (args.isEmpty()) {
                            return usage("--dispatch needs a value: switch or handles");
                        }
                        dispatch = DispatchMode.parse(args.remove(0));
                    }
                    case "--verbose" -> verbose = true;
                    case "-h", "--help" -> {
                        out.print(Help.TOOL);
                        return OK;
                    }
                    case "--version" -> {
                        out.println("weft " + version());
                        return OK;
                    }
                    case "--dir", "--env", "--invoke", "--tier", "--fuel", "--timeout", "--max-memory", "--max-call-depth" -> {
                        // weft --invoke NAME FILE.wasm ... is weft run --invoke NAME FILE.wasm ...
                        args.add(0, option);
                        return runCommand(RunOptions.parse(args, dispatch, hostEnv));
                    }
                    default -> {
                        return usage("unknown option '" + option + "'");
                    }
                }
            }
            if (args.isEmpty()) {
                return example(dispatch);
            }
            String command = args.remove(0);
            return switch (command) {
                case "run" -> runCommand(RunOptions.parse(args, dispatch, hostEnv));
                case "disasm" -> disasm(args);
                case "stats" -> args.contains("--help") || args.contains("-h") ? printHelp(Help.STATS) : Stats.run(args, out);
                case "wast" -> WastCommand.run(args, dispatch, out);
                case "print" -> PrintCommand.run(args, out);
                case "help" -> help(args);
                default -> {
                    if (!looksLikeAFile(command)) {
                        yield usage("unknown command '" + command + "'");
                    }
                    args.add(0, command); // weft FILE.wasm ARG... is weft run FILE.wasm ARG...
                    yield runCommand(RunOptions.parse(args, dispatch, hostEnv));
                }
            };
        } catch (HelpRequested h) {
            out.print(h.text);
            return OK;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (CliFailure e) {
            out.flush();
            return fail(e.status(), e.getMessage(), e.getCause());
        } catch (LinkException e) {
            return fail(BAD_MODULE, e.getMessage(), e);
        } catch (WasiExitException e) {
            // proc_exit outside _start: from a start function, _initialize or an --invoke'd export
            return exitCode(e.exitCode());
        } catch (TrapException e) {
            out.flush();
            return fail(TRAP, "trap: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            return fail(USAGE, e.getMessage() + ": " + e.getCause().getMessage(), e);
        } catch (WeftException e) {
            // an engine limit at instantiation, or a bug in Weft (InternalErrorException)
            out.flush();
            return fail(e instanceof InternalErrorException ? INTERNAL : BAD_MODULE, e.getMessage(), e);
        } catch (RuntimeException e) {
            out.flush();
            return fail(INTERNAL, "internal error: " + e, e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            out.flush();
            return fail(INTERNAL, "the JVM ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
                    + ": " + e.getMessage(), e);
        } finally {
            out.flush();
        }
    }

    /** Prints the message; with --verbose, the Java stack trace of its cause too. */
    private int fail(int status, String message, Throwable cause) {
        err.println("weft: " + message);
        if (verbose && cause != null) {
            cause.printStackTrace(err);
        }
        return status;
    }

    private int printHelp(String text) {
        out.print(text);
        return OK;
    }

    private int help(List<String> args) {
        out.print(args.isEmpty() ? Help.TOOL : Help.of(args.get(0)));
        return OK;
    }

    /** Whether a first argument that is no command names a module to run. */
    private static boolean looksLikeAFile(String arg) {
        return arg.endsWith(".wasm") || arg.endsWith(".wat") || Files.exists(Path.of(arg));
    }

    /** @return the version Maven built */
    static String version() {
        return BuildInfo.VERSION;
    }

    private int usage(String message) {
        err.println("weft: " + message);
        err.println("Try 'weft --help' for more.");
        return USAGE;
    }

    /** {@code --help} or {@code -h} among a command's options: print its help and stop. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String text;

        HelpRequested(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    /** The options of {@code run}, and what follows the file. */
    private record RunOptions(DispatchMode dispatch, List<String[]> dirs, List<String[]> env, String invoke,
            boolean verbose, Bounds bounds, Path file, List<String> guestArgs) {
        static RunOptions parse(List<String> args, DispatchMode dispatch, UnaryOperator<String> hostEnv) {
            List<String[]> dirs = new ArrayList<>();
            List<String[]> env = new ArrayList<>();
            String invoke = null;
            boolean verbose = false;
            Bounds bounds = new Bounds();
            int i = 0;
            while (i < args.size() && args.get(i).startsWith("-")) {
                String option = args.get(i++);
                if (option.equals("--help") || option.equals("-h")) {
                    throw new HelpRequested(Help.RUN);
                }
                if (option.equals("--verbose")) {
                    verbose = true;
                    continue;
                }
                if (i >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(i++);
                switch (option) {
                    case "--dir" -> {
                        int sep = value.indexOf("::");
                        dirs.add(sep < 0 ? new String[] {value, value}
                                : new String[] {value.substring(0, sep), value.substring(sep + 2)});
                    }
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq == 0 || value.isEmpty()) {
                            throw new IllegalArgumentException("--env needs NAME=VALUE or NAME, got '" + value + "'");
                        }
                        if (eq > 0) {
                            env.add(new String[] {value.substring(0, eq), value.substring(eq + 1)});
                        } else if (hostEnv.apply(value) != null) {
                            env.add(new String[] {value, hostEnv.apply(value)}); // the host's value, as wasmtime does
                        }
                    }
                    case "--invoke" -> invoke = value;
                    case "--dispatch" -> dispatch = DispatchMode.parse(value);
                    case "--tier" -> bounds.tier = Tier.parse(value);
                    case "--fuel" -> bounds.fuel = Quantities.count(option, value);
                    case "--timeout" -> bounds.timeout = Quantities.duration(option, value);
                    case "--max-memory" -> bounds.maxMemory = Quantities.bytes(option, value);
                    case "--max-call-depth" -> bounds.maxCallDepth = (int) Math.min(Integer.MAX_VALUE,
                            Math.max(1, Quantities.count(option, value)));
                    default -> throw new IllegalArgumentException("unknown run option '" + option + "'");
                }
            }
            if (i >= args.size()) {
                throw new IllegalArgumentException("run needs a module file");
            }
            return new RunOptions(dispatch, dirs, env, invoke, verbose, bounds, Path.of(args.get(i)),
                    List.copyOf(args.subList(i + 1, args.size())));
        }
    }

    /** The guest's bounds, from --fuel, --timeout, --max-memory and --max-call-depth (unset: the engine's defaults). */
    private static final class Bounds {
        Tier tier;
        long fuel = -1;
        Duration timeout;
        long maxMemory = -1;
        int maxCallDepth = -1;

        Engine engine(DispatchMode dispatch) {
            Engine.Builder b = Engine.builder().dispatch(dispatch).callFuel(fuel).callTimeout(timeout);
            if (tier != null) {
                b.tier(tier);
            }
            if (maxMemory >= 0) {
                long bytes = Math.min(maxMemory, 65536L * 65536L);
                b.limits(ResourceLimits.builder().maxMemoryBytes(bytes).build()).memoryBudget(Math.max(bytes, 1L << 30));
            }
            if (maxCallDepth > 0) {
                b.maxCallDepth(maxCallDepth);
            }
            return b.build();
        }
    }

    private int runCommand(RunOptions o) {
        verbose |= o.verbose();
        WasmModule module = ModuleFiles.load(o.file());
        Engine engine = o.bounds().engine(o.dispatch());
        List<String> argv = new ArrayList<>();
        argv.add(o.file().getFileName().toString());
        if (o.invoke() == null) {
            argv.addAll(o.guestArgs());
        }
        Wasi.Builder config = Wasi.builder().args(argv.toArray(String[]::new))
                .stdin(stdin).stdout(stdout).stderr(stderr);
        for (String[] d : o.dirs()) {
            config.preopen(Path.of(d[0]), d[1]);
        }
        for (String[] e : o.env()) {
            config.env(e[0], e[1]);
        }
        try (Wasi wasi = config.build()) {
            Imports imports = importsWasi(module) ? wasi.imports() : Imports.none();
            Instance instance = engine.instantiate(module, imports);
            out.flush();
            if (o.invoke() != null) {
                return invoke(instance, o.invoke(), o.guestArgs());
            }
            if (!hasFunction(module, "_start")) {
                return usage(o.file() + " has no _start export (not a WASI command): call an export with --invoke NAME");
            }
            return exitCode(wasi.runStart(instance));
        }
    }

    private int invoke(Instance instance, String name, List<String> args) {
        // a WASI reactor is initialised before any other export is called
        if (hasFunction(instance.module(), "_initialize")) {
            instance.function("_initialize").call();
        }
        WasmFunction f = instance.function(name);
        Object[] values = Values.parse(f.type(), args);
        for (Object r : f.call(values)) {
            out.println(Values.format(r));
        }
        return OK;
    }

    private int exitCode(int guestCode) {
        if (guestCode < 0 || guestCode > 255) {
            err.println("weft: the guest exited with " + Integer.toUnsignedString(guestCode)
                    + ", outside 0-255; exiting with " + EXIT_OUT_OF_RANGE);
            return EXIT_OUT_OF_RANGE;
        }
        return guestCode;
    }

    private static boolean importsWasi(WasmModule module) {
        for (ModuleImport i : module.imports()) {
            if (i.module().equals("wasi_snapshot_preview1")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFunction(WasmModule module, String name) {
        for (ModuleExport e : module.exports()) {
            if (e.name().equals(name) && e.type() instanceof FunctionType) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the bundled example (example.c, compiled to example.wasm) with a fresh temporary
     * directory preopened as {@code /sandbox}, deleted afterwards.
     */
    private int example(DispatchMode dispatch) {
        byte[] bytes;
        try (InputStream in = Main.class.getResourceAsStream("example.wasm")) {
            bytes = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the bundled example is missing from the jar"));
        }
        Engine engine = Engine.builder().dispatch(dispatch).build();
        Path sandbox;
        try {
            sandbox = Files.createTempDirectory("weft-example");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the example", e);
        }
        try (Wasi wasi = Wasi.builder()
                .args("example.wasm", "30")
                .env("WEFT_DISPATCH", dispatch.id())
                .preopen(sandbox, "/sandbox")
                .stdin(stdin).stdout(stdout).stderr(stderr)
                .build()) {
            out.println("Weft " + dispatch.id() + " dispatch: running the bundled WASI example"
                    + " (example.c, compiled with clang --target=wasm32-wasi)");
            out.flush();
            Instance instance = engine.instantiate(WasmModule.parse(bytes), wasi.imports());
            return exitCode(wasi.runStart(instance));
        } finally {
            deleteRecursively(sandbox);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private int disasm(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(Help.DISASM);
            return OK;
        }
        if (args.isEmpty()) {
            return usage("disasm needs a module file");
        }
        WasmModule module = ModuleFiles.load(Path.of(args.get(0)));
        int first = module.functionCount() - module.definedFunctionCount();
        if (args.size() > 1) {
            int f = functionIndex(module, args.get(1));
            out.println(header(module, f));
            out.print(module.disassemble(f));
            return OK;
        }
        for (int f = first; f < module.functionCount(); f++) {
            out.println(header(module, f));
            out.print(module.disassemble(f));
            out.println();
        }
        return OK;
    }

    private static String header(WasmModule module, int f) {
        FunctionType t = module.functionType(f);
        return "func " + f + module.functionName(f).map(n -> " <" + n + ">").orElse("") + " " + t;
    }

    private static int functionIndex(WasmModule module, String spec) {
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException notANumber) {
            for (int f = 0; f < module.functionCount(); f++) {
                if (module.functionName(f).filter(spec::equals).isPresent()) {
                    return f;
                }
            }
            for (ModuleExport e : module.exports()) {
                if (e.name().equals(spec) && e.type() instanceof FunctionType) {
                    return module.exportedFunctionIndex(spec);
                }
            }
            throw new IllegalArgumentException("no function '" + spec + "' (give an index, export name or name-section name)");
        }
    }
}
