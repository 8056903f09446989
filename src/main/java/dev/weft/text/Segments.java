package dev.weft.text;

import dev.weft.decode.TypeCodes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Element and data segments: their fields ({@code elem}, {@code data}), the inline segments of
 * table and memory abbreviations, and their binary encodings (the compact ones where they apply,
 * as the reference interpreter chooses them).
 */
final class Segments {
    private final Cursor c;
    private final TextContext cx;
    private final ModuleWriter w;
    private final TypeParser types;
    private final InstructionParser code;

    Segments(Cursor c, TextContext cx, ModuleWriter w, TypeParser types, InstructionParser code) {
        this.c = c;
        this.cx = cx;
        this.w = w;
        this.types = types;
        this.code = code;
    }

    // ---------------------------------------------------------------- element segments

    private static final int PASSIVE = 0;
    private static final int ACTIVE = 1;
    private static final int DECLARATIVE = 2;

    void elem() {
        c.enterField("elem");
        c.optionalId();
        int mode = PASSIVE;
        int table = 0;
        byte[] offset = null;
        if (c.isKeyword("declare")) {
            c.advance();
            mode = DECLARATIVE;
        } else if (c.atField("table")) {
            c.enterField("table");
            table = cx.tables.resolve(c);
            c.expectRpar();
            mode = ACTIVE;
            offset = offset();
        } else if (c.atNat() && c.kind(1) == Lexer.LPAR) {
            // the older abbreviation (elem tableidx offset …), still used by proposals' tests
            table = c.nat32();
            mode = ACTIVE;
            offset = offset();
        } else if (c.atLpar() && !c.atField("ref")) {
            mode = ACTIVE;
            offset = offset();
        }
        int rt;
        List<byte[]> items = new ArrayList<>();
        boolean indices;
        if (c.isKeyword("func")) {
            c.advance();
            rt = TypeCodes.ref(TypeCodes.FUNC, false);
            indices = true;
            functionIndices(items);
        } else if (mode == ACTIVE && (IndexSpace.at(c) || c.atRpar()) && !c.atLpar()) {
            // (elem offset funcidx*): the abbreviation of func indices
            rt = TypeCodes.ref(TypeCodes.FUNC, false);
            indices = true;
            functionIndices(items);
        } else {
            rt = types.refType();
            indices = false;
            while (!c.atRpar()) {
                items.add(item());
            }
        }
        c.expectRpar();
        encode(mode, table, offset, rt, items, indices);
    }

    /**
     * The elements of {@code (table … reftype (elem …))}: an active segment at offset 0.
     *
     * @return the number of elements
     */
    int inlineElements(int table, int rt, boolean is64) {
        List<byte[]> items = new ArrayList<>();
        boolean indices = IndexSpace.at(c) || c.atRpar();
        if (indices) {
            functionIndices(items);
        } else {
            while (!c.atRpar()) {
                items.add(item());
            }
        }
        ByteSink zero = new ByteSink();
        zero.byte_(is64 ? 0x42 : 0x41);
        zero.byte_(0);
        zero.byte_(0x0B);
        encode(ACTIVE, table, zero.toByteArray(), rt, items, indices);
        return items.size();
    }

    private void functionIndices(List<byte[]> items) {
        while (IndexSpace.at(c)) {
            ByteSink b = new ByteSink();
            b.u32(cx.funcs.resolve(c));
            items.add(b.toByteArray());
        }
    }

    /** {@code (item instr*)} or one folded instruction: a constant expression with its end. */
    private byte[] item() {
        ByteSink b = new ByteSink();
        if (c.atField("item")) {
            c.enterField("item");
            code.expression(b);
            c.expectRpar();
        } else {
            code.foldedExpression(b);
        }
        return b.toByteArray();
    }

    /** {@code (offset instr*)} or one folded instruction. */
    private byte[] offset() {
        if (c.atField("offset")) {
            ByteSink b = new ByteSink();
            c.enterField("offset");
            code.expression(b);
            c.expectRpar();
            return b.toByteArray();
        }
        return item();
    }

    private void encode(int mode, int table, byte[] offset, int rt, List<byte[]> items, boolean indices) {
        ByteSink out = w.elements;
        boolean funcKind = rt == TypeCodes.ref(TypeCodes.FUNC, false) && indices;
        switch (mode) {
            case PASSIVE -> out.u32(funcKind ? 1 : 5);
            case DECLARATIVE -> out.u32(funcKind ? 3 : 7);
            default -> {
                if (table == 0 && funcKind) {
                    out.u32(0);
                } else if (funcKind) {
                    out.u32(2);
                    out.u32(table);
                } else if (table == 0 && rt == TypeCodes.FUNCREF) {
                    out.u32(4);
                } else {
                    out.u32(6);
                    out.u32(table);
                }
                out.bytes(offset);
            }
        }
        if (funcKind) {
            if (mode != ACTIVE || table != 0) {
                out.byte_(0x00); // elemkind func
            }
            out.u32(items.size());
            for (byte[] item : items) {
                out.bytes(item);
            }
        } else {
            if (!(mode == ACTIVE && table == 0 && rt == TypeCodes.FUNCREF)) {
                out.valType(rt);
            }
            out.u32(items.size());
            for (byte[] item : items) {
                if (indices) {
                    out.byte_(0xD2); // ref.func x end
                    out.bytes(item);
                    out.byte_(0x0B);
                } else {
                    out.bytes(item);
                }
            }
        }
        w.elementCount++;
    }

    // ---------------------------------------------------------------- data segments

    void data() {
        c.enterField("data");
        c.optionalId();
        ByteSink out = w.data;
        if (c.atString() || c.atRpar()) {
            out.u32(1);
        } else {
            int memory = 0;
            if (c.atField("memory")) {
                c.enterField("memory");
                memory = cx.memories.resolve(c);
                c.expectRpar();
            }
            byte[] offset = offset();
            if (memory == 0) {
                out.u32(0);
            } else {
                out.u32(2);
                out.u32(memory);
            }
            out.bytes(offset);
        }
        out.vector(strings());
        c.expectRpar();
        w.dataCount++;
    }

    /**
     * The bytes of {@code (memory … (data "…"*))}: an active segment at offset 0.
     *
     * @return their number
     */
    long inlineData(int memory, boolean is64) {
        byte[] bytes = strings();
        ByteSink out = w.data;
        if (memory == 0) {
            out.u32(0);
        } else {
            out.u32(2);
            out.u32(memory);
        }
        out.byte_(is64 ? 0x42 : 0x41);
        out.byte_(0);
        out.byte_(0x0B);
        out.vector(bytes);
        w.dataCount++;
        return bytes.length;
    }

    private byte[] strings() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (c.atString()) {
            b.writeBytes(c.string());
        }
        return b.toByteArray();
    }
}
