package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;
import static dev.weft.translate.Variants.NONE;

import dev.weft.FunctionType;
import dev.weft.ValueType;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;
import dev.weft.code.ValueSlots;
import dev.weft.decode.DecodedModule;

import java.lang.foreign.MemorySegment;

/**
 * The translator's third layer: branches. Forward branches wait in {@link Fixups} chains for
 * their label; backward ones (to loops) are patched at once. Branches carrying values copy them
 * into the target's slots unless they are there already; conditional branches with copies branch
 * over them when not taken. Loops whose first instruction is a conditional exit are rotated
 * ({@link #rotate}). Code after an unconditional branch is unreachable until its block's end.
 */
abstract sealed class Branches extends Fusions permits Blocks {
    /** Result of {@link #conditionalJump}: the condition was a constant. */
    static final int ALWAYS = -2;
    static final int NEVER = -3;

    final Controls controls = new Controls();
    final Fixups fixups = new Fixups();
    /** The function's loops: pairs of (offset its back-edges jump to, fuel per iteration). */
    int[] loops = new int[16];
    int loopCount;
    private int[] tableTargets = new int[16];

    Branches(DecodedModule module) {
        super(module);
    }

    @Override
    public final void br(int label) {
        if (skipped()) {
            return;
        }
        branch(label);
        setUnreachable();
    }

    @Override
    public final void brIf(int label) {
        if (skipped()) {
            return;
        }
        branchIf(label);
    }

    @Override
    public final void return_() {
        if (skipped()) {
            return;
        }
        emitReturn();
        setUnreachable();
    }

    final int jump(int frame) {
        int pc = note(out.br(0), Opcodes.BR);
        linkTo(frame, pc + InstructionDecoder.Jump.OFF_AT, pc);
        return pc;
    }

    /** Makes the branch whose offset field is at fieldAt jump to frame's label. */
    final void linkTo(int frame, int fieldAt, int instructionAt) {
        if (controls.kind[frame] == Controls.LOOP) {
            out.patchI32(fieldAt, controls.start[frame] - instructionAt);
        } else {
            controls.endFixups[frame] = fixups.add(controls.endFixups[frame], fieldAt, instructionAt);
            controls.branched[frame] = true;
        }
    }

    /**
     * Binds a chain of forward branches here. A jump the chain ends with that would land on the
     * very next instruction is removed first (loop rotation and if/else arms leave such jumps).
     */
    final void bind(int chain) {
        int here = out.position();
        if (chain != Fixups.NONE && last.opcode == Opcodes.BR && last.pc >= 0 && emit.labelAt != here
                && last.pc == here - InstructionDecoder.Jump.SIZE && fixups.instructionAt(chain) == last.pc) {
            emit.takeBack();
            chain = fixups.next(chain);
            here = out.position();
        }
        if (chain != Fixups.NONE) {
            fixups.bind(chain, here, out);
            emit.labelAt = here;
        }
        last.forget();
    }

    /**
     * Pops the i32 condition on top of the stack and emits a branch taken when it is
     * {@code whenTrue}, fused with what computed the condition when it can be. Returns the
     * instruction's offset, its offset field at {@link #pendingField}, or {@link #ALWAYS}/{@link #NEVER}
     * for a constant condition.
     */
    final int conditionalJump(boolean whenTrue) {
        int h = stack.top();
        if (stack.kind(h) == CONST) {
            boolean taken = ((int) stack.bits(h) != 0) == whenTrue;
            stack.pop();
            return taken ? ALWAYS : NEVER;
        }
        int pc = fusedBranch(whenTrue);
        if (pc >= 0) {
            return pc;
        }
        int slot = read(h, 0);
        stack.pop();
        return branchOnSlot(slot, whenTrue);
    }

