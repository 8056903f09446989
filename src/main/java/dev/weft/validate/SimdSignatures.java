package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;

/**
 * Operand and result types of every SIMD ({@code 0xFD}) instruction, one {@code int} per
 * sub-opcode, so the function validator checks them with one table lookup. An entry packs
 * {@code kind | type << 8 | maxAlign << 16 | lanes << 24}: the shape of the instruction, the
 * scalar type it splats, extracts or replaces, the largest alignment exponent its memory
 * access allows, and its number of lanes (the bound of its lane-index immediate).
 */
final class SimdSignatures {
    /** Not a SIMD instruction (malformed: illegal opcode). */
    static final int ILLEGAL = 0;
    /** {@code v128 -> v128}. */
    static final int UNARY = 1;
    /** {@code v128 v128 -> v128}. */
    static final int BINARY = 2;
    /** {@code v128 v128 v128 -> v128}. */
    static final int TERNARY = 3;
    /** {@code v128 -> i32}. */
    static final int TEST = 4;
    /** {@code v128 i32 -> v128}. */
    static final int SHIFT = 5;
    /** {@code t -> v128}. */
    static final int SPLAT = 6;
    /** {@code v128 -> t}, lane immediate. */
    static final int EXTRACT = 7;
    /** {@code v128 t -> v128}, lane immediate. */
    static final int REPLACE = 8;
    /** {@code i32 -> v128}, memarg. */
    static final int LOAD = 9;
    /** {@code i32 v128 -> }, memarg. */
    static final int STORE = 10;
    /** {@code i32 v128 -> v128}, memarg and lane immediate. */
    static final int LOAD_LANE = 11;
    /** {@code i32 v128 -> }, memarg and lane immediate. */
    static final int STORE_LANE = 12;
    /** {@code -> v128}, 16 immediate bytes. */
    static final int CONST = 13;
    /** {@code v128 v128 -> v128}, 16 lane-index immediates below 32. */
    static final int SHUFFLE = 14;

    private static final int[] TABLE = new int[256];

