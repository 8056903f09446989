/**
 * Weft: a WebAssembly interpreter for the JVM.
 *
 * <p>Only {@code dev.weft} is public API; every other package is internal and may change.
 */
module dev.weft {
    exports dev.weft;
}
