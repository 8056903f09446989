package dev.weft.translate;

import dev.weft.ValueType;
import dev.weft.code.Opcodes;
import dev.weft.decode.WasmOpcodes;

/**
 * Maps WebAssembly numeric operators to the internal instructions that implement them,
 * found by name in the generated {@link Opcodes}: {@code i32.add} is implemented by
 * {@code i32.add}, {@code i32.add_imm} (constant right operand), {@code i32.add_imm_lhs}
 * (constant left operand) and, for comparisons, {@code br_i32.lt_s} and friends. Adding a
 * variant to instructions.def makes the translator use it without a change here.
 */
final class OperatorTable {
    private OperatorTable() {
    }

    static final int NONE = -1;

    /** Internal opcode with two slot operands, per single-byte Wasm opcode; NONE if not a binary operator. */
    static final int[] BINARY = filled();
    /** ... with a constant right operand. */
    static final int[] BINARY_IMM = filled();
    /** ... with a constant left operand. */
    static final int[] BINARY_IMM_LHS = filled();
    /** For commutative operators and comparisons: the Wasm opcode equivalent with operands swapped. */
    static final int[] SWAPPED = filled();
    /** Internal opcode with one slot operand (unary and conversion), per Wasm opcode; NONE otherwise. */
    static final int[] UNARY = filled();
    /** For comparisons: the compare-and-branch taken when the comparison holds (two slots). */
    static final int[] BRANCH = filled();
    /** ... with a constant right operand. */
    static final int[] BRANCH_IMM = filled();
    /** For comparisons: the compare-and-branch taken when the comparison fails (two slots). */
    static final int[] BRANCH_NOT = filled();
    /** ... with a constant right operand. */
    static final int[] BRANCH_NOT_IMM = filled();
    /** For every conditional branch instruction, the one branching on the opposite condition; NONE otherwise. */
    static final int[] NEGATED_BRANCH = new int[Opcodes.COUNT];
    /** Saturating truncations (0xFC 0-7): internal opcode per sub-opcode. */
    static final int[] TRUNC_SAT = new int[8];
    /** Result is a boolean (i32 0/1) that a branch may consume. */
    static final boolean[] IS_COMPARE = new boolean[256];
    /** Result type of each numeric operator, load and conversion. */
    static final ValueType[] RESULT = new ValueType[256];
    /** Operand type of each numeric operator (the type in its name). */
    static final ValueType[] OPERAND = new ValueType[256];
    /** Loads and stores: the internal instruction of the same name. */
    static final int[] MEMORY = filled();
    /** Stores: the internal instruction storing a constant of the stored width. */
    static final int[] STORE_IMM = filled();

    private static int[] filled() {
        int[] a = new int[256];
        java.util.Arrays.fill(a, NONE);
        return a;
    }

    private static final String[][] SWAP = {
        {"eq", "eq"}, {"ne", "ne"}, {"lt_s", "gt_s"}, {"gt_s", "lt_s"}, {"le_s", "ge_s"}, {"ge_s", "le_s"},
        {"lt_u", "gt_u"}, {"gt_u", "lt_u"}, {"le_u", "ge_u"}, {"ge_u", "le_u"},
        {"lt", "gt"}, {"gt", "lt"}, {"le", "ge"}, {"ge", "le"},
        {"add", "add"}, {"mul", "mul"}, {"and", "and"}, {"or", "or"}, {"xor", "xor"},
        {"min", "min"}, {"max", "max"},
    };
    /** Integer comparisons negate exactly; float ones do not (NaN), so they use br_not_ variants. */
    private static final String[][] NEGATE = {
        {"eq", "ne"}, {"ne", "eq"}, {"lt_s", "ge_s"}, {"ge_s", "lt_s"}, {"gt_s", "le_s"}, {"le_s", "gt_s"},
        {"lt_u", "ge_u"}, {"ge_u", "lt_u"}, {"gt_u", "le_u"}, {"le_u", "gt_u"},
    };

