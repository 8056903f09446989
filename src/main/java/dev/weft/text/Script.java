package dev.weft.text;

import java.util.List;

/**
 * A parsed {@code .wast} script: its commands in order. Modules written as text stay unparsed
 * until a command needs them ({@link ModuleSource#binary()}), so one bad module fails its command,
 * not the script.
 *
 * @param name the script's name, for messages
 * @param commands the commands
 */
public record Script(String name, List<Command> commands) {

    /** One command; {@link #line()} is where it starts in the script. */
    public sealed interface Command {
        /** @return the line of the command in the script, from 1 */
        int line();

        /** @return the command's kind as the summary counts it: {@code module}, {@code assert_return}, … */
        String kind();
    }

    /** A module as the script writes it: text, {@code binary} strings or {@code quote}d text. */
    public interface ModuleSource {
        /**
         * @return the module binary (text is compiled now)
         * @throws dev.weft.TextFormatException if the text is not a module
         */
        byte[] binary();

        /** @return true if the module is written as text (plain or quoted), not as binary strings */
        boolean isText();
    }

    /**
     * {@code (module …)}: defines a module, and instantiates it unless it is a {@code definition}.
     *
     * @param line line
     * @param id its identifier, or null
     * @param source the module
     * @param definition true for {@code (module definition …)}
     */
    public record Module(int line, String id, ModuleSource source, boolean definition) implements Command {
        @Override
        public String kind() {
            return "module";
        }
    }

    /**
     * {@code (module instance $i $m)}: instantiates a defined module.
     *
     * @param line line
     * @param id the instance's identifier, or null
     * @param module the module definition's identifier, or null for the latest
     */
    public record Instance(int line, String id, String module) implements Command {
        @Override
        public String kind() {
            return "module";
        }
    }

    /**
     * {@code (register "name" $i?)}.
     *
     * @param line line
     * @param as the module name other modules import it under
     * @param id the instance, or null for the latest
     */
    public record Register(int line, String as, String id) implements Command {
        @Override
        public String kind() {
            return "register";
        }
    }

    /** An action: {@code (invoke $i? "name" const*)} or {@code (get $i? "name")}. */
    public sealed interface Action {
        /** @return the instance's identifier, or null for the latest */
        String instance();

        /** @return the export's name */
        String name();
    }

    /**
     * @param instance instance or null
     * @param name export name
     * @param args arguments
     */
    public record Invoke(String instance, String name, List<Value> args) implements Action {
    }

    /**
     * @param instance instance or null
     * @param name export name
     */
    public record Get(String instance, String name) implements Action {
    }

    /**
     * An action on its own.
     *
     * @param line line
     * @param action the action
     */
    public record Act(int line, Action action) implements Command {
        @Override
        public String kind() {
            return "action";
        }
    }

    /**
     * {@code (assert_return action result*)}.
     *
     * @param line line
     * @param action the action
     * @param results what it must return
     */
    public record AssertReturn(int line, Action action, List<Result> results) implements Command {
        @Override
        public String kind() {
            return "assert_return";
        }
    }

    /**
     * {@code (assert_trap action "text")}, {@code (assert_exhaustion action "text")}, or
     * {@code (assert_exception action)} (text null).
     *
     * @param line line
     * @param kind {@code assert_trap}, {@code assert_exhaustion} or {@code assert_exception}
     * @param action the action
     * @param text the expected trap text, or null
     */
    public record AssertTrap(int line, String kind, Action action, String text) implements Command {
    }

    /**
     * A module that must fail: {@code assert_malformed}, {@code assert_invalid} (and their
     * {@code _custom} forms), {@code assert_unlinkable}, or {@code assert_trap} on a module
     * (kind {@code assert_uninstantiable}).
     *
     * @param line line
     * @param kind the assertion
     * @param source the module, or null when an instance of a definition is meant
     * @param definition for an instance assertion: the definition's identifier (else null)
     * @param text the expected error text
     */
    public record AssertModule(int line, String kind, ModuleSource source, String definition, String text)
            implements Command {
    }

    // ---------------------------------------------------------------- values

    /** A constant argument. */
    public sealed interface Value {
    }

    /** @param value an i32 */
    public record I32(int value) implements Value {
    }

    /** @param value an i64 */
    public record I64(long value) implements Value {
    }

    /** @param bits an f32's bits */
    public record F32(int bits) implements Value {
    }

    /** @param bits an f64's bits */
    public record F64(long bits) implements Value {
    }

    /** @param bytes a v128, little-endian */
    public record V128(byte[] bytes) implements Value {
    }

    /** @param heapType the null reference's heap type ({@link dev.weft.decode.TypeCodes}) */
    public record RefNull(int heapType) implements Value {
    }

    /**
     * A host reference ({@code ref.extern N}, {@code ref.host N}).
     *
     * @param number its number; equal numbers are the same reference
     * @param host true for {@code ref.host} (not converted to {@code externref})
     */
    public record RefHost(long number, boolean host) implements Value {
    }

    // ---------------------------------------------------------------- result patterns

    /** What a result must be. */
    public sealed interface Result {
    }

    /** @param value exactly this value (bit for bit) */
    public record Exactly(Value value) implements Result {
    }

    /**
     * @param f64 true for f64, else f32
     * @param canonical canonical NaN, else any arithmetic NaN
     */
    public record NanPattern(boolean f64, boolean canonical) implements Result {
    }

    /**
     * A v128 compared lane by lane.
     *
     * @param shape the lane shape keyword ({@code f32x4} …)
     * @param lanes one pattern per lane ({@link Exactly} of an integer or float, or {@link NanPattern})
     */
    public record V128Pattern(String shape, List<Result> lanes) implements Result {
    }

    /**
     * A reference of a kind: {@code (ref.func)}, {@code (ref.extern)}, {@code (ref.struct)}…,
     * {@code (ref.null)} (any null), {@code (ref)} (any non-null reference).
     *
     * @param kind {@code func}, {@code extern}, {@code any}, {@code eq}, {@code i31}, {@code struct},
     *     {@code array}, {@code exn}, or {@code null}
     */
    public record RefKind(String kind) implements Result {
    }

    /** @param alternatives any of these */
    public record Either(List<Result> alternatives) implements Result {
    }
}
