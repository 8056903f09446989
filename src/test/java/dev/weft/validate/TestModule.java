package dev.weft.validate;

import dev.weft.CustomSection;
import dev.weft.ExternKind;
import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.Limits;
import dev.weft.MemoryType;
import dev.weft.TableType;
import dev.weft.ValueType;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.DataSegment;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ElementSegment;
import dev.weft.decode.Export;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.Import;
import dev.weft.decode.NameSection;
import dev.weft.decode.SegmentMode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link DecodedModule}s for validator tests without going through the decoder: function
 * bodies and constant expressions are given as raw bytes and laid out in one byte array, the
 * rest is given as model objects. Indices are not checked, so invalid modules can be built.
 */
final class TestModule {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<FunctionType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private int importedFunctions;
    private final List<TableType> tables = new ArrayList<>();
    private int importedTables;
    private final List<MemoryType> memories = new ArrayList<>();
    private int importedMemories;
    private final List<GlobalType> globals = new ArrayList<>();
    private int importedGlobals;
    private final List<ConstExpr> globalInits = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private int start = -1;
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private int dataCount = -1;
    private final List<FunctionBody> bodies = new ArrayList<>();

    TestModule() {
        // a module binary starts with its header; offsets then look realistic
        bytes.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    }

    /** Adds a function type and returns its index. */
    int type(ValueType[] params, ValueType[] results) {
        types.add(FunctionType.of(params, results));
        return types.size() - 1;
    }

    /** Adds the function type {@code [] -> []} and returns its index. */
    int type() {
        return type(new ValueType[0], new ValueType[0]);
    }

    /** Adds a function type {@code [] -> results} and returns its index. */
    int typeReturning(ValueType... results) {
        return type(new ValueType[0], results);
    }

    static ValueType[] params(ValueType... ts) {
        return ts;
    }

    TestModule importFunction(int type) {
        imports.add(new Import("env", "f" + imports.size(), type < types.size() ? types.get(type) : null, type));
        functionTypes.add(importedFunctions, type);
        importedFunctions++;
        return this;
    }

    TestModule importGlobal(ValueType t, boolean mutable) {
        GlobalType g = new GlobalType(t, mutable);
        imports.add(new Import("env", "g" + imports.size(), g, -1));
        globals.add(importedGlobals++, g);
        return this;
    }

    TestModule importMemory(long min, long max) {
        MemoryType mt = new MemoryType(max < 0 ? Limits.of(min) : Limits.of(min, max));
        imports.add(new Import("env", "m" + imports.size(), mt, -1));
        memories.add(importedMemories++, mt);
        return this;
    }

    TestModule importTable(ValueType t, long min) {
        TableType tt = new TableType(t, Limits.of(min));
        imports.add(new Import("env", "t" + imports.size(), tt, -1));
        tables.add(importedTables++, tt);
        return this;
    }

    /** Adds a function; {@code body} is the whole body: local declarations, code, final end. */
    TestModule func(int type, byte[] body) {
        functionTypes.add(type);
        bodies.add(new FunctionBody(append(body), body.length));
        return this;
    }

    /** Adds a function without locals; {@code code} is its instructions including the final end. */
    TestModule code(int type, int... code) {
        return func(type, Bytes.concat(new byte[] {0}, Bytes.of(code)));
    }

    TestModule memory(long min, long max) {
        memories.add(new MemoryType(max < 0 ? Limits.of(min) : Limits.of(min, max)));
        return this;
    }

    TestModule table(ValueType t, long min, long max) {
        tables.add(new TableType(t, max < 0 ? Limits.of(min) : Limits.of(min, max)));
        return this;
    }

    /** Adds a global; {@code init} is its constant expression including the final end. */
    TestModule global(ValueType t, boolean mutable, int... init) {
        globals.add(new GlobalType(t, mutable));
        globalInits.add(constExpr(init));
        return this;
    }

    TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    TestModule start(int function) {
        start = function;
        return this;
    }

    /** An element segment given as function indices (binary encodings 0-3). */
    TestModule elemFunctions(SegmentMode mode, int table, int[] offset, int... functions) {
        int at = bytes.size();
        elements.add(new ElementSegment(mode, table, mode == SegmentMode.ACTIVE ? constExpr(offset) : null,
                ValueType.FUNCREF, functions, null, at));
        return this;
    }

    /** An element segment given as expressions (binary encodings 4-7). */
    TestModule elemExprs(SegmentMode mode, int table, int[] offset, ValueType type, int[]... items) {
        int at = bytes.size();
        ConstExpr off = mode == SegmentMode.ACTIVE ? constExpr(offset) : null;
        ConstExpr[] es = new ConstExpr[items.length];
        for (int i = 0; i < items.length; i++) {
            es[i] = constExpr(items[i]);
        }
        elements.add(new ElementSegment(mode, table, off, type, null, es, at));
        return this;
    }

    TestModule activeData(int memory, int[] offset, int length) {
        int at = bytes.size();
        ConstExpr off = constExpr(offset);
        data.add(new DataSegment(SegmentMode.ACTIVE, memory, off, append(new byte[length]), length, at));
        return this;
    }

    TestModule passiveData(int length) {
        int at = bytes.size();
        data.add(new DataSegment(SegmentMode.PASSIVE, 0, null, append(new byte[length]), length, at));
        return this;
    }

    TestModule dataCount(int n) {
        dataCount = n;
        return this;
    }

    private ConstExpr constExpr(int[] code) {
        byte[] b = Bytes.of(code);
        return new ConstExpr(append(b), b.length);
    }

    private int append(byte[] b) {
        int at = bytes.size();
        bytes.writeBytes(b);
        return at;
    }

    DecodedModule build() {
        int[] ft = functionTypes.stream().mapToInt(Integer::intValue).toArray();
        return new DecodedModule(bytes.toByteArray(), types.toArray(FunctionType[]::new), imports.toArray(Import[]::new),
                ft, importedFunctions, tables.toArray(TableType[]::new), importedTables,
                memories.toArray(MemoryType[]::new), importedMemories, globals.toArray(GlobalType[]::new),
                importedGlobals, globalInits.toArray(ConstExpr[]::new), exports.toArray(Export[]::new), start,
                elements.toArray(ElementSegment[]::new), data.toArray(DataSegment[]::new), dataCount,
                bodies.toArray(FunctionBody[]::new), new CustomSection[0], NameSection.EMPTY);
    }
}
