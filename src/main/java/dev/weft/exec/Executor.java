package dev.weft.exec;

/**
 * An engine's execution settings and its per-thread {@link Machine}s. Each thread that calls
 * into WebAssembly gets its own machine (value and frame stacks), created on first use and
 * grown on demand, so many threads may call the same instances' functions at once.
 *
 * <p>A suspended resumable call takes its machine with it: the thread that ran it gets a new
 * one ({@link #detach}); a thread resuming the call runs on the call's machine meanwhile
 * ({@link #attach}), so that host functions calling back into WebAssembly share its stack and bounds.
 */
public final class Executor {
    private final boolean handles;
    private final int maxDepth;
    private final int maxSlots;
    private final int maxNesting;
    private final CallDefaults defaults;
    private final CompiledTier tier;
    private final ThreadLocal<Machine> machines;

    /**
     * @param handles use the method-handle dispatch mode rather than the switch
     * @param maxDepth frame limit per thread
     * @param maxSlots value-slot limit per thread
     * @param maxNesting limit on nested host-to-WebAssembly entries per thread
     * @param defaults fuel and timeout of calls made without an execution
     */
    public Executor(boolean handles, int maxDepth, int maxSlots, int maxNesting, CallDefaults defaults) {
        this(handles, maxDepth, maxSlots, maxNesting, defaults, null);
    }

    /**
     * @param handles use the method-handle dispatch mode rather than the switch
     * @param maxDepth frame limit per thread
     * @param maxSlots value-slot limit per thread
     * @param maxNesting limit on nested host-to-WebAssembly entries per thread
     * @param defaults fuel and timeout of calls made without an execution
     * @param tier the compiled tier, or null to only interpret
     */
    public Executor(boolean handles, int maxDepth, int maxSlots, int maxNesting, CallDefaults defaults,
            CompiledTier tier) {
        this.tier = tier;
        this.handles = handles;
        this.maxDepth = maxDepth;
        this.maxSlots = maxSlots;
        this.maxNesting = maxNesting;
        this.defaults = defaults;
        this.machines = ThreadLocal.withInitial(this::newMachine);
    }

    private Machine newMachine() {
        return new Machine(handles, maxDepth, maxSlots, maxNesting, defaults, tier);
    }

    /** @return this thread's machine */
    public Machine machine() {
        return machines.get();
    }

    /**
     * A call suspended on this thread's machine: the machine now belongs to the call, and the
     * thread gets a new one when it next calls.
     *
     * @param m the machine, this thread's
     */
    public void detach(Machine m) {
        if (machines.get() == m) {
            machines.remove();
        }
    }

    /**
     * Makes a suspended call's machine this thread's while it resumes.
     *
     * @param m the suspended call's machine
     * @return the thread's own machine, to give back with {@link #restore}
     * @throws IllegalStateException if this thread is inside a WebAssembly call
     */
    public Machine attach(Machine m) {
        Machine own = machines.get();
        if (own.nesting != 0) {
            throw new IllegalStateException("cannot resume a call inside another WebAssembly call on this thread");
        }
        machines.set(m);
        return own;
    }

    /**
     * Ends {@link #attach}.
     *
     * @param own what attach returned
     */
    public void restore(Machine own) {
        machines.set(own);
    }

    /** @return whether this executor dispatches through method handles */
    public boolean handles() {
        return handles;
    }

    @Override
    public String toString() {
        return "executor[" + (handles ? "handles" : "switch") + ", depth " + maxDepth + ", slots " + maxSlots
                + ", nesting " + maxNesting + ", " + defaults + "]";
    }
}
