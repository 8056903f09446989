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
    WEFT_SWITCH("weft-switch", DispatchMode.SWITCH, Bounds.NONE),
    WEFT_HANDLES("weft-handles", DispatchMode.HANDLES, Bounds.NONE),
    /** Switch mode with every call metered (fuel it never runs out of): the cost of fuel metering. */
    WEFT_SWITCH_FUEL("weft-switch-fuel", DispatchMode.SWITCH, Bounds.FUEL),
    /** Handles mode with every call metered. */
    WEFT_HANDLES_FUEL("weft-handles-fuel", DispatchMode.HANDLES, Bounds.FUEL),
    /** Switch mode with a deadline (an hour away) armed on every call: the cost of deadlines and interruption. */
    WEFT_SWITCH_DEADLINE("weft-switch-deadline", DispatchMode.SWITCH, Bounds.DEADLINE),
    /** Handles mode with a deadline armed on every call. */
    WEFT_HANDLES_DEADLINE("weft-handles-deadline", DispatchMode.HANDLES, Bounds.DEADLINE),
    CHICORY_INTERPRETER("chicory-interpreter", null, null) {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, false);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new ChicoryGuest.Command(wasm, false);
        }
    },
    CHICORY_COMPILER("chicory-compiler", null, null) {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, true);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new ChicoryGuest.Command(wasm, true);
        }
    };

    /** How a Weft engine bounds its calls. */
    private enum Bounds {
        NONE, FUEL, DEADLINE
    }


    private final String id;
    /** Weft's engine for this kind (one, shared like an application would share it), or null for Chicory. */
    private final Engine weft;

    EngineKind(String id, DispatchMode mode, Bounds bounds) {
        this.id = id;
        this.weft = mode == null ? null : switch (bounds) {
            case NONE -> Engine.builder().dispatch(mode).build();
            case FUEL -> Engine.builder().dispatch(mode).callFuel(Long.MAX_VALUE / 2).build();
            case DEADLINE -> Engine.builder().dispatch(mode).callTimeout(Duration.ofHours(1)).build();
        };
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
    public CompiledModule compile(byte[] wasm) {
        return new WeftGuest.Compiled(weft, wasm);
    }

    /**
     * Prepares a WASI command module the same way, with the engine's own WASI preview 1
     * implementation (Weft's {@code dev.weft.wasi.Wasi}, Chicory's {@code WasiPreview1}).
     *
     * @param wasm the module binary
     * @return the command, ready to run
     */
    public WasiCommand compileCommand(byte[] wasm) {
        return new WeftGuest.Command(weft, wasm);
    }

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
