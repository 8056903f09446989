package dev.weft.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a module's text binds while it is compiled: its index spaces (filled by the first pass
 * over the fields, so every field may name any other), the type section being built, the names of
 * struct fields, and what the encoder must know (memory address types, use of data indices).
 */
final class TextContext {
    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace tags = new IndexSpace("tag");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");
    final TypeDefs typeDefs = new TypeDefs();
    /** Field names of each explicit type, by type index (null where a type names no fields). */
    final List<IndexSpace> fieldNames = new ArrayList<>();
    /** Whether each memory (in index order) has 64-bit addresses. */
    final List<Boolean> memory64 = new ArrayList<>();
    /** Whether each table (in index order) has 64-bit addresses. */
    final List<Boolean> table64 = new ArrayList<>();
    /** Whether code names a data segment (then the module gets a data count section). */
    boolean usesDataIndex;

    /** @return the field names of type {@code t} (an empty space if it has none) */
    IndexSpace fields(int t) {
        IndexSpace f = t >= 0 && t < fieldNames.size() ? fieldNames.get(t) : null;
        return f != null ? f : new IndexSpace("field");
    }
}
