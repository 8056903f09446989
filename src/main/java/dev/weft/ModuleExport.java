package dev.weft;

/**
 * One export of a module.
 *
 * @param name the export name (unique within the module)
 * @param type the type of the exported thing
 */
public record ModuleExport(String name, ExternType type) {
}
