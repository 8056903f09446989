import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reading side of WebAssembly's instructions from the definition {@link WasmGenerator}
 * parsed: the {@code InstructionVisitor} interface the validator and the translator implement,
 * and the {@code InstructionReader} that decodes every immediate once and calls it. Part of the
 * generator run by Maven (see WasmGenerator.java); everything it writes is generated.
 */
final class WasmReaderEmitter {
    private WasmReaderEmitter() {
    }

    // ---------------------------------------------------------------- InstructionVisitor

    static String paramDecl(WasmGenerator.Imm i) {
        return switch (i.kind()) {
            case "labels" -> "int[] labels, int count, int defaultLabel";
            case "valtypes" -> "int[] types, int count";
            case "catches" -> "int[] catches, int count";
            case "memarg", "atomarg" -> "int align, int memory, long offset";
            case "i64", "f64" -> "long " + i.param();
            case "v128", "shuffle" -> "long low, long high";
            case "zero" -> null;
            default -> "int " + i.param();
        };
    }

    static String decls(WasmGenerator.Instr in) {
        List<String> d = new ArrayList<>();
        for (WasmGenerator.Imm i : in.imms()) {
            String s = paramDecl(i);
            if (s != null) {
                d.add(s);
            }
        }
        return String.join(", ", d);
    }

