package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;
import static dev.weft.translate.Operands.TEMP;
import static dev.weft.translate.Variants.NONE;

import dev.weft.ValueType;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;

import java.lang.foreign.MemorySegment;

/**
 * The translator's second layer: fusions of the last instruction with the one being translated.
 * Each looks at the {@link LastInstruction fusion state}, finds the fused form in the generated
 * {@link Variants} tables by the last instruction's opcode, and replaces that instruction
 * ({@link Emitter#takeBack}) or retargets its result:
 *
 * <ul>
 *   <li>a comparison (or {@code eqz}) whose boolean a branch tests becomes one compare-and-branch
 *       ({@link Variants#BRANCH}, {@link Variants#BRANCH_NOT});
 *   <li>an instruction whose result a branch tests becomes its form that also branches
 *       ({@link Variants#BRANCH_NEZ}, {@link Variants#BRANCH_EQZ});
 *   <li>a copy followed by a branch is one {@code copy_br_if};
 *   <li>a producer whose only consumer follows is one instruction ({@link Variants#THEN_AND_IMM},
 *       {@link Variants#THEN_ADD}), and a load whose address an {@code i32.add_imm} computed is
 *       one instruction that adds ({@link Variants#AFTER_ADD_IMM});
 *   <li>a result that {@code local.set} stores is written straight into the local.
 * </ul>
 */
abstract sealed class Fusions extends OperandSlots permits Branches {
    /** Where the offset field of the branch the last {@code fused…Branch} or conditional jump wrote is. */
    int pendingField;

    Fusions(DecodedModule module) {
        super(module);
    }

    /** Whether entry h is the temporary the last instruction wrote (still there: not dropped, not retargeted). */
    private boolean lastWroteTemp(int h) {
        return stack.kind(h) == TEMP && last.dstHeight == h;
    }

    /** Whether entry h holds exactly what the last instruction wrote, with nothing emitted or bound since. */
    final boolean producedByLast(int h) {
        if (last.pc < 0 || last.resultSlot < 0) {
            return false;
        }
        return switch (stack.kind(h)) {
            case TEMP -> lastWroteTemp(h);
            case LOCAL -> stack.local(h) == last.resultSlot;
            default -> false;
        };
    }

    /**
     * The condition on top of the stack, popped, as a branch fused with the instruction that
     * computed it, if there is one: a comparison becomes a compare-and-branch (the comparison
     * itself is then not computed), an instruction with a branching form (an {@code i32.add_imm},
     * often a loop counter, an {@code i32.load}, often a pointer) becomes that form, which still
     * writes its result (a local may need it).
     *
     * @param whenTrue whether to branch when the condition is true (else when false)
     * @return the branch's offset (its offset field at {@link #pendingField}), or -1 if nothing fuses
     */
    final int fusedBranch(boolean whenTrue) {
        int h = stack.top();
        int at = last.pc;
        if (at < 0) {
            return -1;
        }
        int op = last.opcode;
        if (lastWroteTemp(h) && Variants.BRANCH[op] != NONE) {
            MemorySegment code = out.view();
            int a;
            int b = 0;
            switch (Variants.SHAPE[op]) {
                case Variants.S_UNARY -> a = InstructionDecoder.Unary.src(code, at);
                case Variants.S_BINARY -> {
                    a = InstructionDecoder.Binary.a(code, at);
                    b = InstructionDecoder.Binary.b(code, at);
                }
                case Variants.S_BINARY_IMM32 -> {
                    a = InstructionDecoder.BinaryImm32.a(code, at);
                    b = InstructionDecoder.BinaryImm32.imm(code, at);
                }
                // the generator admits these three shapes only
                default -> throw new IllegalStateException("comparison of unexpected shape: " + Opcodes.name(op));
            }
            emit.takeBack();
            stack.pop();
            return branch(whenTrue ? Variants.BRANCH[op] : Variants.BRANCH_NOT[op], a, b);
        }
        if (Variants.BRANCH_NEZ[op] != NONE && producedByLast(h)) {
            int branch = whenTrue ? Variants.BRANCH_NEZ[op] : Variants.BRANCH_EQZ[op];
            MemorySegment code = out.view();
            int pc;
            stack.pop();
            if (Variants.SHAPE[op] == Variants.S_LOAD) {
                int dst = InstructionDecoder.Load.dst(code, at);
                int addr = InstructionDecoder.Load.addr(code, at);
                int offset = InstructionDecoder.Load.offset(code, at);
                emit.takeBack();
                pc = note(out.emitLoadJump(branch, dst, addr, offset, 0), branch);
                pendingField = pc + InstructionDecoder.LoadJump.OFF_AT;
            } else {
                int dst = InstructionDecoder.BinaryImm32.dst(code, at);
                int a = InstructionDecoder.BinaryImm32.a(code, at);
                int imm = InstructionDecoder.BinaryImm32.imm(code, at);
                emit.takeBack();
                pc = note(out.emitBinaryImmJump(branch, dst, a, imm, 0), branch);
                pendingField = pc + InstructionDecoder.BinaryImmJump.OFF_AT;
            }
            return pc;
        }
        return -1;
    }

    /**
     * Writes a branch on operands (a compare-and-branch or a test of one slot, by its shape).
     *
     * @param op the branch instruction
     * @param a its first (or only) slot operand
     * @param b its second slot operand, or its immediate
     * @return its offset (its offset field at {@link #pendingField})
     */
    final int branch(int op, int a, int b) {
        int pc;
        switch (Variants.SHAPE[op]) {
            case Variants.S_JUMP_IF -> {
                pc = note(out.emitJumpIf(op, a, 0), op);
                pendingField = pc + InstructionDecoder.JumpIf.OFF_AT;
            }
            case Variants.S_JUMP_CMP -> {
                pc = note(out.emitJumpCmp(op, a, b, 0), op);
                pendingField = pc + InstructionDecoder.JumpCmp.OFF_AT;
            }
            case Variants.S_JUMP_CMP_IMM32 -> {
                pc = note(out.emitJumpCmpImm32(op, a, b, 0), op);
                pendingField = pc + InstructionDecoder.JumpCmpImm32.OFF_AT;
            }
            default -> throw new IllegalStateException("not a branch on operands: " + Opcodes.name(op));
        }
        return pc;
    }

