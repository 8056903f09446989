package dev.weft;

import dev.weft.compile.Tiers;
import dev.weft.exec.CallDefaults;
import dev.weft.exec.Executor;
import dev.weft.runtime.Budget;
import dev.weft.runtime.EngineLog;
import dev.weft.runtime.Instantiator;
import dev.weft.runtime.InternalErrors;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs modules: holds the execution settings (tier, dispatch mode, stack limits, the bounds of calls)
 * and the resource limits of instances, and instantiates modules with them. Immutable and
 * thread-safe; create one and share it.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().maxCallDepth(100_000).build();
 * WasmModule module = WasmModule.parse(Path.of("app.wasm"));
 * Instance instance = engine.instantiate(module, Imports.none());
 * int sum = (int) instance.function("add").handle().invokeExact(1, 2);
 * }</pre>
 *
 * <p>For untrusted guests, bound everything ({@code docs/embedding.md}, "Running untrusted code"):
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .limits(ResourceLimits.builder().maxMemoryBytes(64 << 20).build())  // per instance
 *         .memoryBudget(2L << 30)                                               // all instances
 *         .callTimeout(Duration.ofSeconds(1))                                   // every call
 *         .build();
 * }</pre>
 */
public final class Engine {
    private final Tier tier;
    private final DispatchMode dispatch;
    private final int maxCallDepth;
    private final int maxValueSlots;
    private final int maxHostNesting;
    private final ResourceLimits limits;
    private final Budget memoryBudget;
    private final Budget instances;
    private final long callFuel;
    private final Duration callTimeout;
    private final Executor executor;

    private Engine(Builder b) {
        this.tier = b.tier != null ? b.tier : Tier.defaultTier();
        this.dispatch = b.dispatch != null ? b.dispatch : DispatchMode.defaultMode();
        this.maxCallDepth = b.maxCallDepth;
        this.maxValueSlots = b.maxValueSlots;
        this.maxHostNesting = b.maxHostNesting;
        this.limits = b.limits;
        this.memoryBudget = new Budget(b.memoryBudget);
        this.instances = new Budget(b.maxInstances);
        this.callFuel = b.callFuel;
        this.callTimeout = b.callTimeout;
        this.executor = new Executor(dispatch == DispatchMode.HANDLES, maxCallDepth, maxValueSlots, maxHostNesting,
                new CallDefaults(callFuel, callTimeout == null ? 0 : Execution.saturatedNanos(callTimeout)),
                Tiers.of(tier));
    }

    /** {@return an engine with the default settings} */
    public static Engine create() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Instantiates a module whose imports are all resolved by {@code imports}, under the engine's
     * default {@link ResourceLimits}.
     *
     * @param module the module
     * @param imports what its imports resolve to
     * @return the instance
     * @throws LinkException if an import is missing or has the wrong type
     * @throws TrapException if an active segment is out of bounds or the start function traps
     * @throws WeftException if a memory or table exceeds the limits, the memory budget or the
     *     instance limit
     */
    public Instance instantiate(WasmModule module, Imports imports) {
        return instantiate(module, imports, limits);
    }

