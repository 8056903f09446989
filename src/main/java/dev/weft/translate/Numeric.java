package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;
import static dev.weft.translate.Operands.TEMP;
import static dev.weft.translate.Variants.NONE;

import dev.weft.ValueType;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.WasmInstructions;

/**
 * The translator's fifth layer: values. Numeric operators and conversions ({@link #operator}),
 * each implemented by the internal instruction of its name ({@link Variants#OF_WASM}), with a
 * constant operand as an immediate where a variant takes one; constants, which are providers;
 * reinterpretations, which cost nothing (slots hold raw bits); {@code drop}, {@code select},
 * locals and globals.
 */
abstract sealed class Numeric extends Blocks permits MemoryAndTables {
    /** Per WebAssembly instruction: its result type, where it has exactly one. */
    static final ValueType[] RESULT = new ValueType[WasmInstructions.COUNT];
    /** Per WebAssembly instruction: the type of its first operand, where it has one. */
    static final ValueType[] OPERAND = new ValueType[WasmInstructions.COUNT];

    static {
        for (int i = 0; i < WasmInstructions.COUNT; i++) {
            byte[] results = WasmInstructions.results(i);
            byte[] params = WasmInstructions.params(i);
            RESULT[i] = results != null && results.length == 1 ? ValueType.fromCode(results[0] & 0xFF) : null;
            OPERAND[i] = params != null && params.length > 0 ? ValueType.fromCode(params[0] & 0xFF) : null;
        }
    }

    Numeric(DecodedModule module) {
        super(module);
    }

    @Override
    public void operator(int instr) {
        int op = Variants.OF_WASM[instr];
        if (op == NONE) {
            withoutInstruction(instr);
            return;
        }
        if (skipped()) {
            return;
        }
        if (WasmInstructions.params(instr).length == 1) {
            unary(op, RESULT[instr]);
        } else {
            binary(op, instr);
        }
    }

    /** The typed instructions that need no instruction, or are not supported. */
    private void withoutInstruction(int instr) {
        ValueType retyped = switch (instr) {
            case WasmInstructions.I32_REINTERPRET_F32 -> ValueType.I32;
            case WasmInstructions.I64_REINTERPRET_F64 -> ValueType.I64;
            case WasmInstructions.F32_REINTERPRET_I32 -> ValueType.F32;
            case WasmInstructions.F64_REINTERPRET_I64 -> ValueType.F64;
            case WasmInstructions.NOP -> null;
            default -> {
                unsupported(instr);
                yield null;
            }
        };
        if (!skipped() && retyped != null) {
            stack.retype(stack.top(), retyped);
        }
    }

    @Override
    public final void i32Const(int value) {
        if (!skipped()) {
            stack.pushConst(ValueType.I32, value);
        }
    }

    @Override
    public final void i64Const(long value) {
        if (!skipped()) {
            stack.pushConst(ValueType.I64, value);
        }
    }

    @Override
    public final void f32Const(int bits) {
        if (!skipped()) {
            stack.pushConst(ValueType.F32, bits);
        }
    }

    @Override
    public final void f64Const(long bits) {
        if (!skipped()) {
            stack.pushConst(ValueType.F64, bits);
        }
    }

    @Override
    public final void refNull(int heapType) {
        if (!skipped()) {
            stack.pushConst(ValueType.fromCode(heapType), 0);
        }
    }

    @Override
    public final void refIsNull() {
        if (skipped()) {
            return;
        }
        if (stack.kind(stack.top()) == CONST) {
            stack.pop();
            stack.pushConst(ValueType.I32, 1);
            return;
        }
        unary(Opcodes.REF_IS_NULL, ValueType.I32);
    }

    @Override
    public final void drop() {
        if (!skipped()) {
            last.dropped(stack.top());
            stack.pop();
        }
    }

    @Override
    public final void select() {
        if (!skipped()) {
            select3();
        }
    }

    @Override
    public final void selectT(int[] types, int count) {
        if (!skipped()) {
            select3();
        }
    }

    private void select3() {
        int hc = stack.top();
        int hb = hc - 1;
        int ha = hc - 2;
        ValueType t = stack.type(ha);
        boolean v128 = t == ValueType.V128; // a far v128 takes two scratch slots
        int a = read(ha, 0);
        int b = read(hb, v128 ? 2 : 1);
        int c = read(hc, v128 ? 4 : 2);
        stack.pop(3);
        int op = v128 ? Opcodes.V128_SELECT : t.isReference() ? Opcodes.SELECT_REF : Opcodes.SELECT;
        pushResult(out.emitSelect(op, dst(ha), c, a, b), op, ha, t);
    }

    // ---------------------------------------------------------------- operators

    final void unary(int opcode, ValueType resultType) {
        int h = stack.top();
        int src = read(h, 0);
        stack.pop();
        pushResult(out.emitUnary(opcode, dst(h), src), opcode, h, resultType);
    }

