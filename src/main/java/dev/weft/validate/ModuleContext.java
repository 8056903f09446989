package dev.weft.validate;

import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.TableType;
import dev.weft.decode.DecodedModule;

/**
 * What instructions may refer to (the spec's context C), flattened into primitive arrays
 * for the function validator: the types of functions, globals, tables and element segments,
 * and the set of declared function references. Built from a decoded module without
 * judging it, so it never throws; an out-of-range type index of a function is recorded
 * as -1 and reported by the module-level checks before any body is validated.
 */
final class ModuleContext {
    final byte[] bytes;
    /** Parameter types of each type of the type section. */
    final byte[][] typeParams;
    /** Result types of each type of the type section. */
    final byte[][] typeResults;
    /** Type index of each function (imports first), or -1 where it is out of range. */
    final int[] funcTypes;
    final byte[] globalTypes;
    final boolean[] globalMutable;
    final int importedGlobalCount;
    final byte[] tableTypes;
    final int memoryCount;
    final byte[] elemTypes;
    final int dataSegmentCount;
    /** C.refs: functions that {@code ref.func} may name in a function body. */
    final boolean[] declaredFunctions;

    ModuleContext(DecodedModule m) {
        bytes = m.bytes;
        typeParams = new byte[m.types.length][];
        typeResults = new byte[m.types.length][];
        for (int i = 0; i < m.types.length; i++) {
            FunctionType t = m.types[i];
            typeParams[i] = ValTypes.of(t.params());
            typeResults[i] = ValTypes.of(t.results());
        }
        funcTypes = new int[m.functionTypes.length];
        for (int i = 0; i < funcTypes.length; i++) {
            int t = m.functionTypes[i];
            funcTypes[i] = t >= 0 && t < m.types.length ? t : -1;
        }
        globalTypes = new byte[m.globals.length];
        globalMutable = new boolean[m.globals.length];
        for (int i = 0; i < m.globals.length; i++) {
            GlobalType g = m.globals[i];
            globalTypes[i] = ValTypes.of(g.valueType());
            globalMutable[i] = g.mutable();
        }
        importedGlobalCount = m.importedGlobalCount;
        tableTypes = new byte[m.tables.length];
        for (int i = 0; i < m.tables.length; i++) {
            TableType t = m.tables[i];
            tableTypes[i] = ValTypes.of(t.elementType());
        }
        memoryCount = m.memories.length;
        elemTypes = new byte[m.elements.length];
        for (int i = 0; i < m.elements.length; i++) {
            elemTypes[i] = ValTypes.of(m.elements[i].type());
        }
        dataSegmentCount = m.data.length;
        declaredFunctions = new boolean[m.functionTypes.length];
    }

    /** @return the number of functions, imports included */
    int functionCount() {
        return funcTypes.length;
    }

    /**
     * @param x an index read from the binary (unsigned)
     * @param count the size of the index space
     * @return true if {@code x} names an entry
     */
    static boolean inRange(int x, int count) {
        return x >= 0 && x < count;
    }
}
