package dev.weft.text;

import dev.weft.TextFormatException;
import dev.weft.decode.TypeCodes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the script language of the spec test suite ({@code .wast}): modules ({@code binary},
 * {@code quote}, {@code definition}, {@code instance}), {@code register}, actions and every
 * assertion with its result patterns. A script may also be a module's fields alone.
 */
public final class ScriptParser {
    private final Cursor c;

    private ScriptParser(Cursor c) {
        this.c = c;
    }

    /**
     * @param utf8 the script's text
     * @param name its name, for messages
     * @return the script
     * @throws TextFormatException if it is not a script
     */
    public static Script parse(byte[] utf8, String name) {
        Source source = new Source(name, utf8);
        Cursor c = new Cursor(Lexer.lex(source));
        return new Script(name, new ScriptParser(c).commands());
    }

    private List<Script.Command> commands() {
        List<Script.Command> commands = new ArrayList<>();
        if (c.atLpar() && c.kind(1) == Lexer.KEYWORD && isModuleField(c.text(1))) {
            // a module's fields alone
            commands.add(new Script.Module(line(), null, new TextModule(c, c.pos(), 0, false), false));
            c.skipAllFields();
            expectEnd();
            return commands;
        }
        while (c.kind() != Lexer.EOF) {
            commands.add(command());
        }
        return commands;
    }

    private static boolean isModuleField(String k) {
        return switch (k) {
            case "type", "rec", "import", "func", "table", "memory", "global", "tag", "export", "start", "elem",
                    "data" -> true;
            default -> false;
        };
    }

    private void expectEnd() {
        if (c.kind() != Lexer.EOF) {
            throw c.unexpected();
        }
    }

    private int line() {
        return c.source().line(c.offset());
    }

    private Script.Command command() {
        int line = line();
        if (c.atField("module")) {
            return module(line);
        }
        c.expectLpar();
        String kw = c.keyword();
        Script.Command command = switch (kw) {
            case "register" -> {
                String as = c.name();
                yield new Script.Register(line, as, c.optionalId());
            }
            case "invoke", "get" -> {
                c.pos(c.pos() - 2);
                Script.Command act = new Script.Act(line, action());
                c.pos(c.pos() - 1); // the action's closing parenthesis closes the command
                yield act;
            }
            case "assert_return" -> {
                Script.Action action = action();
                List<Script.Result> results = new ArrayList<>();
                while (c.atLpar()) {
                    results.add(result());
                }
                yield new Script.AssertReturn(line, action, results);
            }
            case "assert_trap" -> {
                if (c.atField("module")) {
                    yield moduleAssertion(line, "assert_uninstantiable");
                }
                Script.Action action = action();
                yield new Script.AssertTrap(line, kw, action, text());
            }
            case "assert_exhaustion" -> {
                Script.Action action = action();
                yield new Script.AssertTrap(line, kw, action, text());
            }
            case "assert_exception" -> new Script.AssertTrap(line, kw, action(), null);
            case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_malformed_custom",
                    "assert_invalid_custom" -> moduleAssertion(line, kw);
            default -> {
                c.pos(c.pos() - 1);
                throw c.unexpected();
            }
        };
        c.expectRpar();
        return command;
    }

