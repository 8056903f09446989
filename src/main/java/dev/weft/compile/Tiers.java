package dev.weft.compile;

import dev.weft.Tier;
import dev.weft.code.CompiledCode;
import dev.weft.decode.DecodedModule;
import dev.weft.exec.CompiledTier;
import dev.weft.runtime.ModuleInstance;

/**
 * The compiled tier as the engine sees it: a {@link CompiledTier} for the executor, and compiling
 * a whole module up front for {@link Tier#COMPILED}. See docs/compiled-tier.md.
 */
public final class Tiers {
    private Tiers() {
    }

    /** The tier's implementation: per module state, shared by every engine with a compiled tier. */
    private static final CompiledTier TIER = new CompiledTier() {
        @Override
        protected CompiledTier.Module module(ModuleInstance instance) {
            return ModuleTier.of(instance.code, instance.decoded);
        }
    };

    /**
     * @param tier an engine's tier
     * @return what its executor consults, or null for {@link Tier#INTERPRETER}
     */
    public static CompiledTier of(Tier tier) {
        return tier == Tier.INTERPRETER ? null : TIER;
    }

    /**
     * Compiles every function of a module not compiled yet, on this thread (for {@link Tier#COMPILED}).
     *
     * @param code the module's translated code
     * @param decoded the module
     */
    public static void compileAll(CompiledCode code, DecodedModule decoded) {
        ModuleTier.of(code, decoded).compileAll();
    }
}
