package dev.weft.text;

import dev.weft.Engine;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.InvalidModuleException;
import dev.weft.LinkException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.TrapException;
import dev.weft.WasmModule;
import dev.weft.WeftException;
import dev.weft.decode.ModuleDecoder;
import dev.weft.validate.ModuleValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the commands of a {@link Script}, one at a time, in one of two ways: validating only
 * (modules are decoded and validated with every rule Weft knows, {@link ModuleValidator.Scope#SPEC};
 * commands that need execution are skipped), or executing with an {@link Engine} (modules are
 * parsed as {@link WasmModule#parse(byte[])} does and instantiated against the {@code spectest}
 * module and the registered instances; actions run; results are compared bit for bit).
 *
 * <p>{@link #run} never throws: every exception becomes an {@link Outcome}. A command that needs
 * something Weft cannot do (a feature it does not run, a value its API cannot pass) fails.
 */
public final class ScriptRunner implements AutoCloseable {
    /** What became of a command. */
    public enum Status {
        /** It behaved as the script says. */
        PASSED,
        /** It did not. */
        FAILED,
        /** This runner does not run it (validating only). */
        SKIPPED
    }

    /**
     * @param status the status
     * @param detail why it failed or was skipped (null when passed)
     * @param cause the exception behind a failure, if any
     * @param rejection for a module rejected as expected, the exception (to compare its reason
     *     with the expected text); null otherwise
     */
    public record Outcome(Status status, String detail, Throwable cause, ModuleException rejection) {
        static Outcome passed() {
            return new Outcome(Status.PASSED, null, null, null);
        }

        static Outcome rejected(ModuleException e) {
            return new Outcome(Status.PASSED, null, null, e);
        }

        static Outcome failed(String detail, Throwable cause) {
            return new Outcome(Status.FAILED, detail, cause, null);
        }

        static Outcome skipped(String detail) {
            return new Outcome(Status.SKIPPED, detail, null, null);
        }

        /** @return true if the failure is an exception that is not a {@link WeftException}: a bug */
        public boolean escaped() {
            return cause != null && !(cause instanceof WeftException);
        }
    }

    /** A command that cannot run because an earlier one failed, or a value Weft cannot pass. */
    private static final class NotRunnable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRunnable(String message) {
            super(message, null, false, false);
        }
    }

    private final Engine engine;
    private final Imports spectest = Spectest.imports();
    private final Map<String, Instance> named = new HashMap<>();
    private final Map<String, Instance> registered = new HashMap<>();
    private final Map<String, WasmModule> definitions = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private Instance current;
    private WasmModule lastDefinition;

    private ScriptRunner(Engine engine) {
        this.engine = engine;
    }

    /** @return a runner that only decodes and validates */
    public static ScriptRunner validating() {
        return new ScriptRunner(null);
    }

    /**
     * @param engine the engine to instantiate and run with
     * @return a runner that executes everything
     */
    public static ScriptRunner executing(Engine engine) {
        return new ScriptRunner(engine);
    }

    /**
     * Runs one command (commands must be run in script order).
     *
     * @param command the command
     * @return what became of it
     */
    public Outcome run(Script.Command command) {
        try {
            return engine == null ? validate(command) : execute(command);
        } catch (NotRunnable e) {
            return Outcome.failed(e.getMessage(), null);
        } catch (Throwable t) {
            String what = t instanceof WeftException ? "unexpected " : "non-Weft exception escaped: ";
            return Outcome.failed(what + t, t);
        }
    }

    // ---------------------------------------------------------------- validating

    private Outcome validate(Script.Command command) {
        return switch (command) {
            case Script.Module m -> {
                try {
                    ModuleValidator.validate(ModuleDecoder.decode(m.source().binary()), ModuleValidator.Scope.SPEC);
                    yield Outcome.passed();
                } catch (ModuleException e) {
                    yield Outcome.failed("valid module rejected: " + describe(e), e);
                }
            }
            case Script.AssertModule a when a.kind().startsWith("assert_malformed")
                    || a.kind().startsWith("assert_invalid") -> expectRejection(a, () ->
                    ModuleValidator.validate(ModuleDecoder.decode(a.source().binary()), ModuleValidator.Scope.SPEC));
            default -> Outcome.skipped(command.kind() + " needs instantiation or execution");
        };
    }

    private Outcome expectRejection(Script.AssertModule a, Runnable load) {
        if (a.source() == null) {
            return Outcome.failed(a.kind() + " of a module instance", null);
        }
        Class<? extends ModuleException> expected = a.kind().startsWith("assert_malformed")
                ? MalformedModuleException.class : InvalidModuleException.class;
        try {
            load.run();
            return Outcome.failed("module accepted, expected " + expected.getSimpleName() + " (\"" + a.text()
                    + "\")", null);
        } catch (ModuleException e) {
            return expected.isInstance(e) ? Outcome.rejected(e)
                    : Outcome.failed("expected " + expected.getSimpleName() + " (\"" + a.text() + "\") but got "
                            + describe(e), e);
        }
    }

    private static String describe(ModuleException e) {
        return e.getClass().getSimpleName() + " \"" + e.getMessage() + "\"";
    }

    // ---------------------------------------------------------------- executing

    private Outcome execute(Script.Command command) {
        return switch (command) {
            case Script.Module m -> module(m);
            case Script.Instance i -> {
                WasmModule module = i.module() != null ? definitions.get(i.module()) : lastDefinition;
                if (module == null) {
                    throw new NotRunnable("no module definition to instantiate");
                }
                current = null;
                Instance instance = instantiate(module);
                bind(i.id(), instance);
                yield Outcome.passed();
            }
            case Script.Register r -> {
                Instance instance = r.id() != null ? named.get(r.id()) : current;
                if (instance == null) {
                    throw new NotRunnable("nothing to register: the module failed");
                }
                registered.put(r.as(), instance);
                yield Outcome.passed();
            }
            case Script.Act a -> {
                act(a.action());
                yield Outcome.passed();
            }
            case Script.AssertReturn a -> assertReturn(a);
            case Script.AssertTrap a -> assertTrap(a);
            case Script.AssertModule a -> assertModule(a);
        };
    }

    private Outcome module(Script.Module m) {
        current = null;
        if (m.id() != null) {
            named.remove(m.id());
        }
        WasmModule module = WasmModule.parse(m.source().binary());
        if (m.definition()) {
            lastDefinition = module;
            if (m.id() != null) {
                definitions.put(m.id(), module);
            }
            return Outcome.passed();
        }
        bind(m.id(), instantiate(module));
        return Outcome.passed();
    }

    private void bind(String id, Instance instance) {
        current = instance;
        if (id != null) {
            named.put(id, instance);
        }
    }

    private Instance instantiate(WasmModule module) {
        Imports.Builder b = Imports.builder().addAll(spectest);
        registered.forEach(b::instance);
        Instance instance = engine.instantiate(module, b.build());
        instances.add(instance);
        return instance;
    }

    private Object[] act(Script.Action action) {
        Instance instance = action.instance() != null ? named.get(action.instance()) : current;
        if (instance == null) {
            throw new NotRunnable("the module this action runs on failed");
        }
        if (action instanceof Script.Get g) {
            return new Object[] {instance.global(g.name()).get()};
        }
        Script.Invoke invoke = (Script.Invoke) action;
        Object[] args = new Object[invoke.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ScriptValues.argument(invoke.args().get(i));
        }
        return instance.function(invoke.name()).call(args);
    }

    private Outcome assertReturn(Script.AssertReturn a) {
        Object[] results = act(a.action());
        if (results.length != a.results().size()) {
            return Outcome.failed("expected " + a.results().size() + " results, got " + results.length, null);
        }
        for (int i = 0; i < results.length; i++) {
            String mismatch = ScriptValues.compare(a.results().get(i), results[i]);
            if (mismatch != null) {
                return Outcome.failed("result " + i + ": " + mismatch, null);
            }
        }
        return Outcome.passed();
    }

    private Outcome assertTrap(Script.AssertTrap a) {
        try {
            Object[] r = act(a.action());
            return Outcome.failed("expected " + (a.text() != null ? "trap \"" + a.text() + "\"" : "an exception")
                    + ", returned " + java.util.Arrays.toString(r), null);
        } catch (TrapException e) {
            return a.text() == null ? Outcome.failed("expected a WebAssembly exception, got trap " + e.getMessage(), e)
                    : trapMatches(a.text(), e);
        }
    }

    private static Outcome trapMatches(String expected, TrapException e) {
        if (!expected.startsWith(e.kind().message())) {
            return Outcome.failed("expected trap \"" + expected + "\", got \"" + e.kind().message() + "\"", e);
        }
        return Outcome.passed();
    }

    private Outcome assertModule(Script.AssertModule a) {
        if (a.kind().startsWith("assert_malformed") || a.kind().startsWith("assert_invalid")) {
            return expectRejection(a, () -> WasmModule.parse(a.source().binary()));
        }
        WasmModule module;
        if (a.source() != null) {
            module = WasmModule.parse(a.source().binary());
        } else {
            module = a.definition() != null ? definitions.get(a.definition()) : lastDefinition;
            if (module == null) {
                throw new NotRunnable("no module definition to instantiate");
            }
        }
        try {
            instantiate(module);
            return Outcome.failed("module instantiated, expected \"" + a.text() + "\"", null);
        } catch (LinkException e) {
            if (!a.kind().equals("assert_unlinkable")) {
                return Outcome.failed("expected trap \"" + a.text() + "\", got link error " + e.getMessage(), e);
            }
            return e.getMessage().startsWith(a.text()) ? Outcome.passed()
                    : Outcome.failed("expected \"" + a.text() + "\", got \"" + e.getMessage() + "\"", e);
        } catch (TrapException e) {
            if (a.kind().equals("assert_unlinkable")) {
                return Outcome.failed("expected link error \"" + a.text() + "\", got trap " + e.getMessage(), e);
            }
            return trapMatches(a.text(), e);
        }
    }

    /** Closes every instance the script created (their memories are freed now). */
    @Override
    public void close() {
        for (Instance i : instances) {
            i.close();
        }
        instances.clear();
    }
}
