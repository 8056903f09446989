package dev.weft;

/** The type of something a module imports or exports: a function, table, memory or global. */
public sealed interface ExternType permits FunctionType, TableType, MemoryType, GlobalType {
    /** {@return which of the four kinds this is} */
    ExternKind kind();
}
