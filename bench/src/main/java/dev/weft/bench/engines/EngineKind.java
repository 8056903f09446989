package dev.weft.bench.engines;

import dev.weft.DispatchMode;
import dev.weft.Engine;

import java.time.Duration;

/**
 * The engines compared, by the id used in JMH's {@code engine} parameter: Weft in both
 * dispatch modes (plain, and with every call metered or given a deadline), Chicory's interpreter,
 * and Chicory's Wasm-to-JVM-bytecode compiler.
 */
public enum EngineKind {
    WEFT_SWITCH("weft-switch") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(SWITCH_ENGINE, wasm);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new WeftGuest.Command(SWITCH_ENGINE, wasm);
        }
    },
    WEFT_HANDLES("weft-handles") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(HANDLES_ENGINE, wasm);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new WeftGuest.Command(HANDLES_ENGINE, wasm);
        }
    },
    /** Switch mode with every call metered (fuel it never runs out of): the cost of fuel metering. */
    WEFT_SWITCH_FUEL("weft-switch-fuel") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(bounded(DispatchMode.SWITCH, true), wasm);
        }
    },
    /** Handles mode with every call metered. */
    WEFT_HANDLES_FUEL("weft-handles-fuel") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(bounded(DispatchMode.HANDLES, true), wasm);
        }
    },
    /** Switch mode with a deadline (an hour away) armed on every call: the cost of deadlines and interruption. */
    WEFT_SWITCH_DEADLINE("weft-switch-deadline") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(bounded(DispatchMode.SWITCH, false), wasm);
        }
    },
    /** Handles mode with a deadline armed on every call. */
    WEFT_HANDLES_DEADLINE("weft-handles-deadline") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(bounded(DispatchMode.HANDLES, false), wasm);
        }
    },
    CHICORY_INTERPRETER("chicory-interpreter") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, false);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new ChicoryGuest.Command(wasm, false);
        }
    },
    CHICORY_COMPILER("chicory-compiler") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, true);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new ChicoryGuest.Command(wasm, true);
        }
    };

    /** One engine per dispatch mode, shared like an application would share it. */
    public static final Engine SWITCH_ENGINE = Engine.builder().dispatch(DispatchMode.SWITCH).build();
    public static final Engine HANDLES_ENGINE = Engine.builder().dispatch(DispatchMode.HANDLES).build();

    private static Engine bounded(DispatchMode mode, boolean fuel) {
        Engine.Builder b = Engine.builder().dispatch(mode);
        return (fuel ? b.callFuel(Long.MAX_VALUE / 2) : b.callTimeout(Duration.ofHours(1))).build();
    }

    private final String id;

    EngineKind(String id) {
        this.id = id;
    }

    /** @return the parameter value naming this engine */
    public String id() {
        return id;
    }

    /** @return whether this is one of Weft's modes */
    public boolean isWeft() {
        return id.startsWith("weft-");
    }

    /**
     * Parses the module as the engine does before instantiation: Weft decodes, validates and
     * translates; Chicory decodes and validates, and its compiler also generates JVM bytecode.
     *
     * @param wasm the module binary
     * @return the module, ready to instantiate
     */
    public abstract CompiledModule compile(byte[] wasm);

    /**
     * Prepares a WASI command module the same way, with the engine's own WASI preview 1
     * implementation (Weft's {@code dev.weft.wasi.Wasi}, Chicory's {@code WasiPreview1}).
     *
     * @param wasm the module binary
     * @return the command, ready to run
     */
    public abstract WasiCommand compileCommand(byte[] wasm);

    /**
     * @param id a parameter value such as {@code weft-switch}
     * @return the engine
     */
    public static EngineKind of(String id) {
        for (EngineKind e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + id + "'");
    }
}
