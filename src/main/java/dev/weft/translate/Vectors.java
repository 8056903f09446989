package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Variants.NONE;

import dev.weft.ValueType;
import dev.weft.code.Opcodes;
import dev.weft.code.ValueSlots;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.WasmInstructions;

/**
 * The translator's seventh layer: SIMD (the {@code 0xFD} prefix). Every instruction becomes the
 * internal instruction of its name ({@link Variants#OF_WASM}; see the SIMD section of
 * native-layout/instructions.def), its operands and result in slots as the layers below allocate
 * them, a v128 in two consecutive slots ({@link ValueSlots}).
 *
 * <p>Providers work for v128 as for scalars: {@code local.get} of a v128 local is its first slot,
 * and {@code v128.const} is a constant provider, written into slots (one {@code v128.const_splat}
 * when both halves are equal, else two scalar constants) only when an instruction needs it there.
 * Fusions: a shift by a constant count uses its {@link Variants#IMM} form, and a splat of a
 * constant is a constant. {@code i8x16.shuffle}'s 16 lane indices do not fit an instruction, so
 * they are a third, constant v128 operand.
 */
abstract sealed class Vectors extends MemoryAndTables permits Calls {
    private final int[] operandSlots = new int[3];

    Vectors(DecodedModule module) {
        super(module);
    }

    private static boolean isSimd(int instr) {
        return WasmInstructions.prefix(instr) == 0xFD;
    }

    @Override
    public final void v128Const(long low, long high) {
        if (!skipped()) {
            stack.pushConstV128(low, high);
        }
    }

    @Override
    public final void i8x16Shuffle(long low, long high) {
        if (!skipped()) {
            stack.pushConstV128(low, high); // the lane indices: a third operand
            vectorOp(Opcodes.I8X16_SHUFFLE, ValueType.V128, 3);
        }
    }

    /** SIMD instructions without immediates: splats, lane-wise operations, tests, conversions. */
    @Override
    public final void operator(int instr) {
        if (!isSimd(instr)) {
            super.operator(instr);
            return;
        }
        int op = opcode(instr);
        if (skipped()) {
            return;
        }
        byte[] params = WasmInstructions.params(instr);
        ValueType result = RESULT[instr];
        int h = stack.top();
        if (params.length == 1 && params[0] != ValueType.V128.code() && stack.kind(h) == CONST) {
            splatConstant(instr, stack.bits(h));
            return;
        }
        int imm = Variants.IMM[op];
        if (params.length == 2 && params[1] == ValueType.I32.code() && imm != NONE && stack.kind(h) == CONST) {
            // a shift by a constant count
            int count = (int) stack.bits(h);
            stack.pop();
            int a = read(h - 1, 0);
            stack.pop();
            pushResult(out.emitBinaryImm32(imm, dst(h - 1), a, count), imm, h - 1, result);
            return;
        }
        vectorOp(op, result, params.length);
    }

    /** A splat of a constant is a constant. */
    private void splatConstant(int instr, long v) {
        stack.pop();
        long half = switch (instr) {
            case WasmInstructions.I8X16_SPLAT -> (v & 0xFFL) * 0x0101_0101_0101_0101L;
            case WasmInstructions.I16X8_SPLAT -> (v & 0xFFFFL) * 0x0001_0001_0001_0001L;
            case WasmInstructions.I32X4_SPLAT, WasmInstructions.F32X4_SPLAT -> (v & 0xFFFF_FFFFL) * 0x1_0000_0001L;
            default -> v; // i64x2, f64x2
        };
        stack.pushConstV128(half, half);
    }

    /** Pops n operands, emits opcode (shape Unary, Binary or Ternary by n) and pushes its result. */
    private void vectorOp(int opcode, ValueType result, int n) {
        int h = stack.height - n;
        int[] slots = operands(h, n);
        stack.pop(n);
        int d = dst(h);
        int pc = switch (n) {
            case 1 -> out.emitUnary(opcode, d, slots[0]);
            case 2 -> out.emitBinary(opcode, d, slots[0], slots[1]);
            default -> out.emitTernary(opcode, d, slots[0], slots[1], slots[2]);
        };
        pushResult(pc, opcode, h, result);
    }

    /**
     * Reads the n entries from height h as near slots. Far ones go to consecutive scratch slots
     * (a v128 takes two); there are three, so at most one far v128 operand fits.
     */
    private int[] operands(int h, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            operandSlots[i] = read(h + i, k);
            k += ValueSlots.width(stack.type(h + i));
        }
        return operandSlots;
    }

    @Override
    public final void laneAccess(int instr, int lane) {
        int op = opcode(instr);
        if (skipped()) {
            return;
        }
        int n = WasmInstructions.params(instr).length;
        int h = stack.height - n;
        int[] slots = operands(h, n);
        stack.pop(n);
        int d = dst(h);
        int pc = n == 1 ? out.emitLane(op, d, slots[0], lane) : out.emitLaneReplace(op, d, slots[0], slots[1], lane);
        pushResult(pc, op, h, RESULT[instr]);
    }

    /** v128 loads and stores; the others go to the layer below. */
    @Override
    public final void memoryAccess(int instr, int align, int memory, long offset) {
        if (!isSimd(instr)) {
            super.memoryAccess(instr, align, memory, offset);
            return;
        }
        int op = opcode(instr);
        if (skipped()) {
            return;
        }
        if (WasmInstructions.results(instr).length == 0) {
            int h = stack.height - 2;
            int[] slots = operands(h, 2);
            stack.pop(2);
            note(out.emitStore(op, slots[0], slots[1], (int) offset), op);
            return;
        }
        int h = stack.top();
        int addr = read(h, 0);
        stack.pop();
        pushResult(out.emitLoad(op, dst(h), addr, (int) offset), op, h, ValueType.V128);
    }

    @Override
    public final void memoryLaneAccess(int instr, int align, int memory, long offset, int lane) {
        int op = opcode(instr);
        if (skipped()) {
            return;
        }
        int h = stack.height - 2;
        int[] slots = operands(h, 2);
        stack.pop(2);
        if (WasmInstructions.results(instr).length == 0) {
            note(out.emitStoreLane(op, slots[0], slots[1], (int) offset, lane), op);
            return;
        }
        pushResult(out.emitLoadLane(op, dst(h), slots[0], slots[1], (int) offset, lane), op, h, ValueType.V128);
    }

    /** The internal instruction of a SIMD instruction (the generator guarantees one). */
    private int opcode(int instr) {
        int op = Variants.OF_WASM[instr];
        if (op == NONE) {
            unsupported(instr);
        }
        return op;
    }
}