    static String visitor() {
        StringBuilder b = new StringBuilder(WasmGenerator.HEADER);
        b.append("""
                package dev.weft.decode;

                /**
                 * What {@link InstructionReader} calls for each instruction it decodes, with the instruction's
                 * immediates already read.
                 *
                 * <p>An instruction whose operand and result types the definition gives, and whose immediates
                 * are none, a memory argument or a lane, is reported to a group method with its dense number
                 * ({@link WasmInstructions}): {@link #operator} ({@code i32.add}), {@link #memoryAccess}
                 * ({@code i32.load}), {@link #atomicAccess}, {@link #laneAccess}, {@link #memoryLaneAccess}. Every
                 * other instruction has a method of its own, named after its mnemonic ({@code br_if} is
                 * {@link #brIf}), with its immediates in binary order; its default calls {@link #operator} if
                 * the definition types it ({@code i32.const}), else {@link #unsupported}. A visitor overrides
                 * what it handles.
                 *
                 * <p>Value types, heap types and block types arrive as the codes of {@link TypeCodes}. Arrays
                 * ({@code labels}, {@code types}, {@code catches}) belong to the reader and are valid only during
                 * the call; a {@code catches} entry is three ints: kind, tag, label.
                 */
                public interface InstructionVisitor {
                    /**
                     * An instruction this visitor has no rule for.
                     *
                     * @param instr its number in {@link WasmInstructions}
                     */
                    void unsupported(int instr);

                    /**
                     * A typed instruction without immediates, or whose immediates are constants.
                     *
                     * @param instr its number in {@link WasmInstructions}
                     */
                    default void operator(int instr) {
                        unsupported(instr);
                    }

                    /**
                     * A typed load or store.
                     *
                     * @param instr its number in {@link WasmInstructions}
                     * @param align log2 of the alignment the code claims
                     * @param memory the memory index
                     * @param offset the static offset (unsigned)
                     */
                    default void memoryAccess(int instr, int align, int memory, long offset) {
                        unsupported(instr);
                    }

                    /**
                     * A typed atomic access (its alignment must be exactly natural).
                     *
                     * @param instr its number in {@link WasmInstructions}
                     * @param align log2 of the alignment the code claims
                     * @param memory the memory index
                     * @param offset the static offset (unsigned)
                     */
                    default void atomicAccess(int instr, int align, int memory, long offset) {
                        unsupported(instr);
                    }

                    /**
                     * A typed instruction with a lane index.
                     *
                     * @param instr its number in {@link WasmInstructions}
                     * @param lane the lane index (0..255)
                     */
                    default void laneAccess(int instr, int lane) {
                        unsupported(instr);
                    }

                    /**
                     * A typed lane load or store.
                     *
                     * @param instr its number in {@link WasmInstructions}
                     * @param align log2 of the alignment the code claims
                     * @param memory the memory index
                     * @param offset the static offset (unsigned)
                     * @param lane the lane index (0..255)
                     */
                    default void memoryLaneAccess(int instr, int align, int memory, long offset, int lane) {
                        unsupported(instr);
                    }

                """);
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            if (in.direct()) {
                continue;
            }
            b.append("    /** {@code ").append(in.name()).append("}");
            if (!in.imms().isEmpty()) {
                b.append(" ").append(in.kinds());
            }
            b.append(" (").append(in.feature()).append("). */\n");
            b.append("    default void ").append(in.method()).append("(").append(decls(in)).append(") {\n");
            String g = in.group();
            if (g == null) {
                b.append("        unsupported(WasmInstructions.").append(in.idConstant()).append(");\n");
            } else {
                String extra = switch (g) {
                    case "memoryAccess", "atomicAccess" -> ", align, memory, offset";
                    case "laneAccess" -> ", lane";
                    case "memoryLaneAccess" -> ", align, memory, offset, lane";
                    default -> "";
                };
                b.append("        ").append(g).append("(WasmInstructions.").append(in.idConstant()).append(extra)
                        .append(");\n");
            }
            b.append("    }\n\n");
        }
        b.setLength(b.length() - 1);
        b.append("}\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- InstructionReader

    /** The statements that read an instruction's immediates into locals and call the visitor. */
    /**
     * The statements that read an instruction's immediates into locals and call the visitor.
     *
     * @param r the receiver of the reader's methods: "" inside InstructionReader, "r." in a
     *     specialised loop elsewhere
     * @param inline whether one-byte u32 immediates are read inline from the reader's fields
     */
    static String readCase(WasmGenerator.Instr in, String r, boolean inline) {
        return readCase(in, r, inline, false);
    }

    /** @param inLoopCase whether the case is in a loop, where {@code at} is the opcode's offset */
    static String readCase(WasmGenerator.Instr in, String r, boolean inline, boolean inLoopCase) {
        StringBuilder b = new StringBuilder();
        List<String> args = new ArrayList<>();
        for (WasmGenerator.Imm i : in.imms()) {
            String p = i.param();
            switch (i.kind()) {
                case "blocktype" -> b.append("int ").append(p).append(" = ").append(r).append("blockType(); ");
                case "catches" -> {
                    b.append("int catchCount = ").append(r).append("catches(); ");
                    args.add(r + "catchList(), catchCount");
                    continue;
                }
                case "labels" -> {
                    b.append("int count = ").append(r).append("labels(); ");
                    args.add(r + "labelList(), count, in.u32()");
                    continue;
                }
                case "valtypes" -> {
                    b.append("int count = ").append(r).append("valTypes(); ");
                    args.add(r + "typeList(), count");
                    continue;
                }
                case "heaptype" -> b.append("int ").append(p).append(" = ").append(r).append("heapType(); ");
                case "castflags" -> b.append("int ").append(p).append(" = ").append(r).append("castFlags(); ");
                case "memarg", "atomarg" -> {
                    b.append(r).append("memarg(); ");
                    args.add(r + "memAlign(), " + r + "memIndex(), " + r + "memOffset()");
                    continue;
                }
                case "lane" -> b.append("int ").append(p).append(" = in.u8(); ");
                case "i32" -> b.append("int ").append(p).append(" = in.s32(); ");
                case "i64" -> b.append("long ").append(p).append(" = in.s64(); ");
                case "f32" -> b.append("int ").append(p).append(" = in.fixed32(); ");
                case "f64" -> b.append("long ").append(p).append(" = in.fixed64(); ");
                case "v128", "shuffle" -> {
                    b.append("long low = in.fixed64(); long high = in.fixed64(); ");
                    args.add("low, high");
                    continue;
                }
                case "zero" -> {
                    b.append(r).append("zeroByte(); ");
                    continue;
                }
                case "memory" -> b.append("int ").append(p).append(" = ").append(r).append("memoryIndex(); ");
                // the one-byte form inline: the loop runs interpreted until the JIT compiles it; in the
                // loop the first immediate starts right after the opcode, at at + 1
                default -> {
                    if (inLoopCase && args.isEmpty() && b.isEmpty()) {
                        b.append("int ").append(p).append("; if (at + 1 < in.limit && (").append(p)
                                .append(" = bytes[at + 1]) >= 0) { in.pos = at + 2; } else { ").append(p)
                                .append(" = in.u32(); } ");
                    } else {
                        b.append("int ").append(p).append(inline
                                ? " = in.pos < in.limit && bytes[in.pos] >= 0 ? bytes[in.pos++] : in.u32(); "
                                : " = in.u32(); ");
                    }
                }
            }
            args.add(p);
        }
        String open = switch (in.constant()) {
            case "BLOCK", "LOOP", "TRY_TABLE" -> r + "openBlock(); ";
            case "IF" -> r + "openIf(); ";
            case "TRY" -> r + "openTry(); ";
            case "ELSE" -> r + "elseOpcode(); ";
            case "CATCH", "CATCH_ALL" -> r + "catchOpcode(); ";
            default -> "";
        };
        String call = in.direct() ? in.groupCall(r) : "v." + in.method() + "(" + String.join(", ", args) + ");";
        if (in.constant().equals("END")) {
            return b + "boolean last = " + r + "closeBlock(); " + call + " if (last) { " + r + "finish(); return; }";
        }
        if (in.constant().equals("DELEGATE")) {
            return b + r + "closeTry(); " + call; // a try is never the outermost block
        }
        return b + open + call;
    }

    static String reader() {
        StringBuilder b = new StringBuilder(WasmGenerator.HEADER);
        b.append("""
                package dev.weft.decode;

                /**
                 * The one reader of WebAssembly instructions: decodes each instruction's opcode and immediates and
                 * hands them to an {@link InstructionVisitor}. Everything that is malformed about code (illegal
                 * opcodes, bad LEB128s, bad types, misplaced {@code else}, a missing or early {@code end}) is
                 * found here, so a visitor only ever sees well-formed instructions. See {@link CodeReader} for
                 * the structure it tracks.
                 */
                public final class InstructionReader extends CodeReader {
                    /** @param bytes the module binary */
                    public InstructionReader(byte[] bytes) {
                        super(bytes);
                    }
                """);
        // Copies of the loop, one for function bodies and one for constant expressions, so
        // the JIT profiles them apart: the decoder scans every constant expression long before
        // the validator reads the first body, and a profile of expressions alone would compile
        // the body loop with every other opcode as an uncommon trap.
        loopCaseTable(b);
        loop(b, "runCode", "function bodies");
        loop(b, "runExpression", "constant expressions");
        // A third for the translator, so that each loop is compiled for one visitor (the validator
        // or the translator) rather than both at every call site.
        loop(b, "runTranslation", "function bodies being translated");
        b.append("""

                    /** The single-byte instructions the loops leave out, and the prefixes. */
                    private void rare(int op, InstructionVisitor v) {
                        final byte[] bytes = in.bytes();
                        switch (op) {
                """);
        cases(b, 0, "            ", "WasmInstructions.single(op)", in -> !inLoop(in), "", true);
        for (int p : new int[] {0xFB, 0xFC, 0xFD, 0xFE}) {
            b.append("            case ").append(WasmGenerator.hex(p)).append(" -> prefix").append(String.format("%X", p))
                    .append("(v);\n");
        }
        b.append("""
                            default -> throw illegalOpcode(-1, op);
                        }
                    }
                """);
        for (int p : new int[] {0xFB, 0xFC, 0xFD, 0xFE}) {
            b.append("\n    private void prefix").append(String.format("%X", p)).append("(InstructionVisitor v) {\n");
            b.append("        final byte[] bytes = in.bytes();\n");
            b.append("        int sub = in.u32();\n");
            b.append("        switch (sub) {\n");
            cases(b, p, "            ", "WasmInstructions.prefixed(" + WasmGenerator.hex(p) + ", sub)", in -> true, "", true);
            b.append("            default -> throw illegalOpcode(").append(WasmGenerator.hex(p)).append(", sub);\n");
            b.append("        }\n    }\n");
        }
        b.append("}\n");
        return b.toString();
    }

    /**
     * The switch cases of one opcode space. Instructions reported to the same group method share
     * one case, so the visitor's group method has one call site (the JIT inlines it once, not
     * once per opcode); each other instruction has its own case.
     */
    static void cases(StringBuilder b, int prefix, String indent, String lookup,
            java.util.function.Predicate<WasmGenerator.Instr> include, String r, boolean inline) {
        cases(b, prefix, indent, lookup, include, r, inline, false);
    }

    static void cases(StringBuilder b, int prefix, String indent, String lookup,
            java.util.function.Predicate<WasmGenerator.Instr> include, String r, boolean inline, boolean inLoop) {
        for (Case c : caseList(prefix, lookup, include, r, inline, inLoop)) {
            b.append(indent).append("case ");
            for (int i = 0; i < c.codes.size(); i++) {
                b.append(i == 0 ? "" : i % 12 == 0 ? ",\n" + indent + "        " : ", ").append(WasmGenerator.hex(c.codes.get(i)));
            }
            b.append(" -> { ").append(c.body).append(" }\n");
        }
    }

    /** One case of a decoding switch: the opcodes it takes and the statements it runs. */
    record Case(List<Integer> codes, String body) {
    }

    /** The cases {@link #cases} prints: instructions without a group first, then one case per group. */
    static List<Case> caseList(int prefix, String lookup, java.util.function.Predicate<WasmGenerator.Instr> include, String r,
            boolean inline, boolean inLoop) {
        List<Case> cases = new ArrayList<>();
        Map<String, List<WasmGenerator.Instr>> groups = new LinkedHashMap<>();
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            if (in.prefix() != prefix || !include.test(in)) {
                continue;
            }
            if (in.direct()) {
                groups.computeIfAbsent(in.kinds(), k -> new ArrayList<>()).add(in);
            } else {
                cases.add(new Case(List.of(in.code()), readCase(in, r, inline, inLoop)));
            }
        }
        for (Map.Entry<String, List<WasmGenerator.Instr>> g : groups.entrySet()) {
            List<WasmGenerator.Instr> members = g.getValue();
            WasmGenerator.Instr first = members.get(0);
            String call = first.groupCall(r).replace("WasmInstructions." + first.idConstant(), lookup);
            String read = switch (g.getKey()) {
                case "memarg", "atomarg" -> r + "memarg(); ";
                case "lane" -> "int lane = in.u8(); ";
                case "memarg lane" -> r + "memarg(); int lane = in.u8(); ";
                default -> "";
            };
            cases.add(new Case(members.stream().map(m -> m.code()).toList(), read + call));
        }
        return cases;
    }

