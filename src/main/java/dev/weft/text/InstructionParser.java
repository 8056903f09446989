package dev.weft.text;

import dev.weft.decode.TypeCodes;
import dev.weft.decode.WasmInstructions;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles instruction sequences of the text format, flat and folded, into the binary format:
 * block syntax with labels and block types, and every instruction's immediates in the text's
 * order and abbreviations (optional memory and table indices, memory arguments, lane literals),
 * driven by {@link WasmInstructions}' immediate kinds.
 */
final class InstructionParser {
    /** Mnemonics that only occur as part of a block's syntax. */
    private static final java.util.Set<String> STRUCTURED = java.util.Set.of("block", "loop", "if", "else", "end",
            "try", "try_table", "catch", "catch_all", "delegate");

    private final Cursor c;
    private final TextContext cx;
    private final TypeParser types;
    private final Immediates immediates;
    private ByteSink out;
    private IndexSpace locals;
    /** Open blocks' labels, innermost last; null for an unlabelled block. */
    private final List<String> labels = new ArrayList<>();

    InstructionParser(Cursor c, TextContext cx, TypeParser types) {
        this.c = c;
        this.cx = cx;
        this.types = types;
        this.immediates = new Immediates(c, cx, types, this);
    }

    /** Compiles a function body (the instructions up to the field's closing parenthesis) and its {@code end}. */
    void body(ByteSink into, IndexSpace localNames) {
        out = into;
        locals = localNames;
        labels.clear();
        instructions();
        out.byte_(0x0B);
    }

    /** Compiles a constant expression (up to a closing parenthesis) and its {@code end}. */
    void expression(ByteSink into) {
        body(into, new IndexSpace("local"));
    }

    /** Compiles one folded instruction as a constant expression, and its {@code end}. */
    void foldedExpression(ByteSink into) {
        out = into;
        locals = new IndexSpace("local");
        labels.clear();
        if (!c.atLpar()) {
            throw c.unexpected();
        }
        folded();
        out.byte_(0x0B);
    }

    IndexSpace locals() {
        return locals;
    }

    // ---------------------------------------------------------------- sequences

    private void instructions() {
        while (true) {
            byte k = c.kind();
            if (k == Lexer.RPAR || k == Lexer.EOF) {
                return;
            }
            if (k == Lexer.KEYWORD) {
                String kw = c.text();
                if (kw.equals("end") || kw.equals("else") || kw.equals("catch") || kw.equals("catch_all")
                        || kw.equals("delegate")) {
                    return;
                }
            }
            instruction();
        }
    }

    private void instruction() {
        if (c.atLpar()) {
            folded();
            return;
        }
        String kw = c.keyword();
        switch (kw) {
            case "block", "loop" -> {
                String label = openLabel();
                out.byte_(kw.equals("block") ? 0x02 : 0x03);
                out.blockType(blockType());
                instructions();
                endLabel(label);
            }
            case "if" -> {
                String label = openLabel();
                out.byte_(0x04);
                out.blockType(blockType());
                instructions();
                if (c.isKeyword("else")) {
                    c.advance();
                    checkEndLabel(label);
                    out.byte_(0x05);
                    instructions();
                }
                endLabel(label);
            }
            case "try_table" -> {
                int outer = labels.size();
                String label = openLabel();
                int bt = blockType();
                ByteSink handlers = catches(outer);
                out.byte_(0x1F);
                out.blockType(bt);
                out.append(handlers);
                instructions();
                endLabel(label);
            }
            case "try" -> {
                String label = openLabel();
                out.byte_(0x06);
                out.blockType(blockType());
                instructions();
                while (c.isKeyword("catch") || c.isKeyword("catch_all")) {
                    boolean all = c.keyword().equals("catch_all");
                    out.byte_(all ? 0x19 : 0x07);
                    if (!all) {
                        out.u32(cx.tags.resolve(c));
                    }
                    instructions();
                }
                if (c.isKeyword("delegate")) {
                    c.advance();
                    labels.remove(labels.size() - 1);
                    out.byte_(0x18);
                    out.u32(label());
                    return;
                }
                endLabel(label);
            }
            default -> plain(kw);
        }
    }

    /** {@code ( … )}: a folded instruction, its operands first. */
    private void folded() {
        c.expectLpar();
        String kw = c.keyword();
        switch (kw) {
            case "block", "loop" -> {
                labels.add(optionalLabel());
                out.byte_(kw.equals("block") ? 0x02 : 0x03);
                out.blockType(blockType());
                instructions();
                out.byte_(0x0B);
                labels.remove(labels.size() - 1);
            }
            case "if" -> {
                String label = optionalLabel();
                int bt = blockType();
                while (c.atLpar() && !c.isKeyword(1, "then")) {
                    folded(); // the condition
                }
                labels.add(label);
                out.byte_(0x04);
                out.blockType(bt);
                c.enterField("then");
                instructions();
                c.expectRpar();
                if (c.atField("else")) {
                    c.enterField("else");
                    out.byte_(0x05);
                    instructions();
                    c.expectRpar();
                }
                out.byte_(0x0B);
                labels.remove(labels.size() - 1);
            }
            case "try_table" -> {
                int outer = labels.size();
                String label = optionalLabel();
                labels.add(label);
                int bt = blockType();
                ByteSink handlers = catches(outer);
                out.byte_(0x1F);
                out.blockType(bt);
                out.append(handlers);
                instructions();
                out.byte_(0x0B);
                labels.remove(labels.size() - 1);
            }
            case "try" -> foldedTry();
            default -> {
                ByteSink operands = out;
                ByteSink self = new ByteSink();
                out = self;
                plain(kw);
                out = operands;
                while (c.atLpar()) {
                    folded();
                }
                out.append(self);
            }
        }
        c.expectRpar();
    }

