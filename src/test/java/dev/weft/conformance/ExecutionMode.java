package dev.weft.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.InvalidModuleException;
import dev.weft.LinkException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.Table;
import dev.weft.TableType;
import dev.weft.Tier;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.V128;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;
import dev.weft.WeftException;
import dev.weft.text.Spectest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every command for real with one dispatch mode, or with the compiled tier (every function
 * compiled to JVM bytecode up front): modules are instantiated against the
 * {@code spectest} host module and the instances registered so far, actions are invoked, and
 * results compared bit for bit (NaN patterns as the suite's README defines them). Traps must be
 * of the expected kind. Text-format modules are compiled by Weft's text format parser, as in
 * {@link ValidateMode}.
 */
public final class ExecutionMode implements ConformanceMode {
    private final String name;
    private final Engine engine;

    /** @param dispatch the dispatch mode every instance of this mode runs with (interpreter only) */
    public ExecutionMode(DispatchMode dispatch) {
        this.name = dispatch.id();
        this.engine = Engine.builder().tier(Tier.INTERPRETER).dispatch(dispatch).build();
    }

    /** @param tier the tier every instance of this mode runs with (named after it; the default dispatch mode) */
    public ExecutionMode(Tier tier) {
        this.name = tier.id();
        this.engine = Engine.builder().tier(tier).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ScriptRun begin(SpecScript script) {
        return new Run();
    }

    /** A command that cannot run because of an earlier failure or a limit of this runner (not a Weft bug). */
    static final class NotRunnable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRunnable(String message) {
            super(message, null, false, false);
        }
    }

    /** A host reference of the suite's {@code externref} values, equal for equal numbers. */
    record HostRef(long number) {
    }

    private final class Run implements ScriptRun {
        private final Map<String, Instance> named = new HashMap<>();
        private final Map<String, Instance> registered = new HashMap<>();
        private final Imports spectest = spectest();
        private Instance current;

        @Override
        public CommandOutcome run(SpecCommand command) {
            try {
                return switch (command.kind()) {
                    case "module" -> module(command);
                    case "register" -> register(command);
                    case "action" -> {
                        invoke(command.json().get("action"));
                        yield CommandOutcome.passed();
                    }
                    case "assert_return" -> assertReturn(command);
                    case "assert_trap", "assert_exhaustion" -> assertTrap(command);
                    case "assert_malformed" -> expectRejection(command, MalformedModuleException.class);
                    case "assert_invalid" -> expectRejection(command, InvalidModuleException.class);
                    case "assert_unlinkable" -> assertUnlinkable(command);
                    case "assert_uninstantiable" -> assertUninstantiable(command);
                    default -> CommandOutcome.failed("unknown command kind " + command.kind(), null);
                };
            } catch (NotRunnable e) {
                return CommandOutcome.failed(e.getMessage(), null);
            } catch (Throwable t) {
                String kind = t instanceof WeftException ? "unexpected " : "non-Weft exception escaped: ";
                return CommandOutcome.failed(kind + t, t);
            }
        }

        private Imports imports() {
            Imports.Builder b = Imports.builder().addAll(spectest);
            registered.forEach(b::instance);
            return b.build();
        }

        private CommandOutcome module(SpecCommand command) {
            // Until this module is instantiated, actions on "the current module" have none to run on.
            current = null;
            JsonNode name = command.json().get("name");
            if (name != null) {
                named.remove(name.asText());
            }
            WasmModule module = WasmModule.parse(command.module());
            current = engine.instantiate(module, imports());
            if (name != null) {
                named.put(name.asText(), current);
            }
            return CommandOutcome.passed();
        }

        private CommandOutcome register(SpecCommand command) {
            JsonNode name = command.json().get("name");
            Instance instance = name != null ? named.get(name.asText()) : current;
            if (instance == null) {
                return CommandOutcome.failed("nothing to register", null);
            }
            registered.put(command.json().get("as").asText(), instance);
            return CommandOutcome.passed();
        }

        private Instance target(JsonNode action) {
            JsonNode module = action.get("module");
            Instance i = module != null ? named.get(module.asText()) : current;
            if (i == null) {
                throw new NotRunnable("the module this action runs on failed to instantiate");
            }
            return i;
        }

        private Object[] invoke(JsonNode action) {
            Instance instance = target(action);
            String field = action.get("field").asText();
            if ("get".equals(action.get("type").asText())) {
                return new Object[] {instance.global(field).get()};
            }
            WasmFunction f = instance.function(field);
            List<Object> args = new ArrayList<>();
            for (JsonNode a : action.path("args")) {
                args.add(argument(a));
            }
            return f.call(args.toArray());
        }

        private CommandOutcome assertReturn(SpecCommand command) {
            Object[] results = invoke(command.json().get("action"));
            JsonNode expected = command.json().get("expected");
            if (results.length != expected.size()) {
                return CommandOutcome.failed("expected " + expected.size() + " results, got " + results.length, null);
            }
            for (int i = 0; i < results.length; i++) {
                String mismatch = compare(expected.get(i), results[i]);
                if (mismatch != null) {
                    return CommandOutcome.failed("result " + i + ": " + mismatch, null);
                }
            }
            return CommandOutcome.passed();
        }

        private CommandOutcome assertTrap(SpecCommand command) {
            try {
                Object[] r = invoke(command.json().get("action"));
                return CommandOutcome.failed("expected trap \"" + command.expectedText() + "\", returned "
                        + java.util.Arrays.toString(r), null);
            } catch (TrapException e) {
                return trapMatches(command, e);
            }
        }

        private CommandOutcome trapMatches(SpecCommand command, TrapException e) {
            String expected = command.expectedText();
            if (expected != null && !expected.startsWith(e.kind().message())) {
                return CommandOutcome.failed("expected trap \"" + expected + "\", got \"" + e.kind().message() + "\"", e);
            }
            return CommandOutcome.passed();
        }

        private CommandOutcome expectRejection(SpecCommand command, Class<? extends ModuleException> expected) {
            try {
                WasmModule.parse(command.module());
                return CommandOutcome.failed("module accepted, expected " + expected.getSimpleName(), null);
            } catch (ModuleException e) {
                return expected.isInstance(e) ? CommandOutcome.rejectedAsExpected(e)
                        : CommandOutcome.failed("expected " + expected.getSimpleName() + ", got " + e, e);
            }
        }

        private CommandOutcome assertUnlinkable(SpecCommand command) {
            WasmModule module = WasmModule.parse(command.module());
            try {
                engine.instantiate(module, imports());
                return CommandOutcome.failed("module linked, expected \"" + command.expectedText() + "\"", null);
            } catch (LinkException e) {
                String expected = command.expectedText();
                return expected == null || e.getMessage().startsWith(expected) ? CommandOutcome.passed()
                        : CommandOutcome.failed("expected \"" + expected + "\", got \"" + e.getMessage() + "\"", e);
            }
        }

        private CommandOutcome assertUninstantiable(SpecCommand command) {
            WasmModule module = WasmModule.parse(command.module());
            try {
                engine.instantiate(module, imports());
                return CommandOutcome.failed("module instantiated, expected trap \"" + command.expectedText() + "\"", null);
            } catch (TrapException e) {
                return trapMatches(command, e);
            }
        }
    }

    // ------------------------------------------------------------------ values

    private static Object argument(JsonNode v) {
        String type = v.get("type").asText();
        String value = v.get("value").isArray() ? null : v.get("value").asText();
        return switch (type) {
            case "i32" -> (int) Long.parseUnsignedLong(value);
            case "i64" -> Long.parseUnsignedLong(value);
            case "f32" -> Float.intBitsToFloat((int) Long.parseUnsignedLong(value));
            case "f64" -> Double.longBitsToDouble(Long.parseUnsignedLong(value));
            case "externref" -> "null".equals(value) ? null : new HostRef(Long.parseLong(value));
            case "funcref" -> {
                if (!"null".equals(value)) {
                    throw new IllegalArgumentException("funcref argument " + value);
                }
                yield null;
            }
            case "v128" -> vector(v);
            default -> throw new NotRunnable(type + " arguments are not supported by this runner");
        };
    }

    /** Bits per lane of a v128's lane type in the suite's JSON. */
    private static int laneBits(String laneType) {
        return switch (laneType) {
            case "i8" -> 8;
            case "i16" -> 16;
            case "i32", "f32" -> 32;
            default -> 64;
        };
    }

    /** A v128 from its lanes (unsigned decimal bit patterns, lane 0 first). */
    private static V128 vector(JsonNode v) {
        int bits = laneBits(v.get("lane_type").asText());
        JsonNode lanes = v.get("value");
        long[] halves = new long[2];
        int perHalf = 64 / bits;
        for (int i = 0; i < lanes.size(); i++) {
            long lane = Long.parseUnsignedLong(lanes.get(i).asText());
            if (bits < 64) {
                lane &= (1L << bits) - 1;
            }
            halves[i / perHalf] |= lane << (bits * (i % perHalf));
        }
        return new V128(halves[0], halves[1]);
    }

    /** Compares a v128 result lane by lane, NaN patterns allowed in float lanes. */
    private static String compareVector(JsonNode expected, Object actual) {
        if (!(actual instanceof V128 v)) {
            return "expected a v128, got " + actual;
        }
        String laneType = expected.get("lane_type").asText();
        int bits = laneBits(laneType);
        JsonNode lanes = expected.get("value");
        int perHalf = 64 / bits;
        for (int i = 0; i < lanes.size(); i++) {
            long half = i < perHalf ? v.low() : v.high();
            long got = half >>> (bits * (i % perHalf));
            if (bits < 64) {
                got &= (1L << bits) - 1;
            }
            String want = lanes.get(i).asText();
            boolean ok = switch (want) {
                case "nan:canonical" -> bits == 32 ? (got & 0x7fffffffL) == 0x7fc00000L
                        : (got & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
                case "nan:arithmetic" -> bits == 32 ? (got & 0x7fc00000L) == 0x7fc00000L
                        : (got & 0x7ff8000000000000L) == 0x7ff8000000000000L;
                default -> got == (Long.parseUnsignedLong(want) & (bits < 64 ? (1L << bits) - 1 : -1L));
            };
            if (!ok) {
                return "expected v128 " + laneType + " lanes " + lanes + ", got " + v + " (lane " + i + ")";
            }
        }
        return null;
    }

    /** @return null if the result matches the expected value, else what differs */
    private static String compare(JsonNode expected, Object actual) {
        String type = expected.get("type").asText();
        String value = expected.get("value").isArray() ? null : expected.get("value").asText();
        switch (type) {
            case "i32" -> {
                return actual instanceof Integer i && i == (int) Long.parseUnsignedLong(value) ? null
                        : "expected i32 " + (int) Long.parseUnsignedLong(value) + ", got " + actual;
            }
            case "i64" -> {
                return actual instanceof Long l && l == Long.parseUnsignedLong(value) ? null
                        : "expected i64 " + Long.parseUnsignedLong(value) + ", got " + actual;
            }
            case "f32" -> {
                if (!(actual instanceof Float f)) {
                    return "expected f32, got " + actual;
                }
                int bits = Float.floatToRawIntBits(f);
                boolean ok = switch (value) {
                    case "nan:canonical" -> (bits & 0x7fffffff) == 0x7fc00000;
                    case "nan:arithmetic" -> (bits & 0x7fc00000) == 0x7fc00000;
                    default -> bits == (int) Long.parseUnsignedLong(value);
                };
                return ok ? null : "expected f32 " + value + ", got bits 0x" + Integer.toHexString(bits);
            }
            case "f64" -> {
                if (!(actual instanceof Double d)) {
                    return "expected f64, got " + actual;
                }
                long bits = Double.doubleToRawLongBits(d);
                boolean ok = switch (value) {
                    case "nan:canonical" -> (bits & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
                    case "nan:arithmetic" -> (bits & 0x7ff8000000000000L) == 0x7ff8000000000000L;
                    default -> bits == Long.parseUnsignedLong(value);
                };
                return ok ? null : "expected f64 " + value + ", got bits 0x" + Long.toHexString(bits);
            }
            case "externref" -> {
                Object want = "null".equals(value) ? null : new HostRef(Long.parseLong(value));
                return java.util.Objects.equals(want, actual) ? null : "expected externref " + value + ", got " + actual;
            }
            case "funcref" -> {
                if ("null".equals(value)) {
                    return actual == null ? null : "expected null funcref, got " + actual;
                }
                return actual instanceof WasmFunction ? null : "expected a funcref, got " + actual;
            }
            case "v128" -> {
                return compareVector(expected, actual);
            }
            default -> {
                return type + " results are not supported by this runner";
            }
        }
    }

    // ------------------------------------------------------------------ the spectest host module

    /** The {@code spectest} module of the reference interpreter, fresh for each script. */
    static Imports spectest() {
        return Spectest.imports();
    }

    static boolean isTrapKind(TrapException e, TrapKind kind) {
        return e.kind() == kind;
    }
}
