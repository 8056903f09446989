package dev.weft.decode;

import dev.weft.ValueType;

/**
 * One element segment.
 *
 * @param mode active, passive or declarative
 * @param tableIndex for active segments, the table; 0 otherwise
 * @param offset for active segments, the offset expression; null otherwise
 * @param type element type (funcref or externref)
 * @param functionIndices the elements when given as function indices (legacy encodings 0-3); null otherwise
 * @param items the elements when given as expressions (encodings 4-7); null otherwise
 * @param binaryOffset where the segment starts in the binary (for messages)
 */
public record ElementSegment(SegmentMode mode, int tableIndex, ConstExpr offset, ValueType type,
        int[] functionIndices, ConstExpr[] items, int binaryOffset) {
    /** @return the number of elements */
    public int size() {
        return functionIndices != null ? functionIndices.length : items.length;
    }
}
