package dev.weft.bench.support;

import dev.weft.bench.engines.CompiledModule;
import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Guest;
import dev.weft.bench.engines.GuestFunction;

/**
 * A {@link RunSpec} compiled for one engine. Each run calls the export once on a fresh instance
 * (CoreMark's fixed-workload modules run correctly only once per instance; for sieve it means
 * {@code memory.grow} is part of every run): {@link #instantiate()} makes the instance,
 * {@link #run()} calls it and throws unless the result is right.
 */
public final class PreparedWorkload {
    private final RunSpec spec;
    private final CompiledModule module;
    private Guest guest;
    private GuestFunction function;

    /**
     * @param engine the engine
     * @param spec the call
     */
    public PreparedWorkload(EngineKind engine, RunSpec spec) {
        this.spec = spec;
        this.module = engine.compile(BenchFiles.bytes(spec.file()));
    }

    /** Makes the fresh instance the next {@link #run()} uses, closing the one before. */
    public void instantiate() {
        if (guest != null) {
            guest.close();
        }
        guest = module.instantiate(spec.host());
        function = guest.function(spec.export(), spec.signature());
    }

    /**
     * Instantiates and runs once: for the warm-up, where instantiation may count.
     *
     * @return the result
     */
    public long instantiateAndRun() {
        instantiate();
        return run();
    }

    /**
     * Runs the call once on the instance made by {@link #instantiate()} and checks the result.
     *
     * @return the result (for JMH to consume)
     * @throws WrongResultException if the result is wrong
     */
    public long run() {
        GuestFunction f = function;
        if (f == null) {
            throw new IllegalStateException("run() without a fresh instantiate()");
        }
        function = null;
        long r = f.call(spec.arg());
        switch (spec.check()) {
            case RunSpec.Equals e -> {
                if (r != e.value()) {
                    throw new WrongResultException(spec.export() + "(" + spec.arg() + ") in " + spec.file() + " returned " + r
                            + ", expected " + e.value());
                }
            }
            case RunSpec.CoreMarkRecord c -> CoreMarkCheck.verify(c.iterations(), r, guest.memory());
        }
        return r;
    }

    /** @return what this runs */
    public RunSpec spec() {
        return spec;
    }
}