    /**
     * Instantiates a module under limits of its own.
     *
     * @param module the module
     * @param imports what its imports resolve to
     * @param limits what the instance may hold
     * @return the instance
     * @throws LinkException if an import is missing or has the wrong type
     * @throws TrapException if an active segment is out of bounds or the start function traps
     * @throws WeftException if a memory or table exceeds the limits, the memory budget or the
     *     instance limit ({@link InternalErrorException} for a bug in Weft)
     * @see #instantiate(WasmModule, Imports)
     */
    public Instance instantiate(WasmModule module, Imports imports, ResourceLimits limits) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(limits, "limits");
        try {
            long start = System.nanoTime();
            if (tier == Tier.COMPILED) {
                Tiers.compileAll(module.compiled(), module.decoded());
            }
            Instance instance = Instantiator.instantiate(module, module.decoded(), module.compiled(), executor, imports,
                    limits.maxMemoryPages(), limits.maxTableElements(), memoryBudget, instances);
            EngineLog.instantiated(module.name().orElse(null), System.nanoTime() - start);
            return instance;
        } catch (RuntimeException e) {
            throw InternalErrors.convert(e, "instantiating " + module, null, -1);
        }
    }

    /**
     * Instantiates a module that imports nothing.
     *
     * @param module a module without imports
     * @return the instance
     * @see #instantiate(WasmModule, Imports)
     */
    public Instance instantiate(WasmModule module) {
        return instantiate(module, Imports.none());
    }

    /** {@return the tier: interpreter only, or with compiled code} */
    public Tier tier() {
        return tier;
    }

    /** {@return the dispatch mode} */
    public DispatchMode dispatchMode() {
        return dispatch;
    }

    /** {@return the most WebAssembly frames a thread's stack may hold} */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    /** {@return the most 64-bit value slots a thread's stack may hold} */
    public int maxValueSlots() {
        return maxValueSlots;
    }

    /** {@return the limits instances get by default} */
    public ResourceLimits limits() {
        return limits;
    }

    /** {@return the most bytes the memories of this engine's instances may hold at once} */
    public long memoryBudget() {
        return memoryBudget.limit();
    }

    /**
     * The bytes the memories of this engine's instances hold now.
     *
     * @return the bytes the memories of this engine's instances hold now (counted from when they
     *     are allocated until they are closed or reclaimed)
     */
    public long memoryInUse() {
        return memoryBudget.used();
    }

    /** {@return the most instances of this engine that may be alive at once} */
    public long maxInstances() {
        return instances.limit();
    }

    /** {@return the fuel each call made without an {@link Execution} gets, or -1 for no metering} */
    public long callFuel() {
        return callFuel;
    }

    /** {@return the timeout of each call made without an {@link Execution}, or null for none} */
    public Duration callTimeout() {
        return callTimeout;
    }

    @Override
    public String toString() {
        return "Engine[" + tier.id() + ", " + dispatch.id() + ", depth " + maxCallDepth + ", slots " + maxValueSlots + ", " + limits
                + ", memory budget " + memoryBudget + "]";
    }

    /** Settings of an {@link Engine}. */
    public static final class Builder {
        /** Upper bound of {@link #maxValueSlots(int)}: keeps slot arithmetic far from int overflow. */
        private static final int MAX_VALUE_SLOTS = 1 << 30;

        private Tier tier;
        private DispatchMode dispatch;
        private int maxCallDepth = 50_000;
        private int maxValueSlots = 4 << 20;
        private int maxHostNesting = 200;
        private ResourceLimits limits = ResourceLimits.defaults();
        private long memoryBudget = Math.max(1L << 30, Runtime.getRuntime().maxMemory());
        private long maxInstances = Long.MAX_VALUE;
        private long callFuel = -1;
        private Duration callTimeout;

        private Builder() {
        }

        /**
         * Chooses whether functions also run compiled to JVM bytecode.
         *
         * @param tier the tier (default: {@link Tier#defaultTier()}: {@link Tier#AUTO} unless
         *     {@code -Dweft.tier} says otherwise); the interpreter's dispatch mode is chosen by
         *     {@link #dispatch} either way
         * @return this
         */
        public Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        /**
         * Chooses the interpreter's dispatch mode.
         *
         * @param mode the dispatch mode (default: {@link DispatchMode#defaultMode()})
         * @return this
         */
        public Builder dispatch(DispatchMode mode) {
            this.dispatch = mode;
            return this;
        }

        /**
         * Bounds the WebAssembly call depth of each thread.
         *
         * @param frames the most WebAssembly frames a thread may have at once (default 50,000);
         *     beyond it a call traps with "call stack exhausted"
         * @return this
         */
        public Builder maxCallDepth(int frames) {
            this.maxCallDepth = positive(frames, "maxCallDepth");
            return this;
        }

        /**
         * Bounds the value stack of each thread.
         *
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

        /**
         * Bounds how deeply host functions may call back into WebAssembly.
         *
         * @param levels how deeply host functions may call back into WebAssembly on one thread (default 200)
         * @return this
         */
        public Builder maxHostNesting(int levels) {
            this.maxHostNesting = positive(levels, "maxHostNesting");
            return this;
        }

        /**
         * Sets the limits of instances (see {@link ResourceLimits}).
         *
         * @param limits the limits of every instance that is not given its own (default
         *     {@link ResourceLimits#defaults()}: memories up to 1 GiB, tables up to a million elements)
         * @return this
         */
        public Builder limits(ResourceLimits limits) {
            if (limits == null) {
                throw new IllegalArgumentException("limits must not be null");
            }
            this.limits = limits;
            return this;
        }

        /**
         * Bounds the bytes all memories of the engine's instances hold at once (off-heap, outside the
         * garbage collector's accounting). A memory counts from its allocation until its instance
         * is closed or, if never closed, reclaimed after becoming unreachable. When an allocation
         * would exceed the budget, the engine first asks the garbage collector to reclaim forgotten
         * instances and waits up to half a second for them; then instantiation fails with a
         * {@link WeftException} and {@code memory.grow} returns -1. Default: the JVM's maximum heap
         * size, at least 1 GiB (as the JDK bounds direct buffers).
         *
         * @param bytes the budget
         * @return this
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memoryBudget must not be negative");
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * Bounds the instances of the engine alive at once (not closed, and not yet reclaimed after
         * becoming unreachable); past it, with the same reclamation as {@link #memoryBudget},
         * instantiation fails with a {@link WeftException}. Default: no limit.
         *
         * @param instances the most live instances
         * @return this
         */
        public Builder maxInstances(long instances) {
            if (instances <= 0) {
                throw new IllegalArgumentException("maxInstances must be positive");
            }
            this.maxInstances = instances;
            return this;
        }

        /**
         * Meters every call made without an {@link Execution} (through {@link WasmFunction#call} or
         * {@link WasmFunction#handle()}): each gets this much fuel and traps with
         * {@link TrapKind#OUT_OF_FUEL} when it runs out. Default: no metering. See {@link Execution}
         * for what fuel counts.
         *
         * @param fuel fuel per call, at least 0, or -1 for no metering
         * @return this
         */
        public Builder callFuel(long fuel) {
            if (fuel < -1) {
                throw new IllegalArgumentException("callFuel must be -1 (off) or at least 0");
            }
            this.callFuel = fuel;
            return this;
        }

        /**
         * Gives every call made without an {@link Execution} a deadline: it traps with
         * {@link TrapKind#DEADLINE_EXCEEDED} once it has run this long. Default: none.
         *
         * @param timeout the longest a call may run, or null or zero for no limit
         * @return this
         */
        public Builder callTimeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("callTimeout must not be negative");
            }
            this.callTimeout = timeout == null || timeout.isZero() ? null : timeout;
            return this;
        }

        private static int positive(int v, String what) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return v;
        }

        /** {@return the engine} */
        public Engine build() {
            return new Engine(this);
        }
    }
}
