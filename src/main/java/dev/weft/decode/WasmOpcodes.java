package dev.weft.decode;

/**
 * Opcodes of WebAssembly 2.0: the single-byte instructions, the {@code 0xFC} sub-opcodes
 * (saturating truncation, bulk memory, table instructions) and the {@code 0xFD} SIMD sub-opcodes,
 * numbered as in the specification's binary format, with their text-format mnemonics.
 *
 * <p>Naming: the mnemonic in upper case with {@code .} replaced by {@code _}; sub-opcodes carry
 * their prefix ({@code FC_MEMORY_INIT}, {@code FD_I8X16_SHUFFLE}). The one exception is
 * {@link #SELECT_T}, the typed {@code select}, which shares its mnemonic with {@link #SELECT}.
 * A sub-opcode follows its prefix byte as an unsigned LEB128 {@code u32}.
 */
public final class WasmOpcodes {
    private WasmOpcodes() {
    }

    // ---- single-byte opcodes

    /** {@code unreachable}. */
    public static final int UNREACHABLE = 0x00;
    /** {@code nop}. */
    public static final int NOP = 0x01;
    /** {@code block}. */
    public static final int BLOCK = 0x02;
    /** {@code loop}. */
    public static final int LOOP = 0x03;
    /** {@code if}. */
    public static final int IF = 0x04;
    /** {@code else}. */
    public static final int ELSE = 0x05;
    /** {@code end}. */
    public static final int END = 0x0B;
    /** {@code br}. */
    public static final int BR = 0x0C;
    /** {@code br_if}. */
    public static final int BR_IF = 0x0D;
    /** {@code br_table}. */
    public static final int BR_TABLE = 0x0E;
    /** {@code return}. */
    public static final int RETURN = 0x0F;
    /** {@code call}. */
    public static final int CALL = 0x10;
    /** {@code call_indirect}. */
    public static final int CALL_INDIRECT = 0x11;
    /** {@code drop}. */
    public static final int DROP = 0x1A;
    /** {@code select}. */
    public static final int SELECT = 0x1B;
    /** {@code select} with a type vector (typed select). */
    public static final int SELECT_T = 0x1C;
    /** {@code local.get}. */
    public static final int LOCAL_GET = 0x20;
    /** {@code local.set}. */
    public static final int LOCAL_SET = 0x21;
    /** {@code local.tee}. */
    public static final int LOCAL_TEE = 0x22;
    /** {@code global.get}. */
    public static final int GLOBAL_GET = 0x23;
    /** {@code global.set}. */
    public static final int GLOBAL_SET = 0x24;
    /** {@code table.get}. */
    public static final int TABLE_GET = 0x25;
    /** {@code table.set}. */
    public static final int TABLE_SET = 0x26;
    /** {@code i32.load}. */
    public static final int I32_LOAD = 0x28;
    /** {@code i64.load}. */
    public static final int I64_LOAD = 0x29;
    /** {@code f32.load}. */
    public static final int F32_LOAD = 0x2A;
    /** {@code f64.load}. */
    public static final int F64_LOAD = 0x2B;
    /** {@code i32.load8_s}. */
    public static final int I32_LOAD8_S = 0x2C;
    /** {@code i32.load8_u}. */
    public static final int I32_LOAD8_U = 0x2D;
    /** {@code i32.load16_s}. */
    public static final int I32_LOAD16_S = 0x2E;
    /** {@code i32.load16_u}. */
    public static final int I32_LOAD16_U = 0x2F;
    /** {@code i64.load8_s}. */
    public static final int I64_LOAD8_S = 0x30;
    /** {@code i64.load8_u}. */
    public static final int I64_LOAD8_U = 0x31;
    /** {@code i64.load16_s}. */
    public static final int I64_LOAD16_S = 0x32;
    /** {@code i64.load16_u}. */
    public static final int I64_LOAD16_U = 0x33;
    /** {@code i64.load32_s}. */
    public static final int I64_LOAD32_S = 0x34;
    /** {@code i64.load32_u}. */
    public static final int I64_LOAD32_U = 0x35;
    /** {@code i32.store}. */
    public static final int I32_STORE = 0x36;
    /** {@code i64.store}. */
    public static final int I64_STORE = 0x37;
    /** {@code f32.store}. */
    public static final int F32_STORE = 0x38;
    /** {@code f64.store}. */
    public static final int F64_STORE = 0x39;
    /** {@code i32.store8}. */
    public static final int I32_STORE8 = 0x3A;
    /** {@code i32.store16}. */
    public static final int I32_STORE16 = 0x3B;
    /** {@code i64.store8}. */
    public static final int I64_STORE8 = 0x3C;
    /** {@code i64.store16}. */
    public static final int I64_STORE16 = 0x3D;
    /** {@code i64.store32}. */
    public static final int I64_STORE32 = 0x3E;
    /** {@code memory.size}. */
    public static final int MEMORY_SIZE = 0x3F;
    /** {@code memory.grow}. */
    public static final int MEMORY_GROW = 0x40;
    /** {@code i32.const}. */
    public static final int I32_CONST = 0x41;
    /** {@code i64.const}. */
    public static final int I64_CONST = 0x42;
    /** {@code f32.const}. */
    public static final int F32_CONST = 0x43;
    /** {@code f64.const}. */
    public static final int F64_CONST = 0x44;
    /** {@code i32.eqz}. */
    public static final int I32_EQZ = 0x45;
    /** {@code i32.eq}. */
    public static final int I32_EQ = 0x46;
    /** {@code i32.ne}. */
    public static final int I32_NE = 0x47;
    /** {@code i32.lt_s}. */
    public static final int I32_LT_S = 0x48;
    /** {@code i32.lt_u}. */
    public static final int I32_LT_U = 0x49;
    /** {@code i32.gt_s}. */
    public static final int I32_GT_S = 0x4A;
    /** {@code i32.gt_u}. */
    public static final int I32_GT_U = 0x4B;
    /** {@code i32.le_s}. */
    public static final int I32_LE_S = 0x4C;
    /** {@code i32.le_u}. */
    public static final int I32_LE_U = 0x4D;
    /** {@code i32.ge_s}. */
    public static final int I32_GE_S = 0x4E;
    /** {@code i32.ge_u}. */
    public static final int I32_GE_U = 0x4F;
    /** {@code i64.eqz}. */
    public static final int I64_EQZ = 0x50;
    /** {@code i64.eq}. */
    public static final int I64_EQ = 0x51;
    /** {@code i64.ne}. */
    public static final int I64_NE = 0x52;
    /** {@code i64.lt_s}. */
    public static final int I64_LT_S = 0x53;
    /** {@code i64.lt_u}. */
    public static final int I64_LT_U = 0x54;
    /** {@code i64.gt_s}. */
    public static final int I64_GT_S = 0x55;
    /** {@code i64.gt_u}. */
    public static final int I64_GT_U = 0x56;
    /** {@code i64.le_s}. */
    public static final int I64_LE_S = 0x57;
    /** {@code i64.le_u}. */
    public static final int I64_LE_U = 0x58;
    /** {@code i64.ge_s}. */
    public static final int I64_GE_S = 0x59;
    /** {@code i64.ge_u}. */
    public static final int I64_GE_U = 0x5A;
    /** {@code f32.eq}. */
    public static final int F32_EQ = 0x5B;
    /** {@code f32.ne}. */
    public static final int F32_NE = 0x5C;
    /** {@code f32.lt}. */
    public static final int F32_LT = 0x5D;
    /** {@code f32.gt}. */
    public static final int F32_GT = 0x5E;
    /** {@code f32.le}. */
    public static final int F32_LE = 0x5F;
    /** {@code f32.ge}. */
    public static final int F32_GE = 0x60;
    /** {@code f64.eq}. */
    public static final int F64_EQ = 0x61;
    /** {@code f64.ne}. */
    public static final int F64_NE = 0x62;
    /** {@code f64.lt}. */
    public static final int F64_LT = 0x63;
    /** {@code f64.gt}. */
    public static final int F64_GT = 0x64;
    /** {@code f64.le}. */
    public static final int F64_LE = 0x65;
    /** {@code f64.ge}. */
    public static final int F64_GE = 0x66;
    /** {@code i32.clz}. */
    public static final int I32_CLZ = 0x67;
    /** {@code i32.ctz}. */
    public static final int I32_CTZ = 0x68;
    /** {@code i32.popcnt}. */
    public static final int I32_POPCNT = 0x69;
    /** {@code i32.add}. */
    public static final int I32_ADD = 0x6A;
    /** {@code i32.sub}. */
    public static final int I32_SUB = 0x6B;
    /** {@code i32.mul}. */
    public static final int I32_MUL = 0x6C;
    /** {@code i32.div_s}. */
    public static final int I32_DIV_S = 0x6D;
    /** {@code i32.div_u}. */
    public static final int I32_DIV_U = 0x6E;
    /** {@code i32.rem_s}. */
    public static final int I32_REM_S = 0x6F;
    /** {@code i32.rem_u}. */
    public static final int I32_REM_U = 0x70;
    /** {@code i32.and}. */
    public static final int I32_AND = 0x71;
    /** {@code i32.or}. */
    public static final int I32_OR = 0x72;
    /** {@code i32.xor}. */
    public static final int I32_XOR = 0x73;
    /** {@code i32.shl}. */
    public static final int I32_SHL = 0x74;
    /** {@code i32.shr_s}. */
    public static final int I32_SHR_S = 0x75;
    /** {@code i32.shr_u}. */
    public static final int I32_SHR_U = 0x76;
    /** {@code i32.rotl}. */
    public static final int I32_ROTL = 0x77;
    /** {@code i32.rotr}. */
    public static final int I32_ROTR = 0x78;
    /** {@code i64.clz}. */
    public static final int I64_CLZ = 0x79;
    /** {@code i64.ctz}. */
    public static final int I64_CTZ = 0x7A;
    /** {@code i64.popcnt}. */
    public static final int I64_POPCNT = 0x7B;
    /** {@code i64.add}. */
    public static final int I64_ADD = 0x7C;
    /** {@code i64.sub}. */
    public static final int I64_SUB = 0x7D;
    /** {@code i64.mul}. */
    public static final int I64_MUL = 0x7E;
    /** {@code i64.div_s}. */
    public static final int I64_DIV_S = 0x7F;
    /** {@code i64.div_u}. */
    public static final int I64_DIV_U = 0x80;
    /** {@code i64.rem_s}. */
    public static final int I64_REM_S = 0x81;
    /** {@code i64.rem_u}. */
    public static final int I64_REM_U = 0x82;
    /** {@code i64.and}. */
    public static final int I64_AND = 0x83;
    /** {@code i64.or}. */
    public static final int I64_OR = 0x84;
    /** {@code i64.xor}. */
    public static final int I64_XOR = 0x85;
    /** {@code i64.shl}. */
    public static final int I64_SHL = 0x86;
    /** {@code i64.shr_s}. */
    public static final int I64_SHR_S = 0x87;
    /** {@code i64.shr_u}. */
    public static final int I64_SHR_U = 0x88;
    /** {@code i64.rotl}. */
    public static final int I64_ROTL = 0x89;
    /** {@code i64.rotr}. */
    public static final int I64_ROTR = 0x8A;
    /** {@code f32.abs}. */
    public static final int F32_ABS = 0x8B;
    /** {@code f32.neg}. */
    public static final int F32_NEG = 0x8C;
    /** {@code f32.ceil}. */
    public static final int F32_CEIL = 0x8D;
    /** {@code f32.floor}. */
    public static final int F32_FLOOR = 0x8E;
    /** {@code f32.trunc}. */
    public static final int F32_TRUNC = 0x8F;
    /** {@code f32.nearest}. */
    public static final int F32_NEAREST = 0x90;
    /** {@code f32.sqrt}. */
    public static final int F32_SQRT = 0x91;
    /** {@code f32.add}. */
    public static final int F32_ADD = 0x92;
    /** {@code f32.sub}. */
    public static final int F32_SUB = 0x93;
    /** {@code f32.mul}. */
    public static final int F32_MUL = 0x94;
    /** {@code f32.div}. */
    public static final int F32_DIV = 0x95;
    /** {@code f32.min}. */
    public static final int F32_MIN = 0x96;
    /** {@code f32.max}. */
    public static final int F32_MAX = 0x97;
    /** {@code f32.copysign}. */
    public static final int F32_COPYSIGN = 0x98;
    /** {@code f64.abs}. */
    public static final int F64_ABS = 0x99;
    /** {@code f64.neg}. */
    public static final int F64_NEG = 0x9A;
    /** {@code f64.ceil}. */
    public static final int F64_CEIL = 0x9B;
    /** {@code f64.floor}. */
    public static final int F64_FLOOR = 0x9C;
    /** {@code f64.trunc}. */
    public static final int F64_TRUNC = 0x9D;
    /** {@code f64.nearest}. */
    public static final int F64_NEAREST = 0x9E;
    /** {@code f64.sqrt}. */
    public static final int F64_SQRT = 0x9F;
    /** {@code f64.add}. */
    public static final int F64_ADD = 0xA0;
    /** {@code f64.sub}. */
    public static final int F64_SUB = 0xA1;
    /** {@code f64.mul}. */
    public static final int F64_MUL = 0xA2;
    /** {@code f64.div}. */
    public static final int F64_DIV = 0xA3;
    /** {@code f64.min}. */
    public static final int F64_MIN = 0xA4;
    /** {@code f64.max}. */
    public static final int F64_MAX = 0xA5;
    /** {@code f64.copysign}. */
    public static final int F64_COPYSIGN = 0xA6;
    /** {@code i32.wrap_i64}. */
    public static final int I32_WRAP_I64 = 0xA7;
    /** {@code i32.trunc_f32_s}. */
    public static final int I32_TRUNC_F32_S = 0xA8;
    /** {@code i32.trunc_f32_u}. */
    public static final int I32_TRUNC_F32_U = 0xA9;
    /** {@code i32.trunc_f64_s}. */
    public static final int I32_TRUNC_F64_S = 0xAA;
    /** {@code i32.trunc_f64_u}. */
    public static final int I32_TRUNC_F64_U = 0xAB;
    /** {@code i64.extend_i32_s}. */
    public static final int I64_EXTEND_I32_S = 0xAC;
    /** {@code i64.extend_i32_u}. */
    public static final int I64_EXTEND_I32_U = 0xAD;
    /** {@code i64.trunc_f32_s}. */
    public static final int I64_TRUNC_F32_S = 0xAE;
    /** {@code i64.trunc_f32_u}. */
    public static final int I64_TRUNC_F32_U = 0xAF;
    /** {@code i64.trunc_f64_s}. */
    public static final int I64_TRUNC_F64_S = 0xB0;
    /** {@code i64.trunc_f64_u}. */
    public static final int I64_TRUNC_F64_U = 0xB1;
    /** {@code f32.convert_i32_s}. */
    public static final int F32_CONVERT_I32_S = 0xB2;
    /** {@code f32.convert_i32_u}. */
    public static final int F32_CONVERT_I32_U = 0xB3;
    /** {@code f32.convert_i64_s}. */
    public static final int F32_CONVERT_I64_S = 0xB4;
    /** {@code f32.convert_i64_u}. */
    public static final int F32_CONVERT_I64_U = 0xB5;
    /** {@code f32.demote_f64}. */
    public static final int F32_DEMOTE_F64 = 0xB6;
    /** {@code f64.convert_i32_s}. */
    public static final int F64_CONVERT_I32_S = 0xB7;
    /** {@code f64.convert_i32_u}. */
    public static final int F64_CONVERT_I32_U = 0xB8;
    /** {@code f64.convert_i64_s}. */
    public static final int F64_CONVERT_I64_S = 0xB9;
    /** {@code f64.convert_i64_u}. */
    public static final int F64_CONVERT_I64_U = 0xBA;
    /** {@code f64.promote_f32}. */
    public static final int F64_PROMOTE_F32 = 0xBB;
    /** {@code i32.reinterpret_f32}. */
    public static final int I32_REINTERPRET_F32 = 0xBC;
    /** {@code i64.reinterpret_f64}. */
    public static final int I64_REINTERPRET_F64 = 0xBD;
    /** {@code f32.reinterpret_i32}. */
    public static final int F32_REINTERPRET_I32 = 0xBE;
    /** {@code f64.reinterpret_i64}. */
    public static final int F64_REINTERPRET_I64 = 0xBF;
    /** {@code i32.extend8_s}. */
    public static final int I32_EXTEND8_S = 0xC0;
    /** {@code i32.extend16_s}. */
    public static final int I32_EXTEND16_S = 0xC1;
    /** {@code i64.extend8_s}. */
    public static final int I64_EXTEND8_S = 0xC2;
    /** {@code i64.extend16_s}. */
    public static final int I64_EXTEND16_S = 0xC3;
    /** {@code i64.extend32_s}. */
    public static final int I64_EXTEND32_S = 0xC4;
    /** {@code ref.null}. */
    public static final int REF_NULL = 0xD0;
    /** {@code ref.is_null}. */
    public static final int REF_IS_NULL = 0xD1;
    /** {@code ref.func}. */
    public static final int REF_FUNC = 0xD2;

