package dev.weft;

import dev.weft.exec.Executor;
import dev.weft.runtime.Instantiator;
import dev.weft.runtime.InternalErrors;
import dev.weft.runtime.MemoryInstance;
import dev.weft.runtime.TableInstance;

import java.util.Objects;

/**
 * Runs modules: holds the execution settings (dispatch mode, stack and size limits) and
 * instantiates modules with them. Immutable and thread-safe; create one and share it.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().maxCallDepth(100_000).build();
 * WasmModule module = WasmModule.parse(Path.of("app.wasm"));
 * Instance instance = engine.instantiate(module, Imports.none());
 * int sum = (int) instance.function("add").handle().invokeExact(1, 2);
 * }</pre>
 */
public final class Engine {
    private final DispatchMode dispatch;
    private final int maxCallDepth;
    private final int maxValueSlots;
    private final int maxHostNesting;
    private final long maxMemoryPages;
    private final int maxTableElements;
    private final Executor executor;

    private Engine(Builder b) {
        this.dispatch = b.dispatch != null ? b.dispatch : DispatchMode.defaultMode();
        this.maxCallDepth = b.maxCallDepth;
        this.maxValueSlots = b.maxValueSlots;
        this.maxHostNesting = b.maxHostNesting;
        this.maxMemoryPages = b.maxMemoryPages;
        this.maxTableElements = b.maxTableElements;
        this.executor = new Executor(dispatch == DispatchMode.HANDLES, maxCallDepth, maxValueSlots, maxHostNesting);
    }

    /** @return an engine with the default settings */
    public static Engine create() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Instantiates a module whose imports are all resolved by {@code imports}.
     *
     * @param module the module
     * @param imports what its imports resolve to
     * @return the instance
     * @throws LinkException if an import is missing or has the wrong type
     * @throws TrapException if an active segment is out of bounds or the start function traps
     * @throws WeftException if a memory or table exceeds this engine's limits
     *     ({@link InternalErrorException} for a bug in Weft)
     */
    public Instance instantiate(WasmModule module, Imports imports) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(imports, "imports");
        try {
            return Instantiator.instantiate(module, module.decoded(), module.compiled(), executor, imports,
                    maxMemoryPages, maxTableElements);
        } catch (RuntimeException e) {
            throw InternalErrors.convert(e, "instantiating " + module, null, -1);
        }
    }

    /**
     * @param module a module without imports
     * @return the instance
     * @see #instantiate(WasmModule, Imports)
     */
    public Instance instantiate(WasmModule module) {
        return instantiate(module, Imports.none());
    }

    /** @return the dispatch mode */
    public DispatchMode dispatchMode() {
        return dispatch;
    }

    /** @return the most WebAssembly frames a thread's stack may hold */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    /** @return the most 64-bit value slots a thread's stack may hold */
    public int maxValueSlots() {
        return maxValueSlots;
    }

    /** @return the most pages any memory this engine creates (a module's own memory) may have */
    public long maxMemoryPages() {
        return maxMemoryPages;
    }

    /** @return the most elements any table this engine creates (a module's own table) may have */
    public int maxTableElements() {
        return maxTableElements;
    }

    @Override
    public String toString() {
        return "Engine[" + dispatch.id() + ", depth " + maxCallDepth + ", slots " + maxValueSlots + ", pages "
                + maxMemoryPages + ", table " + maxTableElements + "]";
    }

    /** Settings of an {@link Engine}. */
    public static final class Builder {
        private DispatchMode dispatch;
        private int maxCallDepth = 50_000;
        private int maxValueSlots = 4 << 20;
        private int maxHostNesting = 200;
        private long maxMemoryPages = MemoryInstance.MAX_PAGES;
        private int maxTableElements = TableInstance.MAX_ELEMENTS;

        private Builder() {
        }

        /**
         * @param mode the dispatch mode (default: {@link DispatchMode#defaultMode()})
         * @return this
         */
        public Builder dispatch(DispatchMode mode) {
            this.dispatch = mode;
            return this;
        }

        /**
         * @param frames the most WebAssembly frames a thread may have at once (default 50,000);
         *     beyond it a call traps with "call stack exhausted"
         * @return this
         */
        public Builder maxCallDepth(int frames) {
            this.maxCallDepth = positive(frames, "maxCallDepth");
            return this;
        }

        /**
         * @param slots the most 64-bit value slots (locals and operands of all frames) a thread's stack
         *     may hold (default 4 Mi, grown on demand, at most 2^30); beyond it a call traps with
         *     "call stack exhausted"
         * @return this
         */
        public Builder maxValueSlots(int slots) {
            if (slots > MAX_VALUE_SLOTS) {
                throw new IllegalArgumentException("maxValueSlots must be at most " + MAX_VALUE_SLOTS);
            }
            this.maxValueSlots = positive(slots, "maxValueSlots");
            return this;
        }

        /** Upper bound of {@link #maxValueSlots(int)}: keeps slot arithmetic far from int overflow. */
        private static final int MAX_VALUE_SLOTS = 1 << 30;

        /**
         * @param levels how deeply host functions may call back into WebAssembly on one thread (default 200)
         * @return this
         */
        public Builder maxHostNesting(int levels) {
            this.maxHostNesting = positive(levels, "maxHostNesting");
            return this;
        }

        /**
         * @param pages the most 64 KiB pages a memory the engine creates for an instance may have
         *     (default and maximum 65536); {@code memory.grow} beyond it returns -1. Imported
         *     memories keep the limits they were created with (by {@link Memory#create} or
         *     another engine).
         * @return this
         */
        public Builder maxMemoryPages(long pages) {
            if (pages < 0 || pages > MemoryInstance.MAX_PAGES) {
                throw new IllegalArgumentException("maxMemoryPages must be 0.." + MemoryInstance.MAX_PAGES);
            }
            this.maxMemoryPages = pages;
            return this;
        }

        /**
         * @param elements the most elements a table the engine creates for an instance may have
         *     (default 10,000,000); imported tables keep the limits they were created with
         * @return this
         */
        public Builder maxTableElements(int elements) {
            this.maxTableElements = positive(elements, "maxTableElements");
            return this;
        }

        private static int positive(int v, String what) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return v;
        }

        /** @return the engine */
        public Engine build() {
            return new Engine(this);
        }
    }
}
