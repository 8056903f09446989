package dev.weft;

/**
 * The type of a linear memory.
 *
 * @param limits size limits in 64 KiB pages
 */
public record MemoryType(Limits limits) implements ExternType {
    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }

    @Override
    public String toString() {
        return "memory " + limits;
    }
}
