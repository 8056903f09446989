package dev.weft.cli;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Instance;
import dev.weft.LinkException;
import dev.weft.ModuleException;
import dev.weft.ModuleExport;
import dev.weft.TrapException;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Weft's command line.
 *
 * <pre>
 * weft                                     run the bundled example
 * weft run FILE.wasm --invoke NAME [ARG...] call an export, print its results one per line
 * weft disasm FILE.wasm [FUNCTION]          show the translated code (index or name)
 * </pre>
 * Options: {@code --dispatch switch|handles}. Exit codes: 0 success, 1 usage error, 2 the
 * module is malformed, invalid, unsupported or cannot be linked, 134 a trap (printed with the
 * WebAssembly call stack).
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int BAD_MODULE = 2;
    static final int TRAP = 134;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(args);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        try {
            DispatchMode dispatch = DispatchMode.defaultMode();
            int d = args.indexOf("--dispatch");
            if (d >= 0) {
                if (d + 1 >= args.size()) {
                    return usage("--dispatch needs a value: switch or handles");
                }
                dispatch = DispatchMode.parse(args.get(d + 1));
                args.remove(d + 1);
                args.remove(d);
            }
            Engine engine = Engine.builder().dispatch(dispatch).build();
            if (args.isEmpty()) {
                return example(engine);
            }
            String command = args.remove(0);
            return switch (command) {
                case "run" -> runCommand(engine, args);
                case "disasm" -> disasm(args);
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
        } catch (TrapException e) {
            err.println("weft: trap: " + e.getMessage());
            return TRAP;
        } catch (UncheckedIOException e) {
            err.println("weft: " + e.getMessage() + ": " + e.getCause().getMessage());
            return USAGE;
        }
    }

    private static final String HELP = """
            usage: weft [--dispatch switch|handles] [COMMAND]
              (no command)                          run the bundled example
              run FILE.wasm --invoke NAME [ARG...]  call an export and print its results, one per line
              disasm FILE.wasm [FUNCTION]           show the internal code of every function, or one
                                                    (by index, export name or name-section name)
            exit codes: 0 ok, 1 usage, 2 bad module or unlinkable, 134 trap
            """;

    private int usage(String message) {
        err.println("weft: " + message);
        err.print(HELP);
        return USAGE;
    }

    private int example(Engine engine) {
        byte[] bytes;
        try (InputStream in = Main.class.getResourceAsStream("example.wasm")) {
            bytes = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the bundled example is missing from the jar"));
        }
        Instance instance = engine.instantiate(WasmModule.parse(bytes));
        out.println("Weft " + engine.dispatchMode().id() + " dispatch: bundled example main() = (fib(25), sum of primes < 10000)");
        for (Object r : instance.function("main").call()) {
            out.println(r);
        }
        return OK;
    }

    private int runCommand(Engine engine, List<String> args) {
        if (args.isEmpty()) {
            return usage("run needs a module file");
        }
        Path file = Path.of(args.remove(0));
        int i = args.indexOf("--invoke");
        if (i < 0 || i + 1 >= args.size()) {
            return usage("run needs --invoke NAME (WASI commands come with WASI support)");
        }
        String name = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        WasmModule module = WasmModule.parse(file);
        Instance instance = engine.instantiate(module);
        WasmFunction f = instance.function(name);
        Object[] values = Values.parse(f.type(), args);
        for (Object r : f.call(values)) {
            out.println(Values.format(r));
        }
        return OK;
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
