package dev.weft.text;

import dev.weft.InvalidModuleException;
import dev.weft.decode.TypeCodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles module fields other than types (the second pass of {@link ModuleParser}), with every
 * abbreviation of the text format: inline imports and exports, type uses with inline signatures,
 * tables with inline elements, memories with inline data, offsets and element items as folded
 * expressions.
 */
final class FieldParser {
    private final Cursor c;
    private final TextContext cx;
    private final ModuleWriter w;
    private final TypeParser types;
    private final InstructionParser code;
    private final Segments segments;
    /** Byte ranges of the fields compiled, where no {@code @custom} annotation may be. */
    private final List<int[]> spans = new ArrayList<>();
    private int funcs;
    private int tables;
    private int memories;
    private int globals;
    private int tags;

    FieldParser(Cursor c, TextContext cx, ModuleWriter w) {
        this.c = c;
        this.cx = cx;
        this.w = w;
        this.types = new TypeParser(c, cx);
        this.code = new InstructionParser(c, cx, types);
        this.segments = new Segments(c, cx, w, types, code);
    }

    TypeParser types() {
        return types;
    }

    List<int[]> spans() {
        return spans;
    }

    /** Compiles the field at the cursor (a type field is skipped: types come first). */
    void field() {
        int start = c.offset();
        String kw = c.text(1);
        switch (kw) {
            case "type", "rec" -> c.skipGroup();
            case "func" -> func();
            case "table" -> table();
            case "memory" -> memory();
            case "global" -> global();
            case "tag" -> tag();
            case "import" -> importField();
            case "export" -> exportField();
            case "start" -> start();
            case "elem" -> segments.elem();
            case "data" -> segments.data();
            default -> throw c.unexpected();
        }
        spans.add(new int[] {start, c.previousEnd()});
    }

    // ---------------------------------------------------------------- functions

    private void func() {
        c.enterField("func");
        c.optionalId();
        int index = funcs++;
        exports(0, index);
        if (c.atField("import")) {
            importHeader();
            int type = typeUse(null);
            w.imports.byte_(0x00);
            w.imports.u32(type);
            c.expectRpar();
            return;
        }
        IndexSpace locals = new IndexSpace("local");
        int type = typeUse(locals);
        w.functions.u32(type);
        w.functionCount++;
        ByteSink body = new ByteSink();
        locals(body, locals);
        code.body(body, locals);
        c.expectRpar();
        w.code.u32(body.size());
        w.code.append(body);
    }

    /**
     * A type use {@code (type x)?} with inline {@code (param …)*} {@code (result …)*}.
     *
     * @param locals where parameter identifiers are bound, or null for an import
     * @return the type index (an implied function type if none is named)
     */
    private int typeUse(IndexSpace locals) {
        int at = c.offset();
        Integer reference = cx.types.typeReference(c);
        boolean named = reference != null;
        int explicit = named ? reference : 0;
        List<Integer> params = new ArrayList<>();
        List<Integer> results = new ArrayList<>();
        types.signature(params, results, locals);
        if (!named) {
            return cx.typeDefs.function(TypeParser.ints(params), TypeParser.ints(results));
        }
        code.checkExplicit(explicit, params, results, at);
        if (locals != null && params.isEmpty() && cx.typeDefs.isFunction(explicit)) {
            locals.add(cx.typeDefs.get(explicit).params().length);
        }
        return explicit;
    }

    /** {@code (local $x? t*)*}: binds the identifiers and writes the declarations, equal types grouped. */
    private void locals(ByteSink body, IndexSpace names) {
        List<Integer> all = new ArrayList<>();
        while (c.atField("local")) {
            c.enterField("local");
            if (c.atId()) {
                int at = c.offset();
                String name = c.id();
                all.add(types.valType());
                names.bind(name, c, at);
            } else {
                int before = all.size();
                types.valTypes(all);
                names.add(all.size() - before);
            }
            c.expectRpar();
        }
        ByteSink groups = new ByteSink();
        int count = 0;
        for (int i = 0; i < all.size(); ) {
            int j = i;
            while (j < all.size() && all.get(j).equals(all.get(i))) {
                j++;
            }
            groups.u32(j - i);
            groups.valType(all.get(i));
            count++;
            i = j;
        }
        body.u32(count);
        body.append(groups);
    }

    // ---------------------------------------------------------------- tables, memories, globals, tags

