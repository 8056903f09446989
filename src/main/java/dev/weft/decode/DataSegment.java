package dev.weft.decode;

/**
 * One data segment; its bytes stay in the module binary.
 *
 * @param mode active or passive
 * @param memoryIndex for active segments, the memory; 0 otherwise
 * @param offset for active segments, the offset expression; null otherwise
 * @param dataOffset offset of the segment's bytes in the binary
 * @param dataLength number of bytes
 * @param binaryOffset where the segment starts in the binary (for messages)
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstExpr offset, int dataOffset, int dataLength,
        int binaryOffset) {
}
