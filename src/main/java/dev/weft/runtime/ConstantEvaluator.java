package dev.weft.runtime;

import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.WasmOpcodes;

/**
 * Evaluates validated constant expressions at instantiation: constants ({@code v128.const}
 * included), {@code ref.null}, {@code ref.func}, {@code global.get}, and the integer
 * add/sub/mul of extended constants.
 */
final class ConstantEvaluator {
    private final byte[] bytes;
    private final GlobalInstance[] globals;
    private final FunctionInstance[] functions;
    private long[] numbers = new long[8];
    /** The high halves of v128 values (0 for other types). */
    private long[] highs = new long[8];
    private Object[] refs = new Object[8];

    ConstantEvaluator(byte[] bytes, GlobalInstance[] globals, FunctionInstance[] functions) {
        this.bytes = bytes;
        this.globals = globals;
        this.functions = functions;
    }

    /** @return the raw bits of a numeric expression's value */
    long number(ConstExpr e) {
        run(e);
        return numbers[0];
    }

    /** @return the high 64 bits of the v128 the last {@link #number} evaluated (0 for other types) */
    long high() {
        return highs[0];
    }

    /** @return the reference an expression produces (null for ref.null) */
    Object reference(ConstExpr e) {
        run(e);
        return refs[0];
    }

    private void run(ConstExpr e) {
        BinaryReader in = new BinaryReader(bytes, e.offset(), e.offset() + e.length());
        int sp = 0;
        for (;;) {
            int op = in.u8();
            if (sp == numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, sp * 2);
                highs = java.util.Arrays.copyOf(highs, sp * 2);
                refs = java.util.Arrays.copyOf(refs, sp * 2);
            }
            switch (op) {
                case WasmOpcodes.END -> {
                    return;
                }
                case WasmOpcodes.PREFIX_FD -> {
                    int sub = in.u32();
                    if (sub != WasmOpcodes.FD_V128_CONST) {
                        throw new UnsupportedFeatureException("constant expression with opcode 0xfd 0x"
                                + Integer.toHexString(sub) + " is not supported", in.pos() - 1);
                    }
                    numbers[sp] = in.fixed64();
                    highs[sp++] = in.fixed64();
                }
                case WasmOpcodes.I32_CONST -> {
                    highs[sp] = 0;
                    numbers[sp++] = in.s32();
                }
                case WasmOpcodes.I64_CONST -> {
                    highs[sp] = 0;
                    numbers[sp++] = in.s64();
                }
                case WasmOpcodes.F32_CONST -> {
                    highs[sp] = 0;
                    numbers[sp++] = in.fixed32();
                }
                case WasmOpcodes.F64_CONST -> {
                    highs[sp] = 0;
                    numbers[sp++] = in.fixed64();
                }
                case WasmOpcodes.REF_NULL -> {
                    in.u8();
                    refs[sp++] = null;
                }
                case WasmOpcodes.REF_FUNC -> refs[sp++] = functions[in.u32()];
                case WasmOpcodes.GLOBAL_GET -> {
                    GlobalInstance g = globals[in.u32()];
                    numbers[sp] = g.value;
                    highs[sp] = g.high;
                    refs[sp++] = g.ref;
                }
                case WasmOpcodes.I32_ADD -> numbers[--sp - 1] = (int) (numbers[sp - 1] + numbers[sp]);
                case WasmOpcodes.I32_SUB -> numbers[--sp - 1] = (int) (numbers[sp - 1] - numbers[sp]);
                case WasmOpcodes.I32_MUL -> numbers[--sp - 1] = (int) numbers[sp - 1] * (int) numbers[sp];
                case WasmOpcodes.I64_ADD -> numbers[--sp - 1] = numbers[sp - 1] + numbers[sp];
                case WasmOpcodes.I64_SUB -> numbers[--sp - 1] = numbers[sp - 1] - numbers[sp];
                case WasmOpcodes.I64_MUL -> numbers[--sp - 1] = numbers[sp - 1] * numbers[sp];
                default -> throw new UnsupportedFeatureException("constant expression with opcode 0x"
                        + Integer.toHexString(op) + " is not supported", in.pos() - 1);
            }
        }
    }
}
