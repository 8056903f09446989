package dev.weft.code;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The memory layouts of internal code: little-endian and unaligned, as the encoding is
 * variable-length. The dispatch loop fetches every instruction as two {@link #WORD} reads
 * (its first 16 bytes), which hold the opcode and every fixed field; code buffers are padded
 * so those reads never run off the end.
 */
public final class CodeLayout {
    private CodeLayout() {
    }

    /** An 8-byte fetch: the first holds the opcode in bits 0-15, then the first operand fields. */
    public static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 16-bit fields (opcodes, slots). */
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 32-bit fields. */
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 64-bit fields. */
    public static final ValueLayout.OfLong I64 = WORD;
    /**
     * Bytes of padding after the last instruction, so that fetching the two words of any
     * instruction (its first 16 bytes) stays inside the code.
     */
    public static final int PADDING = 16;
    /** The largest slot index a {@code slot} field holds. */
    public static final int MAX_SLOT = 0xFFFF;
}