    private void table() {
        c.enterField("table");
        c.optionalId();
        int index = tables++;
        exports(1, index);
        if (c.atField("import")) {
            importHeader();
            w.imports.byte_(0x01);
            tableType(w.imports);
            c.expectRpar();
            return;
        }
        boolean is64 = addressType();
        if (types.atValType()) {
            // (table reftype (elem …)): sized to its elements, which an active segment puts at 0
            int rt = types.refType();
            c.enterField("elem");
            int n = segments.inlineElements(index, rt, is64);
            c.expectRpar();
            w.tables.valType(rt);
            limits(w.tables, n, n, is64, false, -1);
            w.tableCount++;
            c.expectRpar();
            return;
        }
        ByteSink type = new ByteSink();
        tableTypeAfterAddress(type, is64);
        if (!c.atRpar()) {
            w.tables.byte_(0x40);
            w.tables.byte_(0x00);
            w.tables.append(type);
            code.expression(w.tables);
        } else {
            w.tables.append(type);
        }
        w.tableCount++;
        c.expectRpar();
    }

    private void tableType(ByteSink out) {
        tableTypeAfterAddress(out, addressType());
    }

    private void tableTypeAfterAddress(ByteSink out, boolean is64) {
        int at = c.offset();
        long min = c.nat(64);
        long max = c.atNat() ? c.nat(64) : -1;
        fitsAddressType(min, max, is64, "table size", at);
        int rt = types.refType();
        out.valType(rt);
        limits(out, min, max, is64, false, -1);
    }

    private void memory() {
        c.enterField("memory");
        c.optionalId();
        int index = memories++;
        exports(2, index);
        if (c.atField("import")) {
            importHeader();
            w.imports.byte_(0x02);
            memoryType(w.imports);
            c.expectRpar();
            return;
        }
        int mark = c.pos();
        boolean is64 = addressType();
        int pageSizeLog2 = pageSize();
        if (c.atField("data")) {
            // (memory (data "…")): sized to its data, which an active segment puts at 0
            c.enterField("data");
            long size = segments.inlineData(index, is64);
            c.expectRpar();
            long pageBytes = pageSizeLog2 < 0 ? 65536 : 1L << pageSizeLog2;
            long pages = (size + pageBytes - 1) / pageBytes;
            limits(w.memories, pages, pages, is64, false, pageSizeLog2);
        } else {
            c.pos(mark);
            memoryType(w.memories);
        }
        w.memoryCount++;
        c.expectRpar();
    }

    private void memoryType(ByteSink out) {
        boolean is64 = addressType();
        int at = c.offset();
        long min = c.nat(64);
        long max = c.atNat() ? c.nat(64) : -1;
        fitsAddressType(min, max, is64, "memory size", at);
        boolean shared = false;
        if (c.isKeyword("shared")) {
            c.advance();
            shared = true;
        }
        limits(out, min, max, is64, shared, pageSize());
    }

    /**
     * Limits of a 32-bit table or memory beyond 2^32 - 1 parse as text but have no binary encoding
     * (a {@code u32}); the reference interpreter rejects them in validation, and so does Weft, here,
     * with the spec's wording. (-1 is "no maximum".)
     */
    private static void fitsAddressType(long min, long max, boolean is64, String reason, int at) {
        if (!is64 && (Long.compareUnsigned(min, 0xFFFF_FFFFL) > 0
                || (max != -1 && Long.compareUnsigned(max, 0xFFFF_FFFFL) > 0))) {
            throw new InvalidModuleException(reason + " must be at most 2^32 - 1 for a 32-bit address type", at);
        }
    }

    /** {@code (pagesize N)} (custom page sizes). @return log2 of the page size, or -1 if none is given */
    private int pageSize() {
        if (!c.atField("pagesize")) {
            return -1;
        }
        c.enterField("pagesize");
        int at = c.offset();
        long size = c.nat(64);
        if (size == 0 || (size & (size - 1)) != 0) {
            throw c.error("invalid custom page size", at);
        }
        c.expectRpar();
        return Long.numberOfTrailingZeros(size);
    }

    /** {@code i32}/{@code i64} before limits: the address type. @return true for 64-bit */
    private boolean addressType() {
        if (c.isKeyword("i64")) {
            c.advance();
            return true;
        }
        if (c.isKeyword("i32")) {
            c.advance();
        }
        return false;
    }

