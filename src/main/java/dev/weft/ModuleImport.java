package dev.weft;

/**
 * One import of a module.
 *
 * @param module the module name it is imported from
 * @param name the field name
 * @param type what the importing module requires
 */
public record ModuleImport(String module, String name, ExternType type) {
}
