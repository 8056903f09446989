package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.OperatorTable.NONE;

import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import dev.weft.code.CodeLayout;
import dev.weft.code.InstructionEncoder;
import dev.weft.code.Opcodes;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.WasmInstructions;
import dev.weft.decode.WasmOpcodes;

/**
 * Translates the SIMD instructions (the {@code 0xFD} prefix) of a function body, for the
 * {@link Translator}: every one becomes the internal instruction of the same name (see the SIMD
 * section of native-layout/instructions.def), its operands and result in slots as the translator
 * allocates them, a v128 in two consecutive slots.
 *
 * <p>Providers work for v128 as for scalars: {@code local.get} of a v128 local is its first
 * slot, and {@code v128.const} is a constant provider, written into a slot (one
 * {@code v128.const_splat} when both halves are equal, else two scalar constants) only when an
 * instruction needs it there. Fusions: a constant shift count uses the {@code _imm} form, and a
 * splat of a constant is a constant. {@code i8x16.shuffle}'s 16 lane indices do not fit an
 * instruction, so they are a v128 constant operand.
 *
 * <p>The translator calls {@link #instruction} when it reads the {@code 0xFD} prefix in
 * reachable code, {@link #skip} in unreachable code, and {@link #materializeConst} to write a
 * v128 constant into slots; what it needs from the translator is {@link Context}.
 */
final class SimdTranslation {
    /**
     * What SIMD translation uses of the translator: its reader, encoder and operand stack, and
     * its slot allocation and emission bookkeeping (the translator's methods of the same names).
     */
    interface Context {
        /** @return the reader, positioned after the prefix byte */
        BinaryReader in();

        /** @return the encoder */
        InstructionEncoder out();

        /** @return the operand stack */
        Operands stack();

        /**
         * A near slot holding entry h, for reading (constants are written into their temporary,
         * far temporaries copied to scratch slots k, k + 1, ...).
         *
         * @param h a height
         * @param k the first scratch slot to use if the entry is far
         * @return the slot
         */
        int read(int h, int k);

        /**
         * @param h the height the result will have
         * @return the slot to write it to
         */
        int dst(int h);

        /**
         * Records that the instruction at pc wrote the value of height h (copying it out if far).
         *
         * @param pc the instruction's offset
         * @param opcode its opcode
         * @param h the result's height
         * @param type the result's type
         */
        void result(int pc, int opcode, int h, ValueType type);

        /**
         * Records that an instruction was written.
         *
         * @param pc its offset
         * @param opcode its opcode
         */
        void note(int pc, int opcode);
    }

    /** Internal opcode of each 0xFD sub-opcode (NONE for v128.const and i8x16.shuffle, done here). */
    private static final int[] OPCODE = new int[0x114];
    /** For shifts: the internal opcode taking a constant count. */
    private static final int[] OPCODE_IMM = new int[0x114];
    /** The WebAssembly instruction (dense number) of each 0xFD sub-opcode, or -1. */
    private static final int[] INSTRUCTION = new int[0x114];

    static {
        java.util.Arrays.fill(OPCODE, NONE);
        java.util.Arrays.fill(OPCODE_IMM, NONE);
        for (int sub = 0; sub < OPCODE.length; sub++) {
            int id = WasmInstructions.prefixed(WasmOpcodes.PREFIX_FD, sub);
            INSTRUCTION[sub] = id;
            if (id < 0 || sub == WasmOpcodes.FD_V128_CONST || sub == WasmOpcodes.FD_I8X16_SHUFFLE) {
                continue;
            }
            String name = WasmInstructions.name(id);
            OPCODE[sub] = Opcodes.byName(name);
            if (OPCODE[sub] == NONE) {
                throw new IllegalStateException("no internal instruction for " + name);
            }
            OPCODE_IMM[sub] = Opcodes.byName(name + "_imm");
        }
    }

    private final Context cx;

    SimdTranslation(Context cx) {
        this.cx = cx;
    }