    /**
     * Whether the main loop decodes an instruction itself: the single-byte instructions of
     * WebAssembly 1.0 (and sign extension, which shares the operator case). The rest goes to an
     * out-of-line method: the JIT compiles the loop with every instruction it handles inlined, and
     * that compilation must stay small (it took three times as long with every instruction in).
     */
    static boolean inLoop(WasmGenerator.Instr in) {
        return in.prefix() == 0 && (in.feature().equals("mvp") || in.feature().equals("sign-extension") && in.direct());
    }

    /**
     * The opcodes of the loops' most frequent cases, most frequent first (counted in the printed
     * code of bench-wasm's spidermonkey and pulldown-cmark: local.get 476 k, i32.const 295 k,
     * loads and stores, operators, end 91 k, ..., drop 7 k). The loops switch over a case
     * number, not the opcode: C1's profiling code (tier 3, which runs a fresh JVM's first module
     * loads) costs a compare per case of a switch on every pass, and the opcode switch spans
     * almost 200; the case switch has 27, numbered in this order because C1 tests them in order.
     */
    static final List<Integer> FREQUENT_FIRST = List.of(0x20, 0x41, 0x28, 0x6a, 0x0b, 0x22, 0x21, 0x0d, 0x02, 0x10,
            0x04, 0x0c, 0x42, 0x1b, 0x24, 0x03, 0x1a, 0x23, 0x0e, 0x11, 0x0f, 0x05, 0x00);

