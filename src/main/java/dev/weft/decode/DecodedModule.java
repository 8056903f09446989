package dev.weft.decode;

import dev.weft.CustomSection;
import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.MemoryType;
import dev.weft.TableType;

/**
 * A module as the binary format describes it, after decoding and before validation.
 * Every index space lists imports first, then the module's own definitions, as the spec
 * numbers them. Function bodies, constant expressions and data stay in {@link #bytes}
 * as offsets: nothing a module merely declares is allocated here.
 *
 * <p>Indices the decoder stores (type indices, export and start indices, element function
 * indices, segment table/memory indices) are u32 in the binary; values of 2^31 and above can never
 * be valid and are stored as {@link Integer#MAX_VALUE}, so they are never negative and a plain
 * {@code index >= count} check rejects them.
 *
 * <p>Immutable by convention: the arrays are never written after decoding.
 */
public final class DecodedModule {
    /** The whole module binary. Owned by this object; never modified. */
    public final byte[] bytes;
    /** The type section. */
    public final FunctionType[] types;
    /** The import section, in order. */
    public final Import[] imports;
    /** Type index of every function, imported ones first. */
    public final int[] functionTypes;
    /** How many of {@link #functionTypes} are imports. */
    public final int importedFunctionCount;
    /** Every table, imported ones first. */
    public final TableType[] tables;
    /** How many of {@link #tables} are imports. */
    public final int importedTableCount;
    /** Every memory, imported ones first. */
    public final MemoryType[] memories;
    /** How many of {@link #memories} are imports. */
    public final int importedMemoryCount;
    /** Every global's type, imported ones first. */
    public final GlobalType[] globals;
    /** How many of {@link #globals} are imports. */
    public final int importedGlobalCount;
    /** Initialiser of each defined global (index {@code i} is global {@code importedGlobalCount + i}). */
    public final ConstExpr[] globalInits;
    /** The export section, in order. */
    public final Export[] exports;
    /** Index of the start function, or -1. */
    public final int startFunction;
    /** The element section. */
    public final ElementSegment[] elements;
    /** The data section. */
    public final DataSegment[] data;
    /** The data count section's value, or -1 where the section is absent. */
    public final int dataCount;
    /** Body of each defined function (index {@code i} is function {@code importedFunctionCount + i}). */
    public final FunctionBody[] bodies;
    /** Custom sections, in order (the name section included). */
    public final CustomSection[] customSections;
    /** The parsed name section; empty if absent or unreadable (it never makes a module malformed). */
    public final NameSection names;

    /**
     * Creates the model; only the decoder calls this.
     *
     * @param bytes the binary
     * @param types types
     * @param imports imports
     * @param functionTypes type index per function
     * @param importedFunctionCount imported functions
     * @param tables tables
     * @param importedTableCount imported tables
     * @param memories memories
     * @param importedMemoryCount imported memories
     * @param globals global types
     * @param importedGlobalCount imported globals
     * @param globalInits initialisers of defined globals
     * @param exports exports
     * @param startFunction start function or -1
     * @param elements element segments
     * @param data data segments
     * @param dataCount data count or -1
     * @param bodies function bodies
     * @param customSections custom sections
     * @param names name section
     */
    public DecodedModule(byte[] bytes, FunctionType[] types, Import[] imports, int[] functionTypes,
            int importedFunctionCount, TableType[] tables, int importedTableCount, MemoryType[] memories,
            int importedMemoryCount, GlobalType[] globals, int importedGlobalCount, ConstExpr[] globalInits,
            Export[] exports, int startFunction, ElementSegment[] elements, DataSegment[] data, int dataCount,
            FunctionBody[] bodies, CustomSection[] customSections, NameSection names) {
        this.bytes = bytes;
        this.types = types;
        this.imports = imports;
        this.functionTypes = functionTypes;
        this.importedFunctionCount = importedFunctionCount;
        this.tables = tables;
        this.importedTableCount = importedTableCount;
        this.memories = memories;
        this.importedMemoryCount = importedMemoryCount;
        this.globals = globals;
        this.importedGlobalCount = importedGlobalCount;
        this.globalInits = globalInits;
        this.exports = exports;
        this.startFunction = startFunction;
        this.elements = elements;
        this.data = data;
        this.dataCount = dataCount;
        this.bodies = bodies;
        this.customSections = customSections;
        this.names = names;
    }

    /**
     * @param function a function index (imports first)
     * @return its type
     */
    public FunctionType functionType(int function) {
        return types[functionTypes[function]];
    }
}
