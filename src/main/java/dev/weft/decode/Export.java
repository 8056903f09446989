package dev.weft.decode;

import dev.weft.ExternKind;

/**
 * One export entry.
 *
 * @param name export name
 * @param kind what is exported
 * @param index index in that kind's index space
 */
public record Export(String name, ExternKind kind, int index) {
}
