package dev.weft.decode;

/**
 * The bytes of one function body in the code section: local declarations then the expression.
 *
 * @param offset offset of the body (after its size prefix)
 * @param length length of the body in bytes
 */
public record FunctionBody(int offset, int length) {
}
