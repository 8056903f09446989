package dev.weft.runtime;

import dev.weft.Global;
import dev.weft.Instance;
import dev.weft.Memory;
import dev.weft.Table;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.WasmFunction;
import dev.weft.WasmModule;
import dev.weft.code.CompiledCode;
import dev.weft.decode.DataSegment;
import dev.weft.decode.DecodedModule;
import dev.weft.exec.Attention;
import dev.weft.exec.Executor;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;

/**
 * An instance of a module: its functions, tables, memory, globals, and the state of its
 * segments. The executor reads the public fields directly; hosts see it as an {@link Instance}.
 */
public final class ModuleInstance implements Instance {
    /** The items of a dropped element segment. */
    public static final Object[] NO_ELEMENTS = new Object[0];

    /** The module, as the host knows it. */
    public final WasmModule module;
    /** The decoded module (segments, names). */
    public final DecodedModule decoded;
    /**
     * The module's bytes as a segment, the source of {@code memory.init}: a copy between two
     * segments, where one from a {@code byte[]} goes through the JDK's array-type switch, whose
     * first use in a JVM generates a class (instantiating spidermonkey in a fresh JVM copies 1,721
     * data segments).
     */
    private final MemorySegment moduleBytes;
    /** The translated code. */
    public final CompiledCode code;
    /** Runs this instance's functions. */
    public final Executor executor;
    /** Every function, imports first. */
    public final FunctionInstance[] functions;
    /** Every table, imports first. */
    public final TableInstance[] tables;
    /** The memory, or null. */
    public final MemoryInstance memory;
    /** Every global, imports first. */
    public final GlobalInstance[] globals;
    /** Canonical type id of each type index. */
    public final int[] typeIds;
    /** Items of each element segment; {@link #NO_ELEMENTS} once dropped. */
    public final Object[][] elements;
    /** Whether each data segment has been dropped. */
    public final boolean[] dataDropped;
    private Map<String, Object> exports = Map.of();
    /** Whether {@link #memory} was created by this instance (not imported), so closing it is ours to do. */
    private boolean ownsMemory;
    /** Set by {@link #close()}: calls into the instance fail, and calls running in it stop. */
    public volatile boolean closed;
    /** Gives the instance's place in the engine's instance budget back, at close or once unreachable; or null. */
    private Cleaner.Cleanable counted;

    private static final Cleaner CLEANER = Cleaner.create();

    ModuleInstance(WasmModule module, DecodedModule decoded, CompiledCode code, Executor executor,
            FunctionInstance[] functions, TableInstance[] tables, MemoryInstance memory, GlobalInstance[] globals) {
        this.module = module;
        this.decoded = decoded;
        this.moduleBytes = MemorySegment.ofArray(decoded.bytes);
        this.code = code;
        this.executor = executor;
        this.functions = functions;
        this.tables = tables;
        this.memory = memory;
        this.globals = globals;
        this.typeIds = new int[decoded.types.length];
        for (int i = 0; i < typeIds.length; i++) {
            typeIds[i] = TypeIds.of(decoded.types[i]);
        }
        this.elements = new Object[decoded.elements.length][];
        this.dataDropped = new boolean[decoded.data.length];
    }

    /** Counts the instance in the engine's budget of live instances until it is closed or reclaimed. */
    void countIn(Budget instances) {
        counted = CLEANER.register(this, () -> instances.release(1));
    }

