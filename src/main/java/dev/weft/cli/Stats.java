package dev.weft.cli;

import dev.weft.ModuleStats;
import dev.weft.WasmModule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code weft stats FILE [--top N]}: what translation made of a module, for performance work:
 * function count, WebAssembly and internal code sizes and instruction counts, the load time, and
 * the largest functions.
 */
final class Stats {
    private Stats() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("stats needs a module file");
        }
        int top = 10;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--top")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--top needs a number");
                }
                top = (int) Math.min(Integer.MAX_VALUE, Quantities.count("--top", args.get(++i)));
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new IllegalArgumentException("stats takes one module file, got '" + a + "' too");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("stats needs a module file");
        }
        long start = System.nanoTime();
        WasmModule module = ModuleFiles.load(file);
        long loadNanos = System.nanoTime() - start;
        ModuleStats s = module.stats();
        out.printf(Locale.ROOT, "module            %s%s%n", file, module.name().map(n -> " (" + n + ")").orElse(""));
        out.printf(Locale.ROOT, "functions         %,d defined, %,d imported%n", s.functions().size(),
                module.functionCount() - module.definedFunctionCount());
        out.printf(Locale.ROOT, "WebAssembly code  %,d bytes, %,d instructions%n", s.wasmCodeBytes(), s.wasmInstructions());
        out.printf(Locale.ROOT, "internal code     %,d bytes, %,d instructions (%.3f per WebAssembly instruction)%n",
                s.internalCodeBytes(), s.internalInstructions(), s.internalPerWasmInstruction());
        out.printf(Locale.ROOT, "load              %.1f ms (decode, validate, translate; in this JVM, cold)%n",
                loadNanos / 1e6);
        if (top > 0 && !s.functions().isEmpty()) {
            out.printf(Locale.ROOT, "largest functions (by internal code):%n");
            out.printf(Locale.ROOT, "  %-40s %12s %14s %14s%n", "function", "wasm bytes", "internal bytes",
                    "instructions");
            s.functions().stream().sorted(Comparator.comparingInt(ModuleStats.Function::internalBytes).reversed())
                    .limit(top).forEach(f -> out.printf(Locale.ROOT, "  %-40s %,12d %,14d %,14d%n",
                            "func " + f.index() + (f.name() != null ? " <" + f.name() + ">" : ""), f.wasmBytes(),
                            f.internalBytes(), f.internalInstructions()));
        }
        return 0;
    }
}
