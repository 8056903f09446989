package dev.weft.text;

import static dev.weft.decode.WasmInstructions.IMM_ATOMARG;
import static dev.weft.decode.WasmInstructions.IMM_MEMARG;
import static dev.weft.decode.WasmInstructions.IMM_MEMORY;
import static dev.weft.decode.WasmInstructions.IMM_TABLE;

import dev.weft.decode.TypeCodes;
import dev.weft.decode.WasmInstructions;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain instruction's immediates in the text format and writes the instruction in the
 * binary format. Most are read by their kind in {@link WasmInstructions}; the few whose text
 * differs from their encoding are handled by name: {@code select} (typed if it has results),
 * {@code ref.test}/{@code ref.cast} (the opcode depends on nullability), {@code br_on_cast}
 * (flags from the two reference types), {@code call_indirect} and {@code memory.init}/
 * {@code table.init} (the text names the table or memory first, and may leave it out).
 */
final class Immediates {
    private final Cursor c;
    private final TextContext cx;
    private final TypeParser types;
    private final InstructionParser code;

    Immediates(Cursor c, TextContext cx, TypeParser types, InstructionParser code) {
        this.c = c;
        this.cx = cx;
        this.types = types;
        this.code = code;
    }

    void instruction(String kw, int[] ids, ByteSink out) {
        switch (kw) {
            case "select" -> select(out);
            case "ref.test", "ref.cast" -> {
                int rt = types.refType();
                opcode(ids[TypeCodes.isNullable(rt) ? 1 : 0], out);
                out.heapType(TypeCodes.heapType(rt));
            }
            case "br_on_cast", "br_on_cast_fail" -> {
                int label = code.label();
                int from = types.refType();
                int to = types.refType();
                opcode(ids[0], out);
                out.byte_((TypeCodes.isNullable(from) ? 1 : 0) | (TypeCodes.isNullable(to) ? 2 : 0));
                out.u32(label);
                out.heapType(TypeCodes.heapType(from));
                out.heapType(TypeCodes.heapType(to));
            }
            case "call_indirect", "return_call_indirect" -> {
                int table = IndexSpace.at(c) ? cx.tables.resolve(c) : 0;
                int type = typeUse();
                opcode(ids[0], out);
                out.u32(type);
                out.u32(table);
            }
            case "memory.init", "table.init" -> {
                boolean memory = kw.equals("memory.init");
                IndexSpace first = memory ? cx.memories : cx.tables;
                IndexSpace segments = memory ? cx.datas : cx.elems;
                int space = 0;
                int mark = c.pos();
                c.advance(); // look past the first index: a second one means the first was the table or memory
                boolean two = IndexSpace.at(c);
                c.pos(mark);
                if (two) {
                    space = first.resolve(c);
                }
                int segment = segments.resolve(c);
                cx.usesDataIndex |= memory;
                opcode(ids[0], out);
                out.u32(segment);
                out.u32(space);
            }
            default -> generic(ids[0], out);
        }
    }

    private void opcode(int id, ByteSink out) {
        int prefix = WasmInstructions.prefix(id);
        if (prefix != 0) {
            out.byte_(prefix);
            out.u32(WasmInstructions.opcode(id));
        } else {
            out.byte_(WasmInstructions.opcode(id));
        }
    }

    private void generic(int id, ByteSink out) {
        byte[] kinds = WasmInstructions.immediates(id);
        ByteSink imm = new ByteSink();
        boolean optional = kinds.length >= 1 && kinds.length <= 2 && (kinds[0] == IMM_TABLE || kinds[0] == IMM_MEMORY)
                && (kinds.length == 1 || kinds[1] == kinds[0]);
        if (optional) {
            IndexSpace space = kinds[0] == IMM_TABLE ? cx.tables : cx.memories;
            if (kinds.length == 1) {
                imm.u32(IndexSpace.at(c) ? space.resolve(c) : 0);
            } else if (IndexSpace.at(c)) {
                imm.u32(space.resolve(c));
                imm.u32(space.resolve(c));
            } else {
                imm.u32(0);
                imm.u32(0);
            }
        } else {
            int type = -1;
            for (int i = 0; i < kinds.length; i++) {
                byte k = kinds[i];
                if (k == IMM_MEMARG || k == IMM_ATOMARG) {
                    memarg(id, imm, i + 1 < kinds.length && kinds[i + 1] == WasmInstructions.IMM_LANE);
                    if (i + 1 < kinds.length && kinds[i + 1] == WasmInstructions.IMM_LANE) {
                        i++;
                    }
                    continue;
                }
                type = immediate(k, imm, type);
            }
        }
        opcode(id, out);
        out.append(imm);
    }