    /** Prefix of the saturating-truncation, bulk-memory and table instructions ({@code FC_*}). */
    public static final int PREFIX_FC = 0xFC;
    /** Prefix of the SIMD instructions ({@code FD_*}). */
    public static final int PREFIX_FD = 0xFD;

    // ---- 0xFC sub-opcodes

    /** {@code i32.trunc_sat_f32_s} ({@code 0xFC 0}). */
    public static final int FC_I32_TRUNC_SAT_F32_S = 0;
    /** {@code i32.trunc_sat_f32_u} ({@code 0xFC 1}). */
    public static final int FC_I32_TRUNC_SAT_F32_U = 1;
    /** {@code i32.trunc_sat_f64_s} ({@code 0xFC 2}). */
    public static final int FC_I32_TRUNC_SAT_F64_S = 2;
    /** {@code i32.trunc_sat_f64_u} ({@code 0xFC 3}). */
    public static final int FC_I32_TRUNC_SAT_F64_U = 3;
    /** {@code i64.trunc_sat_f32_s} ({@code 0xFC 4}). */
    public static final int FC_I64_TRUNC_SAT_F32_S = 4;
    /** {@code i64.trunc_sat_f32_u} ({@code 0xFC 5}). */
    public static final int FC_I64_TRUNC_SAT_F32_U = 5;
    /** {@code i64.trunc_sat_f64_s} ({@code 0xFC 6}). */
    public static final int FC_I64_TRUNC_SAT_F64_S = 6;
    /** {@code i64.trunc_sat_f64_u} ({@code 0xFC 7}). */
    public static final int FC_I64_TRUNC_SAT_F64_U = 7;
    /** {@code memory.init} ({@code 0xFC 8}). */
    public static final int FC_MEMORY_INIT = 8;
    /** {@code data.drop} ({@code 0xFC 9}). */
    public static final int FC_DATA_DROP = 9;
    /** {@code memory.copy} ({@code 0xFC 10}). */
    public static final int FC_MEMORY_COPY = 10;
    /** {@code memory.fill} ({@code 0xFC 11}). */
    public static final int FC_MEMORY_FILL = 11;
    /** {@code table.init} ({@code 0xFC 12}). */
    public static final int FC_TABLE_INIT = 12;
    /** {@code elem.drop} ({@code 0xFC 13}). */
    public static final int FC_ELEM_DROP = 13;
    /** {@code table.copy} ({@code 0xFC 14}). */
    public static final int FC_TABLE_COPY = 14;
    /** {@code table.grow} ({@code 0xFC 15}). */
    public static final int FC_TABLE_GROW = 15;
    /** {@code table.size} ({@code 0xFC 16}). */
    public static final int FC_TABLE_SIZE = 16;
    /** {@code table.fill} ({@code 0xFC 17}). */
    public static final int FC_TABLE_FILL = 17;

    // ---- 0xFD (SIMD) sub-opcodes

