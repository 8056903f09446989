package dev.weft;

import dev.weft.runtime.BuildInfo;

import java.util.Locale;

/**
 * How the executor dispatches instructions. Both modes run the same handler for every
 * instruction and pass the same tests; they differ only in how the handler is reached.
 */
public enum DispatchMode {
    /** A switch loop calling each instruction's handler directly: hot instructions in a small first-level switch, the rest in out-of-line switches. */
    SWITCH,
    /** Indirect threading: one method handle per opcode, each a constant to the JIT, invoked from the same two-level switch. */
    HANDLES;

    /** The system property that selects the mode at run time. */
    public static final String PROPERTY = "weft.dispatch";

    /**
     * The default mode: the system property {@value #PROPERTY} if set, else the mode baked into
     * the artifact at build time ({@code mvn -Dweft.dispatch=... package}).
     *
     * @return the default mode
     * @throws IllegalArgumentException if the property names no mode
     */
    public static DispatchMode defaultMode() {
        String value = System.getProperty(PROPERTY);
        return parse(value != null ? value : BuildInfo.DISPATCH);
    }

    /**
     * Reads a mode's name, e.g. {@code DispatchMode.parse("handles")}.
     *
     * @param name {@code switch} or {@code handles} (case-insensitive)
     * @return the mode
     * @throws IllegalArgumentException listing the valid names if the name is unknown
     */
    public static DispatchMode parse(String name) {
        for (DispatchMode m : values()) {
            if (m.name().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown dispatch mode '" + name + "'; valid modes: switch, handles");
    }

    /** {@return the mode's name as the property and CLI spell it} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
