package dev.weft.bench.engines;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Tier;

/**
 * The engines compared, by the id used in JMH's {@code engine} parameter: Weft's interpreter in
 * both dispatch modes, Weft's compiled tier (every function compiled up front, or hot functions
 * in the background), Chicory's interpreter, and Chicory's Wasm-to-JVM-bytecode compiler.
 */
public enum EngineKind {
    WEFT_SWITCH("weft-switch") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(SWITCH_ENGINE, wasm);
        }
    },
    WEFT_HANDLES("weft-handles") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(HANDLES_ENGINE, wasm);
        }
    },
    WEFT_COMPILED("weft-compiled") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(COMPILED_ENGINE, wasm);
        }
    },
    WEFT_AUTO("weft-auto") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new WeftGuest.Compiled(AUTO_ENGINE, wasm);
        }
    },
    CHICORY_INTERPRETER("chicory-interpreter") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, false);
        }
    },
    CHICORY_COMPILER("chicory-compiler") {
        @Override
        public CompiledModule compile(byte[] wasm) {
            return new ChicoryGuest.Compiled(wasm, true);
        }
    };

    /** One engine per dispatch mode and tier, shared like an application would share it. */
    public static final Engine SWITCH_ENGINE = Engine.builder().tier(Tier.INTERPRETER).dispatch(DispatchMode.SWITCH).build();
    public static final Engine HANDLES_ENGINE = Engine.builder().tier(Tier.INTERPRETER).dispatch(DispatchMode.HANDLES).build();
    public static final Engine COMPILED_ENGINE = Engine.builder().tier(Tier.COMPILED).build();
    public static final Engine AUTO_ENGINE = Engine.builder().tier(Tier.AUTO).build();

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
        return this == WEFT_SWITCH || this == WEFT_HANDLES || this == WEFT_COMPILED || this == WEFT_AUTO;
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
