package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;
import static dev.weft.validate.ValTypes.F32;
import static dev.weft.validate.ValTypes.F64;
import static dev.weft.validate.ValTypes.I32;
import static dev.weft.validate.ValTypes.I64;

/**
 * Operand and result types of the scalar numeric instructions (tests, comparisons, unary and
 * binary arithmetic, conversions, saturating truncations) and of the scalar loads and stores,
 * as small tables the function validator reads with one lookup.
 *
 * <p>A numeric entry packs {@code arity << 16 | operand << 8 | result}: {@code arity} operands
 * of type {@code operand} are popped and one {@code result} is pushed; 0 means "not a simple
 * numeric instruction". A memory entry packs {@code store << 16 | maxAlign << 8 | type}.
 */
final class ScalarSignatures {
    private static final int[] NUMERIC = new int[256];
    private static final int[] TRUNC_SAT = new int[FC_I64_TRUNC_SAT_F64_U + 1];
    private static final int[] MEMORY = new int[256];

    static {
        unary(I32, I32, I32_EQZ, I32_CLZ, I32_CTZ, I32_POPCNT, I32_EXTEND8_S, I32_EXTEND16_S);
        unary(I64, I32, I64_EQZ);
        unary(I64, I64, I64_CLZ, I64_CTZ, I64_POPCNT, I64_EXTEND8_S, I64_EXTEND16_S, I64_EXTEND32_S);
        unary(F32, F32, F32_ABS, F32_NEG, F32_CEIL, F32_FLOOR, F32_TRUNC, F32_NEAREST, F32_SQRT);
        unary(F64, F64, F64_ABS, F64_NEG, F64_CEIL, F64_FLOOR, F64_TRUNC, F64_NEAREST, F64_SQRT);
        binary(I32, I32, I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U,
                I32_GE_S, I32_GE_U, I32_ADD, I32_SUB, I32_MUL, I32_DIV_S, I32_DIV_U, I32_REM_S, I32_REM_U,
                I32_AND, I32_OR, I32_XOR, I32_SHL, I32_SHR_S, I32_SHR_U, I32_ROTL, I32_ROTR);
        binary(I64, I32, I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U, I64_LE_S, I64_LE_U,
                I64_GE_S, I64_GE_U);
        binary(I64, I64, I64_ADD, I64_SUB, I64_MUL, I64_DIV_S, I64_DIV_U, I64_REM_S, I64_REM_U,
                I64_AND, I64_OR, I64_XOR, I64_SHL, I64_SHR_S, I64_SHR_U, I64_ROTL, I64_ROTR);
        binary(F32, I32, F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE);
        binary(F64, I32, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE);
        binary(F32, F32, F32_ADD, F32_SUB, F32_MUL, F32_DIV, F32_MIN, F32_MAX, F32_COPYSIGN);
        binary(F64, F64, F64_ADD, F64_SUB, F64_MUL, F64_DIV, F64_MIN, F64_MAX, F64_COPYSIGN);
        unary(I64, I32, I32_WRAP_I64);
        unary(F32, I32, I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_REINTERPRET_F32);
        unary(F64, I32, I32_TRUNC_F64_S, I32_TRUNC_F64_U);
        unary(I32, I64, I64_EXTEND_I32_S, I64_EXTEND_I32_U);
        unary(F32, I64, I64_TRUNC_F32_S, I64_TRUNC_F32_U);
        unary(F64, I64, I64_TRUNC_F64_S, I64_TRUNC_F64_U, I64_REINTERPRET_F64);
        unary(I32, F32, F32_CONVERT_I32_S, F32_CONVERT_I32_U, F32_REINTERPRET_I32);
        unary(I64, F32, F32_CONVERT_I64_S, F32_CONVERT_I64_U);
        unary(F64, F32, F32_DEMOTE_F64);
        unary(I32, F64, F64_CONVERT_I32_S, F64_CONVERT_I32_U);
        unary(I64, F64, F64_CONVERT_I64_S, F64_CONVERT_I64_U, F64_REINTERPRET_I64);
        unary(F32, F64, F64_PROMOTE_F32);

        TRUNC_SAT[FC_I32_TRUNC_SAT_F32_S] = sig(1, F32, I32);
        TRUNC_SAT[FC_I32_TRUNC_SAT_F32_U] = sig(1, F32, I32);
        TRUNC_SAT[FC_I32_TRUNC_SAT_F64_S] = sig(1, F64, I32);
        TRUNC_SAT[FC_I32_TRUNC_SAT_F64_U] = sig(1, F64, I32);
        TRUNC_SAT[FC_I64_TRUNC_SAT_F32_S] = sig(1, F32, I64);
        TRUNC_SAT[FC_I64_TRUNC_SAT_F32_U] = sig(1, F32, I64);
        TRUNC_SAT[FC_I64_TRUNC_SAT_F64_S] = sig(1, F64, I64);
        TRUNC_SAT[FC_I64_TRUNC_SAT_F64_U] = sig(1, F64, I64);

        // the alignment bound is log2 of the bytes accessed
        memory(false, I32, 2, I32_LOAD);
        memory(false, I64, 3, I64_LOAD);
        memory(false, F32, 2, F32_LOAD);
        memory(false, F64, 3, F64_LOAD);
        memory(false, I32, 0, I32_LOAD8_S, I32_LOAD8_U);
        memory(false, I32, 1, I32_LOAD16_S, I32_LOAD16_U);
        memory(false, I64, 0, I64_LOAD8_S, I64_LOAD8_U);
        memory(false, I64, 1, I64_LOAD16_S, I64_LOAD16_U);
        memory(false, I64, 2, I64_LOAD32_S, I64_LOAD32_U);
        memory(true, I32, 2, I32_STORE);
        memory(true, I64, 3, I64_STORE);
        memory(true, F32, 2, F32_STORE);
        memory(true, F64, 3, F64_STORE);
        memory(true, I32, 0, I32_STORE8);
        memory(true, I32, 1, I32_STORE16);
        memory(true, I64, 0, I64_STORE8);
        memory(true, I64, 1, I64_STORE16);
        memory(true, I64, 2, I64_STORE32);
    }