    /** {@code v128.load} ({@code 0xFD 0x00}). */
    public static final int FD_V128_LOAD = 0x00;
    /** {@code v128.load8x8_s} ({@code 0xFD 0x01}). */
    public static final int FD_V128_LOAD8X8_S = 0x01;
    /** {@code v128.load8x8_u} ({@code 0xFD 0x02}). */
    public static final int FD_V128_LOAD8X8_U = 0x02;
    /** {@code v128.load16x4_s} ({@code 0xFD 0x03}). */
    public static final int FD_V128_LOAD16X4_S = 0x03;
    /** {@code v128.load16x4_u} ({@code 0xFD 0x04}). */
    public static final int FD_V128_LOAD16X4_U = 0x04;
    /** {@code v128.load32x2_s} ({@code 0xFD 0x05}). */
    public static final int FD_V128_LOAD32X2_S = 0x05;
    /** {@code v128.load32x2_u} ({@code 0xFD 0x06}). */
    public static final int FD_V128_LOAD32X2_U = 0x06;
    /** {@code v128.load8_splat} ({@code 0xFD 0x07}). */
    public static final int FD_V128_LOAD8_SPLAT = 0x07;
    /** {@code v128.load16_splat} ({@code 0xFD 0x08}). */
    public static final int FD_V128_LOAD16_SPLAT = 0x08;
    /** {@code v128.load32_splat} ({@code 0xFD 0x09}). */
    public static final int FD_V128_LOAD32_SPLAT = 0x09;
    /** {@code v128.load64_splat} ({@code 0xFD 0x0A}). */
    public static final int FD_V128_LOAD64_SPLAT = 0x0A;
    /** {@code v128.store} ({@code 0xFD 0x0B}). */
    public static final int FD_V128_STORE = 0x0B;
    /** {@code v128.const} ({@code 0xFD 0x0C}). */
    public static final int FD_V128_CONST = 0x0C;
    /** {@code i8x16.shuffle} ({@code 0xFD 0x0D}). */
    public static final int FD_I8X16_SHUFFLE = 0x0D;
    /** {@code i8x16.swizzle} ({@code 0xFD 0x0E}). */
    public static final int FD_I8X16_SWIZZLE = 0x0E;
    /** {@code i8x16.splat} ({@code 0xFD 0x0F}). */
    public static final int FD_I8X16_SPLAT = 0x0F;
    /** {@code i16x8.splat} ({@code 0xFD 0x10}). */
    public static final int FD_I16X8_SPLAT = 0x10;
    /** {@code i32x4.splat} ({@code 0xFD 0x11}). */
    public static final int FD_I32X4_SPLAT = 0x11;
    /** {@code i64x2.splat} ({@code 0xFD 0x12}). */
    public static final int FD_I64X2_SPLAT = 0x12;
    /** {@code f32x4.splat} ({@code 0xFD 0x13}). */
    public static final int FD_F32X4_SPLAT = 0x13;
    /** {@code f64x2.splat} ({@code 0xFD 0x14}). */
    public static final int FD_F64X2_SPLAT = 0x14;
    /** {@code i8x16.extract_lane_s} ({@code 0xFD 0x15}). */
    public static final int FD_I8X16_EXTRACT_LANE_S = 0x15;
    /** {@code i8x16.extract_lane_u} ({@code 0xFD 0x16}). */
    public static final int FD_I8X16_EXTRACT_LANE_U = 0x16;
    /** {@code i8x16.replace_lane} ({@code 0xFD 0x17}). */
    public static final int FD_I8X16_REPLACE_LANE = 0x17;
    /** {@code i16x8.extract_lane_s} ({@code 0xFD 0x18}). */
    public static final int FD_I16X8_EXTRACT_LANE_S = 0x18;
    /** {@code i16x8.extract_lane_u} ({@code 0xFD 0x19}). */
    public static final int FD_I16X8_EXTRACT_LANE_U = 0x19;
    /** {@code i16x8.replace_lane} ({@code 0xFD 0x1A}). */
    public static final int FD_I16X8_REPLACE_LANE = 0x1A;
    /** {@code i32x4.extract_lane} ({@code 0xFD 0x1B}). */
    public static final int FD_I32X4_EXTRACT_LANE = 0x1B;
    /** {@code i32x4.replace_lane} ({@code 0xFD 0x1C}). */
    public static final int FD_I32X4_REPLACE_LANE = 0x1C;
    /** {@code i64x2.extract_lane} ({@code 0xFD 0x1D}). */
    public static final int FD_I64X2_EXTRACT_LANE = 0x1D;
    /** {@code i64x2.replace_lane} ({@code 0xFD 0x1E}). */
    public static final int FD_I64X2_REPLACE_LANE = 0x1E;
    /** {@code f32x4.extract_lane} ({@code 0xFD 0x1F}). */
    public static final int FD_F32X4_EXTRACT_LANE = 0x1F;
    /** {@code f32x4.replace_lane} ({@code 0xFD 0x20}). */
    public static final int FD_F32X4_REPLACE_LANE = 0x20;
    /** {@code f64x2.extract_lane} ({@code 0xFD 0x21}). */
    public static final int FD_F64X2_EXTRACT_LANE = 0x21;
    /** {@code f64x2.replace_lane} ({@code 0xFD 0x22}). */
    public static final int FD_F64X2_REPLACE_LANE = 0x22;
    /** {@code i8x16.eq} ({@code 0xFD 0x23}). */
    public static final int FD_I8X16_EQ = 0x23;
    /** {@code i8x16.ne} ({@code 0xFD 0x24}). */
    public static final int FD_I8X16_NE = 0x24;
    /** {@code i8x16.lt_s} ({@code 0xFD 0x25}). */
    public static final int FD_I8X16_LT_S = 0x25;
    /** {@code i8x16.lt_u} ({@code 0xFD 0x26}). */
    public static final int FD_I8X16_LT_U = 0x26;
    /** {@code i8x16.gt_s} ({@code 0xFD 0x27}). */
    public static final int FD_I8X16_GT_S = 0x27;
    /** {@code i8x16.gt_u} ({@code 0xFD 0x28}). */
    public static final int FD_I8X16_GT_U = 0x28;
    /** {@code i8x16.le_s} ({@code 0xFD 0x29}). */
    public static final int FD_I8X16_LE_S = 0x29;
    /** {@code i8x16.le_u} ({@code 0xFD 0x2A}). */
    public static final int FD_I8X16_LE_U = 0x2A;
    /** {@code i8x16.ge_s} ({@code 0xFD 0x2B}). */
    public static final int FD_I8X16_GE_S = 0x2B;
    /** {@code i8x16.ge_u} ({@code 0xFD 0x2C}). */
    public static final int FD_I8X16_GE_U = 0x2C;
    /** {@code i16x8.eq} ({@code 0xFD 0x2D}). */
    public static final int FD_I16X8_EQ = 0x2D;
    /** {@code i16x8.ne} ({@code 0xFD 0x2E}). */
    public static final int FD_I16X8_NE = 0x2E;
    /** {@code i16x8.lt_s} ({@code 0xFD 0x2F}). */
    public static final int FD_I16X8_LT_S = 0x2F;
    /** {@code i16x8.lt_u} ({@code 0xFD 0x30}). */
    public static final int FD_I16X8_LT_U = 0x30;
    /** {@code i16x8.gt_s} ({@code 0xFD 0x31}). */
    public static final int FD_I16X8_GT_S = 0x31;
    /** {@code i16x8.gt_u} ({@code 0xFD 0x32}). */
    public static final int FD_I16X8_GT_U = 0x32;
    /** {@code i16x8.le_s} ({@code 0xFD 0x33}). */
    public static final int FD_I16X8_LE_S = 0x33;
    /** {@code i16x8.le_u} ({@code 0xFD 0x34}). */
    public static final int FD_I16X8_LE_U = 0x34;
    /** {@code i16x8.ge_s} ({@code 0xFD 0x35}). */
    public static final int FD_I16X8_GE_S = 0x35;
    /** {@code i16x8.ge_u} ({@code 0xFD 0x36}). */
    public static final int FD_I16X8_GE_U = 0x36;
    /** {@code i32x4.eq} ({@code 0xFD 0x37}). */
    public static final int FD_I32X4_EQ = 0x37;
    /** {@code i32x4.ne} ({@code 0xFD 0x38}). */
    public static final int FD_I32X4_NE = 0x38;
    /** {@code i32x4.lt_s} ({@code 0xFD 0x39}). */
    public static final int FD_I32X4_LT_S = 0x39;
    /** {@code i32x4.lt_u} ({@code 0xFD 0x3A}). */
    public static final int FD_I32X4_LT_U = 0x3A;
    /** {@code i32x4.gt_s} ({@code 0xFD 0x3B}). */
    public static final int FD_I32X4_GT_S = 0x3B;
    /** {@code i32x4.gt_u} ({@code 0xFD 0x3C}). */
    public static final int FD_I32X4_GT_U = 0x3C;
    /** {@code i32x4.le_s} ({@code 0xFD 0x3D}). */
    public static final int FD_I32X4_LE_S = 0x3D;
    /** {@code i32x4.le_u} ({@code 0xFD 0x3E}). */
    public static final int FD_I32X4_LE_U = 0x3E;
    /** {@code i32x4.ge_s} ({@code 0xFD 0x3F}). */
    public static final int FD_I32X4_GE_S = 0x3F;
    /** {@code i32x4.ge_u} ({@code 0xFD 0x40}). */
    public static final int FD_I32X4_GE_U = 0x40;
    /** {@code f32x4.eq} ({@code 0xFD 0x41}). */
    public static final int FD_F32X4_EQ = 0x41;
    /** {@code f32x4.ne} ({@code 0xFD 0x42}). */
    public static final int FD_F32X4_NE = 0x42;
    /** {@code f32x4.lt} ({@code 0xFD 0x43}). */
    public static final int FD_F32X4_LT = 0x43;
    /** {@code f32x4.gt} ({@code 0xFD 0x44}). */
    public static final int FD_F32X4_GT = 0x44;
    /** {@code f32x4.le} ({@code 0xFD 0x45}). */
    public static final int FD_F32X4_LE = 0x45;
    /** {@code f32x4.ge} ({@code 0xFD 0x46}). */
    public static final int FD_F32X4_GE = 0x46;
    /** {@code f64x2.eq} ({@code 0xFD 0x47}). */
    public static final int FD_F64X2_EQ = 0x47;
    /** {@code f64x2.ne} ({@code 0xFD 0x48}). */
    public static final int FD_F64X2_NE = 0x48;
    /** {@code f64x2.lt} ({@code 0xFD 0x49}). */
    public static final int FD_F64X2_LT = 0x49;
    /** {@code f64x2.gt} ({@code 0xFD 0x4A}). */
    public static final int FD_F64X2_GT = 0x4A;
    /** {@code f64x2.le} ({@code 0xFD 0x4B}). */
    public static final int FD_F64X2_LE = 0x4B;
    /** {@code f64x2.ge} ({@code 0xFD 0x4C}). */
    public static final int FD_F64X2_GE = 0x4C;
    /** {@code v128.not} ({@code 0xFD 0x4D}). */
    public static final int FD_V128_NOT = 0x4D;
    /** {@code v128.and} ({@code 0xFD 0x4E}). */
    public static final int FD_V128_AND = 0x4E;
    /** {@code v128.andnot} ({@code 0xFD 0x4F}). */
    public static final int FD_V128_ANDNOT = 0x4F;
    /** {@code v128.or} ({@code 0xFD 0x50}). */
    public static final int FD_V128_OR = 0x50;
    /** {@code v128.xor} ({@code 0xFD 0x51}). */
    public static final int FD_V128_XOR = 0x51;
    /** {@code v128.bitselect} ({@code 0xFD 0x52}). */
    public static final int FD_V128_BITSELECT = 0x52;
    /** {@code v128.any_true} ({@code 0xFD 0x53}). */
    public static final int FD_V128_ANY_TRUE = 0x53;
    /** {@code v128.load8_lane} ({@code 0xFD 0x54}). */
    public static final int FD_V128_LOAD8_LANE = 0x54;
    /** {@code v128.load16_lane} ({@code 0xFD 0x55}). */
    public static final int FD_V128_LOAD16_LANE = 0x55;
    /** {@code v128.load32_lane} ({@code 0xFD 0x56}). */
    public static final int FD_V128_LOAD32_LANE = 0x56;
    /** {@code v128.load64_lane} ({@code 0xFD 0x57}). */
    public static final int FD_V128_LOAD64_LANE = 0x57;
    /** {@code v128.store8_lane} ({@code 0xFD 0x58}). */
    public static final int FD_V128_STORE8_LANE = 0x58;
    /** {@code v128.store16_lane} ({@code 0xFD 0x59}). */
    public static final int FD_V128_STORE16_LANE = 0x59;
    /** {@code v128.store32_lane} ({@code 0xFD 0x5A}). */
    public static final int FD_V128_STORE32_LANE = 0x5A;
    /** {@code v128.store64_lane} ({@code 0xFD 0x5B}). */
    public static final int FD_V128_STORE64_LANE = 0x5B;
    /** {@code v128.load32_zero} ({@code 0xFD 0x5C}). */
    public static final int FD_V128_LOAD32_ZERO = 0x5C;
    /** {@code v128.load64_zero} ({@code 0xFD 0x5D}). */
    public static final int FD_V128_LOAD64_ZERO = 0x5D;
    /** {@code f32x4.demote_f64x2_zero} ({@code 0xFD 0x5E}). */
    public static final int FD_F32X4_DEMOTE_F64X2_ZERO = 0x5E;
    /** {@code f64x2.promote_low_f32x4} ({@code 0xFD 0x5F}). */
    public static final int FD_F64X2_PROMOTE_LOW_F32X4 = 0x5F;
    /** {@code i8x16.abs} ({@code 0xFD 0x60}). */
    public static final int FD_I8X16_ABS = 0x60;
    /** {@code i8x16.neg} ({@code 0xFD 0x61}). */
    public static final int FD_I8X16_NEG = 0x61;
    /** {@code i8x16.popcnt} ({@code 0xFD 0x62}). */
    public static final int FD_I8X16_POPCNT = 0x62;
    /** {@code i8x16.all_true} ({@code 0xFD 0x63}). */
    public static final int FD_I8X16_ALL_TRUE = 0x63;
    /** {@code i8x16.bitmask} ({@code 0xFD 0x64}). */
    public static final int FD_I8X16_BITMASK = 0x64;
    /** {@code i8x16.narrow_i16x8_s} ({@code 0xFD 0x65}). */
    public static final int FD_I8X16_NARROW_I16X8_S = 0x65;
    /** {@code i8x16.narrow_i16x8_u} ({@code 0xFD 0x66}). */
    public static final int FD_I8X16_NARROW_I16X8_U = 0x66;
    /** {@code f32x4.ceil} ({@code 0xFD 0x67}). */
    public static final int FD_F32X4_CEIL = 0x67;
    /** {@code f32x4.floor} ({@code 0xFD 0x68}). */
    public static final int FD_F32X4_FLOOR = 0x68;
    /** {@code f32x4.trunc} ({@code 0xFD 0x69}). */
    public static final int FD_F32X4_TRUNC = 0x69;
    /** {@code f32x4.nearest} ({@code 0xFD 0x6A}). */
    public static final int FD_F32X4_NEAREST = 0x6A;
    /** {@code i8x16.shl} ({@code 0xFD 0x6B}). */
    public static final int FD_I8X16_SHL = 0x6B;
    /** {@code i8x16.shr_s} ({@code 0xFD 0x6C}). */
    public static final int FD_I8X16_SHR_S = 0x6C;
    /** {@code i8x16.shr_u} ({@code 0xFD 0x6D}). */
    public static final int FD_I8X16_SHR_U = 0x6D;
    /** {@code i8x16.add} ({@code 0xFD 0x6E}). */
    public static final int FD_I8X16_ADD = 0x6E;
    /** {@code i8x16.add_sat_s} ({@code 0xFD 0x6F}). */
    public static final int FD_I8X16_ADD_SAT_S = 0x6F;
    /** {@code i8x16.add_sat_u} ({@code 0xFD 0x70}). */
    public static final int FD_I8X16_ADD_SAT_U = 0x70;
    /** {@code i8x16.sub} ({@code 0xFD 0x71}). */
    public static final int FD_I8X16_SUB = 0x71;
    /** {@code i8x16.sub_sat_s} ({@code 0xFD 0x72}). */
    public static final int FD_I8X16_SUB_SAT_S = 0x72;
    /** {@code i8x16.sub_sat_u} ({@code 0xFD 0x73}). */
    public static final int FD_I8X16_SUB_SAT_U = 0x73;
    /** {@code f64x2.ceil} ({@code 0xFD 0x74}). */
    public static final int FD_F64X2_CEIL = 0x74;
    /** {@code f64x2.floor} ({@code 0xFD 0x75}). */
    public static final int FD_F64X2_FLOOR = 0x75;
    /** {@code i8x16.min_s} ({@code 0xFD 0x76}). */
    public static final int FD_I8X16_MIN_S = 0x76;
    /** {@code i8x16.min_u} ({@code 0xFD 0x77}). */
    public static final int FD_I8X16_MIN_U = 0x77;
    /** {@code i8x16.max_s} ({@code 0xFD 0x78}). */
    public static final int FD_I8X16_MAX_S = 0x78;
    /** {@code i8x16.max_u} ({@code 0xFD 0x79}). */
    public static final int FD_I8X16_MAX_U = 0x79;
    /** {@code f64x2.trunc} ({@code 0xFD 0x7A}). */
    public static final int FD_F64X2_TRUNC = 0x7A;
    /** {@code i8x16.avgr_u} ({@code 0xFD 0x7B}). */
    public static final int FD_I8X16_AVGR_U = 0x7B;
    /** {@code i16x8.extadd_pairwise_i8x16_s} ({@code 0xFD 0x7C}). */
    public static final int FD_I16X8_EXTADD_PAIRWISE_I8X16_S = 0x7C;
    /** {@code i16x8.extadd_pairwise_i8x16_u} ({@code 0xFD 0x7D}). */
    public static final int FD_I16X8_EXTADD_PAIRWISE_I8X16_U = 0x7D;
    /** {@code i32x4.extadd_pairwise_i16x8_s} ({@code 0xFD 0x7E}). */
    public static final int FD_I32X4_EXTADD_PAIRWISE_I16X8_S = 0x7E;
    /** {@code i32x4.extadd_pairwise_i16x8_u} ({@code 0xFD 0x7F}). */
    public static final int FD_I32X4_EXTADD_PAIRWISE_I16X8_U = 0x7F;
    /** {@code i16x8.abs} ({@code 0xFD 0x80}). */
    public static final int FD_I16X8_ABS = 0x80;
    /** {@code i16x8.neg} ({@code 0xFD 0x81}). */
    public static final int FD_I16X8_NEG = 0x81;
    /** {@code i16x8.q15mulr_sat_s} ({@code 0xFD 0x82}). */
    public static final int FD_I16X8_Q15MULR_SAT_S = 0x82;
    /** {@code i16x8.all_true} ({@code 0xFD 0x83}). */
    public static final int FD_I16X8_ALL_TRUE = 0x83;
    /** {@code i16x8.bitmask} ({@code 0xFD 0x84}). */
    public static final int FD_I16X8_BITMASK = 0x84;
    /** {@code i16x8.narrow_i32x4_s} ({@code 0xFD 0x85}). */
    public static final int FD_I16X8_NARROW_I32X4_S = 0x85;
    /** {@code i16x8.narrow_i32x4_u} ({@code 0xFD 0x86}). */
    public static final int FD_I16X8_NARROW_I32X4_U = 0x86;
    /** {@code i16x8.extend_low_i8x16_s} ({@code 0xFD 0x87}). */
    public static final int FD_I16X8_EXTEND_LOW_I8X16_S = 0x87;
    /** {@code i16x8.extend_high_i8x16_s} ({@code 0xFD 0x88}). */
    public static final int FD_I16X8_EXTEND_HIGH_I8X16_S = 0x88;
    /** {@code i16x8.extend_low_i8x16_u} ({@code 0xFD 0x89}). */
    public static final int FD_I16X8_EXTEND_LOW_I8X16_U = 0x89;
    /** {@code i16x8.extend_high_i8x16_u} ({@code 0xFD 0x8A}). */
    public static final int FD_I16X8_EXTEND_HIGH_I8X16_U = 0x8A;
    /** {@code i16x8.shl} ({@code 0xFD 0x8B}). */
    public static final int FD_I16X8_SHL = 0x8B;
    /** {@code i16x8.shr_s} ({@code 0xFD 0x8C}). */
    public static final int FD_I16X8_SHR_S = 0x8C;
    /** {@code i16x8.shr_u} ({@code 0xFD 0x8D}). */
    public static final int FD_I16X8_SHR_U = 0x8D;
    /** {@code i16x8.add} ({@code 0xFD 0x8E}). */
    public static final int FD_I16X8_ADD = 0x8E;
    /** {@code i16x8.add_sat_s} ({@code 0xFD 0x8F}). */
    public static final int FD_I16X8_ADD_SAT_S = 0x8F;
    /** {@code i16x8.add_sat_u} ({@code 0xFD 0x90}). */
    public static final int FD_I16X8_ADD_SAT_U = 0x90;
    /** {@code i16x8.sub} ({@code 0xFD 0x91}). */
    public static final int FD_I16X8_SUB = 0x91;
    /** {@code i16x8.sub_sat_s} ({@code 0xFD 0x92}). */
    public static final int FD_I16X8_SUB_SAT_S = 0x92;
    /** {@code i16x8.sub_sat_u} ({@code 0xFD 0x93}). */
    public static final int FD_I16X8_SUB_SAT_U = 0x93;
    /** {@code f64x2.nearest} ({@code 0xFD 0x94}). */
    public static final int FD_F64X2_NEAREST = 0x94;
    /** {@code i16x8.mul} ({@code 0xFD 0x95}). */
    public static final int FD_I16X8_MUL = 0x95;
    /** {@code i16x8.min_s} ({@code 0xFD 0x96}). */
    public static final int FD_I16X8_MIN_S = 0x96;
    /** {@code i16x8.min_u} ({@code 0xFD 0x97}). */
    public static final int FD_I16X8_MIN_U = 0x97;
    /** {@code i16x8.max_s} ({@code 0xFD 0x98}). */
    public static final int FD_I16X8_MAX_S = 0x98;
    /** {@code i16x8.max_u} ({@code 0xFD 0x99}). */
    public static final int FD_I16X8_MAX_U = 0x99;
    /** {@code i16x8.avgr_u} ({@code 0xFD 0x9B}). */
    public static final int FD_I16X8_AVGR_U = 0x9B;
    /** {@code i16x8.extmul_low_i8x16_s} ({@code 0xFD 0x9C}). */
    public static final int FD_I16X8_EXTMUL_LOW_I8X16_S = 0x9C;
    /** {@code i16x8.extmul_high_i8x16_s} ({@code 0xFD 0x9D}). */
    public static final int FD_I16X8_EXTMUL_HIGH_I8X16_S = 0x9D;
    /** {@code i16x8.extmul_low_i8x16_u} ({@code 0xFD 0x9E}). */
    public static final int FD_I16X8_EXTMUL_LOW_I8X16_U = 0x9E;
    /** {@code i16x8.extmul_high_i8x16_u} ({@code 0xFD 0x9F}). */
    public static final int FD_I16X8_EXTMUL_HIGH_I8X16_U = 0x9F;
    /** {@code i32x4.abs} ({@code 0xFD 0xA0}). */
    public static final int FD_I32X4_ABS = 0xA0;
    /** {@code i32x4.neg} ({@code 0xFD 0xA1}). */
    public static final int FD_I32X4_NEG = 0xA1;
    /** {@code i32x4.all_true} ({@code 0xFD 0xA3}). */
    public static final int FD_I32X4_ALL_TRUE = 0xA3;
    /** {@code i32x4.bitmask} ({@code 0xFD 0xA4}). */
    public static final int FD_I32X4_BITMASK = 0xA4;
    /** {@code i32x4.extend_low_i16x8_s} ({@code 0xFD 0xA7}). */
    public static final int FD_I32X4_EXTEND_LOW_I16X8_S = 0xA7;
    /** {@code i32x4.extend_high_i16x8_s} ({@code 0xFD 0xA8}). */
    public static final int FD_I32X4_EXTEND_HIGH_I16X8_S = 0xA8;
    /** {@code i32x4.extend_low_i16x8_u} ({@code 0xFD 0xA9}). */
    public static final int FD_I32X4_EXTEND_LOW_I16X8_U = 0xA9;
    /** {@code i32x4.extend_high_i16x8_u} ({@code 0xFD 0xAA}). */
    public static final int FD_I32X4_EXTEND_HIGH_I16X8_U = 0xAA;
    /** {@code i32x4.shl} ({@code 0xFD 0xAB}). */
    public static final int FD_I32X4_SHL = 0xAB;
    /** {@code i32x4.shr_s} ({@code 0xFD 0xAC}). */
    public static final int FD_I32X4_SHR_S = 0xAC;
    /** {@code i32x4.shr_u} ({@code 0xFD 0xAD}). */
    public static final int FD_I32X4_SHR_U = 0xAD;
    /** {@code i32x4.add} ({@code 0xFD 0xAE}). */
    public static final int FD_I32X4_ADD = 0xAE;
    /** {@code i32x4.sub} ({@code 0xFD 0xB1}). */
    public static final int FD_I32X4_SUB = 0xB1;
    /** {@code i32x4.mul} ({@code 0xFD 0xB5}). */
    public static final int FD_I32X4_MUL = 0xB5;
    /** {@code i32x4.min_s} ({@code 0xFD 0xB6}). */
    public static final int FD_I32X4_MIN_S = 0xB6;
    /** {@code i32x4.min_u} ({@code 0xFD 0xB7}). */
    public static final int FD_I32X4_MIN_U = 0xB7;
    /** {@code i32x4.max_s} ({@code 0xFD 0xB8}). */
    public static final int FD_I32X4_MAX_S = 0xB8;
    /** {@code i32x4.max_u} ({@code 0xFD 0xB9}). */
    public static final int FD_I32X4_MAX_U = 0xB9;
    /** {@code i32x4.dot_i16x8_s} ({@code 0xFD 0xBA}). */
    public static final int FD_I32X4_DOT_I16X8_S = 0xBA;
    /** {@code i32x4.extmul_low_i16x8_s} ({@code 0xFD 0xBC}). */
    public static final int FD_I32X4_EXTMUL_LOW_I16X8_S = 0xBC;
    /** {@code i32x4.extmul_high_i16x8_s} ({@code 0xFD 0xBD}). */
    public static final int FD_I32X4_EXTMUL_HIGH_I16X8_S = 0xBD;
    /** {@code i32x4.extmul_low_i16x8_u} ({@code 0xFD 0xBE}). */
    public static final int FD_I32X4_EXTMUL_LOW_I16X8_U = 0xBE;
    /** {@code i32x4.extmul_high_i16x8_u} ({@code 0xFD 0xBF}). */
    public static final int FD_I32X4_EXTMUL_HIGH_I16X8_U = 0xBF;
    /** {@code i64x2.abs} ({@code 0xFD 0xC0}). */
    public static final int FD_I64X2_ABS = 0xC0;
    /** {@code i64x2.neg} ({@code 0xFD 0xC1}). */
    public static final int FD_I64X2_NEG = 0xC1;
    /** {@code i64x2.all_true} ({@code 0xFD 0xC3}). */
    public static final int FD_I64X2_ALL_TRUE = 0xC3;
    /** {@code i64x2.bitmask} ({@code 0xFD 0xC4}). */
    public static final int FD_I64X2_BITMASK = 0xC4;
    /** {@code i64x2.extend_low_i32x4_s} ({@code 0xFD 0xC7}). */
    public static final int FD_I64X2_EXTEND_LOW_I32X4_S = 0xC7;
    /** {@code i64x2.extend_high_i32x4_s} ({@code 0xFD 0xC8}). */
    public static final int FD_I64X2_EXTEND_HIGH_I32X4_S = 0xC8;
    /** {@code i64x2.extend_low_i32x4_u} ({@code 0xFD 0xC9}). */
    public static final int FD_I64X2_EXTEND_LOW_I32X4_U = 0xC9;
    /** {@code i64x2.extend_high_i32x4_u} ({@code 0xFD 0xCA}). */
    public static final int FD_I64X2_EXTEND_HIGH_I32X4_U = 0xCA;
    /** {@code i64x2.shl} ({@code 0xFD 0xCB}). */
    public static final int FD_I64X2_SHL = 0xCB;
    /** {@code i64x2.shr_s} ({@code 0xFD 0xCC}). */
    public static final int FD_I64X2_SHR_S = 0xCC;
    /** {@code i64x2.shr_u} ({@code 0xFD 0xCD}). */
    public static final int FD_I64X2_SHR_U = 0xCD;
    /** {@code i64x2.add} ({@code 0xFD 0xCE}). */
    public static final int FD_I64X2_ADD = 0xCE;
    /** {@code i64x2.sub} ({@code 0xFD 0xD1}). */
    public static final int FD_I64X2_SUB = 0xD1;
    /** {@code i64x2.mul} ({@code 0xFD 0xD5}). */
    public static final int FD_I64X2_MUL = 0xD5;
    /** {@code i64x2.eq} ({@code 0xFD 0xD6}). */
    public static final int FD_I64X2_EQ = 0xD6;
    /** {@code i64x2.ne} ({@code 0xFD 0xD7}). */
    public static final int FD_I64X2_NE = 0xD7;
    /** {@code i64x2.lt_s} ({@code 0xFD 0xD8}). */
    public static final int FD_I64X2_LT_S = 0xD8;
    /** {@code i64x2.gt_s} ({@code 0xFD 0xD9}). */
    public static final int FD_I64X2_GT_S = 0xD9;
    /** {@code i64x2.le_s} ({@code 0xFD 0xDA}). */
    public static final int FD_I64X2_LE_S = 0xDA;
    /** {@code i64x2.ge_s} ({@code 0xFD 0xDB}). */
    public static final int FD_I64X2_GE_S = 0xDB;
    /** {@code i64x2.extmul_low_i32x4_s} ({@code 0xFD 0xDC}). */
    public static final int FD_I64X2_EXTMUL_LOW_I32X4_S = 0xDC;
    /** {@code i64x2.extmul_high_i32x4_s} ({@code 0xFD 0xDD}). */
    public static final int FD_I64X2_EXTMUL_HIGH_I32X4_S = 0xDD;
    /** {@code i64x2.extmul_low_i32x4_u} ({@code 0xFD 0xDE}). */
    public static final int FD_I64X2_EXTMUL_LOW_I32X4_U = 0xDE;
    /** {@code i64x2.extmul_high_i32x4_u} ({@code 0xFD 0xDF}). */
    public static final int FD_I64X2_EXTMUL_HIGH_I32X4_U = 0xDF;
    /** {@code f32x4.abs} ({@code 0xFD 0xE0}). */
    public static final int FD_F32X4_ABS = 0xE0;
    /** {@code f32x4.neg} ({@code 0xFD 0xE1}). */
    public static final int FD_F32X4_NEG = 0xE1;
    /** {@code f32x4.sqrt} ({@code 0xFD 0xE3}). */
    public static final int FD_F32X4_SQRT = 0xE3;
    /** {@code f32x4.add} ({@code 0xFD 0xE4}). */
    public static final int FD_F32X4_ADD = 0xE4;
    /** {@code f32x4.sub} ({@code 0xFD 0xE5}). */
    public static final int FD_F32X4_SUB = 0xE5;
    /** {@code f32x4.mul} ({@code 0xFD 0xE6}). */
    public static final int FD_F32X4_MUL = 0xE6;
    /** {@code f32x4.div} ({@code 0xFD 0xE7}). */
    public static final int FD_F32X4_DIV = 0xE7;
    /** {@code f32x4.min} ({@code 0xFD 0xE8}). */
    public static final int FD_F32X4_MIN = 0xE8;
    /** {@code f32x4.max} ({@code 0xFD 0xE9}). */
    public static final int FD_F32X4_MAX = 0xE9;
    /** {@code f32x4.pmin} ({@code 0xFD 0xEA}). */
    public static final int FD_F32X4_PMIN = 0xEA;
    /** {@code f32x4.pmax} ({@code 0xFD 0xEB}). */
    public static final int FD_F32X4_PMAX = 0xEB;
    /** {@code f64x2.abs} ({@code 0xFD 0xEC}). */
    public static final int FD_F64X2_ABS = 0xEC;
    /** {@code f64x2.neg} ({@code 0xFD 0xED}). */
    public static final int FD_F64X2_NEG = 0xED;
    /** {@code f64x2.sqrt} ({@code 0xFD 0xEF}). */
    public static final int FD_F64X2_SQRT = 0xEF;
    /** {@code f64x2.add} ({@code 0xFD 0xF0}). */
    public static final int FD_F64X2_ADD = 0xF0;
    /** {@code f64x2.sub} ({@code 0xFD 0xF1}). */
    public static final int FD_F64X2_SUB = 0xF1;
    /** {@code f64x2.mul} ({@code 0xFD 0xF2}). */
    public static final int FD_F64X2_MUL = 0xF2;
    /** {@code f64x2.div} ({@code 0xFD 0xF3}). */
    public static final int FD_F64X2_DIV = 0xF3;
    /** {@code f64x2.min} ({@code 0xFD 0xF4}). */
    public static final int FD_F64X2_MIN = 0xF4;
    /** {@code f64x2.max} ({@code 0xFD 0xF5}). */
    public static final int FD_F64X2_MAX = 0xF5;
    /** {@code f64x2.pmin} ({@code 0xFD 0xF6}). */
    public static final int FD_F64X2_PMIN = 0xF6;
    /** {@code f64x2.pmax} ({@code 0xFD 0xF7}). */
    public static final int FD_F64X2_PMAX = 0xF7;
    /** {@code i32x4.trunc_sat_f32x4_s} ({@code 0xFD 0xF8}). */
    public static final int FD_I32X4_TRUNC_SAT_F32X4_S = 0xF8;
    /** {@code i32x4.trunc_sat_f32x4_u} ({@code 0xFD 0xF9}). */
    public static final int FD_I32X4_TRUNC_SAT_F32X4_U = 0xF9;
    /** {@code f32x4.convert_i32x4_s} ({@code 0xFD 0xFA}). */
    public static final int FD_F32X4_CONVERT_I32X4_S = 0xFA;
    /** {@code f32x4.convert_i32x4_u} ({@code 0xFD 0xFB}). */
    public static final int FD_F32X4_CONVERT_I32X4_U = 0xFB;
    /** {@code i32x4.trunc_sat_f64x2_s_zero} ({@code 0xFD 0xFC}). */
    public static final int FD_I32X4_TRUNC_SAT_F64X2_S_ZERO = 0xFC;
    /** {@code i32x4.trunc_sat_f64x2_u_zero} ({@code 0xFD 0xFD}). */
    public static final int FD_I32X4_TRUNC_SAT_F64X2_U_ZERO = 0xFD;
    /** {@code f64x2.convert_low_i32x4_s} ({@code 0xFD 0xFE}). */
    public static final int FD_F64X2_CONVERT_LOW_I32X4_S = 0xFE;
    /** {@code f64x2.convert_low_i32x4_u} ({@code 0xFD 0xFF}). */
    public static final int FD_F64X2_CONVERT_LOW_I32X4_U = 0xFF;