    static {
        set(UNARY, 0, 0, 0,
                FD_V128_NOT, FD_F32X4_DEMOTE_F64X2_ZERO, FD_F64X2_PROMOTE_LOW_F32X4, FD_I8X16_ABS,
                FD_I8X16_NEG, FD_I8X16_POPCNT, FD_F32X4_CEIL, FD_F32X4_FLOOR, FD_F32X4_TRUNC,
                FD_F32X4_NEAREST, FD_F64X2_CEIL, FD_F64X2_FLOOR, FD_F64X2_TRUNC,
                FD_I16X8_EXTADD_PAIRWISE_I8X16_S, FD_I16X8_EXTADD_PAIRWISE_I8X16_U,
                FD_I32X4_EXTADD_PAIRWISE_I16X8_S, FD_I32X4_EXTADD_PAIRWISE_I16X8_U, FD_I16X8_ABS,
                FD_I16X8_NEG, FD_I16X8_EXTEND_LOW_I8X16_S, FD_I16X8_EXTEND_HIGH_I8X16_S,
                FD_I16X8_EXTEND_LOW_I8X16_U, FD_I16X8_EXTEND_HIGH_I8X16_U, FD_F64X2_NEAREST, FD_I32X4_ABS,
                FD_I32X4_NEG, FD_I32X4_EXTEND_LOW_I16X8_S, FD_I32X4_EXTEND_HIGH_I16X8_S,
                FD_I32X4_EXTEND_LOW_I16X8_U, FD_I32X4_EXTEND_HIGH_I16X8_U, FD_I64X2_ABS, FD_I64X2_NEG,
                FD_I64X2_EXTEND_LOW_I32X4_S, FD_I64X2_EXTEND_HIGH_I32X4_S, FD_I64X2_EXTEND_LOW_I32X4_U,
                FD_I64X2_EXTEND_HIGH_I32X4_U, FD_F32X4_ABS, FD_F32X4_NEG, FD_F32X4_SQRT, FD_F64X2_ABS,
                FD_F64X2_NEG, FD_F64X2_SQRT, FD_I32X4_TRUNC_SAT_F32X4_S, FD_I32X4_TRUNC_SAT_F32X4_U,
                FD_F32X4_CONVERT_I32X4_S, FD_F32X4_CONVERT_I32X4_U, FD_I32X4_TRUNC_SAT_F64X2_S_ZERO,
                FD_I32X4_TRUNC_SAT_F64X2_U_ZERO, FD_F64X2_CONVERT_LOW_I32X4_S, FD_F64X2_CONVERT_LOW_I32X4_U);
        set(BINARY, 0, 0, 0,
                FD_I8X16_SWIZZLE, FD_I8X16_EQ, FD_I8X16_NE, FD_I8X16_LT_S, FD_I8X16_LT_U, FD_I8X16_GT_S,
                FD_I8X16_GT_U, FD_I8X16_LE_S, FD_I8X16_LE_U, FD_I8X16_GE_S, FD_I8X16_GE_U, FD_I16X8_EQ,
                FD_I16X8_NE, FD_I16X8_LT_S, FD_I16X8_LT_U, FD_I16X8_GT_S, FD_I16X8_GT_U, FD_I16X8_LE_S,
                FD_I16X8_LE_U, FD_I16X8_GE_S, FD_I16X8_GE_U, FD_I32X4_EQ, FD_I32X4_NE, FD_I32X4_LT_S,
                FD_I32X4_LT_U, FD_I32X4_GT_S, FD_I32X4_GT_U, FD_I32X4_LE_S, FD_I32X4_LE_U, FD_I32X4_GE_S,
                FD_I32X4_GE_U, FD_F32X4_EQ, FD_F32X4_NE, FD_F32X4_LT, FD_F32X4_GT, FD_F32X4_LE, FD_F32X4_GE,
                FD_F64X2_EQ, FD_F64X2_NE, FD_F64X2_LT, FD_F64X2_GT, FD_F64X2_LE, FD_F64X2_GE, FD_V128_AND,
                FD_V128_ANDNOT, FD_V128_OR, FD_V128_XOR, FD_I8X16_NARROW_I16X8_S, FD_I8X16_NARROW_I16X8_U,
                FD_I8X16_ADD, FD_I8X16_ADD_SAT_S, FD_I8X16_ADD_SAT_U, FD_I8X16_SUB, FD_I8X16_SUB_SAT_S,
                FD_I8X16_SUB_SAT_U, FD_I8X16_MIN_S, FD_I8X16_MIN_U, FD_I8X16_MAX_S, FD_I8X16_MAX_U,
                FD_I8X16_AVGR_U, FD_I16X8_Q15MULR_SAT_S, FD_I16X8_NARROW_I32X4_S, FD_I16X8_NARROW_I32X4_U,
                FD_I16X8_ADD, FD_I16X8_ADD_SAT_S, FD_I16X8_ADD_SAT_U, FD_I16X8_SUB, FD_I16X8_SUB_SAT_S,
                FD_I16X8_SUB_SAT_U, FD_I16X8_MUL, FD_I16X8_MIN_S, FD_I16X8_MIN_U, FD_I16X8_MAX_S,
                FD_I16X8_MAX_U, FD_I16X8_AVGR_U, FD_I16X8_EXTMUL_LOW_I8X16_S, FD_I16X8_EXTMUL_HIGH_I8X16_S,
                FD_I16X8_EXTMUL_LOW_I8X16_U, FD_I16X8_EXTMUL_HIGH_I8X16_U, FD_I32X4_ADD, FD_I32X4_SUB,
                FD_I32X4_MUL, FD_I32X4_MIN_S, FD_I32X4_MIN_U, FD_I32X4_MAX_S, FD_I32X4_MAX_U,
                FD_I32X4_DOT_I16X8_S, FD_I32X4_EXTMUL_LOW_I16X8_S, FD_I32X4_EXTMUL_HIGH_I16X8_S,
                FD_I32X4_EXTMUL_LOW_I16X8_U, FD_I32X4_EXTMUL_HIGH_I16X8_U, FD_I64X2_ADD, FD_I64X2_SUB,
                FD_I64X2_MUL, FD_I64X2_EQ, FD_I64X2_NE, FD_I64X2_LT_S, FD_I64X2_GT_S, FD_I64X2_LE_S,
                FD_I64X2_GE_S, FD_I64X2_EXTMUL_LOW_I32X4_S, FD_I64X2_EXTMUL_HIGH_I32X4_S,
                FD_I64X2_EXTMUL_LOW_I32X4_U, FD_I64X2_EXTMUL_HIGH_I32X4_U, FD_F32X4_ADD, FD_F32X4_SUB,
                FD_F32X4_MUL, FD_F32X4_DIV, FD_F32X4_MIN, FD_F32X4_MAX, FD_F32X4_PMIN, FD_F32X4_PMAX,
                FD_F64X2_ADD, FD_F64X2_SUB, FD_F64X2_MUL, FD_F64X2_DIV, FD_F64X2_MIN, FD_F64X2_MAX,
                FD_F64X2_PMIN, FD_F64X2_PMAX);
        set(TERNARY, 0, 0, 0, FD_V128_BITSELECT);
        set(TEST, 0, 0, 0,
                FD_V128_ANY_TRUE, FD_I8X16_ALL_TRUE, FD_I8X16_BITMASK, FD_I16X8_ALL_TRUE, FD_I16X8_BITMASK,
                FD_I32X4_ALL_TRUE, FD_I32X4_BITMASK, FD_I64X2_ALL_TRUE, FD_I64X2_BITMASK);
        set(SHIFT, 0, 0, 0,
                FD_I8X16_SHL, FD_I8X16_SHR_S, FD_I8X16_SHR_U, FD_I16X8_SHL, FD_I16X8_SHR_S, FD_I16X8_SHR_U,
                FD_I32X4_SHL, FD_I32X4_SHR_S, FD_I32X4_SHR_U, FD_I64X2_SHL, FD_I64X2_SHR_S, FD_I64X2_SHR_U);
        set(SPLAT, ValTypes.I32, 0, 16, FD_I8X16_SPLAT);
        set(SPLAT, ValTypes.I32, 0, 8, FD_I16X8_SPLAT);
        set(SPLAT, ValTypes.I32, 0, 4, FD_I32X4_SPLAT);
        set(SPLAT, ValTypes.I64, 0, 2, FD_I64X2_SPLAT);
        set(SPLAT, ValTypes.F32, 0, 4, FD_F32X4_SPLAT);
        set(SPLAT, ValTypes.F64, 0, 2, FD_F64X2_SPLAT);
        set(EXTRACT, ValTypes.I32, 0, 16, FD_I8X16_EXTRACT_LANE_S, FD_I8X16_EXTRACT_LANE_U);
        set(EXTRACT, ValTypes.I32, 0, 8, FD_I16X8_EXTRACT_LANE_S, FD_I16X8_EXTRACT_LANE_U);
        set(EXTRACT, ValTypes.I32, 0, 4, FD_I32X4_EXTRACT_LANE);
        set(EXTRACT, ValTypes.I64, 0, 2, FD_I64X2_EXTRACT_LANE);
        set(EXTRACT, ValTypes.F32, 0, 4, FD_F32X4_EXTRACT_LANE);
        set(EXTRACT, ValTypes.F64, 0, 2, FD_F64X2_EXTRACT_LANE);
        set(REPLACE, ValTypes.I32, 0, 16, FD_I8X16_REPLACE_LANE);
        set(REPLACE, ValTypes.I32, 0, 8, FD_I16X8_REPLACE_LANE);
        set(REPLACE, ValTypes.I32, 0, 4, FD_I32X4_REPLACE_LANE);
        set(REPLACE, ValTypes.I64, 0, 2, FD_I64X2_REPLACE_LANE);
        set(REPLACE, ValTypes.F32, 0, 4, FD_F32X4_REPLACE_LANE);
        set(REPLACE, ValTypes.F64, 0, 2, FD_F64X2_REPLACE_LANE);
        // the alignment bound is log2 of the bytes accessed
        set(LOAD, 0, 4, 0, FD_V128_LOAD);
        set(LOAD, 0, 3, 0, FD_V128_LOAD8X8_S, FD_V128_LOAD8X8_U, FD_V128_LOAD16X4_S, FD_V128_LOAD16X4_U,
                FD_V128_LOAD32X2_S, FD_V128_LOAD32X2_U, FD_V128_LOAD64_SPLAT, FD_V128_LOAD64_ZERO);
        set(LOAD, 0, 0, 0, FD_V128_LOAD8_SPLAT);
        set(LOAD, 0, 1, 0, FD_V128_LOAD16_SPLAT);
        set(LOAD, 0, 2, 0, FD_V128_LOAD32_SPLAT, FD_V128_LOAD32_ZERO);
        set(STORE, 0, 4, 0, FD_V128_STORE);
        set(LOAD_LANE, 0, 0, 16, FD_V128_LOAD8_LANE);
        set(LOAD_LANE, 0, 1, 8, FD_V128_LOAD16_LANE);
        set(LOAD_LANE, 0, 2, 4, FD_V128_LOAD32_LANE);
        set(LOAD_LANE, 0, 3, 2, FD_V128_LOAD64_LANE);
        set(STORE_LANE, 0, 0, 16, FD_V128_STORE8_LANE);
        set(STORE_LANE, 0, 1, 8, FD_V128_STORE16_LANE);
        set(STORE_LANE, 0, 2, 4, FD_V128_STORE32_LANE);
        set(STORE_LANE, 0, 3, 2, FD_V128_STORE64_LANE);
        set(CONST, 0, 0, 0, FD_V128_CONST);
        set(SHUFFLE, 0, 0, 32, FD_I8X16_SHUFFLE);
    }

    private SimdSignatures() {
    }

    private static void set(int kind, int type, int maxAlign, int lanes, int... subOpcodes) {
        int sig = kind | type << 8 | maxAlign << 16 | lanes << 24;
        for (int op : subOpcodes) {
            if (TABLE[op] != 0) {
                throw new AssertionError("SIMD opcode listed twice: " + op);
            }
            TABLE[op] = sig;
        }
    }

    /**
     * @param subOpcode the sub-opcode after {@code 0xFD} (any int)
     * @return its packed signature, or {@link #ILLEGAL}
     */
    static int of(int subOpcode) {
        return subOpcode >= 0 && subOpcode < TABLE.length ? TABLE[subOpcode] : ILLEGAL;
    }

    /** @return the shape, one of the constants above */
    static int kind(int sig) {
        return sig & 0xFF;
    }

    /** @return the scalar type code of a splat, extract or replace */
    static int type(int sig) {
        return (sig >>> 8) & 0xFF;
    }

    /** @return the largest allowed alignment exponent of a memory access */
    static int maxAlign(int sig) {
        return (sig >>> 16) & 0xFF;
    }

    /** @return the number of lanes (exclusive bound of a lane index) */
    static int lanes(int sig) {
        return sig >>> 24;
    }
}
