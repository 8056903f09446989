package dev.weft.bench.engines;

/** A module parsed (and, where the engine does so, translated or compiled) once, ready to instantiate. */
@FunctionalInterface
public interface CompiledModule {
    /**
     * @param host the host functions to bind
     * @return a fresh instance
     */
    Guest instantiate(HostBinding host);
}