    /**
     * Translates one SIMD instruction; the reader is after its prefix byte.
     *
     * @param at the instruction's offset, for messages
     */
    void instruction(int at) {
        BinaryReader in = cx.in();
        int sub = in.u32();
        int id = sub < INSTRUCTION.length ? INSTRUCTION[sub] : -1;
        if (id < 0) {
            throw new IllegalStateException("validated code has unknown 0xfd sub-opcode " + sub + " at " + at);
        }
        switch (sub) {
            case WasmOpcodes.FD_V128_CONST -> {
                long low = in.fixed64();
                cx.stack().pushConstV128(low, in.fixed64());
            }
            case WasmOpcodes.FD_I8X16_SHUFFLE -> {
                long low = in.fixed64();
                cx.stack().pushConstV128(low, in.fixed64()); // the lane indices: a third operand
                operator(Opcodes.I8X16_SHUFFLE, ValueType.V128, 3);
            }
            default -> {
                byte[] immediates = WasmInstructions.immediates(id);
                if (immediates.length == 0) {
                    plain(sub, id);
                } else if (immediates[0] == WasmInstructions.IMM_LANE) {
                    lane(sub, id, in.u8());
                } else {
                    in.u32(); // alignment (validated; multi-memory is not supported)
                    int offset = in.u32();
                    if (immediates.length == 1) {
                        memory(sub, id, offset);
                    } else {
                        memoryLane(sub, id, offset, in.u8());
                    }
                }
            }
        }
    }

    /** Skips a SIMD instruction in unreachable code; the reader is after its prefix byte. */
    void skip() {
        BinaryReader in = cx.in();
        int sub = in.u32();
        int id = sub < INSTRUCTION.length ? INSTRUCTION[sub] : -1;
        if (id < 0) {
            return; // validated: cannot happen
        }
        for (byte kind : WasmInstructions.immediates(id)) {
            switch (kind) {
                case WasmInstructions.IMM_MEMARG -> {
                    in.u32();
                    in.u32();
                }
                case WasmInstructions.IMM_LANE -> in.u8();
                case WasmInstructions.IMM_V128, WasmInstructions.IMM_SHUFFLE -> {
                    in.fixed64();
                    in.fixed64();
                }
                default -> throw new IllegalStateException("SIMD immediate kind " + kind);
            }
        }
    }

    /**
     * Writes a v128 constant into slots target, target + 1 (near).
     *
     * @param target the first slot
     * @param low the constant's low 64 bits
     * @param high its high 64 bits
     */
    void materializeConst(int target, long low, long high) {
        InstructionEncoder out = cx.out();
        if (low == high) {
            cx.note(out.v128ConstSplat(target, low), Opcodes.V128_CONST_SPLAT);
            return;
        }
        half(target, low);
        half(target + 1, high);
    }

    private void half(int slot, long v) {
        InstructionEncoder out = cx.out();
        if (v == (int) v) {
            cx.note(out.const32(slot, (int) v), Opcodes.CONST_32);
        } else {
            cx.note(out.const64(slot, v), Opcodes.CONST_64);
        }
    }

    // ------------------------------------------------------------------ operators

    private static ValueType type(byte code) {
        return ValueType.fromCode(code);
    }

    /** An instruction without immediates: splats, lane-wise operations, tests, conversions. */
    private void plain(int sub, int id) {
        byte[] params = WasmInstructions.params(id);
        ValueType result = type(WasmInstructions.results(id)[0]);
        Operands stack = cx.stack();
        int h = stack.top();
        if (params.length == 1 && params[0] != ValueType.V128.code() && stack.kind(h) == CONST) {
            splatConstant(sub, stack.bits(h));
            return;
        }
        if (params.length == 2 && params[1] == ValueType.I32.code() && OPCODE_IMM[sub] != NONE
                && stack.kind(h) == CONST) {
            // a shift by a constant count
            int count = (int) stack.bits(h);
            stack.pop();
            int a = cx.read(h - 1, 0);
            stack.pop();
            int op = OPCODE_IMM[sub];
            int pc = cx.out().emitBinaryImm32(op, cx.dst(h - 1), a, count);
            stack.pushTemp(result);
            cx.result(pc, op, h - 1, result);
            return;
        }
        operator(OPCODE[sub], result, params.length);
    }

