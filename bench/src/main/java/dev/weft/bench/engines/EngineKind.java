package dev.weft.bench.engines;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Tier;

import java.time.Duration;

/**
 * The engines compared, by the id used in JMH's {@code engine} parameter: Weft's interpreter in
 * both dispatch modes (plain, and with every call metered or given a deadline), Weft's compiled
 * tier (every function compiled up front, or hot functions in the background), Chicory's
 * interpreter, and Chicory's Wasm-to-JVM-bytecode compiler.
 */
public enum EngineKind {
    WEFT_SWITCH("weft-switch", DispatchMode.SWITCH, Tier.INTERPRETER, Bounds.NONE),
    WEFT_HANDLES("weft-handles", DispatchMode.HANDLES, Tier.INTERPRETER, Bounds.NONE),
    /** Switch mode with every call metered (fuel it never runs out of): the cost of fuel metering. */
    WEFT_SWITCH_FUEL("weft-switch-fuel", DispatchMode.SWITCH, Tier.INTERPRETER, Bounds.FUEL),
    /** Handles mode with every call metered. */
    WEFT_HANDLES_FUEL("weft-handles-fuel", DispatchMode.HANDLES, Tier.INTERPRETER, Bounds.FUEL),
    /** Switch mode with a deadline (an hour away) armed on every call: the cost of deadlines and interruption. */
    WEFT_SWITCH_DEADLINE("weft-switch-deadline", DispatchMode.SWITCH, Tier.INTERPRETER, Bounds.DEADLINE),
    /** Handles mode with a deadline armed on every call. */
    WEFT_HANDLES_DEADLINE("weft-handles-deadline", DispatchMode.HANDLES, Tier.INTERPRETER, Bounds.DEADLINE),
    /** Every function compiled to JVM bytecode up front. */
    WEFT_COMPILED("weft-compiled", DispatchMode.SWITCH, Tier.COMPILED, Bounds.NONE),
    /** The default: interpreted, hot functions compiled in the background. */
    WEFT_AUTO("weft-auto", DispatchMode.SWITCH, Tier.AUTO, Bounds.NONE),
    CHICORY_INTERPRETER("chicory-interpreter", null, null, null) {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, false);
        }

        @Override
        public WasiCommand compileCommand(byte[] wasm) {
            return new ChicoryGuest.Command(wasm, false);
        }
    },
    CHICORY_COMPILER("chicory-compiler", null, null, null) {
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

    EngineKind(String id, DispatchMode mode, Tier tier, Bounds bounds) {
        this.id = id;
        if (mode == null) {
            this.weft = null;
            return;
        }
        Engine.Builder b = Engine.builder().dispatch(mode).tier(tier);
        this.weft = switch (bounds) {
            case NONE -> b.build();
            case FUEL -> b.callFuel(Long.MAX_VALUE / 2).build();
            case DEADLINE -> b.callTimeout(Duration.ofHours(1)).build();
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