    private String text() {
        return new String(c.string(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Script.Command moduleAssertion(int line, String kind) {
        int at = c.pos();
        c.enterField("module");
        if (c.isKeyword("instance")) {
            c.advance();
            c.optionalId();
            String definition = c.optionalId();
            c.expectRpar();
            return new Script.AssertModule(line, kind, null, definition, text());
        }
        c.pos(at);
        Script.Module m = (Script.Module) module(line);
        return new Script.AssertModule(line, kind, m.source(), null, text());
    }

    /** {@code (module …)} in every form. */
    private Script.Command module(int line) {
        int start = c.pos();
        c.enterField("module");
        if (c.isKeyword("instance")) {
            c.advance();
            String id = c.optionalId();
            String module = c.optionalId();
            c.expectRpar();
            return new Script.Instance(line, id, module);
        }
        boolean definition = false;
        if (c.isKeyword("definition")) {
            c.advance();
            definition = true;
        }
        String id = c.optionalId();
        Script.ModuleSource source;
        if (c.isKeyword("binary") || c.isKeyword("quote")) {
            boolean quote = c.keyword().equals("quote");
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (c.atString()) {
                b.writeBytes(c.string());
            }
            source = quote ? new QuotedModule(b.toByteArray(), c.source().name() + ":" + line)
                    : new BinaryModule(b.toByteArray());
            c.expectRpar();
        } else {
            source = new TextModule(c, c.pos(), c.offset(), true);
            c.pos(start);
            c.skipGroup();
        }
        return new Script.Module(line, id, source, definition);
    }

    // ---------------------------------------------------------------- actions and values

    private Script.Action action() {
        c.expectLpar();
        String kw = c.keyword();
        String instance = c.optionalId();
        String name = c.name();
        Script.Action action;
        if (kw.equals("invoke")) {
            List<Script.Value> args = new ArrayList<>();
            while (c.atLpar()) {
                args.add(value());
            }
            action = new Script.Invoke(instance, name, args);
        } else if (kw.equals("get")) {
            action = new Script.Get(instance, name);
        } else {
            c.pos(c.pos() - 1);
            throw c.unexpected();
        }
        c.expectRpar();
        return action;
    }

    private Script.Value value() {
        c.expectLpar();
        String kw = c.keyword();
        Script.Value v = switch (kw) {
            case "i32.const" -> new Script.I32((int) c.integer(32));
            case "i64.const" -> new Script.I64(c.integer(64));
            case "f32.const" -> new Script.F32(f32());
            case "f64.const" -> new Script.F64(f64());
            case "v128.const" -> new Script.V128(Vectors.constant(c));
            case "ref.null" -> new Script.RefNull(heapType());
            case "ref.extern", "ref.host" -> new Script.RefHost(c.nat(32), kw.equals("ref.host"));
            default -> {
                c.pos(c.pos() - 1);
                throw c.unexpected();
            }
        };
        c.expectRpar();
        return v;
    }

    private Script.Result result() {
        int mark = c.pos();
        c.expectLpar();
        String kw = c.keyword();
        Script.Result r;
        switch (kw) {
            case "f32.const", "f64.const" -> {
                if (c.isKeyword("nan:canonical") || c.isKeyword("nan:arithmetic")) {
                    r = new Script.NanPattern(kw.startsWith("f64"), c.keyword().equals("nan:canonical"));
                } else {
                    c.pos(mark);
                    return new Script.Exactly(value());
                }
            }
            case "v128.const" -> r = vectorPattern();
            case "ref.null" -> {
                if (c.atRpar()) {
                    r = new Script.RefKind("null");
                } else {
                    c.pos(mark);
                    return new Script.Exactly(value());
                }
            }
            case "ref.extern", "ref.host" -> {
                // (ref.host N) is a host reference of the any hierarchy (GC's any.convert_extern)
                if (c.atRpar()) {
                    r = new Script.RefKind(kw.substring(4));
                } else {
                    c.pos(mark);
                    return new Script.Exactly(value());
                }
            }
            case "ref" -> r = new Script.RefKind("any");
            case "ref.func", "ref.eq", "ref.i31", "ref.struct", "ref.array", "ref.exn" ->
                    r = new Script.RefKind(kw.substring(4));
            case "either" -> {
                List<Script.Result> alternatives = new ArrayList<>();
                while (c.atLpar()) {
                    alternatives.add(result());
                }
                r = new Script.Either(alternatives);
            }
            default -> {
                c.pos(mark);
                return new Script.Exactly(value());
            }
        }
        c.expectRpar();
        return r;
    }

    private Script.Result vectorPattern() {
        int at = c.offset();
        String shape = c.keyword();
        int lanes = Vectors.lanes(shape);
        if (lanes == 0) {
            c.pos(c.pos() - 1);
            throw c.unexpected();
        }
        List<Script.Result> patterns = new ArrayList<>();
        while (c.atNumber() || c.isKeyword("nan:canonical") || c.isKeyword("nan:arithmetic")) {
            if (c.kind() == Lexer.KEYWORD) {
                if (!shape.startsWith("f")) {
                    throw c.error("invalid vector constant");
                }
                patterns.add(new Script.NanPattern(shape.equals("f64x2"), c.keyword().equals("nan:canonical")));
            } else {
                long bits = Vectors.lane(c, shape);
                patterns.add(new Script.Exactly(switch (shape) {
                    case "i64x2" -> new Script.I64(bits);
                    case "f32x4" -> new Script.F32((int) bits);
                    case "f64x2" -> new Script.F64(bits);
                    default -> new Script.I32((int) bits);
                }));
            }
        }
        if (patterns.size() != lanes) {
            throw c.error("wrong number of lane literals", at);
        }
        return new Script.V128Pattern(shape, patterns);
    }

    private int heapType() {
        if (c.kind() == Lexer.KEYWORD) {
            int ht = TypeParser.abstractHeapType(c.text());
            if (ht != 0) {
                c.advance();
                return ht;
            }
        }
        if (c.atNat()) {
            return TypeCodes.indexHeapType(c.nat32() & 0xFFFFFFFFL);
        }
        throw c.unexpected();
    }

    private int f32() {
        Integer v = c.atNumber() ? Numbers.f32(c.text()) : null;
        if (v == null) {
            throw c.atNumber() ? c.error("constant out of range") : c.unexpected();
        }
        c.advance();
        return v;
    }

    private long f64() {
        Long v = c.atNumber() ? Numbers.f64(c.text()) : null;
        if (v == null) {
            throw c.atNumber() ? c.error("constant out of range") : c.unexpected();
        }
        c.advance();
        return v;
    }

    // ---------------------------------------------------------------- module sources

    /** A module written as text inside the script, compiled when first needed. */
    private static final class TextModule implements Script.ModuleSource {
        private final Lexer.Lexed lexed;
        private final int fields;
        private final int offset;
        private final boolean closed;
        private byte[] binary;

        /**
         * @param fields the token index of its first field
         * @param offset where the module starts, for its annotations
         * @param closed whether a closing parenthesis ends the fields (else the end of the script)
         */
        TextModule(Cursor c, int fields, int offset, boolean closed) {
            this.lexed = c.lexed();
            this.fields = fields;
            this.offset = offset;
            this.closed = closed;
        }

        @Override
        public synchronized byte[] binary() {
            if (binary == null) {
                Cursor c = new Cursor(lexed);
                c.pos(fields);
                byte[] b = ModuleParser.fields(c, offset);
                if (closed ? c.kind() != Lexer.RPAR : c.kind() != Lexer.EOF) {
                    throw c.unexpected();
                }
                binary = b;
            }
            return binary.clone();
        }

        @Override
        public boolean isText() {
            return true;
        }
    }

    /** {@code (module quote "…")}: text given as strings, compiled when needed. */
    private record QuotedModule(byte[] text, String name) implements Script.ModuleSource {
        @Override
        public byte[] binary() {
            return TextFormat.compile(text, name);
        }

        @Override
        public boolean isText() {
            return true;
        }
    }

    /** {@code (module binary "…")}. */
    private record BinaryModule(byte[] bytes) implements Script.ModuleSource {
        @Override
        public byte[] binary() {
            return bytes.clone();
        }

        @Override
        public boolean isText() {
            return false;
        }
    }
}