    /** Reads one immediate of kind {@code k} into {@code imm}. @return the type index if it was one, else {@code type} */
    private int immediate(byte k, ByteSink imm, int type) {
        switch (k) {
            case WasmInstructions.IMM_LABEL -> imm.u32(code.label());
            case WasmInstructions.IMM_LABELS -> {
                List<Integer> targets = new ArrayList<>();
                do {
                    targets.add(code.label());
                } while (IndexSpace.at(c));
                imm.u32(targets.size() - 1);
                for (int t : targets) {
                    imm.u32(t);
                }
            }
            case WasmInstructions.IMM_FUNC -> imm.u32(cx.funcs.resolve(c));
            case WasmInstructions.IMM_TYPE -> {
                int t = cx.types.resolve(c);
                imm.u32(t);
                return t;
            }
            case WasmInstructions.IMM_TABLE -> imm.u32(cx.tables.resolve(c));
            case WasmInstructions.IMM_MEMORY -> imm.u32(cx.memories.resolve(c));
            case WasmInstructions.IMM_GLOBAL -> imm.u32(cx.globals.resolve(c));
            case WasmInstructions.IMM_LOCAL -> imm.u32(code.locals().resolve(c));
            case WasmInstructions.IMM_ELEM -> imm.u32(cx.elems.resolve(c));
            case WasmInstructions.IMM_DATA -> {
                imm.u32(cx.datas.resolve(c));
                cx.usesDataIndex = true;
            }
            case WasmInstructions.IMM_TAG -> imm.u32(cx.tags.resolve(c));
            case WasmInstructions.IMM_FIELD -> imm.u32(cx.fields(type).resolve(c));
            case WasmInstructions.IMM_U32 -> imm.u32(c.nat32());
            case WasmInstructions.IMM_HEAPTYPE -> imm.heapType(types.heapType());
            case WasmInstructions.IMM_LANE -> imm.byte_(lane());
            case WasmInstructions.IMM_I32 -> imm.s32((int) c.integer(32));
            case WasmInstructions.IMM_I64 -> imm.s64(c.integer(64));
            case WasmInstructions.IMM_F32 -> imm.f32(f32());
            case WasmInstructions.IMM_F64 -> imm.f64(f64());
            case WasmInstructions.IMM_V128 -> Vectors.constant(c, imm);
            case WasmInstructions.IMM_SHUFFLE -> Vectors.shuffle(c, imm);
            case WasmInstructions.IMM_ZERO -> imm.byte_(0);
            default -> throw new IllegalStateException("immediate kind " + k + " has no text syntax here");
        }
        return type;
    }

    /** {@code memidx? offset=N? align=N?}, and a lane index after it if {@code lane}. */
    private void memarg(int id, ByteSink imm, boolean lane) {
        int memory = 0;
        if (c.atId()) {
            memory = cx.memories.resolve(c);
        } else if (c.atNat() && (!lane || c.kind(1) == Lexer.NAT || c.kind(1) == Lexer.KEYWORD
                && (c.text(1).startsWith("offset=") || c.text(1).startsWith("align=")))) {
            memory = c.nat32();
        }
        long offset = 0;
        if (c.kind() == Lexer.KEYWORD && c.text().startsWith("offset=")) {
            offset = keywordNumber("offset=", 64);
        }
        int align = WasmInstructions.naturalAlignment(id);
        if (c.kind() == Lexer.KEYWORD && c.text().startsWith("align=")) {
            int at = c.offset();
            long a = keywordNumber("align=", 64);
            if (a == 0 || (a & (a - 1)) != 0) {
                throw c.error("alignment must be a power of two", at);
            }
            align = Long.numberOfTrailingZeros(a);
        }
        imm.u32(memory != 0 ? align | 0x40 : align);
        if (memory != 0) {
            imm.u32(memory);
        }
        imm.u64(offset);
        if (lane) {
            imm.byte_(lane());
        }
    }

    private long keywordNumber(String prefix, int bits) {
        String digits = c.text().substring(prefix.length());
        Long v = Numbers.unsigned(digits, bits);
        if (v == null) {
            throw c.error("i" + bits + " constant out of range");
        }
        c.advance();
        return v;
    }

    private int lane() {
        return (int) c.nat(8);
    }

    /** {@code select (result t*)*}: typed if it names results. */
    private void select(ByteSink out) {
        List<Integer> results = new ArrayList<>();
        boolean typed = c.atField("result");
        types.results(results);
        if (!typed) {
            out.byte_(0x1B);
            return;
        }
        out.byte_(0x1C);
        out.u32(results.size());
        for (int t : results) {
            out.valType(t);
        }
    }

    /**
     * The parts of a type use or block type, the named type checked against the inline signature.
     *
     * @param explicit the type index of {@code (type x)}, or null if none is named
     * @param params the inline parameter types
     * @param results the inline result types
     */
    record TypeUse(Integer explicit, List<Integer> params, List<Integer> results) {
    }

    /** Reads {@code (type x)?} {@code (param …)*} {@code (result …)*} (parameters unnamed). */
    TypeUse typeUseParts() {
        int at = c.offset();
        Integer explicit = cx.types.typeReference(c);
        List<Integer> params = new ArrayList<>();
        List<Integer> results = new ArrayList<>();
        while (c.atField("param")) {
            c.enterField("param");
            types.valTypes(params);
            c.expectRpar();
        }
        types.results(results);
        if (explicit != null) {
            code.checkExplicit(explicit, params, results, at);
        }
        return new TypeUse(explicit, params, results);
    }

    /** A type use (parameters unnamed). @return the type index, implied if none is named */
    int typeUse() {
        TypeUse use = typeUseParts();
        if (use.explicit() != null) {
            return use.explicit();
        }
        return cx.typeDefs.function(TypeParser.ints(use.params()), TypeParser.ints(use.results()));
    }

    // ---------------------------------------------------------------- constants

    private int f32() {
        if (!c.atNumber()) {
            throw c.unexpected();
        }
        Integer v = Numbers.f32(c.text());
        if (v == null) {
            throw c.error("constant out of range");
        }
        c.advance();
        return v;
    }

    private long f64() {
        if (!c.atNumber()) {
            throw c.unexpected();
        }
        Long v = Numbers.f64(c.text());
        if (v == null) {
            throw c.error("constant out of range");
        }
        c.advance();
        return v;
    }
}
