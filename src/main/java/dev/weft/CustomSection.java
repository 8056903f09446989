package dev.weft;

import java.nio.ByteBuffer;

/**
 * A custom section of a module, kept as it was in the binary.
 *
 * @param name the section's name
 * @param content the section's payload after the name (read-only)
 */
public record CustomSection(String name, ByteBuffer content) {
    /** Makes the content read-only. */
    public CustomSection {
        content = content.asReadOnlyBuffer();
    }
}
