package dev.weft.runtime;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Weft's log lines, through the JDK's {@link System.Logger} named {@value #NAME}: no logging
 * library, and whatever backend the application configures for {@code System.Logger}
 * ({@code java.util.logging} by default; SLF4J, Log4j and others provide bridges) receives them.
 *
 * <p>Silent by default: every event is {@link Level#DEBUG} or {@link Level#TRACE}, below the
 * {@code INFO} the JDK's default configuration prints, so an application sees Weft's lines only
 * if it asks for them (with {@code java.util.logging}: {@code dev.weft.level = FINE} in its
 * logging properties). Messages are built only when their level is enabled.
 *
 * <table>
 * <caption>Events</caption>
 * <tr><th>event</th><th>level</th></tr>
 * <tr><td>module parsed: size, functions, decode/validate/translate times</td><td>DEBUG</td></tr>
 * <tr><td>instantiation slower than {@value #SLOW_INSTANTIATION_MILLIS} ms</td><td>DEBUG (faster ones: TRACE)</td></tr>
 * <tr><td>a limit reached (call depth, value stack, memory or table size, host nesting)</td><td>DEBUG</td></tr>
 * <tr><td>a function moved to another execution tier</td><td>DEBUG</td></tr>
 * </table>
 */
public final class EngineLog {
    /** The logger's name. */
    public static final String NAME = "dev.weft";
    /** Instantiations at least this slow are logged at DEBUG, faster ones at TRACE. */
    public static final long SLOW_INSTANTIATION_MILLIS = 10;

    private static final System.Logger LOG = System.getLogger(NAME);

    private EngineLog() {
    }

    /**
     * A module was decoded, validated and translated.
     *
     * @param name the module's name, or null
     * @param bytes size of the binary
     * @param functions functions it defines
     * @param decodeNanos time to decode
     * @param validateNanos time to validate
     * @param translateNanos time to translate
     */
    public static void moduleParsed(String name, long bytes, int functions, long decodeNanos, long validateNanos,
            long translateNanos) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, String.format(Locale.ROOT, "module %s parsed: %,d bytes, %,d functions; decoded in %s, validated in %s,"
                    + " translated in %s", describe(name), bytes, functions, millis(decodeNanos), millis(validateNanos),
                    millis(translateNanos)));
        }
    }

    /**
     * A module was instantiated (hook for {@code Engine.instantiate}).
     *
     * @param name the module's name, or null
     * @param nanos how long instantiation took, start function included
     */
    public static void instantiated(String name, long nanos) {
        Level level = nanos >= SLOW_INSTANTIATION_MILLIS * 1_000_000 ? Level.DEBUG : Level.TRACE;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "module " + describe(name) + " instantiated in " + millis(nanos)
                    + (level == Level.DEBUG ? " (slow: " + SLOW_INSTANTIATION_MILLIS + " ms or more)" : ""));
        }
    }

    /**
     * A guest reached one of the engine's limits (hook for where the limit's trap or refusal is raised).
     *
     * @param limit which, e.g. {@code "maxCallDepth"}
     * @param value the limit's value
     * @param what what happened, e.g. {@code "call stack exhausted in app!fib"}
     */
    public static void limitReached(String limit, long value, String what) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "limit " + limit + " (" + value + ") reached: " + what);
        }
    }

    /** @return whether DEBUG events are logged (for callers whose message arguments cost to build) */
    public static boolean debugEnabled() {
        return LOG.isLoggable(Level.DEBUG);
    }

    /**
     * A function changed execution tier (hook for a tiering engine).
     *
     * @param function the function, e.g. {@code "app!fib (func 3)"}
     * @param tier the tier it moved to
     * @param why what made it move, e.g. its call count
     */
    public static void tierChanged(String function, String tier, String why) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "function " + function + " moved to " + tier + " (" + why + ")");
        }
    }

    /**
     * The compiled tier generated and defined a class.
     *
     * @param module the module's name, or null
     * @param functions how many functions the class holds
     * @param waitedNanos how long the compiler thread waited for the JVM's JIT to go quiet first
     * @param nanos how long generating and defining the class took
     */
    public static void classCompiled(String module, int functions, long waitedNanos, long nanos) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "module " + describe(module) + ": compiled " + functions + (functions == 1 ? " function" : " functions")
                    + " into a class in " + millis(nanos) + (waitedNanos > 0 ? ", after waiting " + millis(waitedNanos) + " for the JIT to go quiet" : ""));
        }
    }

    private static String describe(String name) {
        return name != null ? name : "(unnamed)";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
