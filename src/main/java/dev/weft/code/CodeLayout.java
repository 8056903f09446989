package dev.weft.code;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The memory layouts of internal code: little-endian and unaligned, as the encoding is
 * variable-length. Every instruction is fetched with one {@link #WORD} read of its first
 * 8 bytes; code buffers are padded so that read never runs off the end.
 */
public final class CodeLayout {
    private CodeLayout() {
    }

    /** The 8-byte fetch: opcode in bits 0-15, then the first operand fields. */
    public static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 16-bit fields (opcodes, slots). */
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 32-bit fields. */
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 64-bit fields. */
    public static final ValueLayout.OfLong I64 = WORD;
    /** Bytes of padding after the last instruction, so a {@link #WORD} fetch at any instruction stays inside. */
    public static final int PADDING = 8;
    /** The largest slot index a {@code slot} field holds. */
    public static final int MAX_SLOT = 0xFFFF;
}