    /** A splat of a constant is a constant. */
    private void splatConstant(int sub, long v) {
        Operands stack = cx.stack();
        stack.pop();
        long half = switch (sub) {
            case WasmOpcodes.FD_I8X16_SPLAT -> (v & 0xFFL) * 0x0101_0101_0101_0101L;
            case WasmOpcodes.FD_I16X8_SPLAT -> (v & 0xFFFFL) * 0x0001_0001_0001_0001L;
            case WasmOpcodes.FD_I32X4_SPLAT, WasmOpcodes.FD_F32X4_SPLAT -> (v & 0xFFFF_FFFFL) * 0x1_0000_0001L;
            default -> v; // i64x2, f64x2
        };
        stack.pushConstV128(half, half);
    }

    /** Pops n operands, emits opcode (shape Unary, Binary or Ternary by n) and pushes its result. */
    private void operator(int opcode, ValueType result, int n) {
        Operands stack = cx.stack();
        int h = stack.height - n;
        int[] slots = operands(h, n);
        stack.pop(n);
        InstructionEncoder out = cx.out();
        int d = cx.dst(h);
        int pc = switch (n) {
            case 1 -> out.emitUnary(opcode, d, slots[0]);
            case 2 -> out.emitBinary(opcode, d, slots[0], slots[1]);
            default -> out.emitTernary(opcode, d, slots[0], slots[1], slots[2]);
        };
        stack.pushTemp(result);
        cx.result(pc, opcode, h, result);
    }

    private final int[] operandSlots = new int[3];

    /**
     * Reads the n entries from height h as near slots. Far ones go to consecutive scratch slots
     * (a v128 takes two); there are three, so at most one far v128 operand fits.
     */
    private int[] operands(int h, int n) {
        Operands stack = cx.stack();
        int k = 0;
        for (int i = 0; i < n; i++) {
            operandSlots[i] = cx.read(h + i, k);
            k += stack.type(h + i) == ValueType.V128 ? 2 : 1;
        }
        return operandSlots;
    }

    private void lane(int sub, int id, int lane) {
        byte[] params = WasmInstructions.params(id);
        ValueType result = type(WasmInstructions.results(id)[0]);
        Operands stack = cx.stack();
        int op = OPCODE[sub];
        InstructionEncoder out = cx.out();
        int h = stack.height - params.length;
        int[] slots = operands(h, params.length);
        stack.pop(params.length);
        int d = cx.dst(h);
        int pc = params.length == 1 ? out.emitLane(op, d, slots[0], lane) : out.emitLaneReplace(op, d, slots[0], slots[1], lane);
        stack.pushTemp(result);
        cx.result(pc, op, h, result);
    }

    private void memory(int sub, int id, int offset) {
        Operands stack = cx.stack();
        int op = OPCODE[sub];
        InstructionEncoder out = cx.out();
        if (WasmInstructions.results(id).length == 0) {
            int h = stack.height - 2;
            int[] slots = operands(h, 2);
            stack.pop(2);
            cx.note(out.emitStore(op, slots[0], slots[1], offset), op);
            return;
        }
        int h = stack.top();
        int addr = cx.read(h, 0);
        stack.pop();
        int pc = out.emitLoad(op, cx.dst(h), addr, offset);
        stack.pushTemp(ValueType.V128);
        cx.result(pc, op, h, ValueType.V128);
    }

    private void memoryLane(int sub, int id, int offset, int lane) {
        Operands stack = cx.stack();
        int op = OPCODE[sub];
        InstructionEncoder out = cx.out();
        int h = stack.height - 2;
        int[] slots = operands(h, 2);
        stack.pop(2);
        if (WasmInstructions.results(id).length == 0) {
            cx.note(out.emitStoreLane(op, slots[0], slots[1], offset, lane), op);
            return;
        }
        int pc = out.emitLoadLane(op, cx.dst(h), slots[0], slots[1], offset, lane);
        stack.pushTemp(ValueType.V128);
        cx.result(pc, op, h, ValueType.V128);
    }

    /**
     * The error for a v128 operand that cannot be read into scratch slots: frames over
     * {@value CodeLayout#MAX_SLOT} slots with several v128 values deep in the operand stack.
     *
     * @param at where, for the message
     * @return the exception to throw
     */
    static UnsupportedFeatureException farOperands(int at) {
        return new UnsupportedFeatureException("more than one v128 operand beyond frame slot " + CodeLayout.MAX_SLOT
                + " (an operand stack of tens of thousands of values) is not supported by Weft's translator", at);
    }
}
