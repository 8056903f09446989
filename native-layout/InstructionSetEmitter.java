import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the code package's instruction-set artefacts from the definition {@link Generator}
 * parsed: the opcode constants, {@code InstructionEncoder}, {@code InstructionDecoder}, the
 * {@code Disassembler}, and the round-trip test of encoder and decoder. Part of the generator
 * run by Maven (see Generator.java); everything it writes is generated.
 */
final class InstructionSetEmitter {
    private InstructionSetEmitter() {
    }

    // ---------------------------------------------------------------- Opcodes

    static String opcodes() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("package dev.weft.code;\n\n");
        b.append("/** Opcode of every internal instruction (the first two bytes of each instruction). */\n");
        b.append("public final class Opcodes {\n    private Opcodes() {\n    }\n\n");
        for (Generator.Op op : Generator.OPS) {
            b.append("    /** {@code ").append(op.name()).append("} (").append(op.shape().name()).append("). */\n");
            b.append("    public static final int ").append(op.constant()).append(" = ").append(op.code()).append(";\n");
        }
        b.append("\n    /** Number of opcodes. */\n    public static final int COUNT = ").append(Generator.OPS.size()).append(";\n\n");
        b.append("    private static final String[] NAMES = {\n");
        for (Generator.Op op : Generator.OPS) {
            b.append("        \"").append(op.name()).append("\",\n");
        }
        b.append("    };\n\n");
        b.append("    private static final java.util.Map<String, Integer> BY_NAME = new java.util.HashMap<>();\n\n");
        b.append("    static {\n        for (int i = 0; i < NAMES.length; i++) {\n            BY_NAME.put(NAMES[i], i);\n        }\n    }\n\n");
        b.append("    /**\n     * @param opcode an opcode\n     * @return its name as in instructions.def\n     */\n");
        b.append("    public static String name(int opcode) {\n        return opcode >= 0 && opcode < COUNT ? NAMES[opcode] : \"<bad opcode \" + opcode + \">\";\n    }\n\n");
        b.append("    /**\n     * @param name an instruction name as in instructions.def\n     * @return its opcode, or -1 if there is no such instruction\n     */\n");
        b.append("    public static int byName(String name) {\n        Integer o = BY_NAME.get(name);\n        return o == null ? -1 : o;\n    }\n}\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- Encoder

    static String encoder() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("package dev.weft.code;\n\n");
        b.append("/**\n * Writes internal instructions into an off-heap code buffer: one emit method per shape (taking the\n");
        b.append(" * opcode) and one typed method per instruction. Every method returns the offset of the instruction\n");
        b.append(" * it wrote. Slot fields are checked to fit 16 bits: values never truncate silently.\n */\n");
        b.append("public final class InstructionEncoder extends CodeBuffer {\n");
        b.append("    /** Creates an encoder with a small initial buffer that grows as needed. */\n");
        b.append("    public InstructionEncoder() {\n        super();\n    }\n\n");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            List<String> params = new ArrayList<>();
            params.add("int opcode");
            for (Generator.Field f : sh.fields()) {
                params.add(f.javaType() + " " + f.name());
            }
            b.append("    /**\n     * Emits a {@code ").append(sh.name()).append("} instruction");
            if (sh.list() != null) {
                b.append(", reserving ").append(sh.list().countField()).append(" + 1 list entries to patch with {@link #patchI32}");
            }
            b.append(".\n     *\n     * @param opcode the opcode\n");
            for (Generator.Field f : sh.fields()) {
                b.append("     * @param ").append(f.name()).append(" field ").append(f.name()).append(" (").append(f.kind()).append(")\n");
            }
            b.append("     * @return the instruction's offset\n     */\n");
            b.append("    public final int emit").append(sh.name()).append("(").append(String.join(", ", params)).append(") {\n");
            b.append("        checkOpcode(opcode);\n");
            List<String> slots = sh.fields().stream().filter(f -> f.kind().equals("slot")).map(Generator.Field::name).toList();
            if (!slots.isEmpty()) {
                b.append("        checkSlots(").append(String.join(" | ", slots)).append(");\n");
            }
            String size = sh.list() == null ? String.valueOf(sh.fixedSize())
                    : sh.fixedSize() + " + 4 * (" + sh.list().countField() + " + 1)";
            if (sh.list() != null) {
                b.append("        checkListLength(").append(sh.list().countField()).append(");\n");
            }
            b.append("        int pc = reserve(").append(size).append(");\n");
            StringBuilder word = new StringBuilder("(opcode & 0xFFFFL)");
            for (Generator.Field f : sh.fields()) {
                if (f.offset() + f.width() <= 8) {
                    String mask = f.kind().equals("slot") ? "0xFFFFL" : "0xFFFFFFFFL";
                    word.append(" | (").append(f.name()).append(" & ").append(mask).append(") << ").append(8 * f.offset());
                }
            }
            b.append("        putWord(pc, ").append(word).append(");\n");
            for (Generator.Field f : sh.fields()) {
                if (f.offset() + f.width() > 8) {
                    String put = switch (f.kind()) {
                        case "slot" -> "putU16";
                        case "i64" -> "putI64";
                        default -> "putI32";
                    };
                    b.append("        ").append(put).append("(pc + ").append(f.offset()).append(", ").append(f.name()).append(");\n");
                }
            }
            b.append("        return pc;\n    }\n\n");
        }
        for (Generator.Op op : Generator.OPS) {
            Generator.Shape sh = op.shape();
            List<String> params = new ArrayList<>();
            List<String> args = new ArrayList<>();
            args.add("Opcodes." + op.constant());
            for (Generator.Field f : sh.fields()) {
                params.add(f.javaType() + " " + f.name());
                args.add(f.name());
            }
            b.append("    /**\n     * Emits {@code ").append(op.name()).append("}.\n     *\n");
            for (Generator.Field f : sh.fields()) {
                b.append("     * @param ").append(f.name()).append(" field ").append(f.name()).append("\n");
            }
            b.append("     * @return the instruction's offset\n     */\n");
            b.append("    public final int ").append(op.camel()).append("(").append(String.join(", ", params)).append(") {\n");
            b.append("        return emit").append(sh.name()).append("(").append(String.join(", ", args)).append(");\n    }\n\n");
        }
        b.append("}\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- Decoder

    static String decoder() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("package dev.weft.code;\n\nimport java.lang.foreign.MemorySegment;\n\n");
        b.append("/**\n * Reads internal instructions back: typed field accessors per shape (taking the code, the\n");
        b.append(" * instruction's offset and its first 8 bytes {@code w}), and tables describing every opcode.\n */\n");
        b.append("public final class InstructionDecoder {\n    private InstructionDecoder() {\n    }\n\n");
        b.append("    /**\n     * @param code a code buffer\n     * @param pc an instruction's offset\n     * @return the instruction's first 8 bytes, little-endian\n     */\n");
        b.append("    public static long word(MemorySegment code, int pc) {\n        return code.get(CodeLayout.WORD, pc);\n    }\n\n");
        b.append("    /**\n     * @param code a code buffer\n     * @param pc an instruction's offset\n     * @return the instruction's second 8 bytes, little-endian\n     */\n");
        b.append("    public static long word2(MemorySegment code, int pc) {\n        return code.get(CodeLayout.WORD, pc + 8);\n    }\n\n");
        b.append("    /**\n     * @param code a code buffer\n     * @param pc an instruction's offset\n     * @return its opcode\n     */\n");
        b.append("    public static int opcode(MemorySegment code, int pc) {\n        return code.get(CodeLayout.U16, pc) & 0xFFFF;\n    }\n\n");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append("    /** Fields of the {@code ").append(sh.name()).append("} shape. */\n");
            b.append("    public static final class ").append(sh.name()).append(" {\n        private ").append(sh.name()).append("() {\n        }\n\n");
            b.append("        /** Size in bytes").append(sh.list() != null ? " of the fixed part (the list follows)" : "").append(". */\n");
            b.append("        public static final int SIZE = ").append(sh.fixedSize()).append(";\n\n");
            for (Generator.Field f : sh.fields()) {
                b.append("        /** Offset of field {@code ").append(f.name()).append("} within the instruction. */\n");
                b.append("        public static final int ").append(f.name().toUpperCase(Locale.ROOT)).append("_AT = ").append(f.offset()).append(";\n\n");
                b.append("        /**\n         * @param w the instruction's first 8 bytes\n         * @param w2 its next 8 bytes\n");
                b.append("         * @return field {@code ").append(f.name()).append("} (").append(f.kind()).append(")\n         */\n");
                b.append("        public static ").append(f.javaType()).append(" ").append(f.name()).append("(long w, long w2) {\n");
                b.append("            return ").append(Generator.access(f)).append(";\n        }\n\n");
                b.append("        /**\n         * @param code code buffer\n         * @param pc instruction offset\n");
                b.append("         * @return field {@code ").append(f.name()).append("} (").append(f.kind()).append(")\n         */\n");
                b.append("        public static ").append(f.javaType()).append(" ").append(f.name()).append("(MemorySegment code, int pc) {\n");
                b.append("            return ").append(f.name()).append("(word(code, pc), word2(code, pc));\n        }\n\n");
            }
            if (sh.list() != null) {
                b.append("        /**\n         * @param code code buffer\n         * @param pc instruction offset\n         * @param i entry index, 0 .. count\n");
                b.append("         * @return entry {@code i} of list {@code ").append(sh.list().name()).append("}\n         */\n");
                b.append("        public static int ").append(sh.list().name()).append("(MemorySegment code, int pc, int i) {\n");
                b.append("            return code.get(CodeLayout.I32, pc + ").append(sh.fixedSize()).append(" + 4 * i);\n        }\n\n");
                b.append("        /**\n         * @param i entry index\n         * @return offset of list entry {@code i} within the instruction\n         */\n");
                b.append("        public static int ").append(sh.list().name()).append("At(int i) {\n            return ").append(sh.fixedSize()).append(" + 4 * i;\n        }\n");
            }
            b.append("    }\n\n");
        }
        // tables
        List<String> shapeNames = new ArrayList<>(Generator.SHAPES.keySet());
        b.append("    /** Shape names, indexed by shape number. */\n    static final String[] SHAPE_NAMES = {");
        for (String s : shapeNames) {
            b.append("\"").append(s).append("\", ");
        }
        b.append("};\n\n");
        b.append("    /** Shape number of each opcode. */\n    static final byte[] SHAPE_OF = {");
        for (Generator.Op op : Generator.OPS) {
            b.append(shapeNames.indexOf(op.shape().name())).append(", ");
        }
        b.append("};\n\n");
        b.append("    /** Per shape: field names (a list field last). */\n    static final String[][] FIELD_NAMES = {\n");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append("        {");
            for (Generator.Field f : sh.fields()) {
                b.append("\"").append(f.name()).append("\", ");
            }
            if (sh.list() != null) {
                b.append("\"").append(sh.list().name()).append("\", ");
            }
            b.append("},\n");
        }
        b.append("    };\n\n");
        b.append("    /** Per shape: field kinds (slot, u32, i32, i64, off, list). */\n    static final String[][] FIELD_KINDS = {\n");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append("        {");
            for (Generator.Field f : sh.fields()) {
                b.append("\"").append(f.kind()).append("\", ");
            }
            if (sh.list() != null) {
                b.append("\"list\", ");
            }
            b.append("},\n");
        }
        b.append("    };\n\n");
        b.append("    /** Per shape: field offsets. */\n    static final int[][] FIELD_OFFSETS = {\n");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append("        {");
            for (Generator.Field f : sh.fields()) {
                b.append(f.offset()).append(", ");
            }
            if (sh.list() != null) {
                b.append(sh.list().offset()).append(", ");
            }
            b.append("},\n");
        }
        b.append("    };\n\n");
        b.append("    /** Per shape: offset of the list's count field, or -1. */\n    static final int[] LIST_COUNT_AT = {");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append(sh.list() == null ? -1 : sh.field(sh.list().countField()).offset()).append(", ");
        }
        b.append("};\n\n");
        b.append("    /** Per shape: offset of the dst slot field, or -1. */\n    static final int[] DST_AT = {");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            Generator.Field d = sh.field("dst");
            b.append(d != null && d.kind().equals("slot") ? d.offset() : -1).append(", ");
        }
        b.append("};\n\n");
        b.append("    /** Per shape: fixed size. */\n    static final int[] FIXED_SIZE = {");
        for (Generator.Shape sh : Generator.SHAPES.values()) {
            b.append(sh.fixedSize()).append(", ");
        }
        b.append("};\n\n");
        b.append("""
                    /**
                     * @param opcode an opcode
                     * @return the name of its shape
                     */
                    public static String shapeName(int opcode) {
                        return SHAPE_NAMES[SHAPE_OF[opcode]];
                    }

                    /**
                     * @param opcode an opcode
                     * @return the names of its fields, in encoding order (a list field last)
                     */
                    public static String[] fieldNames(int opcode) {
                        return FIELD_NAMES[SHAPE_OF[opcode]].clone();
                    }

                    /**
                     * @param opcode an opcode
                     * @return the kinds of its fields: slot, u32, i32, i64, off, or list (offsets)
                     */
                    public static String[] fieldKinds(int opcode) {
                        return FIELD_KINDS[SHAPE_OF[opcode]].clone();
                    }

                    /**
                     * @param opcode an opcode
                     * @return the byte offsets of its fields within the instruction
                     */
                    public static int[] fieldOffsets(int opcode) {
                        return FIELD_OFFSETS[SHAPE_OF[opcode]].clone();
                    }

                    /**
                     * @param opcode an opcode
                     * @return offset of its {@code dst} slot field, or -1 if it writes no slot through {@code dst}
                     */
                    public static int dstOffset(int opcode) {
                        return DST_AT[SHAPE_OF[opcode]];
                    }

                    /**
                     * @param code code buffer
                     * @param pc instruction offset
                     * @return the instruction's size in bytes
                     */
                    public static int size(MemorySegment code, int pc) {
                        int shape = SHAPE_OF[opcode(code, pc)];
                        int countAt = LIST_COUNT_AT[shape];
                        int size = FIXED_SIZE[shape];
                        return countAt < 0 ? size : size + 4 * (code.get(CodeLayout.I32, pc + countAt) + 1);
                    }

                    /**
                     * Reads any non-list field generically (slot and u32 fields zero-extended).
                     *
                     * @param code code buffer
                     * @param pc instruction offset
                     * @param field field number, as in {@link #fieldNames}
                     * @return the field's value
                     */
                    public static long field(MemorySegment code, int pc, int field) {
                        int shape = SHAPE_OF[opcode(code, pc)];
                        int at = pc + FIELD_OFFSETS[shape][field];
                        return switch (FIELD_KINDS[shape][field]) {
                            case "slot" -> code.get(CodeLayout.U16, at) & 0xFFFFL;
                            case "u32" -> code.get(CodeLayout.I32, at) & 0xFFFFFFFFL;
                            case "i32", "off" -> code.get(CodeLayout.I32, at);
                            case "i64" -> code.get(CodeLayout.I64, at);
                            default -> throw new IllegalArgumentException("list field");
                        };
                    }

                    /**
                     * @param code code buffer
                     * @param pc offset of an instruction with a list field
                     * @return number of list entries (count + 1)
                     */
                    public static int listLength(MemorySegment code, int pc) {
                        int countAt = LIST_COUNT_AT[SHAPE_OF[opcode(code, pc)]];
                        return countAt < 0 ? 0 : code.get(CodeLayout.I32, pc + countAt) + 1;
                    }

                    /**
                     * @param code code buffer
                     * @param pc offset of an instruction with a list field
                     * @param i entry index
                     * @return list entry {@code i}
                     */
                    public static int listEntry(MemorySegment code, int pc, int i) {
                        return code.get(CodeLayout.I32, pc + FIXED_SIZE[SHAPE_OF[opcode(code, pc)]] + 4 * i);
                    }
                }
                """);
        return b.toString();
    }

    // ---------------------------------------------------------------- Disassembler

    static String disassembler() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("""
                package dev.weft.code;

                import java.lang.foreign.MemorySegment;
                import java.util.function.IntFunction;

                /** Prints internal code as text, one instruction per line, driven by the decoder's tables. */
                public final class Disassembler {
                    private Disassembler() {
                    }

                    /**
                     * @param code code buffer
                     * @param from offset of the first instruction
                     * @param to end offset (exclusive)
                     * @param functionName names function indices (may return null)
                     * @return the listing
                     */
                    public static String disassemble(MemorySegment code, int from, int to, IntFunction<String> functionName) {
                        StringBuilder out = new StringBuilder();
                        for (int pc = from; pc < to; pc += InstructionDecoder.size(code, pc)) {
                            out.append(line(code, pc, from, functionName)).append('\\n');
                            if (InstructionDecoder.opcode(code, pc) >= Opcodes.COUNT) {
                                break; // not code: stop rather than guess a length
                            }
                        }
                        return out.toString();
                    }

                    /**
                     * @param code code buffer
                     * @param pc instruction offset
                     * @param base offset that branch targets are printed relative to (the function's entry)
                     * @param functionName names function indices (may return null)
                     * @return one line of text for the instruction at pc
                     */
                    public static String line(MemorySegment code, int pc, int base, IntFunction<String> functionName) {
                        int opcode = InstructionDecoder.opcode(code, pc);
                        if (opcode >= Opcodes.COUNT) {
                            return String.format("%5d: <bad opcode %d>", pc - base, opcode);
                        }
                        String name = Opcodes.name(opcode);
                        StringBuilder b = new StringBuilder(String.format("%5d: %-20s", pc - base, name));
                        String[] names = InstructionDecoder.FIELD_NAMES[InstructionDecoder.SHAPE_OF[opcode]];
                        String[] kinds = InstructionDecoder.FIELD_KINDS[InstructionDecoder.SHAPE_OF[opcode]];
                        for (int i = 0; i < names.length; i++) {
                            b.append(' ');
                            if (kinds[i].equals("list")) {
                                b.append(names[i]).append("=[");
                                int n = InstructionDecoder.listLength(code, pc);
                                for (int k = 0; k < n; k++) {
                                    b.append(k == 0 ? "" : " ").append("@").append(pc - base + InstructionDecoder.listEntry(code, pc, k));
                                }
                                b.append(']');
                                continue;
                            }
                            long v = InstructionDecoder.field(code, pc, i);
                            switch (kinds[i]) {
                                case "slot" -> b.append(names[i]).append("=s").append(v);
                                case "off" -> b.append("@").append(pc - base + v);
                                case "i32" -> b.append(names[i]).append('=').append(immediate(name, (int) v));
                                case "i64" -> b.append(names[i]).append('=').append(name.startsWith("f64.") ? String.valueOf(Double.longBitsToDouble(v)) : String.valueOf(v));
                                default -> {
                                    b.append(names[i]).append('=').append(v);
                                    if (names[i].equals("func") && functionName != null) {
                                        String fn = functionName.apply((int) v);
                                        if (fn != null) {
                                            b.append(" <").append(fn).append('>');
                                        }
                                    }
                                }
                            }
                        }
                        return b.toString().stripTrailing();
                    }

                    private static String immediate(String name, int v) {
                        return name.startsWith("f32.") && !name.startsWith("f32.copysign") ? String.valueOf(Float.intBitsToFloat(v)) : String.valueOf(v);
                    }
                }
                """);
        return b.toString();
    }

    // ---------------------------------------------------------------- Round-trip test

    static String roundTripTest() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("""
                package dev.weft.code;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                import java.lang.foreign.MemorySegment;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.SplittableRandom;
                import java.util.stream.Stream;

                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestFactory;

                /**
                 * Encodes every instruction of instructions.def with boundary and random field values through its
                 * typed encoder method, decodes it with the typed accessors of its shape, compares, and disassembles it.
                 */
                class InstructionRoundTripTest {
                    static final int ROUNDS = 12;
                    static final int[] SLOTS = {0, 1, 0x7FFF, 0x8000, 0xFFFF};
                    static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80, 0x8000};
                    static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x80000000L, -0x80000001L};

                    static int slot(int round, SplittableRandom r) {
                        return round < SLOTS.length ? SLOTS[round] : r.nextInt(0x10000);
                    }

                    static int i32(int round, SplittableRandom r) {
                        return round < INTS.length ? INTS[round] : r.nextInt();
                    }

                    static long i64(int round, SplittableRandom r) {
                        return round < LONGS.length ? LONGS[round] : r.nextLong();
                    }

                    /** A round trip of one instruction: encode N rounds into one buffer, then decode them in order. */
                    interface Case {
                        void run();
                    }

                    @TestFactory
                    Stream<DynamicTest> everyInstructionRoundTrips() {
                        List<DynamicTest> tests = new ArrayList<>();
                """);
        for (Generator.Op op : Generator.OPS) {
            b.append("        tests.add(DynamicTest.dynamicTest(\"").append(op.name()).append("\", InstructionRoundTripTest::").append(op.method()).append("));\n");
        }
        b.append("""
                        assertEquals(Opcodes.COUNT, tests.size(), "every opcode has a round-trip test");
                        return tests.stream();
                    }

                    @Test
                    void slotsThatDoNotFitAreRejected() {
                        InstructionEncoder e = new InstructionEncoder();
                        assertThrows(IllegalArgumentException.class, () -> e.copy(0x10000, 0));
                        assertThrows(IllegalArgumentException.class, () -> e.copy(0, -1));
                    }
                """);
        for (Generator.Op op : Generator.OPS) {
            Generator.Shape sh = op.shape();
            b.append("\n    static void ").append(op.method()).append("() {\n");
            b.append("        SplittableRandom r = new SplittableRandom(").append(op.code() * 7919L + 17).append(");\n");
            b.append("        InstructionEncoder e = new InstructionEncoder();\n");
            b.append("        int[] pcs = new int[ROUNDS];\n");
            for (Generator.Field f : sh.fields()) {
                b.append("        ").append(f.javaType()).append("[] ").append(f.name()).append(" = new ").append(f.javaType()).append("[ROUNDS];\n");
            }
            if (sh.list() != null) {
                b.append("        int[][] list = new int[ROUNDS][];\n");
            }
            b.append("        for (int round = 0; round < ROUNDS; round++) {\n");
            for (Generator.Field f : sh.fields()) {
                String gen = switch (f.kind()) {
                    case "slot" -> "slot(round, r)";
                    case "i64" -> "i64(round, r)";
                    default -> "i32(round, r)";
                };
                if (sh.list() != null && f.name().equals(sh.list().countField())) {
                    gen = "r.nextInt(5) + (round == 0 ? 0 : 1)";
                }
                b.append("            ").append(f.name()).append("[round] = ").append(gen).append(";\n");
            }
            List<String> args = new ArrayList<>();
            for (Generator.Field f : sh.fields()) {
                args.add(f.name() + "[round]");
            }
            b.append("            pcs[round] = e.").append(op.camel()).append("(").append(String.join(", ", args)).append(");\n");
            if (sh.list() != null) {
                b.append("            list[round] = new int[").append(sh.list().countField()).append("[round] + 1];\n");
                b.append("            for (int k = 0; k < list[round].length; k++) {\n");
                b.append("                list[round][k] = i32(k + round, r);\n");
                b.append("                e.patchI32(pcs[round] + InstructionDecoder.").append(sh.name()).append(".").append(sh.list().name()).append("At(k), list[round][k]);\n");
                b.append("            }\n");
            }
            b.append("        }\n");
            b.append("        MemorySegment code = e.finish();\n");
            b.append("        int pc = 0;\n");
            b.append("        for (int round = 0; round < ROUNDS; round++) {\n");
            b.append("            assertEquals(pcs[round], pc, \"instruction offset\");\n");
            b.append("            long w = InstructionDecoder.word(code, pc);\n");
            b.append("            long w2 = InstructionDecoder.word2(code, pc);\n");
            b.append("            assertEquals(Opcodes.").append(op.constant()).append(", InstructionDecoder.opcode(code, pc));\n");
            for (Generator.Field f : sh.fields()) {
                b.append("            assertEquals(").append(f.name()).append("[round], InstructionDecoder.").append(sh.name()).append(".")
                        .append(f.name()).append("(w, w2), \"").append(f.name()).append("\");\n");
                b.append("            assertEquals(").append(f.name()).append("[round], InstructionDecoder.").append(sh.name()).append(".")
                        .append(f.name()).append("(code, pc), \"").append(f.name()).append(" read from the code\");\n");
            }
            if (sh.list() != null) {
                b.append("            for (int k = 0; k < list[round].length; k++) {\n");
                b.append("                assertEquals(list[round][k], InstructionDecoder.").append(sh.name()).append(".").append(sh.list().name()).append("(code, pc, k));\n");
                b.append("            }\n");
            }
            b.append("            String text = Disassembler.line(code, pc, 0, f -> null);\n");
            b.append("            assertTrue(text.contains(\" ").append(op.name()).append(" \") || text.endsWith(\" ").append(op.name()).append("\"), text);\n");
            b.append("            pc += InstructionDecoder.size(code, pc);\n");
            b.append("        }\n");
            b.append("        assertEquals(e.position(), pc, \"sizes add up to the code length\");\n");
            b.append("    }\n");
        }
        b.append("}\n");
        return b.toString();
    }
}
