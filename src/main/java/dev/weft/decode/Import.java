package dev.weft.decode;

import dev.weft.ExternType;

/**
 * One import entry.
 *
 * @param module module name
 * @param name field name
 * @param type the required type (for functions, the resolved {@link dev.weft.FunctionType})
 * @param typeIndex for function imports, the type index; -1 otherwise
 */
public record Import(String module, String name, ExternType type, int typeIndex) {
}
