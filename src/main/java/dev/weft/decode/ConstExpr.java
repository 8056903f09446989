package dev.weft.decode;

/**
 * A constant expression, kept as its bytes in the module binary.
 *
 * @param offset offset of its first instruction
 * @param length length in bytes, including the final {@code end}
 */
public record ConstExpr(int offset, int length) {
}
