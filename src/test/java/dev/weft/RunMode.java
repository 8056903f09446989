package dev.weft;

/**
 * The ways tests run WebAssembly: the interpreter in each dispatch mode, and the compiled tier
 * (every function compiled to JVM bytecode up front; the interpreter, in the default dispatch
 * mode, runs only what is not compiled and calls that may suspend).
 */
public enum RunMode {
    SWITCH(Tier.INTERPRETER, DispatchMode.SWITCH),
    HANDLES(Tier.INTERPRETER, DispatchMode.HANDLES),
    COMPILED(Tier.COMPILED, DispatchMode.SWITCH);

    private final Tier tier;
    private final DispatchMode dispatch;

    RunMode(Tier tier, DispatchMode dispatch) {
        this.tier = tier;
        this.dispatch = dispatch;
    }

    /** @return a builder of an engine running this way, to add settings to */
    public Engine.Builder builder() {
        return Engine.builder().tier(tier).dispatch(dispatch);
    }

    /** @return an engine with the default limits running this way */
    public Engine engine() {
        return builder().build();
    }

    /** @return the mode's name in reports: the dispatch mode's, or {@code compiled} */
    public String id() {
        return this == COMPILED ? Tier.COMPILED.id() : dispatch.id();
    }
}