    static {
        for (int op = 0x45; op <= 0xC4; op++) {
            String name = WasmOpcodes.name(op);
            if (name == null || name.contains("reinterpret") || name.endsWith(".const")) {
                continue;
            }
            int internal = Opcodes.byName(name);
            if (internal == NONE) {
                throw new IllegalStateException("no internal instruction for " + name);
            }
            String type = name.substring(0, 3);
            String base = name.substring(4);
            boolean binary = Opcodes.byName(name + "_imm") != NONE || isBinaryShape(internal);
            if (!binary) {
                UNARY[op] = internal;
                continue;
            }
            BINARY[op] = internal;
            BINARY_IMM[op] = Opcodes.byName(name + "_imm");
            BINARY_IMM_LHS[op] = Opcodes.byName(name + "_imm_lhs");
            for (String[] s : SWAP) {
                if (s[0].equals(base)) {
                    SWAPPED[op] = wasmOp(type + "." + s[1]);
                }
            }
            int branch = Opcodes.byName("br_" + name);
            if (branch != NONE) {
                IS_COMPARE[op] = true;
                BRANCH[op] = branch;
                BRANCH_IMM[op] = Opcodes.byName("br_" + name + "_imm");
                int not = Opcodes.byName("br_not_" + name);
                if (not != NONE) {
                    BRANCH_NOT[op] = not;
                    BRANCH_NOT_IMM[op] = Opcodes.byName("br_not_" + name + "_imm");
                } else {
                    for (String[] n : NEGATE) {
                        if (n[0].equals(base)) {
                            BRANCH_NOT[op] = Opcodes.byName("br_" + type + "." + n[1]);
                            BRANCH_NOT_IMM[op] = Opcodes.byName("br_" + type + "." + n[1] + "_imm");
                        }
                    }
                }
                if (BRANCH_NOT[op] == NONE) {
                    throw new IllegalStateException("no negated branch for " + name);
                }
            } else if (base.startsWith("eq") || base.startsWith("ne") || base.startsWith("lt") || base.startsWith("gt")
                    || base.startsWith("le") || base.startsWith("ge")) {
                IS_COMPARE[op] = true; // compares without a fused branch still produce a boolean
            }
        }
        for (int op = 0x28; op <= 0xC4; op++) {
            String name = WasmOpcodes.name(op);
            if (name == null) {
                continue;
            }
            ValueType named = switch (name.substring(0, 3)) {
                case "i32" -> ValueType.I32;
                case "i64" -> ValueType.I64;
                case "f32" -> ValueType.F32;
                case "f64" -> ValueType.F64;
                default -> null;
            };
            OPERAND[op] = named;
            RESULT[op] = IS_COMPARE[op] || op == WasmOpcodes.I32_EQZ || op == WasmOpcodes.I64_EQZ ? ValueType.I32 : named;
            if (op <= 0x3E) {
                // Float loads and stores move the same bits as the integer ones of their width.
                String same = name.replace("f32.", "i32.").replace("f64.", "i64.");
                MEMORY[op] = Opcodes.byName(same);
                if (MEMORY[op] == NONE) {
                    throw new IllegalStateException("no internal instruction for " + name);
                }
            }
        }
        // conversions are named after their result, comparisons produce i32: RESULT above covers both
        for (String store : new String[] {"i32.store", "f32.store", "i64.store32"}) {
            STORE_IMM[wasmOp(store)] = Opcodes.I32_STORE_IMM;
        }
        for (String store : new String[] {"i32.store8", "i64.store8"}) {
            STORE_IMM[wasmOp(store)] = Opcodes.I32_STORE8_IMM;
        }
        for (String store : new String[] {"i32.store16", "i64.store16"}) {
            STORE_IMM[wasmOp(store)] = Opcodes.I32_STORE16_IMM;
        }
        for (String store : new String[] {"i64.store", "f64.store"}) {
            STORE_IMM[wasmOp(store)] = Opcodes.I64_STORE_IMM;
        }
        java.util.Arrays.fill(NEGATED_BRANCH, NONE);
        pairBranches(Opcodes.BR_IF, Opcodes.BR_IF_NOT);
        pairBranches(Opcodes.BR_IF_I64, Opcodes.BR_IF_NOT_I64);
        // fused producers that also branch on their result: loop heads too (rotation)
        pairBranches(Opcodes.I32_ADD_IMM_BR_NEZ, Opcodes.I32_ADD_IMM_BR_EQZ);
        pairBranches(Opcodes.I32_LOAD_BR_NEZ, Opcodes.I32_LOAD_BR_EQZ);
        pairBranches(Opcodes.COPY_BR_IF, Opcodes.COPY_BR_IF_NOT);
        for (int op = 0; op < 256; op++) {
            if (BRANCH[op] != NONE) {
                pairBranches(BRANCH[op], BRANCH_NOT[op]);
                if (BRANCH_IMM[op] != NONE && BRANCH_NOT_IMM[op] != NONE) {
                    pairBranches(BRANCH_IMM[op], BRANCH_NOT_IMM[op]);
                }
            }
        }
        IS_COMPARE[WasmOpcodes.I32_EQZ] = true;
        IS_COMPARE[WasmOpcodes.I64_EQZ] = true;
        String[] sat = {"i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s", "i32.trunc_sat_f64_u",
            "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u"};
        for (int i = 0; i < sat.length; i++) {
            TRUNC_SAT[i] = Opcodes.byName(sat[i]);
        }
    }

    private static void pairBranches(int a, int b) {
        NEGATED_BRANCH[a] = b;
        NEGATED_BRANCH[b] = a;
    }

    private static boolean isBinaryShape(int internal) {
        return dev.weft.code.InstructionDecoder.shapeName(internal).equals("Binary");
    }

    private static int wasmOp(String name) {
        for (int op = 0; op < 256; op++) {
            if (name.equals(WasmOpcodes.name(op))) {
                return op;
            }
        }
        throw new IllegalStateException("no Wasm opcode " + name);
    }
}
