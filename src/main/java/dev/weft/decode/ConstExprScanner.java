package dev.weft.decode;

import dev.weft.MalformedModuleException;
import dev.weft.ValueType;

import java.util.Arrays;

/**
 * Finds the extent of a constant expression: the instructions up to the {@code end} that closes
 * it. It only skips immediates; whether the instructions are constant and well typed is the
 * validator's question ("constant expression required" is invalid, not malformed). What makes an
 * expression malformed is found here: an illegal opcode, a bad LEB128, a malformed block or
 * reference type, a non-zero reserved byte, a misplaced {@code else}, or running out of bytes.
 *
 * <p>Covers every opcode of WebAssembly 2.0, SIMD included, because any of them may appear in
 * an (invalid) constant expression and must be stepped over correctly.
 */
final class ConstExprScanner {
    private ConstExprScanner() {
    }

    // Nesting markers for the open blocks inside an expression.
    private static final byte BLOCK = 0;
    private static final byte IF = 1;
    private static final byte ELSE = 2;

    /**
     * Reads one constant expression, including its final {@code end}.
     *
     * @param in the reader, positioned at the first instruction; left after the {@code end}
     * @return the expression's extent
     */
    static ConstExpr scan(BinaryReader in) {
        int start = in.pos();
        byte[] open = null; // kinds of the open blocks, allocated only for nested blocks
        int depth = 0;
        while (true) {
            int at = in.pos();
            int op = in.u8();
            switch (op) {
                case 0x0B -> { // end
                    if (depth == 0) {
                        return new ConstExpr(start, in.pos() - start);
                    }
                    depth--;
                }
                case 0x05 -> { // else: only directly inside an if
                    if (depth == 0 || open[depth - 1] != IF) {
                        throw BinaryReader.malformed("END opcode expected", at);
                    }
                    open[depth - 1] = ELSE;
                }
                case 0x02, 0x03, 0x04 -> { // block, loop, if
                    blockType(in);
                    if (open == null) {
                        open = new byte[8];
                    } else if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = op == 0x04 ? IF : BLOCK;
                }
                default -> skipImmediates(in, op, at);
            }
        }
    }

    private static void blockType(BinaryReader in) {
        int at = in.pos();
        int b = in.peekU8();
        if (b == 0x40) {
            in.u8();
        } else if ((b & 0xC0) == 0x40) {
            in.u8();
            if (ValueType.fromCode(b) == null) {
                throw BinaryReader.malformed("malformed value type", at);
            }
        } else {
            in.s33(); // a type index; its range is the validator's
        }
    }

    private static void skipImmediates(BinaryReader in, int op, int at) {
        if (op >= 0x45 && op <= 0xC4) {
            return; // numeric instructions without immediates
        }
        if (op >= 0x28 && op <= 0x3E) {
            memarg(in);
            return;
        }
        switch (op) {
            case 0x00, 0x01, 0x0F, 0x1A, 0x1B, 0xD1 -> {
                // unreachable, nop, return, drop, select, ref.is_null
            }
            case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xD2 -> in.u32();
            case 0x11 -> { // call_indirect: type index, table index
                in.u32();
                in.u32();
            }
            case 0x0E -> { // br_table: label vector, default label
                // each label takes at least one byte, so a huge count soon runs out of input
                for (long labels = Integer.toUnsignedLong(in.u32()) + 1; labels > 0; labels--) {
                    in.u32();
                }
            }
            case 0x1C -> { // select with types
                for (long types = Integer.toUnsignedLong(in.u32()); types > 0; types--) {
                    int t = in.u8();
                    if (ValueType.fromCode(t) == null) {
                        throw BinaryReader.malformed("malformed value type", in.pos() - 1);
                    }
                }
            }
            case 0x3F, 0x40 -> zero(in); // memory.size, memory.grow
            case 0x41 -> in.s32();
            case 0x42 -> in.s64();
            case 0x43 -> in.skip(4);
            case 0x44 -> in.skip(8);
            case 0xD0 -> { // ref.null: heap type
                int t = in.u8();
                if (t != 0x70 && t != 0x6F) {
                    throw BinaryReader.malformed("malformed reference type", in.pos() - 1);
                }
            }
            case 0xFC -> miscImmediates(in, at);
            case 0xFD -> vectorImmediates(in, at);
            default -> throw illegal(at, op);
        }
    }

    private static void miscImmediates(BinaryReader in, int at) {
        int sub = in.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                // saturating truncations
            }
            case 8 -> { // memory.init
                in.u32();
                zero(in);
            }
            case 9, 13, 15, 16, 17 -> in.u32(); // data.drop, elem.drop, table.grow/size/fill
            case 10 -> { // memory.copy
                zero(in);
                zero(in);
            }
            case 11 -> zero(in); // memory.fill
            case 12, 14 -> { // table.init, table.copy
                in.u32();
                in.u32();
            }
            default -> throw illegal(at, 0xFC, sub);
        }
    }

    private static void vectorImmediates(BinaryReader in, int at) {
        int sub = in.u32();
        if (sub < 0 || sub > 0xFF || isReservedVectorOpcode(sub)) {
            throw illegal(at, 0xFD, sub);
        }
        if (sub <= 0x0B || sub == 0x5C || sub == 0x5D) {
            memarg(in); // loads and stores
        } else if (sub == 0x0C || sub == 0x0D) {
            in.skip(16); // v128.const, i8x16.shuffle
        } else if (sub >= 0x15 && sub <= 0x22) {
            in.u8(); // extract/replace lane
        } else if (sub >= 0x54 && sub <= 0x5B) {
            memarg(in); // load/store lane
            in.u8();
        }
    }

    // Gaps in the SIMD opcode space of WebAssembly 2.0.
    private static boolean isReservedVectorOpcode(int sub) {
        return switch (sub) {
            case 0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB, 0xC2, 0xC5, 0xC6, 0xCF, 0xD0, 0xD2,
                 0xD3, 0xD4, 0xE2, 0xEE -> true;
            default -> false;
        };
    }

    private static void memarg(BinaryReader in) {
        in.u32(); // alignment
        in.u32(); // offset
    }

    private static void zero(BinaryReader in) {
        int at = in.pos();
        if (in.u8() != 0) {
            throw BinaryReader.malformed("zero byte expected", at);
        }
    }

    private static MalformedModuleException illegal(int at, int op) {
        return BinaryReader.malformed("illegal opcode " + hex(op), at);
    }

    private static MalformedModuleException illegal(int at, int prefix, int sub) {
        return BinaryReader.malformed("illegal opcode " + hex(prefix) + " " + Integer.toUnsignedString(sub, 16), at);
    }

    private static String hex(int b) {
        return b < 0x10 ? "0" + Integer.toHexString(b) : Integer.toHexString(b);
    }
}