    private void foldedTry() {
        String label = optionalLabel();
        labels.add(label);
        out.byte_(0x06);
        out.blockType(blockType());
        c.enterField("do");
        instructions();
        c.expectRpar();
        while (c.atField("catch") || c.atField("catch_all")) {
            c.expectLpar();
            boolean all = c.keyword().equals("catch_all");
            out.byte_(all ? 0x19 : 0x07);
            if (!all) {
                out.u32(cx.tags.resolve(c));
            }
            instructions();
            c.expectRpar();
        }
        if (c.atField("delegate")) {
            c.enterField("delegate");
            labels.remove(labels.size() - 1);
            out.byte_(0x18);
            out.u32(label());
            c.expectRpar();
            return;
        }
        out.byte_(0x0B);
        labels.remove(labels.size() - 1);
    }

    /** try_table's catch clauses; their labels are those around the try_table ({@code outer} of them). */
    private ByteSink catches(int outer) {
        ByteSink handlers = new ByteSink();
        int n = 0;
        List<String> inner = new ArrayList<>(labels.subList(outer, labels.size()));
        labels.subList(outer, labels.size()).clear();
        while (c.atField("catch") || c.atField("catch_ref") || c.atField("catch_all") || c.atField("catch_all_ref")) {
            c.expectLpar();
            String kind = c.keyword();
            int k = switch (kind) {
                case "catch" -> 0;
                case "catch_ref" -> 1;
                case "catch_all" -> 2;
                default -> 3;
            };
            handlers.byte_(k);
            if (k < 2) {
                handlers.u32(cx.tags.resolve(c));
            }
            handlers.u32(label());
            c.expectRpar();
            n++;
        }
        labels.addAll(inner);
        ByteSink counted = new ByteSink();
        counted.u32(n);
        counted.append(handlers);
        return counted;
    }

    // ---------------------------------------------------------------- labels and block types

    private String optionalLabel() {
        return c.atId() ? c.id() : null;
    }

    private String openLabel() {
        String label = optionalLabel();
        labels.add(label);
        return label;
    }

    /** {@code end} with an optional label that must repeat the block's; closes the block. */
    private void endLabel(String label) {
        c.expectKeyword("end");
        checkEndLabel(label);
        out.byte_(0x0B);
        labels.remove(labels.size() - 1);
    }

    private void checkEndLabel(String label) {
        if (c.atId()) {
            int at = c.offset();
            String end = c.id();
            if (!end.equals(label)) {
                throw c.error("mismatching label", at);
            }
        }
    }

    /** @return the relative depth of the label at the cursor (a number or an identifier) */
    int label() {
        if (c.atId()) {
            int at = c.offset();
            String name = c.id();
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (name.equals(labels.get(i))) {
                    return labels.size() - 1 - i;
                }
            }
            throw c.error("unknown label $" + name, at);
        }
        if (c.atNat()) {
            return c.nat32();
        }
        throw c.unexpected();
    }

    /**
     * A block type: {@code (type x)?} {@code (param t*)*} {@code (result t*)*}, as an empty type,
     * a value type, or a type index (an implied function type where needed).
     */
    int blockType() {
        Immediates.TypeUse use = immediates.typeUseParts();
        if (use.explicit() != null) {
            return TypeCodes.blockType(use.explicit());
        }
        List<Integer> params = use.params();
        List<Integer> results = use.results();
        if (params.isEmpty() && results.size() <= 1) {
            return results.isEmpty() ? TypeCodes.BLOCK_EMPTY : results.get(0);
        }
        return TypeCodes.blockType(cx.typeDefs.function(TypeParser.ints(params), TypeParser.ints(results)));
    }

    /** A type use with inline types must repeat the named type exactly. */
    void checkExplicit(int type, List<Integer> params, List<Integer> results, int at) {
        if (params.isEmpty() && results.isEmpty()) {
            return;
        }
        if (!cx.typeDefs.isFunction(type)
                || !java.util.Arrays.equals(cx.typeDefs.get(type).params(), TypeParser.ints(params))
                || !java.util.Arrays.equals(cx.typeDefs.get(type).results(), TypeParser.ints(results))) {
            throw c.error("inline function type does not match explicit type", at);
        }
    }

    // ---------------------------------------------------------------- plain instructions

    private void plain(String kw) {
        int[] ids = WasmInstructions.byName(kw);
        if (ids == null || STRUCTURED.contains(kw)) {
            c.pos(c.pos() - 1);
            throw c.unexpected();
        }
        immediates.instruction(kw, ids, out);
    }
}