    private static final String[] SINGLE_NAMES = new String[256];
    private static final String[] FC_NAMES = new String[FC_TABLE_FILL + 1];
    private static final String[] FD_NAMES = new String[256];

    static {
        SINGLE_NAMES[UNREACHABLE] = "unreachable";
        SINGLE_NAMES[NOP] = "nop";
        SINGLE_NAMES[BLOCK] = "block";
        SINGLE_NAMES[LOOP] = "loop";
        SINGLE_NAMES[IF] = "if";
        SINGLE_NAMES[ELSE] = "else";
        SINGLE_NAMES[END] = "end";
        SINGLE_NAMES[BR] = "br";
        SINGLE_NAMES[BR_IF] = "br_if";
        SINGLE_NAMES[BR_TABLE] = "br_table";
        SINGLE_NAMES[RETURN] = "return";
        SINGLE_NAMES[CALL] = "call";
        SINGLE_NAMES[CALL_INDIRECT] = "call_indirect";
        SINGLE_NAMES[DROP] = "drop";
        SINGLE_NAMES[SELECT] = "select";
        SINGLE_NAMES[SELECT_T] = "select";
        SINGLE_NAMES[LOCAL_GET] = "local.get";
        SINGLE_NAMES[LOCAL_SET] = "local.set";
        SINGLE_NAMES[LOCAL_TEE] = "local.tee";
        SINGLE_NAMES[GLOBAL_GET] = "global.get";
        SINGLE_NAMES[GLOBAL_SET] = "global.set";
        SINGLE_NAMES[TABLE_GET] = "table.get";
        SINGLE_NAMES[TABLE_SET] = "table.set";
        SINGLE_NAMES[I32_LOAD] = "i32.load";
        SINGLE_NAMES[I64_LOAD] = "i64.load";
        SINGLE_NAMES[F32_LOAD] = "f32.load";
        SINGLE_NAMES[F64_LOAD] = "f64.load";
        SINGLE_NAMES[I32_LOAD8_S] = "i32.load8_s";
        SINGLE_NAMES[I32_LOAD8_U] = "i32.load8_u";
        SINGLE_NAMES[I32_LOAD16_S] = "i32.load16_s";
        SINGLE_NAMES[I32_LOAD16_U] = "i32.load16_u";
        SINGLE_NAMES[I64_LOAD8_S] = "i64.load8_s";
        SINGLE_NAMES[I64_LOAD8_U] = "i64.load8_u";
        SINGLE_NAMES[I64_LOAD16_S] = "i64.load16_s";
        SINGLE_NAMES[I64_LOAD16_U] = "i64.load16_u";
        SINGLE_NAMES[I64_LOAD32_S] = "i64.load32_s";
        SINGLE_NAMES[I64_LOAD32_U] = "i64.load32_u";
        SINGLE_NAMES[I32_STORE] = "i32.store";
        SINGLE_NAMES[I64_STORE] = "i64.store";
        SINGLE_NAMES[F32_STORE] = "f32.store";
        SINGLE_NAMES[F64_STORE] = "f64.store";
        SINGLE_NAMES[I32_STORE8] = "i32.store8";
        SINGLE_NAMES[I32_STORE16] = "i32.store16";
        SINGLE_NAMES[I64_STORE8] = "i64.store8";
        SINGLE_NAMES[I64_STORE16] = "i64.store16";
        SINGLE_NAMES[I64_STORE32] = "i64.store32";
        SINGLE_NAMES[MEMORY_SIZE] = "memory.size";
        SINGLE_NAMES[MEMORY_GROW] = "memory.grow";
        SINGLE_NAMES[I32_CONST] = "i32.const";
        SINGLE_NAMES[I64_CONST] = "i64.const";
        SINGLE_NAMES[F32_CONST] = "f32.const";
        SINGLE_NAMES[F64_CONST] = "f64.const";
        SINGLE_NAMES[I32_EQZ] = "i32.eqz";
        SINGLE_NAMES[I32_EQ] = "i32.eq";
        SINGLE_NAMES[I32_NE] = "i32.ne";
        SINGLE_NAMES[I32_LT_S] = "i32.lt_s";
        SINGLE_NAMES[I32_LT_U] = "i32.lt_u";
        SINGLE_NAMES[I32_GT_S] = "i32.gt_s";
        SINGLE_NAMES[I32_GT_U] = "i32.gt_u";
        SINGLE_NAMES[I32_LE_S] = "i32.le_s";
        SINGLE_NAMES[I32_LE_U] = "i32.le_u";
        SINGLE_NAMES[I32_GE_S] = "i32.ge_s";
        SINGLE_NAMES[I32_GE_U] = "i32.ge_u";
        SINGLE_NAMES[I64_EQZ] = "i64.eqz";
        SINGLE_NAMES[I64_EQ] = "i64.eq";
        SINGLE_NAMES[I64_NE] = "i64.ne";
        SINGLE_NAMES[I64_LT_S] = "i64.lt_s";
        SINGLE_NAMES[I64_LT_U] = "i64.lt_u";
        SINGLE_NAMES[I64_GT_S] = "i64.gt_s";
        SINGLE_NAMES[I64_GT_U] = "i64.gt_u";
        SINGLE_NAMES[I64_LE_S] = "i64.le_s";
        SINGLE_NAMES[I64_LE_U] = "i64.le_u";
        SINGLE_NAMES[I64_GE_S] = "i64.ge_s";
        SINGLE_NAMES[I64_GE_U] = "i64.ge_u";
        SINGLE_NAMES[F32_EQ] = "f32.eq";
        SINGLE_NAMES[F32_NE] = "f32.ne";
        SINGLE_NAMES[F32_LT] = "f32.lt";
        SINGLE_NAMES[F32_GT] = "f32.gt";
        SINGLE_NAMES[F32_LE] = "f32.le";
        SINGLE_NAMES[F32_GE] = "f32.ge";
        SINGLE_NAMES[F64_EQ] = "f64.eq";
        SINGLE_NAMES[F64_NE] = "f64.ne";
        SINGLE_NAMES[F64_LT] = "f64.lt";
        SINGLE_NAMES[F64_GT] = "f64.gt";
        SINGLE_NAMES[F64_LE] = "f64.le";
        SINGLE_NAMES[F64_GE] = "f64.ge";
        SINGLE_NAMES[I32_CLZ] = "i32.clz";
        SINGLE_NAMES[I32_CTZ] = "i32.ctz";
        SINGLE_NAMES[I32_POPCNT] = "i32.popcnt";
        SINGLE_NAMES[I32_ADD] = "i32.add";
        SINGLE_NAMES[I32_SUB] = "i32.sub";
        SINGLE_NAMES[I32_MUL] = "i32.mul";
        SINGLE_NAMES[I32_DIV_S] = "i32.div_s";
        SINGLE_NAMES[I32_DIV_U] = "i32.div_u";
        SINGLE_NAMES[I32_REM_S] = "i32.rem_s";
        SINGLE_NAMES[I32_REM_U] = "i32.rem_u";
        SINGLE_NAMES[I32_AND] = "i32.and";
        SINGLE_NAMES[I32_OR] = "i32.or";
        SINGLE_NAMES[I32_XOR] = "i32.xor";
        SINGLE_NAMES[I32_SHL] = "i32.shl";
        SINGLE_NAMES[I32_SHR_S] = "i32.shr_s";
        SINGLE_NAMES[I32_SHR_U] = "i32.shr_u";
        SINGLE_NAMES[I32_ROTL] = "i32.rotl";
        SINGLE_NAMES[I32_ROTR] = "i32.rotr";
        SINGLE_NAMES[I64_CLZ] = "i64.clz";
        SINGLE_NAMES[I64_CTZ] = "i64.ctz";
        SINGLE_NAMES[I64_POPCNT] = "i64.popcnt";
        SINGLE_NAMES[I64_ADD] = "i64.add";
        SINGLE_NAMES[I64_SUB] = "i64.sub";
        SINGLE_NAMES[I64_MUL] = "i64.mul";
        SINGLE_NAMES[I64_DIV_S] = "i64.div_s";
        SINGLE_NAMES[I64_DIV_U] = "i64.div_u";
        SINGLE_NAMES[I64_REM_S] = "i64.rem_s";
        SINGLE_NAMES[I64_REM_U] = "i64.rem_u";
        SINGLE_NAMES[I64_AND] = "i64.and";
        SINGLE_NAMES[I64_OR] = "i64.or";
        SINGLE_NAMES[I64_XOR] = "i64.xor";
        SINGLE_NAMES[I64_SHL] = "i64.shl";
        SINGLE_NAMES[I64_SHR_S] = "i64.shr_s";
        SINGLE_NAMES[I64_SHR_U] = "i64.shr_u";
        SINGLE_NAMES[I64_ROTL] = "i64.rotl";
        SINGLE_NAMES[I64_ROTR] = "i64.rotr";
        SINGLE_NAMES[F32_ABS] = "f32.abs";
        SINGLE_NAMES[F32_NEG] = "f32.neg";
        SINGLE_NAMES[F32_CEIL] = "f32.ceil";
        SINGLE_NAMES[F32_FLOOR] = "f32.floor";
        SINGLE_NAMES[F32_TRUNC] = "f32.trunc";
        SINGLE_NAMES[F32_NEAREST] = "f32.nearest";
        SINGLE_NAMES[F32_SQRT] = "f32.sqrt";
        SINGLE_NAMES[F32_ADD] = "f32.add";
        SINGLE_NAMES[F32_SUB] = "f32.sub";
        SINGLE_NAMES[F32_MUL] = "f32.mul";
        SINGLE_NAMES[F32_DIV] = "f32.div";
        SINGLE_NAMES[F32_MIN] = "f32.min";
        SINGLE_NAMES[F32_MAX] = "f32.max";
        SINGLE_NAMES[F32_COPYSIGN] = "f32.copysign";
        SINGLE_NAMES[F64_ABS] = "f64.abs";
        SINGLE_NAMES[F64_NEG] = "f64.neg";
        SINGLE_NAMES[F64_CEIL] = "f64.ceil";
        SINGLE_NAMES[F64_FLOOR] = "f64.floor";
        SINGLE_NAMES[F64_TRUNC] = "f64.trunc";
        SINGLE_NAMES[F64_NEAREST] = "f64.nearest";
        SINGLE_NAMES[F64_SQRT] = "f64.sqrt";
        SINGLE_NAMES[F64_ADD] = "f64.add";
        SINGLE_NAMES[F64_SUB] = "f64.sub";
        SINGLE_NAMES[F64_MUL] = "f64.mul";
        SINGLE_NAMES[F64_DIV] = "f64.div";
        SINGLE_NAMES[F64_MIN] = "f64.min";
        SINGLE_NAMES[F64_MAX] = "f64.max";
        SINGLE_NAMES[F64_COPYSIGN] = "f64.copysign";
        SINGLE_NAMES[I32_WRAP_I64] = "i32.wrap_i64";
        SINGLE_NAMES[I32_TRUNC_F32_S] = "i32.trunc_f32_s";
        SINGLE_NAMES[I32_TRUNC_F32_U] = "i32.trunc_f32_u";
        SINGLE_NAMES[I32_TRUNC_F64_S] = "i32.trunc_f64_s";
        SINGLE_NAMES[I32_TRUNC_F64_U] = "i32.trunc_f64_u";
        SINGLE_NAMES[I64_EXTEND_I32_S] = "i64.extend_i32_s";
        SINGLE_NAMES[I64_EXTEND_I32_U] = "i64.extend_i32_u";
        SINGLE_NAMES[I64_TRUNC_F32_S] = "i64.trunc_f32_s";
        SINGLE_NAMES[I64_TRUNC_F32_U] = "i64.trunc_f32_u";
        SINGLE_NAMES[I64_TRUNC_F64_S] = "i64.trunc_f64_s";
        SINGLE_NAMES[I64_TRUNC_F64_U] = "i64.trunc_f64_u";
        SINGLE_NAMES[F32_CONVERT_I32_S] = "f32.convert_i32_s";
        SINGLE_NAMES[F32_CONVERT_I32_U] = "f32.convert_i32_u";
        SINGLE_NAMES[F32_CONVERT_I64_S] = "f32.convert_i64_s";
        SINGLE_NAMES[F32_CONVERT_I64_U] = "f32.convert_i64_u";
        SINGLE_NAMES[F32_DEMOTE_F64] = "f32.demote_f64";
        SINGLE_NAMES[F64_CONVERT_I32_S] = "f64.convert_i32_s";
        SINGLE_NAMES[F64_CONVERT_I32_U] = "f64.convert_i32_u";
        SINGLE_NAMES[F64_CONVERT_I64_S] = "f64.convert_i64_s";
        SINGLE_NAMES[F64_CONVERT_I64_U] = "f64.convert_i64_u";
        SINGLE_NAMES[F64_PROMOTE_F32] = "f64.promote_f32";
        SINGLE_NAMES[I32_REINTERPRET_F32] = "i32.reinterpret_f32";
        SINGLE_NAMES[I64_REINTERPRET_F64] = "i64.reinterpret_f64";
        SINGLE_NAMES[F32_REINTERPRET_I32] = "f32.reinterpret_i32";
        SINGLE_NAMES[F64_REINTERPRET_I64] = "f64.reinterpret_i64";
        SINGLE_NAMES[I32_EXTEND8_S] = "i32.extend8_s";
        SINGLE_NAMES[I32_EXTEND16_S] = "i32.extend16_s";
        SINGLE_NAMES[I64_EXTEND8_S] = "i64.extend8_s";
        SINGLE_NAMES[I64_EXTEND16_S] = "i64.extend16_s";
        SINGLE_NAMES[I64_EXTEND32_S] = "i64.extend32_s";
        SINGLE_NAMES[REF_NULL] = "ref.null";
        SINGLE_NAMES[REF_IS_NULL] = "ref.is_null";
        SINGLE_NAMES[REF_FUNC] = "ref.func";
        FC_NAMES[FC_I32_TRUNC_SAT_F32_S] = "i32.trunc_sat_f32_s";
        FC_NAMES[FC_I32_TRUNC_SAT_F32_U] = "i32.trunc_sat_f32_u";
        FC_NAMES[FC_I32_TRUNC_SAT_F64_S] = "i32.trunc_sat_f64_s";
        FC_NAMES[FC_I32_TRUNC_SAT_F64_U] = "i32.trunc_sat_f64_u";
        FC_NAMES[FC_I64_TRUNC_SAT_F32_S] = "i64.trunc_sat_f32_s";
        FC_NAMES[FC_I64_TRUNC_SAT_F32_U] = "i64.trunc_sat_f32_u";
        FC_NAMES[FC_I64_TRUNC_SAT_F64_S] = "i64.trunc_sat_f64_s";
        FC_NAMES[FC_I64_TRUNC_SAT_F64_U] = "i64.trunc_sat_f64_u";
        FC_NAMES[FC_MEMORY_INIT] = "memory.init";
        FC_NAMES[FC_DATA_DROP] = "data.drop";
        FC_NAMES[FC_MEMORY_COPY] = "memory.copy";
        FC_NAMES[FC_MEMORY_FILL] = "memory.fill";
        FC_NAMES[FC_TABLE_INIT] = "table.init";
        FC_NAMES[FC_ELEM_DROP] = "elem.drop";
        FC_NAMES[FC_TABLE_COPY] = "table.copy";
        FC_NAMES[FC_TABLE_GROW] = "table.grow";
        FC_NAMES[FC_TABLE_SIZE] = "table.size";
        FC_NAMES[FC_TABLE_FILL] = "table.fill";
        FD_NAMES[FD_V128_LOAD] = "v128.load";
        FD_NAMES[FD_V128_LOAD8X8_S] = "v128.load8x8_s";
        FD_NAMES[FD_V128_LOAD8X8_U] = "v128.load8x8_u";
        FD_NAMES[FD_V128_LOAD16X4_S] = "v128.load16x4_s";
        FD_NAMES[FD_V128_LOAD16X4_U] = "v128.load16x4_u";
        FD_NAMES[FD_V128_LOAD32X2_S] = "v128.load32x2_s";
        FD_NAMES[FD_V128_LOAD32X2_U] = "v128.load32x2_u";
        FD_NAMES[FD_V128_LOAD8_SPLAT] = "v128.load8_splat";
        FD_NAMES[FD_V128_LOAD16_SPLAT] = "v128.load16_splat";
        FD_NAMES[FD_V128_LOAD32_SPLAT] = "v128.load32_splat";
        FD_NAMES[FD_V128_LOAD64_SPLAT] = "v128.load64_splat";
        FD_NAMES[FD_V128_STORE] = "v128.store";
        FD_NAMES[FD_V128_CONST] = "v128.const";
        FD_NAMES[FD_I8X16_SHUFFLE] = "i8x16.shuffle";
        FD_NAMES[FD_I8X16_SWIZZLE] = "i8x16.swizzle";
        FD_NAMES[FD_I8X16_SPLAT] = "i8x16.splat";
        FD_NAMES[FD_I16X8_SPLAT] = "i16x8.splat";
        FD_NAMES[FD_I32X4_SPLAT] = "i32x4.splat";
        FD_NAMES[FD_I64X2_SPLAT] = "i64x2.splat";
        FD_NAMES[FD_F32X4_SPLAT] = "f32x4.splat";
        FD_NAMES[FD_F64X2_SPLAT] = "f64x2.splat";
        FD_NAMES[FD_I8X16_EXTRACT_LANE_S] = "i8x16.extract_lane_s";
        FD_NAMES[FD_I8X16_EXTRACT_LANE_U] = "i8x16.extract_lane_u";
        FD_NAMES[FD_I8X16_REPLACE_LANE] = "i8x16.replace_lane";
        FD_NAMES[FD_I16X8_EXTRACT_LANE_S] = "i16x8.extract_lane_s";
        FD_NAMES[FD_I16X8_EXTRACT_LANE_U] = "i16x8.extract_lane_u";
        FD_NAMES[FD_I16X8_REPLACE_LANE] = "i16x8.replace_lane";
        FD_NAMES[FD_I32X4_EXTRACT_LANE] = "i32x4.extract_lane";
        FD_NAMES[FD_I32X4_REPLACE_LANE] = "i32x4.replace_lane";
        FD_NAMES[FD_I64X2_EXTRACT_LANE] = "i64x2.extract_lane";
        FD_NAMES[FD_I64X2_REPLACE_LANE] = "i64x2.replace_lane";
        FD_NAMES[FD_F32X4_EXTRACT_LANE] = "f32x4.extract_lane";
        FD_NAMES[FD_F32X4_REPLACE_LANE] = "f32x4.replace_lane";
        FD_NAMES[FD_F64X2_EXTRACT_LANE] = "f64x2.extract_lane";
        FD_NAMES[FD_F64X2_REPLACE_LANE] = "f64x2.replace_lane";
        FD_NAMES[FD_I8X16_EQ] = "i8x16.eq";
        FD_NAMES[FD_I8X16_NE] = "i8x16.ne";
        FD_NAMES[FD_I8X16_LT_S] = "i8x16.lt_s";
        FD_NAMES[FD_I8X16_LT_U] = "i8x16.lt_u";
        FD_NAMES[FD_I8X16_GT_S] = "i8x16.gt_s";
        FD_NAMES[FD_I8X16_GT_U] = "i8x16.gt_u";
        FD_NAMES[FD_I8X16_LE_S] = "i8x16.le_s";
        FD_NAMES[FD_I8X16_LE_U] = "i8x16.le_u";
        FD_NAMES[FD_I8X16_GE_S] = "i8x16.ge_s";
        FD_NAMES[FD_I8X16_GE_U] = "i8x16.ge_u";
        FD_NAMES[FD_I16X8_EQ] = "i16x8.eq";
        FD_NAMES[FD_I16X8_NE] = "i16x8.ne";
        FD_NAMES[FD_I16X8_LT_S] = "i16x8.lt_s";
        FD_NAMES[FD_I16X8_LT_U] = "i16x8.lt_u";
        FD_NAMES[FD_I16X8_GT_S] = "i16x8.gt_s";
        FD_NAMES[FD_I16X8_GT_U] = "i16x8.gt_u";
        FD_NAMES[FD_I16X8_LE_S] = "i16x8.le_s";
        FD_NAMES[FD_I16X8_LE_U] = "i16x8.le_u";
        FD_NAMES[FD_I16X8_GE_S] = "i16x8.ge_s";
        FD_NAMES[FD_I16X8_GE_U] = "i16x8.ge_u";
        FD_NAMES[FD_I32X4_EQ] = "i32x4.eq";
        FD_NAMES[FD_I32X4_NE] = "i32x4.ne";
        FD_NAMES[FD_I32X4_LT_S] = "i32x4.lt_s";
        FD_NAMES[FD_I32X4_LT_U] = "i32x4.lt_u";
        FD_NAMES[FD_I32X4_GT_S] = "i32x4.gt_s";
        FD_NAMES[FD_I32X4_GT_U] = "i32x4.gt_u";
        FD_NAMES[FD_I32X4_LE_S] = "i32x4.le_s";
        FD_NAMES[FD_I32X4_LE_U] = "i32x4.le_u";
        FD_NAMES[FD_I32X4_GE_S] = "i32x4.ge_s";
        FD_NAMES[FD_I32X4_GE_U] = "i32x4.ge_u";
        FD_NAMES[FD_F32X4_EQ] = "f32x4.eq";
        FD_NAMES[FD_F32X4_NE] = "f32x4.ne";
        FD_NAMES[FD_F32X4_LT] = "f32x4.lt";
        FD_NAMES[FD_F32X4_GT] = "f32x4.gt";
        FD_NAMES[FD_F32X4_LE] = "f32x4.le";
        FD_NAMES[FD_F32X4_GE] = "f32x4.ge";
        FD_NAMES[FD_F64X2_EQ] = "f64x2.eq";
        FD_NAMES[FD_F64X2_NE] = "f64x2.ne";
        FD_NAMES[FD_F64X2_LT] = "f64x2.lt";
        FD_NAMES[FD_F64X2_GT] = "f64x2.gt";
        FD_NAMES[FD_F64X2_LE] = "f64x2.le";
        FD_NAMES[FD_F64X2_GE] = "f64x2.ge";
        FD_NAMES[FD_V128_NOT] = "v128.not";
        FD_NAMES[FD_V128_AND] = "v128.and";
        FD_NAMES[FD_V128_ANDNOT] = "v128.andnot";
        FD_NAMES[FD_V128_OR] = "v128.or";
        FD_NAMES[FD_V128_XOR] = "v128.xor";
        FD_NAMES[FD_V128_BITSELECT] = "v128.bitselect";
        FD_NAMES[FD_V128_ANY_TRUE] = "v128.any_true";
        FD_NAMES[FD_V128_LOAD8_LANE] = "v128.load8_lane";
        FD_NAMES[FD_V128_LOAD16_LANE] = "v128.load16_lane";
        FD_NAMES[FD_V128_LOAD32_LANE] = "v128.load32_lane";
        FD_NAMES[FD_V128_LOAD64_LANE] = "v128.load64_lane";
        FD_NAMES[FD_V128_STORE8_LANE] = "v128.store8_lane";
        FD_NAMES[FD_V128_STORE16_LANE] = "v128.store16_lane";
        FD_NAMES[FD_V128_STORE32_LANE] = "v128.store32_lane";
        FD_NAMES[FD_V128_STORE64_LANE] = "v128.store64_lane";
        FD_NAMES[FD_V128_LOAD32_ZERO] = "v128.load32_zero";
        FD_NAMES[FD_V128_LOAD64_ZERO] = "v128.load64_zero";
        FD_NAMES[FD_F32X4_DEMOTE_F64X2_ZERO] = "f32x4.demote_f64x2_zero";
        FD_NAMES[FD_F64X2_PROMOTE_LOW_F32X4] = "f64x2.promote_low_f32x4";
        FD_NAMES[FD_I8X16_ABS] = "i8x16.abs";
        FD_NAMES[FD_I8X16_NEG] = "i8x16.neg";
        FD_NAMES[FD_I8X16_POPCNT] = "i8x16.popcnt";
        FD_NAMES[FD_I8X16_ALL_TRUE] = "i8x16.all_true";
        FD_NAMES[FD_I8X16_BITMASK] = "i8x16.bitmask";
        FD_NAMES[FD_I8X16_NARROW_I16X8_S] = "i8x16.narrow_i16x8_s";
        FD_NAMES[FD_I8X16_NARROW_I16X8_U] = "i8x16.narrow_i16x8_u";
        FD_NAMES[FD_F32X4_CEIL] = "f32x4.ceil";
        FD_NAMES[FD_F32X4_FLOOR] = "f32x4.floor";
        FD_NAMES[FD_F32X4_TRUNC] = "f32x4.trunc";
        FD_NAMES[FD_F32X4_NEAREST] = "f32x4.nearest";
        FD_NAMES[FD_I8X16_SHL] = "i8x16.shl";
        FD_NAMES[FD_I8X16_SHR_S] = "i8x16.shr_s";
        FD_NAMES[FD_I8X16_SHR_U] = "i8x16.shr_u";
        FD_NAMES[FD_I8X16_ADD] = "i8x16.add";
        FD_NAMES[FD_I8X16_ADD_SAT_S] = "i8x16.add_sat_s";
        FD_NAMES[FD_I8X16_ADD_SAT_U] = "i8x16.add_sat_u";
        FD_NAMES[FD_I8X16_SUB] = "i8x16.sub";
        FD_NAMES[FD_I8X16_SUB_SAT_S] = "i8x16.sub_sat_s";
        FD_NAMES[FD_I8X16_SUB_SAT_U] = "i8x16.sub_sat_u";
        FD_NAMES[FD_F64X2_CEIL] = "f64x2.ceil";
        FD_NAMES[FD_F64X2_FLOOR] = "f64x2.floor";
        FD_NAMES[FD_I8X16_MIN_S] = "i8x16.min_s";
        FD_NAMES[FD_I8X16_MIN_U] = "i8x16.min_u";
        FD_NAMES[FD_I8X16_MAX_S] = "i8x16.max_s";
        FD_NAMES[FD_I8X16_MAX_U] = "i8x16.max_u";
        FD_NAMES[FD_F64X2_TRUNC] = "f64x2.trunc";
        FD_NAMES[FD_I8X16_AVGR_U] = "i8x16.avgr_u";
        FD_NAMES[FD_I16X8_EXTADD_PAIRWISE_I8X16_S] = "i16x8.extadd_pairwise_i8x16_s";
        FD_NAMES[FD_I16X8_EXTADD_PAIRWISE_I8X16_U] = "i16x8.extadd_pairwise_i8x16_u";
        FD_NAMES[FD_I32X4_EXTADD_PAIRWISE_I16X8_S] = "i32x4.extadd_pairwise_i16x8_s";
        FD_NAMES[FD_I32X4_EXTADD_PAIRWISE_I16X8_U] = "i32x4.extadd_pairwise_i16x8_u";
        FD_NAMES[FD_I16X8_ABS] = "i16x8.abs";
        FD_NAMES[FD_I16X8_NEG] = "i16x8.neg";
        FD_NAMES[FD_I16X8_Q15MULR_SAT_S] = "i16x8.q15mulr_sat_s";
        FD_NAMES[FD_I16X8_ALL_TRUE] = "i16x8.all_true";
        FD_NAMES[FD_I16X8_BITMASK] = "i16x8.bitmask";
        FD_NAMES[FD_I16X8_NARROW_I32X4_S] = "i16x8.narrow_i32x4_s";
        FD_NAMES[FD_I16X8_NARROW_I32X4_U] = "i16x8.narrow_i32x4_u";
        FD_NAMES[FD_I16X8_EXTEND_LOW_I8X16_S] = "i16x8.extend_low_i8x16_s";
        FD_NAMES[FD_I16X8_EXTEND_HIGH_I8X16_S] = "i16x8.extend_high_i8x16_s";
        FD_NAMES[FD_I16X8_EXTEND_LOW_I8X16_U] = "i16x8.extend_low_i8x16_u";
        FD_NAMES[FD_I16X8_EXTEND_HIGH_I8X16_U] = "i16x8.extend_high_i8x16_u";
        FD_NAMES[FD_I16X8_SHL] = "i16x8.shl";
        FD_NAMES[FD_I16X8_SHR_S] = "i16x8.shr_s";
        FD_NAMES[FD_I16X8_SHR_U] = "i16x8.shr_u";
        FD_NAMES[FD_I16X8_ADD] = "i16x8.add";
        FD_NAMES[FD_I16X8_ADD_SAT_S] = "i16x8.add_sat_s";
        FD_NAMES[FD_I16X8_ADD_SAT_U] = "i16x8.add_sat_u";
        FD_NAMES[FD_I16X8_SUB] = "i16x8.sub";
        FD_NAMES[FD_I16X8_SUB_SAT_S] = "i16x8.sub_sat_s";
        FD_NAMES[FD_I16X8_SUB_SAT_U] = "i16x8.sub_sat_u";
        FD_NAMES[FD_F64X2_NEAREST] = "f64x2.nearest";
        FD_NAMES[FD_I16X8_MUL] = "i16x8.mul";
        FD_NAMES[FD_I16X8_MIN_S] = "i16x8.min_s";
        FD_NAMES[FD_I16X8_MIN_U] = "i16x8.min_u";
        FD_NAMES[FD_I16X8_MAX_S] = "i16x8.max_s";
        FD_NAMES[FD_I16X8_MAX_U] = "i16x8.max_u";
        FD_NAMES[FD_I16X8_AVGR_U] = "i16x8.avgr_u";
        FD_NAMES[FD_I16X8_EXTMUL_LOW_I8X16_S] = "i16x8.extmul_low_i8x16_s";
        FD_NAMES[FD_I16X8_EXTMUL_HIGH_I8X16_S] = "i16x8.extmul_high_i8x16_s";
        FD_NAMES[FD_I16X8_EXTMUL_LOW_I8X16_U] = "i16x8.extmul_low_i8x16_u";
        FD_NAMES[FD_I16X8_EXTMUL_HIGH_I8X16_U] = "i16x8.extmul_high_i8x16_u";
        FD_NAMES[FD_I32X4_ABS] = "i32x4.abs";
        FD_NAMES[FD_I32X4_NEG] = "i32x4.neg";
        FD_NAMES[FD_I32X4_ALL_TRUE] = "i32x4.all_true";
        FD_NAMES[FD_I32X4_BITMASK] = "i32x4.bitmask";
        FD_NAMES[FD_I32X4_EXTEND_LOW_I16X8_S] = "i32x4.extend_low_i16x8_s";
        FD_NAMES[FD_I32X4_EXTEND_HIGH_I16X8_S] = "i32x4.extend_high_i16x8_s";
        FD_NAMES[FD_I32X4_EXTEND_LOW_I16X8_U] = "i32x4.extend_low_i16x8_u";
        FD_NAMES[FD_I32X4_EXTEND_HIGH_I16X8_U] = "i32x4.extend_high_i16x8_u";
        FD_NAMES[FD_I32X4_SHL] = "i32x4.shl";
        FD_NAMES[FD_I32X4_SHR_S] = "i32x4.shr_s";
        FD_NAMES[FD_I32X4_SHR_U] = "i32x4.shr_u";
        FD_NAMES[FD_I32X4_ADD] = "i32x4.add";
        FD_NAMES[FD_I32X4_SUB] = "i32x4.sub";
        FD_NAMES[FD_I32X4_MUL] = "i32x4.mul";
        FD_NAMES[FD_I32X4_MIN_S] = "i32x4.min_s";
        FD_NAMES[FD_I32X4_MIN_U] = "i32x4.min_u";
        FD_NAMES[FD_I32X4_MAX_S] = "i32x4.max_s";
        FD_NAMES[FD_I32X4_MAX_U] = "i32x4.max_u";
        FD_NAMES[FD_I32X4_DOT_I16X8_S] = "i32x4.dot_i16x8_s";
        FD_NAMES[FD_I32X4_EXTMUL_LOW_I16X8_S] = "i32x4.extmul_low_i16x8_s";
        FD_NAMES[FD_I32X4_EXTMUL_HIGH_I16X8_S] = "i32x4.extmul_high_i16x8_s";
        FD_NAMES[FD_I32X4_EXTMUL_LOW_I16X8_U] = "i32x4.extmul_low_i16x8_u";
        FD_NAMES[FD_I32X4_EXTMUL_HIGH_I16X8_U] = "i32x4.extmul_high_i16x8_u";
        FD_NAMES[FD_I64X2_ABS] = "i64x2.abs";
        FD_NAMES[FD_I64X2_NEG] = "i64x2.neg";
        FD_NAMES[FD_I64X2_ALL_TRUE] = "i64x2.all_true";
        FD_NAMES[FD_I64X2_BITMASK] = "i64x2.bitmask";
        FD_NAMES[FD_I64X2_EXTEND_LOW_I32X4_S] = "i64x2.extend_low_i32x4_s";
        FD_NAMES[FD_I64X2_EXTEND_HIGH_I32X4_S] = "i64x2.extend_high_i32x4_s";
        FD_NAMES[FD_I64X2_EXTEND_LOW_I32X4_U] = "i64x2.extend_low_i32x4_u";
        FD_NAMES[FD_I64X2_EXTEND_HIGH_I32X4_U] = "i64x2.extend_high_i32x4_u";
        FD_NAMES[FD_I64X2_SHL] = "i64x2.shl";
        FD_NAMES[FD_I64X2_SHR_S] = "i64x2.shr_s";
        FD_NAMES[FD_I64X2_SHR_U] = "i64x2.shr_u";
        FD_NAMES[FD_I64X2_ADD] = "i64x2.add";
        FD_NAMES[FD_I64X2_SUB] = "i64x2.sub";
        FD_NAMES[FD_I64X2_MUL] = "i64x2.mul";
        FD_NAMES[FD_I64X2_EQ] = "i64x2.eq";
        FD_NAMES[FD_I64X2_NE] = "i64x2.ne";
        FD_NAMES[FD_I64X2_LT_S] = "i64x2.lt_s";
        FD_NAMES[FD_I64X2_GT_S] = "i64x2.gt_s";
        FD_NAMES[FD_I64X2_LE_S] = "i64x2.le_s";
        FD_NAMES[FD_I64X2_GE_S] = "i64x2.ge_s";
        FD_NAMES[FD_I64X2_EXTMUL_LOW_I32X4_S] = "i64x2.extmul_low_i32x4_s";
        FD_NAMES[FD_I64X2_EXTMUL_HIGH_I32X4_S] = "i64x2.extmul_high_i32x4_s";
        FD_NAMES[FD_I64X2_EXTMUL_LOW_I32X4_U] = "i64x2.extmul_low_i32x4_u";
        FD_NAMES[FD_I64X2_EXTMUL_HIGH_I32X4_U] = "i64x2.extmul_high_i32x4_u";
        FD_NAMES[FD_F32X4_ABS] = "f32x4.abs";
        FD_NAMES[FD_F32X4_NEG] = "f32x4.neg";
        FD_NAMES[FD_F32X4_SQRT] = "f32x4.sqrt";
        FD_NAMES[FD_F32X4_ADD] = "f32x4.add";
        FD_NAMES[FD_F32X4_SUB] = "f32x4.sub";
        FD_NAMES[FD_F32X4_MUL] = "f32x4.mul";
        FD_NAMES[FD_F32X4_DIV] = "f32x4.div";
        FD_NAMES[FD_F32X4_MIN] = "f32x4.min";
        FD_NAMES[FD_F32X4_MAX] = "f32x4.max";
        FD_NAMES[FD_F32X4_PMIN] = "f32x4.pmin";
        FD_NAMES[FD_F32X4_PMAX] = "f32x4.pmax";
        FD_NAMES[FD_F64X2_ABS] = "f64x2.abs";
        FD_NAMES[FD_F64X2_NEG] = "f64x2.neg";
        FD_NAMES[FD_F64X2_SQRT] = "f64x2.sqrt";
        FD_NAMES[FD_F64X2_ADD] = "f64x2.add";
        FD_NAMES[FD_F64X2_SUB] = "f64x2.sub";
        FD_NAMES[FD_F64X2_MUL] = "f64x2.mul";
        FD_NAMES[FD_F64X2_DIV] = "f64x2.div";
        FD_NAMES[FD_F64X2_MIN] = "f64x2.min";
        FD_NAMES[FD_F64X2_MAX] = "f64x2.max";
        FD_NAMES[FD_F64X2_PMIN] = "f64x2.pmin";
        FD_NAMES[FD_F64X2_PMAX] = "f64x2.pmax";
        FD_NAMES[FD_I32X4_TRUNC_SAT_F32X4_S] = "i32x4.trunc_sat_f32x4_s";
        FD_NAMES[FD_I32X4_TRUNC_SAT_F32X4_U] = "i32x4.trunc_sat_f32x4_u";
        FD_NAMES[FD_F32X4_CONVERT_I32X4_S] = "f32x4.convert_i32x4_s";
        FD_NAMES[FD_F32X4_CONVERT_I32X4_U] = "f32x4.convert_i32x4_u";
        FD_NAMES[FD_I32X4_TRUNC_SAT_F64X2_S_ZERO] = "i32x4.trunc_sat_f64x2_s_zero";
        FD_NAMES[FD_I32X4_TRUNC_SAT_F64X2_U_ZERO] = "i32x4.trunc_sat_f64x2_u_zero";
        FD_NAMES[FD_F64X2_CONVERT_LOW_I32X4_S] = "f64x2.convert_low_i32x4_s";
        FD_NAMES[FD_F64X2_CONVERT_LOW_I32X4_U] = "f64x2.convert_low_i32x4_u";
    }