    /**
     * A binary operator. A constant operand becomes an immediate: on the right with the
     * {@link Variants#IMM} form; on the left of a commutative operation or a comparison by
     * swapping it ({@code 5 < x} is {@code x > 5}, {@link Variants#SWAPPED}); else with the
     * {@link Variants#IMM_LHS} form; {@code x - c} as {@code x + -c}. i64 immediates are 32-bit,
     * sign-extended; larger constants go through a slot.
     */
    private void binary(int base, int instr) {
        int hb = stack.top();
        int ha = hb - 1;
        if ((base == Opcodes.I32_AND || base == Opcodes.I64_AND) && fuseAndImm(ha, hb)) {
            return;
        }
        if ((base == Opcodes.I32_ADD || base == Opcodes.I64_ADD) && fuseAdd(ha, hb)) {
            return;
        }
        int opcode;
        int a;
        int b = 0;
        long imm = 0;
        boolean withImm = true;
        int swapped = Variants.SWAPPED[base];
        int immBase = base;
        long rhs = stack.bits(hb);
        // x - c is x + -c (wrapping alike): one immediate form, whose fusions (with a branch, with
        // a load) count-down loops then also get
        if (base == Opcodes.I32_SUB) {
            immBase = Opcodes.I32_ADD;
            rhs = -(int) rhs;
        } else if (base == Opcodes.I64_SUB) {
            immBase = Opcodes.I64_ADD;
            rhs = -rhs;
        }
        if (stack.kind(hb) == CONST && fits(Variants.IMM[immBase], rhs)) {
            imm = rhs;
            a = read(ha, 0);
            opcode = Variants.IMM[immBase];
        } else if (stack.kind(ha) == CONST && swapped != NONE && fits(Variants.IMM[swapped], stack.bits(ha))) {
            imm = stack.bits(ha);
            a = read(hb, 0);
            opcode = Variants.IMM[swapped];
        } else if (stack.kind(ha) == CONST && fits(Variants.IMM_LHS[base], stack.bits(ha))) {
            imm = stack.bits(ha);
            a = read(hb, 0);
            opcode = Variants.IMM_LHS[base];
        } else {
            a = read(ha, 0);
            b = read(hb, 1);
            opcode = base;
            withImm = false;
        }
        stack.pop(2);
        int d = dst(ha);
        int pc;
        if (!withImm) {
            pc = out.emitBinary(opcode, d, a, b);
        } else if (Variants.SHAPE[opcode] == Variants.S_BINARY_IMM64) {
            pc = out.emitBinaryImm64(opcode, d, a, imm);
        } else {
            pc = out.emitBinaryImm32(opcode, d, a, (int) imm);
        }
        pushResult(pc, opcode, ha, RESULT[instr]);
    }

    /** Whether an immediate form exists and the constant fits its field (32-bit fields take i64 constants that fit, sign-extended). */
    private static boolean fits(int immOpcode, long value) {
        return immOpcode != NONE && (value == (int) value || Variants.SHAPE[immOpcode] == Variants.S_BINARY_IMM64);
    }

    // ---------------------------------------------------------------- locals and globals

    @Override
    public final void localGet(int local) {
        if (!skipped()) {
            stack.pushLocal(localSlots[local], localTypes[local]);
        }
    }

    @Override
    public final void localSet(int local) {
        if (!skipped()) {
            setLocal(localSlots[local], localTypes[local], false);
        }
    }

    @Override
    public final void localTee(int local) {
        if (!skipped()) {
            setLocal(localSlots[local], localTypes[local], true);
        }
    }

    /** local.set/local.tee of the local whose (first) slot is x. */
    private void setLocal(int x, ValueType t, boolean tee) {
        int h = stack.top();
        if (stack.kind(h) == LOCAL && stack.local(h) == x) {
            if (!tee) {
                stack.pop();
            }
            return;
        }
        // The old value of x may still be pending on the stack: preserve it in the entry's temporary.
        if (stack.uses(x) > 0) {
            for (int i = 0; i < h; i++) {
                if (stack.kind(i) == LOCAL && stack.local(i) == x) {
                    materialize(i);
                }
            }
        }
        if (!retargetResult(h, x)) {
            move(x, h);
        }
        stack.pop();
        if (tee) {
            stack.pushLocal(x, t);
        }
    }

    @Override
    public final void globalGet(int global) {
        if (skipped()) {
            return;
        }
        ValueType t = module.globals[global].valueType();
        int h = stack.height;
        int op = t == ValueType.V128 ? Opcodes.GLOBAL_GET_V128 : t.isReference() ? Opcodes.GLOBAL_GET_REF : Opcodes.GLOBAL_GET;
        pushResult(out.emitGlobalGet(op, dst(h), global), op, h, t);
    }

    @Override
    public final void globalSet(int global) {
        if (skipped()) {
            return;
        }
        int h = stack.top();
        ValueType t = stack.type(h);
        int src = read(h, 0);
        stack.pop();
        int op = t == ValueType.V128 ? Opcodes.GLOBAL_SET_V128 : t.isReference() ? Opcodes.GLOBAL_SET_REF : Opcodes.GLOBAL_SET;
        note(out.emitGlobalSet(op, src, global), op);
    }
}