    /** Conditional branch to the label of the given depth: pops the condition; copies the label's values first when needed. */
    final void branchIf(int depth) {
        int target = controls.target(depth);
        int arity = controls.labelArity(target);
        boolean direct = controls.kind[target] != Controls.FUNC
                && inPlace(stack.height - 1 - arity, arity, controls.height[target]);
        if (direct) {
            int pc = conditionalJump(true);
            if (pc == ALWAYS) {
                jump(target);
                setUnreachable();
            } else if (pc != NEVER) {
                linkTo(target, pendingField, pc);
                int loop = controls.top();
                if (controls.kind[loop] == Controls.LOOP && controls.start[loop] == pc
                        && controls.kind[target] != Controls.LOOP && arity == 0 && rotatable(last.opcode)) {
                    controls.headExit[loop] = target;
                }
            }
            return;
        }
        // Branch over the moves when the condition is false.
        int pc = conditionalJump(false);
        if (pc == ALWAYS) {
            return; // the condition is constant false: the branch is never taken
        }
        int skip = pc == NEVER ? Fixups.NONE : fixups.add(Fixups.NONE, pendingField, pc);
        branch(depth);
        if (pc == NEVER) {
            setUnreachable(); // the condition is constant true
        } else {
            bind(skip);
        }
    }

    /** Unconditional branch to the label of the given depth (a return for the function frame). */
    final void branch(int depth) {
        int target = controls.target(depth);
        if (controls.kind[target] == Controls.FUNC) {
            emitReturn();
            return;
        }
        moveTop(controls.labelArity(target), controls.height[target]);
        if (controls.kind[target] == Controls.LOOP && controls.headExit[target] >= 0) {
            rotate(target);
            return;
        }
        jump(target);
    }

    /**
     * Whether a loop starting with this conditional exit can be rotated: its opposite exists and
     * has the same shape, which {@link #rotate} knows how to re-emit. Every instruction that can
     * open a loop and branch (compare-and-branch, {@code br_if}, and the fused producers that
     * also branch: {@code i32.add_imm_br_nez}, {@code i32.load_br_nez}, {@code copy_br_if}) is.
     */
    static boolean rotatable(int opcode) {
        if (Variants.NEGATED[opcode] == NONE) {
            return false; // the generator checked that a negation has the same shape
        }
        return switch (Variants.SHAPE[opcode]) {
            case Variants.S_JUMP_IF, Variants.S_JUMP_CMP, Variants.S_JUMP_CMP_IMM32, Variants.S_BINARY_IMM_JUMP,
                    Variants.S_LOAD_JUMP, Variants.S_COPY_JUMP_IF -> true;
            default -> false;
        };
    }

    /**
     * Loop rotation. The loop starts with a conditional exit, so instead of jumping back to it,
     * repeat it here with the opposite condition, jumping straight to the loop body; fall through
     * to a jump to the exit (dropped by {@link #bind} when the exit label turns out to be next).
     * Each iteration then dispatches one branch instead of two. A head that also computes
     * something (a load, an add, a copy) computes it here the same way before testing.
     */
    private void rotate(int loop) {
        int head = controls.start[loop];
        MemorySegment code = out.view();
        int opcode = InstructionDecoder.opcode(code, head);
        int negated = Variants.NEGATED[opcode];
        int bodyStart = head + InstructionDecoder.size(code, head);
        int pc;
        int field;
        switch (Variants.SHAPE[opcode]) {
            case Variants.S_JUMP_IF -> {
                pc = out.emitJumpIf(negated, InstructionDecoder.JumpIf.cond(code, head), 0);
                field = pc + InstructionDecoder.JumpIf.OFF_AT;
            }
            case Variants.S_JUMP_CMP -> {
                pc = out.emitJumpCmp(negated, InstructionDecoder.JumpCmp.a(code, head),
                        InstructionDecoder.JumpCmp.b(code, head), 0);
                field = pc + InstructionDecoder.JumpCmp.OFF_AT;
            }
            case Variants.S_JUMP_CMP_IMM32 -> {
                pc = out.emitJumpCmpImm32(negated, InstructionDecoder.JumpCmpImm32.a(code, head),
                        InstructionDecoder.JumpCmpImm32.imm(code, head), 0);
                field = pc + InstructionDecoder.JumpCmpImm32.OFF_AT;
            }
            case Variants.S_BINARY_IMM_JUMP -> {
                pc = out.emitBinaryImmJump(negated, InstructionDecoder.BinaryImmJump.dst(code, head),
                        InstructionDecoder.BinaryImmJump.a(code, head), InstructionDecoder.BinaryImmJump.imm(code, head), 0);
                field = pc + InstructionDecoder.BinaryImmJump.OFF_AT;
            }
            case Variants.S_LOAD_JUMP -> {
                pc = out.emitLoadJump(negated, InstructionDecoder.LoadJump.dst(code, head),
                        InstructionDecoder.LoadJump.addr(code, head), InstructionDecoder.LoadJump.offset(code, head), 0);
                field = pc + InstructionDecoder.LoadJump.OFF_AT;
            }
            case Variants.S_COPY_JUMP_IF -> {
                pc = out.emitCopyJumpIf(negated, InstructionDecoder.CopyJumpIf.dst(code, head),
                        InstructionDecoder.CopyJumpIf.src(code, head), InstructionDecoder.CopyJumpIf.cond(code, head), 0);
                field = pc + InstructionDecoder.CopyJumpIf.OFF_AT;
            }
            // rotatable() admitted the head: a shape missing here is a bug in this method
            default -> throw new IllegalStateException("loop head is not a conditional branch: " + Opcodes.name(opcode));
        }
        note(pc, negated);
        // each later iteration runs this copy instead of the head: it stands for the head's instructions too
        emit.addWasmAt(pc, emit.wasmAt(head) - controls.carriedWasm[loop]);
        out.patchI32(field, bodyStart - pc);
        controls.bodyStart[loop] = bodyStart;
        jump(controls.headExit[loop]);
    }