    /**
     * The mnemonic of a single-byte opcode.
     *
     * @param opcode a single-byte opcode (0..255)
     * @return its mnemonic, e.g. {@code i32.add}; null if the byte is not a WebAssembly 2.0
     *     instruction or is one of the prefixes {@link #PREFIX_FC} and {@link #PREFIX_FD}
     */
    public static String name(int opcode) {
        return opcode >= 0 && opcode < SINGLE_NAMES.length ? SINGLE_NAMES[opcode] : null;
    }

    /**
     * The mnemonic of a prefixed opcode.
     *
     * @param prefix {@link #PREFIX_FC} or {@link #PREFIX_FD}
     * @param subOpcode the sub-opcode that follows the prefix
     * @return its mnemonic, e.g. {@code memory.init}; null if there is no such instruction
     */
    public static String name(int prefix, int subOpcode) {
        String[] names = switch (prefix) {
            case PREFIX_FC -> FC_NAMES;
            case PREFIX_FD -> FD_NAMES;
            default -> null;
        };
        return names != null && subOpcode >= 0 && subOpcode < names.length ? names[subOpcode] : null;
    }

    /**
     * A readable name for error messages: the mnemonic if there is one, else the hex bytes.
     *
     * @param prefix {@link #PREFIX_FC}, {@link #PREFIX_FD}, or -1 for a single-byte opcode
     * @param opcode the opcode or sub-opcode
     * @return e.g. {@code "i32.add"} or {@code "0xfd 0x9a"}
     */
    public static String describe(int prefix, int opcode) {
        String n = prefix < 0 ? name(opcode) : name(prefix, opcode);
        if (n != null) {
            return n;
        }
        return prefix < 0 ? String.format("0x%02x", opcode) : String.format("0x%02x 0x%x", prefix, opcode);
    }
}
