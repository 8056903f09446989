package dev.weft.runtime;

/**
 * What the build baked into the artifact. Maven writes this class from
 * {@code src/main/templates} (resource filtering) into the generated sources: constants, not a
 * resource file, because reading a resource from the jar cost 16-17 ms in a fresh JVM, on the
 * way to a first instance.
 */
public final class BuildInfo {
    /** The default dispatch mode, as {@code mvn -Dweft.dispatch=switch|handles package} chose it. */
    public static final String DISPATCH = "${weft.dispatch}";
    /** The version Maven built. */
    public static final String VERSION = "${project.version}";

    private BuildInfo() {
    }
}
