package dev.weft.cli;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.LinkException;
import dev.weft.ModuleException;
import dev.weft.ModuleExport;
import dev.weft.ModuleImport;
import dev.weft.TrapException;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Weft's command line.
 *
 * <pre>
 * weft [--dispatch MODE]                      run the bundled WASI example
 * weft run [OPTIONS] FILE.wasm [ARG...]        run a WASI command (_start) with guest arguments
 * weft run --invoke NAME [OPTIONS] FILE.wasm [ARG...]
 *                                              call an export, print its results one per line
 * weft disasm FILE.wasm [FUNCTION]             show the translated code (index or name)
 * weft wast [--validate] FILE.wast...          run spec-test scripts ({@link WastCommand})
 * weft print FILE.wasm                         print a module in the text format ({@link PrintCommand})
 * </pre>
 * A module file whose name ends in {@code .wat} is read in the text format.
 * Options of {@code run} come before the file; everything after the file goes to the guest:
 * {@code --dir HOST[::GUEST]} preopens a host directory (as GUEST, default the same path),
 * {@code --env NAME=VALUE} sets an environment variable, {@code --dispatch switch|handles}.
 *
 * <p>Exit codes: the guest's exit code for a WASI command (0 when {@code _start} returns; codes
 * outside 0-255 become 255), 0 after {@code --invoke}; 1 usage error; 2 the module is malformed,
 * invalid, unsupported or cannot be linked; 134 a trap (printed with the WebAssembly call stack).
 * A guest can exit with 1, 2 or 134 itself: the message on stderr tells them apart.
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int BAD_MODULE = 2;
    static final int TRAP = 134;
    /** What a guest exit code outside 0-255 becomes (the OS keeps only 8 bits, which could turn it into 0). */
    static final int EXIT_OUT_OF_RANGE = 255;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param stdin what guests read
     * @param stdout where guests and the CLI write results (guests unbuffered, the CLI buffered and flushed)
     * @param stderr where guests write errors and the CLI its messages
     */
    Main(InputStream stdin, OutputStream stdout, OutputStream stderr) {
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
            if (args.size() >= 1 && args.get(0).equals("--dispatch")) {
                if (args.size() < 2) {
                    return usage("--dispatch needs a value: switch or handles");
                }
                dispatch = DispatchMode.parse(args.get(1));
                args = new ArrayList<>(args.subList(2, args.size()));
            }
            if (args.isEmpty()) {
                return example(dispatch);
            }
            String command = args.remove(0);
            return switch (command) {
                case "run" -> runCommand(RunOptions.parse(args, dispatch));
                case "disasm" -> disasm(args);
                case "wast" -> WastCommand.run(args, dispatch, out);
                case "print" -> PrintCommand.run(args, out);
                case "-h", "--help", "help" -> {
                    out.print(HELP);
                    yield OK;
                }
                default -> usage("unknown command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (ModuleException | LinkException e) {
            err.println("weft: " + e.getMessage());
            return BAD_MODULE;
        } catch (WasiExitException e) {
            // proc_exit outside _start: from a start function, _initialize or an --invoke'd export
            return exitCode(e.exitCode());
        } catch (TrapException e) {
            out.flush();
            err.println("weft: trap: " + e.getMessage());
            return TRAP;
        } catch (UncheckedIOException e) {
            err.println("weft: " + e.getMessage() + ": " + e.getCause().getMessage());
            return USAGE;
        } finally {
            out.flush();
        }
    }

    private static final String HELP = """
            usage: weft [--dispatch switch|handles] [COMMAND]
              (no command)                        run the bundled WASI example (source: example.c in the jar)
              run [OPTIONS] FILE.wasm [ARG...]    run a WASI command's _start; ARGs go to the guest (argv[0] = FILE)
              disasm FILE.wasm [FUNCTION]         show the internal code of every function, or one
                                                  (by index, export name or name-section name)
              wast [--validate] FILE.wast...      run spec-test scripts, print failed commands and a summary
                                                  (exit 0 all passed, 3 a command failed)
              print FILE.wasm                     print a binary module in the text format
            FILE.wasm may also be a module in the text format (FILE.wat).
            run options (before FILE):
              --dir HOST[::GUEST]                 give the guest a host directory (as GUEST, default HOST)
              --env NAME=VALUE                    set a guest environment variable
              --invoke NAME                       call export NAME instead: ARGs are its parameters, its results
                                                  are printed one per line
              --dispatch switch|handles           the interpreter's dispatch mode
            exit codes: the guest's exit code (0-255; larger become 255), 0 after --invoke,
                        1 usage, 2 bad module or unlinkable, 134 trap
            """;

    private int usage(String message) {
        err.println("weft: " + message);
        err.print(HELP);
        return USAGE;
    }

    /** The options of {@code run}, and what follows the file. */
    private record RunOptions(DispatchMode dispatch, List<String[]> dirs, List<String[]> env, String invoke,
            Path file, List<String> guestArgs) {
        static RunOptions parse(List<String> args, DispatchMode dispatch) {
            List<String[]> dirs = new ArrayList<>();
            List<String[]> env = new ArrayList<>();
            String invoke = null;
            int i = 0;
            for (; i < args.size() && args.get(i).startsWith("--"); i += 2) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(i + 1);
                switch (option) {
                    case "--dir" -> {
                        int sep = value.indexOf("::");
                        dirs.add(sep < 0 ? new String[] {value, value}
                                : new String[] {value.substring(0, sep), value.substring(sep + 2)});
                    }
                    case "--env" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--env needs NAME=VALUE, got '" + value + "'");
                        }
                        env.add(new String[] {value.substring(0, eq), value.substring(eq + 1)});
                    }
                    case "--invoke" -> invoke = value;
                    case "--dispatch" -> dispatch = DispatchMode.parse(value);
                    default -> throw new IllegalArgumentException("unknown run option '" + option + "'");
                }
            }
            if (i >= args.size()) {
                throw new IllegalArgumentException("run needs a module file");
            }
            return new RunOptions(dispatch, dirs, env, invoke, Path.of(args.get(i)),
                    List.copyOf(args.subList(i + 1, args.size())));
        }
    }

    private int runCommand(RunOptions o) {
        WasmModule module = WasmModule.parse(o.file());
        Engine engine = Engine.builder().dispatch(o.dispatch()).build();
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
        if (args.isEmpty()) {
            return usage("disasm needs a module file");
        }
        WasmModule module = WasmModule.parse(Path.of(args.get(0)));
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