    /** The loops' cases in number order: the k-th (from 0) is case k + 1; number 0 is the rest ({@code rare}). */
    static List<Case> loopCases() {
        List<Case> cases = new ArrayList<>(caseList(0, "WasmInstructions.SINGLE[op]", WasmReaderEmitter::inLoop, "", true, true));
        cases.sort(java.util.Comparator.comparingInt(c -> {
            int best = Integer.MAX_VALUE;
            for (int code : c.codes) {
                int rank = FREQUENT_FIRST.indexOf(code);
                best = Math.min(best, rank < 0 ? Integer.MAX_VALUE : rank);
            }
            return best;
        }));
        if (cases.size() > 127) {
            throw new IllegalStateException(cases.size() + " loop cases do not fit the byte table");
        }
        return cases;
    }

    /** The table from opcode to loop case number ({@code LOOP_CASE}), shared by the loops. */
    static void loopCaseTable(StringBuilder b) {
        byte[] table = new byte[256];
        List<Case> cases = loopCases();
        for (int k = 0; k < cases.size(); k++) {
            for (int code : cases.get(k).codes) {
                table[code] = (byte) (k + 1);
            }
        }
        b.append("\n    /** Each single-byte opcode's case in the instruction loops; 0 for the rest ({@code rare}). */\n");
        b.append("    private static final byte[] LOOP_CASE = {");
        for (int i = 0; i < 256; i++) {
            b.append(i % 16 == 0 ? "\n            " : " ").append(table[i]).append(i < 255 ? "," : "");
        }
        b.append("\n    };\n");
    }

    static void loop(StringBuilder b, String method, String what) {
        b.append("""

                    /** The instruction loop for %s. */
                    @Override
                    void %s(InstructionVisitor v) {
                        final BinaryReader in = this.in;
                        final byte[] bytes = in.bytes();
                        while (true) {
                            int at = in.pos;
                            if (at >= in.limit) {
                                v = outOfBytes(at);
                                continue;
                            }
                            instrStart = at;
                            in.pos = at + 1;
                            int op = bytes[at] & 0xFF;
                            switch (LOOP_CASE[op]) {
                """.formatted(what, method));
        List<Case> cases = loopCases();
        for (int k = 0; k < cases.size(); k++) {
            b.append("                case ").append(k + 1).append(" -> { ").append(cases.get(k).body).append(" }\n");
        }
        b.append("""
                                default -> rare(op, v);
                            }
                        }
                    }
                """);
    }
}