    /**
     * A branch testing slot cond, fused with a copy right before it if there is one (a loop
     * moving one local, then testing another): {@code copy_br_if}.
     *
     * @return its offset (its offset field at {@link #pendingField})
     */
    final int branchOnSlot(int cond, boolean whenTrue) {
        if (emit.fusableCopy()) {
            int copy = emit.takeBackCopy();
            int op = whenTrue ? Opcodes.COPY_BR_IF : Opcodes.COPY_BR_IF_NOT;
            int pc = note(out.emitCopyJumpIf(op, copy >>> 16, copy & 0xFFFF, cond, 0), op);
            pendingField = pc + InstructionDecoder.CopyJumpIf.OFF_AT;
            return pc;
        }
        return branch(whenTrue ? Opcodes.BR_IF : Opcodes.BR_IF_NOT, cond, 0);
    }

    /**
     * {@code local.set}/{@code local.tee} of the value the last instruction just computed into the
     * temporary at height h: that instruction writes local x instead.
     *
     * @return whether it could
     */
    final boolean retargetResult(int h, int x) {
        if (!retarget(h, x)) {
            return false;
        }
        emit.attributeToLast();
        return true;
    }

    /**
     * A single result returned right after the last instruction computed it into the temporary at
     * height h: that instruction writes the result slot, 0, instead, and the return copies nothing.
     * Nothing of the frame is read after a return, so clobbering local 0 is harmless.
     *
     * @return whether it could
     */
    final boolean resultToSlotZero(int h) {
        return retarget(h, 0);
    }

    private boolean retarget(int h, int x) {
        if (!lastWroteTemp(h) || last.pc < 0) {
            return false;
        }
        out.patchSlot(last.pc + InstructionDecoder.dstOffset(last.opcode), x);
        last.dstHeight = -1;
        last.resultSlot = x;
        return true;
    }

    /** {@code (x >>> k) & mask}, the shift computed by the last instruction: one fused instruction ({@link Variants#THEN_AND_IMM}). */
    final boolean fuseAndImm(int ha, int hb) {
        int mask;
        if (stack.kind(hb) == CONST && lastWroteTemp(ha)) {
            mask = (int) stack.bits(hb);
        } else if (stack.kind(ha) == CONST && lastWroteTemp(hb)) {
            mask = (int) stack.bits(ha);
        } else {
            return false;
        }
        int fused = Variants.THEN_AND_IMM[last.opcode];
        if (fused == NONE || last.pc < 0 || isFar(tempSlot(ha))) {
            return false;
        }
        MemorySegment code = out.view();
        int a = InstructionDecoder.BinaryImm32.a(code, last.pc);
        int shift = InstructionDecoder.BinaryImm32.imm(code, last.pc);
        ValueType t = stack.type(ha);
        emit.takeBack();
        stack.pop(2);
        pushResult(out.emitBinaryImmImm(fused, tempSlot(ha), a, shift, mask), fused, ha, t);
        return true;
    }

    /** {@code a * b + x}, the product computed by the last instruction: one fused instruction ({@link Variants#THEN_ADD}). */
    final boolean fuseAdd(int ha, int hb) {
        int other;
        if (lastWroteTemp(hb)) {
            other = ha;
        } else if (lastWroteTemp(ha)) {
            other = hb;
        } else {
            return false;
        }
        // the other operand must be readable without emitting anything (the product must stay last)
        byte kind = stack.kind(other);
        int fused = Variants.THEN_ADD[last.opcode];
        if (fused == NONE || last.pc < 0 || kind == CONST || isFar(tempSlot(hb))) {
            return false;
        }
        int c = kind == LOCAL ? stack.local(other) : tempSlot(other);
        MemorySegment code = out.view();
        int a = InstructionDecoder.Binary.a(code, last.pc);
        int b = InstructionDecoder.Binary.b(code, last.pc);
        ValueType t = stack.type(ha);
        emit.takeBack();
        stack.pop(2);
        pushResult(out.emitTernary(fused, tempSlot(ha), a, b, c), fused, ha, t);
        return true;
    }

    /**
     * A load from the address the last instruction, an {@code i32.add_imm}, computed into the
     * temporary at height h: one instruction that adds the constant (wrapping, as the add does)
     * and then loads ({@link Variants#AFTER_ADD_IMM}). Clang computes pointer plus constant this
     * way where it cannot prove that the sum does not wrap, which an offset would not.
     *
     * @param opcode the load
     * @return whether it could
     */
    final boolean fuseLoadAfterAddImm(int opcode, int h, int offset, ValueType t) {
        int fused = Variants.AFTER_ADD_IMM[opcode];
        if (fused == NONE || last.pc < 0 || last.opcode != Opcodes.I32_ADD_IMM || !lastWroteTemp(h)
                || isFar(tempSlot(h))) {
            return false;
        }
        MemorySegment code = out.view();
        int a = InstructionDecoder.BinaryImm32.a(code, last.pc);
        int imm = InstructionDecoder.BinaryImm32.imm(code, last.pc);
        emit.takeBack();
        stack.pop();
        pushResult(out.emitLoadAddImm(fused, dst(h), a, imm, offset), fused, h, t);
        return true;
    }
}