    void ownsMemory(boolean owns) {
        this.ownsMemory = owns;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsMemory) {
            memory.close();
        }
        if (counted != null) {
            counted.clean();
        }
        Attention.closed();
    }

    /**
     * Refuses a call from the host into a closed instance or an instance whose memory is closed.
     *
     * @throws IllegalStateException if either is closed
     */
    public void checkOpen() {
        if (unusable()) {
            throw closed ? new IllegalStateException("the instance is closed") : MemoryInstance.closedError();
        }
    }

    /** @return whether the instance or its memory is closed: calls into it fail, calls running in it stop */
    public boolean unusable() {
        return closed || memory != null && memory.segment == MemoryInstance.CLOSED;
    }

    void exports(Map<String, Object> exports) {
        this.exports = Collections.unmodifiableMap(exports);
    }

    @Override
    public WasmModule module() {
        return module;
    }

    @Override
    public Map<String, Object> exports() {
        return exports;
    }

    private <T> T export(String name, Class<T> kind, String what) {
        Object e = exports.get(name);
        if (kind.isInstance(e)) {
            return kind.cast(e);
        }
        throw new IllegalArgumentException(e == null ? "no export named '" + name + "'"
                : "export '" + name + "' is not a " + what);
    }

    @Override
    public WasmFunction function(String name) {
        return export(name, WasmFunction.class, "function");
    }

    @Override
    public Memory memory(String name) {
        return export(name, Memory.class, "memory");
    }

    @Override
    public Table table(String name) {
        return export(name, Table.class, "table");
    }

    @Override
    public Global global(String name) {
        return export(name, Global.class, "global");
    }

    /**
     * memory.init: copies n bytes of data segment {@code segment} from offset {@code src} to
     * memory address {@code dst}, trapping if either range is out of bounds.
     *
     * @param segment data segment index
     * @param dst memory address (unsigned)
     * @param src offset in the segment (unsigned)
     * @param n byte count (unsigned)
     */
    public void initMemory(int segment, int dst, int src, int n) {
        DataSegment data = decoded.data[segment];
        long length = dataDropped[segment] ? 0 : data.dataLength();
        MemorySegment mem = memory.segment;
        if (Integer.toUnsignedLong(src) + Integer.toUnsignedLong(n) > length
                || Integer.toUnsignedLong(dst) + Integer.toUnsignedLong(n) > mem.byteSize()) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        MemorySegment.copy(moduleBytes, data.dataOffset() + Integer.toUnsignedLong(src), mem, Integer.toUnsignedLong(dst), n);
    }

    /**
     * table.init: copies n elements of element segment {@code segment} from {@code src} to
     * table {@code table} at {@code dst}, trapping if either range is out of bounds.
     *
     * @param table table index
     * @param segment element segment index
     * @param dst table index to write (unsigned)
     * @param src offset in the segment (unsigned)
     * @param n element count (unsigned)
     */
    public void initTable(int table, int segment, int dst, int src, int n) {
        TableInstance t = tables[table];
        Object[] items = elements[segment];
        if (Integer.toUnsignedLong(src) + Integer.toUnsignedLong(n) > items.length
                || Integer.toUnsignedLong(dst) + Integer.toUnsignedLong(n) > t.size) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        System.arraycopy(items, src, t.elements, dst, n);
    }

    /**
     * @param function a function index
     * @return its name for stack traces: the name section's name, else {@code func N}
     */
    public String describeFunction(int function) {
        // A StringBuilder, not string concatenation: this runs on the trap path, possibly with
        // almost no Java stack left (host functions recursing through WebAssembly), where linking
        // an invokedynamic concatenation for the first time may overflow and break that call
        // site for good (every later trap would throw BootstrapMethodError).
        String name = decoded.names.functionName(function);
        String module = decoded.names.moduleName();
        StringBuilder b = new StringBuilder(64);
        if (module != null) {
            b.append(module).append('!');
        }
        if (name != null) {
            b.append(name).append(" (func ").append(function).append(')');
        } else {
            b.append("func ").append(function);
        }
        return b.toString();
    }

    /**
     * @param pc an offset in this instance's code
     * @return the function containing it, described for a stack trace
     */
    public String describeFunctionAt(int pc) {
        int f = code.functionAt(pc, decoded.importedFunctionCount);
        return f < 0 ? "?" : describeFunction(f);
    }

    @Override
    public String toString() {
        return "instance of " + module;
    }
}
