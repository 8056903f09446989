package dev.weft.bench.engines;

import com.dylibso.chicory.wasm.Parser;
import dev.weft.WasmModule;

/**
 * What each engine does to a module binary before it can instantiate it, as one step whose
 * result reports how many functions it defines (checked against the function section).
 */
public enum Translators {
    /**
     * Weft: decode, validate and translate every function to its register code ({@code WasmModule.parse},
     * then {@code translateAll}: translation is otherwise lazy); the same for both dispatch modes.
     */
    WEFT("weft") {
        @Override
        public int translate(byte[] wasm) {
            return WasmModule.parse(wasm).translateAll().definedFunctionCount();
        }
    },
    /** Chicory: decode and validate ({@code Parser.parse}); its interpreter needs nothing more before instantiation. */
    CHICORY("chicory") {
        @Override
        public int translate(byte[] wasm) {
            return Parser.parse(wasm).functionSection().functionCount();
        }
    };

    private final String id;

    Translators(String id) {
        this.id = id;
    }

    /** @return the id used in JMH's {@code engine} parameter */
    public String id() {
        return id;
    }

    /**
     * @param wasm a module binary
     * @return the number of functions the module defines, as the engine's result reports it
     */
    public abstract int translate(byte[] wasm);

    /**
     * @param id a parameter value such as {@code weft}
     * @return the translator
     */
    public static Translators of(String id) {
        for (Translators t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown translator '" + id + "'");
    }
}
