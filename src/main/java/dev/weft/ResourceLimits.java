package dev.weft;

import dev.weft.runtime.MemoryInstance;

/**
 * Limits on what one instance may hold: the size of each linear memory and each table it
 * defines. An engine applies its {@link Engine.Builder#limits default limits} to every instance,
 * or those given to {@link Engine#instantiate(WasmModule, Imports, ResourceLimits)}. Within the
 * limits, {@code memory.grow} and {@code table.grow} work as usual; past them they return -1, as
 * the specification allows, and instantiation fails with a {@link WeftException} if a module
 * declares a larger minimum. Memories and tables a module imports keep the limits they were
 * created with.
 *
 * <p>The engine-wide bounds are {@link Engine.Builder#memoryBudget} (the bytes of all memories its
 * instances hold) and {@link Engine.Builder#maxInstances}.
 *
 * <pre>{@code
 * ResourceLimits small = ResourceLimits.builder().maxMemoryBytes(16 << 20).maxTableElements(10_000).build();
 * Instance guest = engine.instantiate(module, imports, small);
 * }</pre>
 */
public final class ResourceLimits {
    /** Default of {@link Builder#maxMemoryBytes}: 1 GiB. */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 1L << 30;
    /** Default of {@link Builder#maxTableElements}: one million. */
    public static final int DEFAULT_MAX_TABLE_ELEMENTS = 1_000_000;

    private static final ResourceLimits DEFAULTS = builder().build();

    private final long maxMemoryBytes;
    private final int maxTableElements;

    private ResourceLimits(Builder b) {
        this.maxMemoryBytes = b.maxMemoryBytes;
        this.maxTableElements = b.maxTableElements;
    }

    /** {@return the default limits: memories up to 1 GiB, tables up to one million elements} */
    public static ResourceLimits defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the most bytes each memory an instance defines may have} */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
    }

    /** {@return {@link #maxMemoryBytes()} in 64 KiB pages} */
    public long maxMemoryPages() {
        return maxMemoryBytes / Memory.PAGE_SIZE;
    }

    /** {@return the most elements each table an instance defines may have} */
    public int maxTableElements() {
        return maxTableElements;
    }

    @Override
    public String toString() {
        return "ResourceLimits[memory " + maxMemoryBytes + " bytes, table " + maxTableElements + " elements]";
    }

    /** Settings of {@link ResourceLimits}. */
    public static final class Builder {
        private long maxMemoryBytes = DEFAULT_MAX_MEMORY_BYTES;
        private int maxTableElements = DEFAULT_MAX_TABLE_ELEMENTS;

        private Builder() {
        }

        /**
         * Sets the largest memory an instance may define.
         *
         * @param bytes the most bytes each memory an instance defines may have (rounded down to
         *     whole 64 KiB pages; at most 4 GiB, WebAssembly's own limit; default 1 GiB)
         * @return this
         */
        public Builder maxMemoryBytes(long bytes) {
            if (bytes < 0 || bytes > MemoryInstance.MAX_PAGES * Memory.PAGE_SIZE) {
                throw new IllegalArgumentException("maxMemoryBytes must be 0.." + MemoryInstance.MAX_PAGES * Memory.PAGE_SIZE);
            }
            this.maxMemoryBytes = bytes;
            return this;
        }

        /**
         * Sets the largest table an instance may define.
         *
         * @param elements the most elements each table an instance defines may have (default one million)
         * @return this
         */
        public Builder maxTableElements(int elements) {
            if (elements < 0) {
                throw new IllegalArgumentException("maxTableElements must not be negative");
            }
            this.maxTableElements = elements;
            return this;
        }

        /** {@return the limits} */
        public ResourceLimits build() {
            return new ResourceLimits(this);
        }
    }
}