    private ScalarSignatures() {
    }

    private static int sig(int arity, int operand, int result) {
        return arity << 16 | operand << 8 | result;
    }

    private static void unary(int operand, int result, int... opcodes) {
        for (int op : opcodes) {
            NUMERIC[op] = sig(1, operand, result);
        }
    }

    private static void binary(int operand, int result, int... opcodes) {
        for (int op : opcodes) {
            NUMERIC[op] = sig(2, operand, result);
        }
    }

    private static void memory(boolean store, int type, int maxAlign, int... opcodes) {
        for (int op : opcodes) {
            MEMORY[op] = (store ? 1 << 16 : 0) | maxAlign << 8 | type;
        }
    }

    /**
     * @param opcode a single-byte opcode
     * @return its packed numeric signature, or 0 if it is not a simple numeric instruction
     */
    static int numeric(int opcode) {
        return NUMERIC[opcode];
    }

    /**
     * @param subOpcode a {@code 0xFC} sub-opcode
     * @return the packed signature of a saturating truncation, or 0
     */
    static int truncSat(int subOpcode) {
        return subOpcode >= 0 && subOpcode < TRUNC_SAT.length ? TRUNC_SAT[subOpcode] : 0;
    }

    /**
     * @param opcode a single-byte opcode
     * @return the packed memory-access entry of a scalar load or store, or 0
     */
    static int memory(int opcode) {
        return MEMORY[opcode];
    }

    /** @return the number of operands of a numeric signature (1 or 2) */
    static int arity(int sig) {
        return sig >>> 16;
    }

    /** @return the operand type of a numeric signature */
    static int operand(int sig) {
        return (sig >>> 8) & 0xFF;
    }

    /** @return the result type of a numeric signature, or the value type of a memory entry */
    static int result(int sig) {
        return sig & 0xFF;
    }

    /** @return true if a memory entry is a store */
    static boolean isStore(int mem) {
        return (mem >>> 16) != 0;
    }

    /** @return the largest allowed alignment exponent of a memory entry */
    static int maxAlign(int mem) {
        return (mem >>> 8) & 0xFF;
    }
}
