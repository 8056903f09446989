package dev.weft.decode;

import dev.weft.CustomSection;
import dev.weft.ExternKind;
import dev.weft.ExternType;
import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.MemoryType;
import dev.weft.TableType;
import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a WebAssembly 2.0 module binary (spec chapter 5) into a {@link DecodedModule}.
 *
 * <p>Every section is decoded except the instructions of function bodies, which stay in the binary
 * as {@link FunctionBody} extents for the validator; constant expressions are likewise kept as
 * {@link ConstExpr} extents once their end is found. Custom sections are kept in order; the
 * {@code name} section is also parsed into {@link NameSection} (and ignored if malformed).
 *
 * <p>Errors: bytes that are not a module throw {@link MalformedModuleException} with the spec test
 * suite's wording as the {@link MalformedModuleException#reason() reason} and the byte offset of
 * the problem. A function import whose type index is out of range is the only validation rule the
 * decoder checks ({@link InvalidModuleException}, "unknown type"), because {@link Import} carries
 * the resolved type. Nothing else escapes, whatever the bytes.
 *
 * <p>Implementation limits (those of the web engines, from the WebAssembly JavaScript API); a module
 * beyond one throws {@link UnsupportedFeatureException}:
 * <table>
 * <caption>Decoder limits</caption>
 * <tr><th>what</th><th>limit</th></tr>
 * <tr><td>types</td><td>{@value #MAX_TYPES}</td></tr>
 * <tr><td>parameters, results per function type</td><td>{@value #MAX_PARAMS}, {@value #MAX_RESULTS}</td></tr>
 * <tr><td>imports</td><td>{@value #MAX_IMPORTS}</td></tr>
 * <tr><td>exports</td><td>{@value #MAX_EXPORTS}</td></tr>
 * <tr><td>defined functions</td><td>{@value #MAX_FUNCTIONS}</td></tr>
 * <tr><td>tables, memories (imported and defined)</td><td>{@value #MAX_TABLES}, {@value #MAX_MEMORIES}</td></tr>
 * <tr><td>defined globals</td><td>{@value #MAX_GLOBALS}</td></tr>
 * <tr><td>element segments, data segments</td><td>{@value #MAX_ELEMENT_SEGMENTS}, {@value #MAX_DATA_SEGMENTS}</td></tr>
 * <tr><td>elements in one element segment</td><td>{@value #MAX_SEGMENT_ELEMENTS}</td></tr>
 * <tr><td>function body size in bytes</td><td>{@value #MAX_FUNCTION_BODY_BYTES}</td></tr>
 * </table>
 * Declared sizes (memory pages, table elements) are only numbers here and cost nothing.
 */
public final class ModuleDecoder {
    /** Maximum number of types in the type section. */
    public static final int MAX_TYPES = 1_000_000;
    /** Maximum number of parameters of one function type. */
    public static final int MAX_PARAMS = 1_000;
    /** Maximum number of results of one function type. */
    public static final int MAX_RESULTS = 1_000;
    /** Maximum number of imports. */
    public static final int MAX_IMPORTS = 100_000;
    /** Maximum number of exports. */
    public static final int MAX_EXPORTS = 100_000;
    /** Maximum number of functions defined in the module (function and code sections). */
    public static final int MAX_FUNCTIONS = 1_000_000;
    /** Maximum number of tables, imported ones included. */
    public static final int MAX_TABLES = 100_000;
    /** Maximum number of memories, imported ones included (WebAssembly 2.0 allows one; the validator says so). */
    public static final int MAX_MEMORIES = 100_000;
    /** Maximum number of globals defined in the module. */
    public static final int MAX_GLOBALS = 1_000_000;
    /** Maximum number of element segments. */
    public static final int MAX_ELEMENT_SEGMENTS = 100_000;
    /** Maximum number of data segments. */
    public static final int MAX_DATA_SEGMENTS = 100_000;
    /** Maximum number of elements in one element segment. */
    public static final int MAX_SEGMENT_ELEMENTS = 10_000_000;
    /** Maximum size of one function body in bytes, local declarations included. */
    public static final int MAX_FUNCTION_BODY_BYTES = 7_654_321;

    private static final int MAGIC = 0x6D736100; // "\0asm" little-endian
    private static final int VERSION = 1;

    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int MEMORY = 5;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int START = 8;
    private static final int ELEMENT = 9;
    private static final int CODE = 10;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;
    private static final int TAG = 13;

    /** Position of each non-custom section id in the required order (data count comes before code). */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

    private static final int[] NO_INTS = {};
    private static final FunctionType[] NO_TYPES = {};
    private static final TableType[] NO_TABLES = {};
    private static final MemoryType[] NO_MEMORIES = {};
    private static final GlobalType[] NO_GLOBALS = {};
    private static final ConstExpr[] NO_EXPRS = {};
    private static final Export[] NO_EXPORTS = {};
    private static final ElementSegment[] NO_ELEMENTS = {};
    private static final DataSegment[] NO_DATA = {};
    private static final FunctionBody[] NO_BODIES = {};
    private static final CustomSection[] NO_CUSTOM = {};

    private final byte[] bytes;
    private final ModuleReader in;

    private FunctionType[] types = NO_TYPES;
    private PendingImports imports = PendingImports.NONE;
    private int[] definedFunctionTypes = NO_INTS;
    private int functionCountAt = -1;
    private TableType[] definedTables = NO_TABLES;
    private MemoryType[] definedMemories = NO_MEMORIES;
    private GlobalType[] definedGlobals = NO_GLOBALS;
    private ConstExpr[] globalInits = NO_EXPRS;
    private Export[] exports = NO_EXPORTS;
    private int startFunction = -1;
    private ElementSegment[] elements = NO_ELEMENTS;
    private int dataCount = -1;
    private int dataCountAt = -1;
    private FunctionBody[] bodies = NO_BODIES;
    private int codeCountAt = -1;
    private DataSegment[] data = NO_DATA;
    private final List<CustomSection> customSections = new ArrayList<>();
    private NameSection names;
    /** Finds where constant expressions end; created on the first. */
    private InstructionReader constants;

    private ModuleDecoder(byte[] bytes) {
        this.bytes = bytes;
        this.in = new ModuleReader(bytes, 0);
    }

    /**
     * Decodes a module binary.
     *
     * @param bytes the module binary; the result keeps this array, so the caller must not change it
     * @return the decoded module (not yet validated)
     * @throws MalformedModuleException if the bytes are not a well-formed module
     * @throws UnsupportedFeatureException if the module exceeds an implementation limit
     * @throws InvalidModuleException if a function import names a type that does not exist
     */
    public static DecodedModule decode(byte[] bytes) {
        return new ModuleDecoder(bytes).module();
    }

    private DecodedModule module() {
        header();
        int lastOrder = 0;
        while (!in.atEnd()) {
            int idAt = in.pos();
            int id = in.u8();
            if (id > TAG) {
                throw ModuleReader.malformed("malformed section id", idAt);
            }
            if (id != CUSTOM) {
                if (ORDER[id] <= lastOrder) {
                    throw ModuleReader.malformed("unexpected content after last section", idAt);
                }
                lastOrder = ORDER[id];
            }
            int size = in.length();
            int start = in.pos();
            int end = start + size;
            section(id, end);
            if (in.pos() != end) {
                throw ModuleReader.malformed("section size mismatch", Math.min(in.pos(), end));
            }
        }
        return assemble();
    }

    private void header() {
        BinaryReader r = in.primitives();
        if (r.fixed32() != MAGIC) {
            throw ModuleReader.malformed("magic header not detected", 0);
        }
        if (r.fixed32() != VERSION) {
            throw ModuleReader.malformed("unknown binary version", 4);
        }
    }

    private void section(int id, int end) {
        switch (id) {
            case CUSTOM -> customSection(end);
            case TYPE -> typeSection();
            case IMPORT -> importSection();
            case FUNCTION -> functionSection();
            case TABLE -> tableSection();
            case MEMORY -> memorySection();
            case GLOBAL -> globalSection();
            case EXPORT -> exportSection();
            case START -> startFunction = in.index();
            case ELEMENT -> elementSection();
            case DATA_COUNT -> {
                dataCountAt = in.pos();
                int n = in.u32();
                dataCount = n < 0 ? Integer.MAX_VALUE : n; // never equals a real segment count then
            }
            case CODE -> codeSection();
            case DATA -> dataSection();
            case TAG -> tagSection();
            default -> throw new IllegalStateException("section id " + id); // excluded by the caller
        }
    }

    private void customSection(int end) {
        String name = in.name();
        int contentStart = in.pos();
        if (contentStart > end) {
            throw ModuleReader.malformed("unexpected end of section or function", end); // name overruns the section
        }
        in.skip(end - contentStart);
        customSections.add(new CustomSection(name, ByteBuffer.wrap(bytes, contentStart, end - contentStart).slice()));
        if (names == null && name.equals("name")) {
            names = NameSectionParser.parse(bytes, contentStart, end);
        }
    }

    /**
     * The type section of WebAssembly 3.0: recursion groups of subtypes of function, struct and
     * array types. The model holds function types; everything else is decoded (so that malformed
     * encodings are found) and noted as unsupported, with an empty function type in its place.
     */
    private void typeSection() {
        int n = in.count(MAX_TYPES, "types");
        List<FunctionType> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            if (in.primitives().peekU8() == 0x4E) {
                in.u8();
                int m = in.count(MAX_TYPES, "types");
                ModuleReader.checkLimit(list.size() + m, MAX_TYPES, "types", at);
                in.unsupported("recursive type groups (GC)", at);
                for (int k = 0; k < m; k++) {
                    list.add(subtype());
                }
            } else {
                list.add(subtype());
            }
        }
        types = list.toArray(NO_TYPES);
    }

    private FunctionType subtype() {
        int at = in.pos();
        int b = in.primitives().peekU8();
        if (b == 0x50 || b == 0x4F) {
            in.u8();
            in.unsupported("subtypes (GC)", at);
            int supers = in.count(MAX_TYPES, "supertypes");
            for (int k = 0; k < supers; k++) {
                in.index();
            }
        }
        int formAt = in.pos();
        int form = in.u8();
        switch (form) {
            case 0x60 -> {
                ValueType[] params = valueTypes(MAX_PARAMS, "parameters");
                ValueType[] results = valueTypes(MAX_RESULTS, "results");
                return FunctionType.of(params, results);
            }
            case 0x5F -> {
                int fields = in.count(MAX_TYPES, "fields");
                for (int k = 0; k < fields; k++) {
                    fieldType();
                }
            }
            case 0x5E -> fieldType();
            default -> throw ModuleReader.malformed(form >= 0x80 ? "integer representation too long"
                    : "malformed definition type", formAt);
        }
        in.unsupported("struct and array types (GC)", formAt);
        return FunctionType.of(new ValueType[0], new ValueType[0]);
    }

    private void fieldType() {
        int b = in.primitives().peekU8();
        if (b == TypeCodes.I8 || b == TypeCodes.I16) {
            in.u8();
        } else {
            in.valueType();
        }
        int at = in.pos();
        if (in.u8() > 1) {
            throw ModuleReader.malformed("malformed mutability", at);
        }
    }

    /** The tag section (exception handling): decoded, and noted as unsupported. */
    private void tagSection() {
        int n = in.count(MAX_IMPORTS, "tags");
        for (int i = 0; i < n; i++) {
            tagType();
        }
    }

    private void tagType() {
        int at = in.pos();
        if (in.u8() != 0x00) {
            throw ModuleReader.malformed("malformed tag attribute", at);
        }
        in.index();
        in.unsupported("tags (exception handling)", at);
    }

    private ValueType[] valueTypes(int max, String what) {
        int n = in.count(max, what);
        ValueType[] result = new ValueType[n];
        for (int i = 0; i < n; i++) {
            result[i] = in.valueType();
        }
        return result;
    }

    private void importSection() {
        int n = in.count(MAX_IMPORTS, "imports");
        imports = new PendingImports(n);
        for (int i = 0; i < n; i++) {
            String module = in.name();
            String name = in.name();
            int kindAt = in.pos();
            int kind = in.u8();
            switch (kind) {
                case 0x00 -> {
                    int typeAt = in.pos();
                    imports.addFunction(module, name, in.index(), typeAt);
                }
                case 0x01 -> imports.add(module, name, in.tableType());
                case 0x02 -> imports.add(module, name, in.memoryType());
                case 0x03 -> imports.add(module, name, in.globalType());
                case 0x04 -> tagType();
                default -> throw ModuleReader.malformed("malformed import kind", kindAt);
            }
        }
    }

    private void functionSection() {
        functionCountAt = in.pos();
        int n = in.count(MAX_FUNCTIONS, "functions");
        definedFunctionTypes = new int[n];
        for (int i = 0; i < n; i++) {
            definedFunctionTypes[i] = in.index();
        }
    }

    private void tableSection() {
        int at = in.pos();
        int n = in.count(MAX_TABLES, "tables");
        ModuleReader.checkLimit(n + imports.tableCount, MAX_TABLES, "tables", at);
        definedTables = new TableType[n];
        for (int i = 0; i < n; i++) {
            int tableAt = in.pos();
            boolean initialised = in.primitives().peekU8() == 0x40;
            if (initialised) {
                // WebAssembly 3.0: 0x40 0x00, the table type, then an initialiser expression
                in.u8();
                if (in.u8() != 0x00) {
                    throw ModuleReader.malformed("malformed table", tableAt + 1);
                }
                in.unsupported("tables with an initialiser expression", tableAt);
            }
            definedTables[i] = in.tableType();
            if (initialised) {
                constExpr();
            }
        }
    }

    private void memorySection() {
        int at = in.pos();
        int n = in.count(MAX_MEMORIES, "memories");
        ModuleReader.checkLimit(n + imports.memoryCount, MAX_MEMORIES, "memories", at);
        definedMemories = new MemoryType[n];
        for (int i = 0; i < n; i++) {
            definedMemories[i] = in.memoryType();
        }
    }

    private void globalSection() {
        int n = in.count(MAX_GLOBALS, "globals");
        definedGlobals = new GlobalType[n];
        globalInits = new ConstExpr[n];
        for (int i = 0; i < n; i++) {
            definedGlobals[i] = in.globalType();
            globalInits[i] = constExpr();
        }
    }

    private ConstExpr constExpr() {
        BinaryReader r = in.primitives();
        int start = r.pos();
        if (constants == null) {
            constants = new InstructionReader(r.bytes());
        }
        int end = constants.readExpression(start, r.limit(), CodeReader.SKIP);
        r.pos(end);
        return new ConstExpr(start, end - start);
    }

    private void exportSection() {
        int n = in.count(MAX_EXPORTS, "exports");
        exports = new Export[n];
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int kindAt = in.pos();
            ExternKind kind = switch (in.u8()) {
                case 0x00 -> ExternKind.FUNCTION;
                case 0x01 -> ExternKind.TABLE;
                case 0x02 -> ExternKind.MEMORY;
                case 0x03 -> ExternKind.GLOBAL;
                case 0x04 -> {
                    in.unsupported("tags (exception handling)", kindAt);
                    yield ExternKind.GLOBAL; // a placeholder: the module is unsupported
                }
                default -> throw ModuleReader.malformed("malformed export kind", kindAt);
            };
            exports[i] = new Export(name, kind, in.index());
        }
    }

    private void elementSection() {
        int n = in.count(MAX_ELEMENT_SEGMENTS, "element segments");
        elements = new ElementSegment[n];
        for (int i = 0; i < n; i++) {
            elements[i] = elementSegment();
        }
    }

    /*
     * Flags: bit 0 = passive or declarative (else active), bit 1 = declarative if bit 0 is set,
     * else an explicit table index; bit 2 = items are expressions (else function indices).
     */
    private ElementSegment elementSegment() {
        int at = in.pos();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw ModuleReader.malformed("malformed elements segment kind", at);
        }
        SegmentMode mode = (flags & 1) == 0 ? SegmentMode.ACTIVE
                : (flags & 2) == 0 ? SegmentMode.PASSIVE : SegmentMode.DECLARATIVE;
        int table = 0;
        ConstExpr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            if ((flags & 2) != 0) {
                table = in.index();
            }
            offset = constExpr();
        }
        boolean expressions = (flags & 4) != 0;
        ValueType type = ValueType.FUNCREF;
        if (flags != 0 && flags != 4) { // all but the two shortest forms say the type
            type = expressions ? in.referenceType() : elementKind();
        }
        int count = in.count(MAX_SEGMENT_ELEMENTS, "elements in a segment");
        if (expressions) {
            ConstExpr[] items = new ConstExpr[count];
            for (int k = 0; k < count; k++) {
                items[k] = constExpr();
            }
            return new ElementSegment(mode, table, offset, type, null, items, at);
        }
        int[] functions = new int[count];
        for (int k = 0; k < count; k++) {
            functions[k] = in.index();
        }
        return new ElementSegment(mode, table, offset, type, functions, null, at);
    }

    private ValueType elementKind() {
        int at = in.pos();
        if (in.u8() != 0x00) {
            throw ModuleReader.malformed("malformed element kind", at);
        }
        return ValueType.FUNCREF;
    }

    private void codeSection() {
        codeCountAt = in.pos();
        int n = in.count(MAX_FUNCTIONS, "functions");
        bodies = new FunctionBody[n];
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            int size = in.length();
            ModuleReader.checkLimit(size, MAX_FUNCTION_BODY_BYTES, "bytes in a function body", at);
            bodies[i] = new FunctionBody(in.pos(), size);
            in.skip(size);
        }
    }

    private void dataSection() {
        int n = in.count(MAX_DATA_SEGMENTS, "data segments");
        data = new DataSegment[n];
        for (int i = 0; i < n; i++) {
            int at = in.pos();
            int flags = in.u32();
            SegmentMode mode;
            int memory = 0;
            ConstExpr offset = null;
            switch (flags) {
                case 0 -> {
                    mode = SegmentMode.ACTIVE;
                    offset = constExpr();
                }
                case 1 -> mode = SegmentMode.PASSIVE;
                case 2 -> {
                    mode = SegmentMode.ACTIVE;
                    memory = in.index();
                    offset = constExpr();
                }
                default -> throw ModuleReader.malformed("malformed data segment kind", at);
            }
            int length = in.length();
            int dataOffset = in.pos();
            in.skip(length);
            data[i] = new DataSegment(mode, memory, offset, dataOffset, length, at);
        }
    }

    private DecodedModule assemble() {
        if (definedFunctionTypes.length != bodies.length) {
            int at = codeCountAt >= 0 ? codeCountAt : functionCountAt;
            throw ModuleReader.malformed("function and code section have inconsistent lengths", at);
        }
        if (dataCount >= 0 && dataCount != data.length) {
            throw ModuleReader.malformed("data count and data section have inconsistent lengths", dataCountAt);
        }
        if (in.unsupported != null) {
            throw in.unsupported;
        }
        Import[] resolvedImports = imports.resolve(types);
        int[] functionTypes = concat(imports.functionTypes(), definedFunctionTypes);
        TableType[] tables = concat(imports.tables(), definedTables);
        MemoryType[] memories = concat(imports.memories(), definedMemories);
        GlobalType[] globals = concat(imports.globals(), definedGlobals);
        return new DecodedModule(bytes, types, resolvedImports, functionTypes, imports.functionCount, tables,
                imports.tableCount, memories, imports.memoryCount, globals, imports.globalCount, globalInits,
                exports, startFunction, elements, data, dataCount, bodies,
                customSections.isEmpty() ? NO_CUSTOM : customSections.toArray(NO_CUSTOM),
                names != null ? names : NameSection.EMPTY);
    }

    private static int[] concat(int[] first, int[] second) {
        if (first.length == 0) {
            return second;
        }
        int[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static <T> T[] concat(T[] first, T[] second) {
        if (first.length == 0) {
            return second;
        }
        T[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /**
     * The import section as read, counted by kind for the index spaces. Function imports are
     * resolved to their types only when the whole module is decoded, so that a malformed later
     * section is reported as malformed rather than as an invalid type index.
     */
    private static final class PendingImports {
        static final PendingImports NONE = new PendingImports(0);

        private final String[] modules;
        private final String[] names;
        private final ExternType[] types; // null for function imports
        private final int[] typeIndices; // function imports only
        private final int[] typeIndexOffsets; // function imports only, for the error
        private int count;
        int functionCount;
        int tableCount;
        int memoryCount;
        int globalCount;

        PendingImports(int capacity) {
            modules = new String[capacity];
            names = new String[capacity];
            types = new ExternType[capacity];
            typeIndices = new int[capacity];
            typeIndexOffsets = new int[capacity];
        }

        void addFunction(String module, String name, int typeIndex, int typeIndexAt) {
            typeIndices[count] = typeIndex;
            typeIndexOffsets[count] = typeIndexAt;
            functionCount++;
            addEntry(module, name, null);
        }

        void add(String module, String name, TableType type) {
            tableCount++;
            addEntry(module, name, type);
        }

        void add(String module, String name, MemoryType type) {
            memoryCount++;
            addEntry(module, name, type);
        }

        void add(String module, String name, GlobalType type) {
            globalCount++;
            addEntry(module, name, type);
        }

        private void addEntry(String module, String name, ExternType type) {
            modules[count] = module;
            names[count] = name;
            types[count] = type;
            count++;
        }

        Import[] resolve(FunctionType[] moduleTypes) {
            Import[] result = new Import[count];
            for (int i = 0; i < count; i++) {
                if (types[i] != null) {
                    result[i] = new Import(modules[i], names[i], types[i], -1);
                    continue;
                }
                int typeIndex = typeIndices[i];
                if (typeIndex >= moduleTypes.length) {
                    throw new InvalidModuleException("unknown type " + typeIndex, typeIndexOffsets[i]);
                }
                result[i] = new Import(modules[i], names[i], moduleTypes[typeIndex], typeIndex);
            }
            return result;
        }

        int[] functionTypes() {
            int[] result = new int[functionCount];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (types[i] == null) {
                    result[k++] = typeIndices[i];
                }
            }
            return result;
        }

        TableType[] tables() {
            return collect(TableType.class, new TableType[tableCount]);
        }

        MemoryType[] memories() {
            return collect(MemoryType.class, new MemoryType[memoryCount]);
        }

        GlobalType[] globals() {
            return collect(GlobalType.class, new GlobalType[globalCount]);
        }

        private <T extends ExternType> T[] collect(Class<T> kind, T[] result) {
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (kind.isInstance(types[i])) {
                    result[k++] = kind.cast(types[i]);
                }
            }
            return result;
        }
    }
}
