package dev.weft;

import java.util.Locale;

/**
 * How an engine runs WebAssembly functions: always in Weft's interpreter, or also as JVM bytecode
 * that the JIT compiles like any Java code. Every tier gives the same results, traps, fuel counts
 * and stack traces; they differ in speed and in what a function costs before it runs. See
 * {@code docs/compiled-tier.md}.
 */
public enum Tier {
    /** Only the interpreter: no JVM code of its own per module, the smallest footprint. */
    INTERPRETER,
    /**
     * The default: the interpreter counts calls and loop iterations per function; a function that
     * gets hot is compiled to JVM bytecode in the background and later calls run the compiled code.
     * Start-up is the interpreter's.
     */
    AUTO,
    /**
     * Every function is compiled when a module is first instantiated on the engine (functions too
     * large for a JIT-compiled JVM method stay interpreted): for tests and benchmarks.
     */
    COMPILED;

    /** The system property that selects the tier at run time: {@code interpreter}, {@code auto} or {@code compiled}. */
    public static final String PROPERTY = "weft.tier";

    /**
     * The default tier: the system property {@value #PROPERTY} if set, else {@link #AUTO}.
     *
     * @return the default tier
     * @throws IllegalArgumentException if the property names no tier
     */
    public static Tier defaultTier() {
        String value = System.getProperty(PROPERTY);
        return value != null ? parse(value) : AUTO;
    }

    /**
     * Parses a tier's name as {@code -Dweft.tier}, {@code Engine.Builder.tier} and the CLI's
     * {@code --tier} accept it.
     *
     * @param name {@code interpreter}, {@code auto} or {@code compiled} (case-insensitive)
     * @return the tier
     * @throws IllegalArgumentException listing the valid names if the name is unknown
     */
    public static Tier parse(String name) {
        for (Tier t : values()) {
            if (t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + name + "'; valid tiers: interpreter, auto, compiled");
    }

    /**
     * The tier's name as the property and the command line spell it.
     *
     * @return {@code interpreter}, {@code auto} or {@code compiled}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
