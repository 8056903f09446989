package dev.weft.runtime;

import dev.weft.ExternKind;
import dev.weft.ExternType;
import dev.weft.GlobalType;
import dev.weft.Imports;
import dev.weft.Limits;
import dev.weft.LinkException;
import dev.weft.MemoryType;
import dev.weft.TableType;
import dev.weft.ValueType;
import dev.weft.WeftException;
import dev.weft.WasmModule;
import dev.weft.code.CompiledCode;
import dev.weft.decode.DataSegment;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ElementSegment;
import dev.weft.decode.Export;
import dev.weft.decode.Import;
import dev.weft.decode.SegmentMode;
import dev.weft.exec.Executor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instantiates a module as the specification does: resolve and type-check imports, create the
 * module's own tables, memory, globals and functions, then run the active element segments,
 * the active data segments and the start function, in that order. A trap in the last steps
 * fails instantiation but leaves the writes already made to imported tables and memories.
 */
public final class Instantiator {
    private Instantiator() {
    }

    /**
     * @param module the module as the host knows it
     * @param d its decoded form
     * @param code its translated code
     * @param executor the engine's executor
     * @param imports what the imports resolve to
     * @param maxPages the limit on the size of each memory the instance defines
     * @param maxTableElements the limit on the size of each table it defines
     * @param memoryBudget the engine's budget of memory bytes
     * @param instances the engine's budget of live instances
     * @return the instance
     * @throws LinkException if an import is missing or has the wrong type
     * @throws dev.weft.TrapException if a segment is out of bounds or the start function traps
     * @throws WeftException if a limit or budget is exceeded
     */
    public static ModuleInstance instantiate(WasmModule module, DecodedModule d, CompiledCode code, Executor executor,
            Imports imports, long maxPages, int maxTableElements, Budget memoryBudget, Budget instances) {
        boolean counted = instances.limit() != Long.MAX_VALUE;
        if (counted && !instances.reserve(1)) {
            EngineLog.limitReached("maxInstances", instances.limit(), "instantiation refused");
            throw new WeftException("the engine's limit of " + instances.limit() + " live instances is reached: close"
                    + " instances no longer needed, or raise Engine.Builder.maxInstances");
        }
        boolean done = false;
        try {
            ModuleInstance inst = instantiate(module, d, code, executor, imports, maxPages, maxTableElements, memoryBudget);
            if (counted) {
                inst.countIn(instances);
            }
            done = true;
            return inst;
        } finally {
            if (counted && !done) {
                instances.release(1);
            }
        }
    }

    private static ModuleInstance instantiate(WasmModule module, DecodedModule d, CompiledCode code, Executor executor,
            Imports imports, long maxPages, int maxTableElements, Budget memoryBudget) {
        FunctionInstance[] functions = new FunctionInstance[d.functionTypes.length];
        TableInstance[] tables = new TableInstance[d.tables.length];
        MemoryInstance[] memories = new MemoryInstance[d.memories.length];
        GlobalInstance[] globals = new GlobalInstance[d.globals.length];
        int nf = 0;
        int nt = 0;
        int nm = 0;
        int ng = 0;
        for (Import imp : d.imports) {
            Object v = imports.lookup(imp.module(), imp.name());
            if (v == null) {
                throw new LinkException("unknown import: " + imp.module() + "." + imp.name());
            }
            // A switch on the kind, not a pattern switch on the type: the first pattern switch a
            // JVM runs generates a class (about 15 ms), and this runs in a fresh JVM's first load.
            ExternType type = imp.type();
            switch (type.kind()) {
                case FUNCTION -> {
                    if (!(v instanceof FunctionInstance f) || !f.type.equals(type)) {
                        throw incompatible(imp, type, v);
                    }
                    functions[nf++] = f;
                }
                case TABLE -> {
                    TableType tt = (TableType) type;
                    if (!(v instanceof TableInstance t) || t.type().elementType() != tt.elementType()
                            || !fits(t.size, t.declaredMaximum(), tt.limits())) {
                        throw incompatible(imp, tt, v);
                    }
                    tables[nt++] = t;
                }
                case MEMORY -> {
                    MemoryType mt = (MemoryType) type;
                    if (!(v instanceof MemoryInstance m) || !fits(m.pages(), m.declaredMaximum(), mt.limits())) {
                        throw incompatible(imp, mt, v);
                    }
                    memories[nm++] = m;
                }
                case GLOBAL -> {
                    if (!(v instanceof GlobalInstance g) || !g.type().equals(type)) {
                        throw incompatible(imp, type, v);
                    }
                    globals[ng++] = g;
                }
            }
        }
        for (int i = nt; i < tables.length; i++) {
            tables[i] = new TableInstance(d.tables[i], null, maxTableElements);
        }
        for (int i = nm; i < memories.length; i++) {
            memories[i] = new MemoryInstance(d.memories[i], maxPages, memoryBudget);
        }
        try {
            return initialise(module, d, code, executor, functions, tables, memories, globals, nf, nm, ng);
        } catch (RuntimeException | Error e) {
            // The failed instance's functions stay reachable if active elements put them into an
            // imported table (the spec keeps those writes) or the start function handed them out;
            // its memories then stay open for them, left to the Cleaner. Otherwise nobody can
            // reach them: free them now.
            if (nt == 0 && d.startFunction < 0) {
                for (int i = nm; i < memories.length; i++) {
                    memories[i].close();
                }
            }
            throw e;
        }
    }

