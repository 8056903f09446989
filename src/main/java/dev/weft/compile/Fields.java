package dev.weft.compile;

import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;

/** The decoder's per-opcode field tables, read once (the decoder hands out copies). */
final class Fields {
    private Fields() {
    }

    private static final String[][] KINDS = new String[Opcodes.COUNT][];
    private static final int[][] OFFSETS = new int[Opcodes.COUNT][];
    private static final String[][] NAMES = new String[Opcodes.COUNT][];

    static {
        for (int op = 0; op < Opcodes.COUNT; op++) {
            KINDS[op] = InstructionDecoder.fieldKinds(op);
            OFFSETS[op] = InstructionDecoder.fieldOffsets(op);
            NAMES[op] = InstructionDecoder.fieldNames(op);
        }
    }

    /** @return the kinds of an opcode's fields (slot, u32, i32, i64, off, list), in encoding order */
    static String[] kinds(int opcode) {
        return KINDS[opcode];
    }

    /** @return the names of an opcode's fields, in encoding order */
    static String[] names(int opcode) {
        return NAMES[opcode];
    }

    /** @return the byte offsets of an opcode's fields within the instruction */
    static int[] offsets(int opcode) {
        return OFFSETS[opcode];
    }
}