    @Override
    public final void brTable(int[] labels, int count, int defaultLabel) {
        if (skipped()) {
            return;
        }
        int n = count;
        if (tableTargets.length < n + 1) {
            tableTargets = new int[n + 1];
        }
        System.arraycopy(labels, 0, tableTargets, 0, n);
        tableTargets[n] = defaultLabel;
        int index = read(stack.top(), 0);
        stack.pop();
        int arity = controls.labelArity(controls.target(tableTargets[n]));
        int pc = note(out.brTable(index, n), Opcodes.BR_TABLE);
        boolean stubs = false;
        for (int i = 0; i <= n; i++) {
            int target = controls.target(tableTargets[i]);
            if (controls.kind[target] != Controls.FUNC && topInPlace(arity, controls.height[target])) {
                linkTo(target, pc + InstructionDecoder.JumpTable.targetsAt(i), pc);
                tableTargets[i] = -1;
            } else {
                stubs = true;
            }
        }
        if (stubs) {
            // Targets whose values must move first get a stub after the table: moves, then the branch.
            for (int i = 0; i <= n; i++) {
                int depth = tableTargets[i];
                if (depth < 0) {
                    continue;
                }
                int stub = out.position();
                last.forget();
                branch(depth);
                for (int k = i; k <= n; k++) {
                    if (tableTargets[k] == depth) {
                        out.patchI32(pc + InstructionDecoder.JumpTable.targetsAt(k), stub - pc);
                        tableTargets[k] = -1;
                    }
                }
            }
        }
        setUnreachable();
    }

    final void setUnreachable() {
        int f = controls.top();
        controls.unreachable[f] = true;
        dead = true;
        stack.truncate(controls.height[f]);
        last.forget();
    }

    final void emitReturn() {
        FunctionType t = controls.type[0];
        int n = t.resultCount();
        int h = stack.height - n;
        if (n == 1 && !t.result(0).isReference() && stack.kind(h) != CONST) {
            if (resultToSlotZero(h)) {
                // the instruction just written computes the result into slot 0 itself: no copy
                note(out.return_(), Opcodes.RETURN);
                return;
            }
            int src = read(h, 0);
            int op = t.result(0) == ValueType.V128 ? Opcodes.RETURN_V128 : Opcodes.RETURN_1;
            note(out.emitSrc(op, src), op);
            return;
        }
        // Locals among the results could be overwritten by moves into the result slots: take them out first.
        int resultSlots = ValueSlots.results(t);
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                if (stack.kind(h + i) == LOCAL && stack.local(h + i) < resultSlots) {
                    materialize(h + i);
                }
            }
        }
        // Sources sit above their targets (temporaries from tempBase on, results from slot 0 on, laid
        // out alike): moving in order never clobbers a source.
        int slot = 0;
        for (int i = 0; i < n; i++) {
            move(slot, h + i);
            slot += ValueSlots.width(t.result(i));
        }
        note(out.return_(), Opcodes.RETURN);
    }
}
