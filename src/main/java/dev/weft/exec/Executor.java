package dev.weft.exec;

/**
 * An engine's execution settings and its per-thread {@link Machine}s. Each thread that calls
 * into WebAssembly gets its own machine (value and frame stacks), created on first use and
 * grown on demand, so many threads may call the same instances' functions at once.
 */
public final class Executor {
    private final boolean handles;
    private final int maxDepth;
    private final int maxSlots;
    private final int maxNesting;
    private final ThreadLocal<Machine> machines;

    /**
     * @param handles use the method-handle dispatch mode rather than the switch
     * @param maxDepth frame limit per thread
     * @param maxSlots value-slot limit per thread
     * @param maxNesting limit on nested host-to-WebAssembly entries per thread
     */
    public Executor(boolean handles, int maxDepth, int maxSlots, int maxNesting) {
        this.handles = handles;
        this.maxDepth = maxDepth;
        this.maxSlots = maxSlots;
        this.maxNesting = maxNesting;
        this.machines = ThreadLocal.withInitial(() -> new Machine(handles, maxDepth, maxSlots, maxNesting));
    }

    /** @return this thread's machine */
    public Machine machine() {
        return machines.get();
    }

    /** @return whether this executor dispatches through method handles */
    public boolean handles() {
        return handles;
    }

    @Override
    public String toString() {
        return "executor[" + (handles ? "handles" : "switch") + ", depth " + maxDepth + ", slots " + maxSlots
                + ", nesting " + maxNesting + "]";
    }
}