    static void limits(ByteSink out, long min, long max, boolean is64, boolean shared, int pageSizeLog2) {
        out.byte_((max >= 0 ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0) | (pageSizeLog2 >= 0 ? 8 : 0));
        out.u64(min);
        if (max >= 0) {
            out.u64(max);
        }
        if (pageSizeLog2 >= 0) {
            out.u32(pageSizeLog2);
        }
    }

    private void global() {
        c.enterField("global");
        c.optionalId();
        int index = globals++;
        exports(3, index);
        if (c.atField("import")) {
            importHeader();
            w.imports.byte_(0x03);
            globalType(w.imports);
            c.expectRpar();
            return;
        }
        globalType(w.globals);
        code.expression(w.globals);
        w.globalCount++;
        c.expectRpar();
    }

    private void globalType(ByteSink out) {
        if (c.atField("mut")) {
            c.enterField("mut");
            out.valType(types.valType());
            out.byte_(1);
            c.expectRpar();
        } else {
            out.valType(types.valType());
            out.byte_(0);
        }
    }

    private void tag() {
        c.enterField("tag");
        c.optionalId();
        int index = tags++;
        exports(4, index);
        if (c.atField("import")) {
            importHeader();
            w.imports.byte_(0x04);
            w.imports.byte_(0x00);
            w.imports.u32(typeUse(null));
            c.expectRpar();
            return;
        }
        w.tags.byte_(0x00);
        w.tags.u32(typeUse(null));
        w.tagCount++;
        c.expectRpar();
    }

    // ---------------------------------------------------------------- imports, exports, start

    /** {@code (import "m" "n")} of a field: writes the names and counts the import. */
    private void importHeader() {
        c.enterField("import");
        w.imports.name(c.name());
        w.imports.name(c.name());
        c.expectRpar();
        w.importCount++;
    }

    private void importField() {
        c.enterField("import");
        String module = c.name();
        String name = c.name();
        w.imports.name(module);
        w.imports.name(name);
        w.importCount++;
        c.expectLpar();
        String kind = c.keyword();
        c.optionalId();
        switch (kind) {
            case "func" -> {
                funcs++;
                w.imports.byte_(0x00);
                w.imports.u32(typeUse(null));
            }
            case "table" -> {
                tables++;
                w.imports.byte_(0x01);
                tableType(w.imports);
            }
            case "memory" -> {
                memories++;
                w.imports.byte_(0x02);
                memoryType(w.imports);
            }
            case "global" -> {
                globals++;
                w.imports.byte_(0x03);
                globalType(w.imports);
            }
            default -> {
                tags++;
                w.imports.byte_(0x04);
                w.imports.byte_(0x00);
                w.imports.u32(typeUse(null));
            }
        }
        c.expectRpar();
        c.expectRpar();
    }

    /** Inline {@code (export "n")*} of a field. */
    private void exports(int kind, int index) {
        while (c.atField("export")) {
            c.enterField("export");
            w.exports.name(c.name());
            w.exports.byte_(kind);
            w.exports.u32(index);
            w.exportCount++;
            c.expectRpar();
        }
    }

    private void exportField() {
        c.enterField("export");
        w.exports.name(c.name());
        c.expectLpar();
        String kind = c.keyword();
        IndexSpace space;
        int code;
        switch (kind) {
            case "func" -> {
                space = cx.funcs;
                code = 0;
            }
            case "table" -> {
                space = cx.tables;
                code = 1;
            }
            case "memory" -> {
                space = cx.memories;
                code = 2;
            }
            case "global" -> {
                space = cx.globals;
                code = 3;
            }
            case "tag" -> {
                space = cx.tags;
                code = 4;
            }
            default -> {
                c.pos(c.pos() - 1);
                throw c.unexpected();
            }
        }
        w.exports.byte_(code);
        w.exports.u32(space.resolve(c));
        w.exportCount++;
        c.expectRpar();
        c.expectRpar();
    }

    private void start() {
        int at = c.offset();
        c.enterField("start");
        int f = cx.funcs.resolve(c);
        c.expectRpar();
        if (w.start >= 0) {
            throw c.error("multiple start sections", at);
        }
        w.start = f;
    }

    /** @return whether a table with this reference type holds functions (for element encodings) */
    static boolean isFuncRef(int rt) {
        return TypeCodes.heapType(rt) == TypeCodes.FUNC;
    }
}