    private static ModuleInstance initialise(WasmModule module, DecodedModule d, CompiledCode code, Executor executor,
            FunctionInstance[] functions, TableInstance[] tables, MemoryInstance[] memories, GlobalInstance[] globals,
            int nf, int nm, int ng) {
        ModuleInstance inst = new ModuleInstance(module, d, code, executor, functions, tables,
                memories.length > 0 ? memories[0] : null, globals);
        inst.ownsMemory(nm == 0 && memories.length > 0);
        FunctionInstance[] firstOfType = new FunctionInstance[d.types.length];
        for (int i = nf; i < functions.length; i++) {
            int t = d.functionTypes[i];
            FunctionInstance first = firstOfType[t];
            functions[i] = first != null ? new FunctionInstance(inst, i, first)
                    : (firstOfType[t] = new FunctionInstance(inst, i, d.types[t]));
        }
        ConstantEvaluator eval = new ConstantEvaluator(d.bytes, globals, functions);
        for (int i = ng; i < globals.length; i++) {
            GlobalType t = d.globals[i];
            GlobalInstance g = new GlobalInstance(t);
            if (t.valueType().isReference()) {
                g.ref = eval.reference(d.globalInits[i - ng]);
            } else {
                g.value = eval.number(d.globalInits[i - ng]);
                g.high = eval.high(); // a v128's high half (0 for other types)
            }
            globals[i] = g;
        }
        for (int i = 0; i < d.elements.length; i++) {
            inst.elements[i] = items(d.elements[i], functions, eval);
        }
        inst.exports(exports(d, inst));
        for (int i = 0; i < d.elements.length; i++) {
            ElementSegment e = d.elements[i];
            if (e.mode() == SegmentMode.ACTIVE) {
                int offset = (int) eval.number(e.offset());
                inst.initTable(e.tableIndex(), i, offset, 0, inst.elements[i].length);
            }
            if (e.mode() != SegmentMode.PASSIVE) {
                inst.elements[i] = ModuleInstance.NO_ELEMENTS;
            }
        }
        for (int i = 0; i < d.data.length; i++) {
            DataSegment s = d.data[i];
            if (s.mode() == SegmentMode.ACTIVE) {
                int offset = (int) eval.number(s.offset());
                inst.initMemory(i, offset, 0, s.dataLength());
                inst.dataDropped[i] = true;
            }
        }
        if (d.startFunction >= 0) {
            functions[d.startFunction].call();
        }
        return inst;
    }

    private static LinkException incompatible(Import imp, Object expected, Object actual) {
        return new LinkException("incompatible import type: " + imp.module() + "." + imp.name() + " must be " + expected
                + ", got " + actual);
    }

    /** Import subtyping of limits: at least the required minimum; within the required maximum, if any. */
    private static boolean fits(long size, long max, Limits required) {
        if (size < required.min()) {
            return false;
        }
        if (required.max().isEmpty()) {
            return true;
        }
        return max >= 0 && max <= required.max().getAsLong();
    }

    private static Object[] items(ElementSegment e, FunctionInstance[] functions, ConstantEvaluator eval) {
        Object[] items = new Object[e.size()];
        if (e.functionIndices() != null) {
            int[] f = e.functionIndices();
            for (int i = 0; i < f.length; i++) {
                items[i] = functions[f[i]];
            }
        } else {
            for (int i = 0; i < items.length; i++) {
                items[i] = eval.reference(e.items()[i]);
            }
        }
        return items;
    }

    private static Map<String, Object> exports(DecodedModule d, ModuleInstance inst) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Export e : d.exports) {
            Object v = switch (e.kind()) {
                case FUNCTION -> inst.functions[e.index()];
                case TABLE -> inst.tables[e.index()];
                case MEMORY -> inst.memory;
                case GLOBAL -> inst.globals[e.index()];
            };
            map.put(e.name(), v);
        }
        return map;
    }

    static boolean isReference(ValueType t) {
        return t.isReference();
    }

    static ExternKind kind(Object o) {
        return o instanceof FunctionInstance ? ExternKind.FUNCTION : o instanceof TableInstance ? ExternKind.TABLE
                : o instanceof MemoryInstance ? ExternKind.MEMORY : ExternKind.GLOBAL;
    }
}
