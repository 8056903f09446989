package dev.weft.exec;

import dev.weft.runtime.ModuleInstance;

import java.lang.invoke.MethodHandle;

/**
 * Compiled tier hook (docs/compiled-tier.md): what the interpreter asks of the compiled tier,
 * which {@code dev.weft.compile} implements. An engine that only interprets has none
 * ({@code Machine.tier} is null) and pays one null check per call and per loop back-edge.
 *
 * <p>The interpreter counts each function's calls and loop iterations; a function whose count
 * reaches the threshold is reported {@link Module#hot hot} once, and the tier compiles it in the
 * background. Once its {@link Module#entries entry} is set, calls of it from the interpreter run
 * the compiled code, unless the call may suspend (a resumable call runs interpreted throughout) or
 * the thread's Java stack budget for compiled frames is spent.
 */
public abstract class CompiledTier {
    /**
     * @param instance an instance about to run on a machine
     * @return its module's state in this tier, created on first use
     */
    protected abstract Module module(ModuleInstance instance);

    /** The functions of one module in the compiled tier: which are compiled, and how hot the others are. */
    public abstract static class Module {
        /** Loop back-edges the interpreter counts as one call. */
        static final int BACK_EDGES_PER_CALL = 16;

        /** Each function's entry from the interpreter: {@code (Machine, int base)void}, or null while it is interpreted. */
        protected final MethodHandle[] entries;
        /** Each compiled function's Java stack cost ({@link CompiledSupport}): the least budget a call needs. */
        protected final int[] entryCosts;
        private final int[] counts;
        private final int threshold;

        /**
         * @param functions the module's function count (imports included: their rows stay unused)
         * @param threshold the count (calls, and loop iterations / {@value #BACK_EDGES_PER_CALL}) at which a function is hot
         */
        protected Module(int functions, int threshold) {
            this.entries = new MethodHandle[functions];
            this.entryCosts = new int[functions];
            this.counts = new int[functions];
            this.threshold = threshold;
        }

        /**
         * A function's count reached the threshold. Called on the interpreting thread, once per
         * crossing (a count wraps after 2^31 events, so rarely again): must return quickly.
         *
         * @param function the function
         */
        protected abstract void hot(int function);

        /**
         * @param function a function of the module
         * @return a handle of the function's compiled signature that runs it in the interpreter
         *     (for a compiled frame that finds no budget left for itself)
         */
        protected abstract MethodHandle interpreterHandle(int function);

        /**
         * @param function a function of the module
         * @return a handle of the function's compiled signature: its compiled method, or the interpreter
         */
        protected abstract MethodHandle handle(int function);

        /** Counts n events of a function (racy: a lost update only delays its compilation). */
        final void count(int function, int n) {
            int before = counts[function];
            int after = before + n;
            counts[function] = after;
            if (before < threshold && after >= threshold) {
                hot(function);
            }
        }

        /**
         * A call from the interpreter, with the arguments in slots {@code base..}: runs the compiled
         * function if there is one and it may run here, leaving the results in slots {@code base..}.
         *
         * @param recorded whether the callee's frame has a record already (an entry from the host)
         * @return false if the caller must run the function interpreted (it was counted then)
         */
        final boolean call(Machine m, int function, int base, boolean recorded) {
            MethodHandle entry = entries[function];
            if (entry == null) {
                count(function, 1);
                return false;
            }
            if ((int) m.budget < entryCosts[function] || m.bounds.resumable()) {
                return false;
            }
            CompiledSupport.enter(m, entry, base, recorded);
            return true;
        }
    }
}
