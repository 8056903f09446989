package dev.weft.fuzz;

import dev.weft.RunMode;
import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.LinkException;
import dev.weft.ModuleException;
import dev.weft.ModuleExport;
import dev.weft.TrapException;
import dev.weft.ValueType;
import dev.weft.WasmModule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The Weft side of {@link DifferentialFuzzTest}: runs a module the way {@code reference.js}
 * runs it on V8 and writes the same transcript, line for line:
 * <pre>
 * module FILE
 * invalid | link-error | instantiation-trap        (and nothing more), or per exported function:
 * call NAME
 * log TYPE:VALUE ...                               (what the call logged through fuzzing-support)
 * result TYPE:VALUE ... | trap | error MESSAGE
 * </pre>
 * Every export is called with zero arguments, in module order, each after
 * {@code hangLimitInitializer} (binaryen's guard against endless loops and recursion) when the
 * module exports it, as binaryen's own fuzz shell does. Values: {@code i32:-5}, {@code i64:7},
 * floats as their bits ({@code f32:0x3f800000}) and every NaN as {@code f32:nan} (payloads may
 * differ between engines), references as {@code ref:null} or {@code ref:nonnull}.
 */
final class WeftRunner {
    private WeftRunner() {
    }

    /** @return the function exports, in order: what the reference side calls */
    static List<ModuleExport> functionExports(WasmModule module) {
        return module.exports().stream().filter(e -> e.type() instanceof FunctionType).toList();
    }

    /**
     * @param file the module's name in the transcript
     * @param module the parsed module, or null if Weft did not parse it
     * @param parseFailure why Weft did not parse it (null if it did)
     * @param mode how to run it (an interpreter dispatch mode, or compiled)
     * @param sabotage applied to every i32 that log-i32 logs (identity for a real run; the test
     *     of the comparison itself plants mismatches with it)
     * @return the transcript
     */
    static List<String> run(String file, WasmModule module, RuntimeException parseFailure, RunMode mode,
            IntUnaryOperator sabotage) {
        List<String> out = new ArrayList<>();
        out.add("module " + file);
        if (module == null) {
            out.add(parseFailure instanceof ModuleException ? "invalid" : "error " + parseFailure);
            return out;
        }
        Imports imports = Imports.builder()
                .function("fuzzing-support", "log-i32", logType(ValueType.I32),
                        c -> out.add("log i32:" + sabotage.applyAsInt(c.i32(0))))
                .function("fuzzing-support", "log-i64", logType(ValueType.I64), c -> out.add("log i64:" + c.i64(0)))
                .function("fuzzing-support", "log-f32", logType(ValueType.F32), c -> out.add("log " + format(c.f32(0))))
                .function("fuzzing-support", "log-f64", logType(ValueType.F64), c -> out.add("log " + format(c.f64(0))))
                .function("fuzzing-support", "log-v128", logType(ValueType.V128), c -> {
                    throw new V128Boundary();
                })
                .build();
        Instance instance;
        try {
            instance = mode.engine().instantiate(module, imports);
        } catch (LinkException e) {
            out.add("link-error");
            return out;
        } catch (TrapException e) {
            out.add("instantiation-trap");
            return out;
        }
        List<ModuleExport> exports = functionExports(module);
        boolean hangLimit = exports.stream().anyMatch(e -> e.name().equals("hangLimitInitializer"));
        for (ModuleExport e : exports) {
            if (hangLimit) {
                instance.function("hangLimitInitializer").call();
            }
            out.add("call " + e.name());
            FunctionType type = (FunctionType) e.type();
            if (type.params().contains(ValueType.V128) || type.results().contains(ValueType.V128)) {
                out.add(V128Boundary.LINE); // V8 cannot call it from JavaScript
                continue;
            }
            Object[] args = new Object[type.paramCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = zero(type.param(i));
            }
            try {
                Object[] results = instance.function(e.name()).call(args);
                StringBuilder b = new StringBuilder("result");
                for (int i = 0; i < results.length; i++) {
                    b.append(' ').append(format(type.result(i), results[i]));
                }
                out.add(b.toString());
            } catch (TrapException t) {
                out.add("trap");
            } catch (RuntimeException x) {
                out.add(V128Boundary.causes(x) ? V128Boundary.LINE : "error " + x);
            }
        }
        return out;
    }

    /** log-v128 was called: V8 throws a TypeError there (a v128 cannot cross into JavaScript), so Weft stops too. */
    static final class V128Boundary extends RuntimeException {
        static final String LINE = "v128-boundary";

        V128Boundary() {
            super("v128 at the JavaScript boundary", null, false, false);
        }

        static boolean causes(Throwable x) {
            for (Throwable t = x; t != null; t = t.getCause()) {
                if (t instanceof V128Boundary) {
                    return true;
                }
            }
            return false;
        }
    }

    private static FunctionType logType(ValueType t) {
        return FunctionType.of(List.of(t), List.of());
    }

    private static Object zero(ValueType t) {
        return switch (t) {
            case I32 -> 0;
            case I64 -> 0L;
            case F32 -> 0f;
            case F64 -> 0d;
            default -> null;
        };
    }

    static String format(ValueType t, Object v) {
        return switch (t) {
            case I32 -> "i32:" + v;
            case I64 -> "i64:" + v;
            case F32 -> format((Float) v);
            case F64 -> format((Double) v);
            default -> "ref:" + (v == null ? "null" : "nonnull");
        };
    }

    static String format(float v) {
        return Float.isNaN(v) ? "f32:nan" : String.format("f32:0x%08x", Float.floatToRawIntBits(v));
    }

    static String format(double v) {
        return Double.isNaN(v) ? "f64:nan" : String.format("f64:0x%016x", Double.doubleToRawLongBits(v));
    }
}
