package dev.weft.text;

/**
 * Compiles a module's fields to the binary format, in two passes as the reference interpreter
 * does. The first binds every identifier (so a field may name one defined later) and checks that
 * imports come before definitions; the second compiles type definitions first and then the other
 * fields in text order, appending the function types that type uses imply. The fields themselves
 * are compiled by {@link FieldParser}.
 */
final class ModuleParser {
    private final Cursor c;
    private final TextContext cx = new TextContext();
    private final FieldParser fields;
    private final ModuleWriter w = new ModuleWriter();
    /** The kind of the latest definition seen by the first pass, for "import after …". */
    private String lastDefinition;

    private ModuleParser(Cursor c) {
        this.c = c;
        this.fields = new FieldParser(c, cx, w);
    }

    /**
     * Compiles the module fields at the cursor, up to (not including) a closing parenthesis or the
     * end of the input.
     *
     * @param c the cursor, at the first field
     * @param start the offset where the module starts (for its annotations)
     * @return the module binary
     */
    static byte[] fields(Cursor c, int start) {
        return new ModuleParser(c).compile(start);
    }

    private byte[] compile(int start) {
        int first = c.pos();
        while (c.atLpar()) {
            bind();
        }
        int end = c.pos();
        if (c.kind() != Lexer.RPAR && c.kind() != Lexer.EOF) {
            throw c.unexpected();
        }
        c.pos(first);
        while (c.pos() < end) {
            if (c.atField("type") || c.atField("rec")) {
                fields.types().typeField();
            } else {
                c.skipGroup();
            }
        }
        c.pos(first);
        while (c.pos() < end) {
            fields.field();
        }
        Customs.place(c, start, c.offset(), fields.spans(), w);
        return w.write(cx.typeDefs, cx.usesDataIndex);
    }

    // ---------------------------------------------------------------- first pass

    private void bind() {
        int mark = c.pos();
        c.expectLpar();
        String kw = c.keyword();
        switch (kw) {
            case "type" -> bindType();
            case "rec" -> {
                while (c.atField("type")) {
                    int inner = c.pos();
                    c.enterField("type");
                    bindType();
                    c.pos(inner);
                    c.skipGroup();
                }
            }
            case "func" -> definition(cx.funcs, "function");
            case "table" -> definition(cx.tables, "table");
            case "memory" -> definition(cx.memories, "memory");
            case "global" -> definition(cx.globals, "global");
            case "tag" -> definition(cx.tags, "tag");
            case "import" -> {
                int at = c.offset() - 1;
                c.name();
                c.name();
                c.expectLpar();
                String kind = c.keyword();
                IndexSpace space = switch (kind) {
                    case "func" -> cx.funcs;
                    case "table" -> cx.tables;
                    case "memory" -> cx.memories;
                    case "global" -> cx.globals;
                    case "tag" -> cx.tags;
                    default -> {
                        c.pos(c.pos() - 1);
                        throw c.unexpected();
                    }
                };
                int idAt = c.offset();
                space.bind(c.optionalId(), c, idAt);
                importHere(at);
            }
            case "elem" -> {
                int at = c.offset();
                cx.elems.bind(c.optionalId(), c, at);
            }
            case "data" -> {
                int at = c.offset();
                cx.datas.bind(c.optionalId(), c, at);
            }
            case "export", "start" -> {
            }
            default -> {
                c.pos(c.pos() - 1);
                throw c.unexpected();
            }
        }
        c.pos(mark);
        c.skipGroup();
    }

    private void bindType() {
        int at = c.offset();
        cx.types.bind(c.optionalId(), c, at);
    }

    /** A func, table, memory, global or tag field: a definition, or an import if it has an inline one. */
    private void definition(IndexSpace space, String kind) {
        int at = c.offset();
        space.bind(c.optionalId(), c, at);
        while (c.atField("export")) {
            c.skipGroup();
        }
        if (c.atField("import")) {
            importHere(c.offset());
        } else {
            lastDefinition = kind;
        }
    }

    private void importHere(int at) {
        if (lastDefinition != null) {
            throw c.error("import after " + lastDefinition + " definition", at);
        }
    }
}
