package dev.weft.decode;

import java.util.Map;

/**
 * What the {@code name} custom section says: the module's name and function names
 * (used in trap stack traces and disassembly).
 *
 * @param moduleName the module name, or null
 * @param functionNames function index to name; empty when absent
 * @param localNames function index to (local index to name); empty when absent
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames,
        Map<Integer, Map<Integer, String>> localNames) {
    /** A name section that names nothing. */
    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());

    /**
     * @param function function index
     * @return its name, or null
     */
    public String functionName(int function) {
        return functionNames.get(function);
    }
}
