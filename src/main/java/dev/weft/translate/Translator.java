package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;
import static dev.weft.translate.Operands.TEMP;
import static dev.weft.translate.OperatorTable.NONE;

import dev.weft.FunctionType;
import dev.weft.InternalErrorException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import dev.weft.WeftException;
import dev.weft.code.CodeLayout;
import dev.weft.code.CompiledCode;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.InstructionEncoder;
import dev.weft.code.Opcodes;
import dev.weft.code.TranslatedFunction;
import dev.weft.code.ValueSlots;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.WasmOpcodes;

import java.lang.foreign.MemorySegment;

/**
 * Translates validated WebAssembly function bodies into Weft's register-based internal code,
 * in one streaming pass per function.
 *
 * <p>{@code local.get} and constants never become instructions: they are providers on the
 * {@link Operands} stack and end up as slot operands or immediates of the instruction that
 * consumes them. Every other value lives in the temporary slot of its stack position, so
 * block results and call arguments usually are where they are needed already. Fusions:
 * operations with a constant operand use {@code _imm} forms; a comparison followed by
 * {@code br_if}/{@code if} becomes one compare-and-branch; a result consumed by
 * {@code local.set}/{@code local.tee} is written straight into the local by retargeting the
 * instruction that produced it.
 *
 * <p>Frames with more than 65536 slots still work: slot fields are 16 bits, so an operand in a
 * far slot is first copied to one of three scratch slots (after the locals, always near) with
 * {@code copy_far}, and a far result is written to a scratch slot and copied out.
 */
public final class Translator {
    /** Scratch slots after the locals, for operands and results in far slots. */
    static final int SCRATCH_SLOTS = 3;
    /** Implementation limit on a frame's slot count (values on the stack at once, plus locals). */
    static final int MAX_FRAME_SLOTS = 1 << 24;

    private static final FunctionType EMPTY_BLOCK = FunctionType.of(new ValueType[0], new ValueType[0]);
    private static final FunctionType[] SINGLE_RESULT = new FunctionType[ValueType.values().length];

    static {
        for (ValueType t : ValueType.values()) {
            SINGLE_RESULT[t.ordinal()] = FunctionType.of(new ValueType[0], new ValueType[] {t});
        }
    }

    private final DecodedModule module;
    private final InstructionEncoder out = new InstructionEncoder();
    private final Operands stack = new Operands();
    private final Controls controls = new Controls();
    private final Fixups fixups = new Fixups();
    private final BinaryReader in;
    /** Translates SIMD instructions (the 0xFD prefix); see {@link SimdTranslation.Context}. */
    private final SimdTranslation simd = new SimdTranslation(new SimdContext());
    /** The function's loops: pairs of (offset its back-edges jump to, fuel per iteration). */
    private int[] loops = new int[16];
    private int loopCount;
    private long wasmInstructions;
    private long internalInstructions;

    // per function
    private ValueType[] localTypes = new ValueType[16];
    private int localCount;
    /** Slot of each local: its index, unless a v128 (two slots) comes before it. */
    private int[] localSlots = new int[16];
    /** Slots the parameters and locals take. */
    private int localSlotCount;
    /** Slots the parameters take. */
    private int paramSlotCount;
    private int tempBase;
    private int scratch;
    /** Nesting depth of blocks opened inside unreachable code being skipped. */
    private int skipDepth;
    private int[] tableTargets = new int[16];

    // fusion state: what the last emitted instruction was
    private int lastPc = -1;
    private int lastOpcode;
    /** Height of the temporary the last instruction wrote, or -1. */
    private int lastDstHeight = -1;
    /** The slot the last instruction wrote its result to (a temporary, or a local it was retargeted to), or -1. */
    private int lastResultSlot = -1;
    /** Wasm comparison the last instruction computed into lastDstHeight (for branch fusion), or NONE. */
    private int lastCompare = NONE;
    private int lastCompareA;
    private int lastCompareB;
    private boolean lastCompareImm;
    private int lastCompareImmValue;
    /** Whether the last instruction, at lastPc, is a plain near copy (fusable with what follows). */
    private boolean lastIsCopy;

    private Translator(DecodedModule module) {
        this.module = module;
        this.in = new BinaryReader(module.bytes, 0, module.bytes.length);
    }

    /**
     * Prepares a validated module's code for lazy translation: each function is translated when
     * first called ({@link CompiledCode#translate}), by a translator kept for the module.
     *
     * @param module a module that passed validation
     * @return its code, nothing translated yet
     */
    public static CompiledCode prepare(DecodedModule module) {
        Translator t = new Translator(module);
        return new CompiledCode(module.functionTypes.length, module.importedFunctionCount, t::translateFunction);
    }

    /**
     * Translates every function of a validated module now.
     *
     * @param module a module that passed validation
     * @return the translated code
     * @throws UnsupportedFeatureException for instructions not supported yet (SIMD) or frames over the limit
     * @throws InternalErrorException if translating a function fails otherwise (a bug), with its index and offset
     */
    public static CompiledCode translate(DecodedModule module) {
        CompiledCode code = prepare(module);
        code.translateAll();
        return code;
    }

    /** Translates one function into the reused buffer, from offset 0 (the code is position-independent). */
    private TranslatedFunction translateFunction(int index) {
        out.reset();
        loopCount = 0;
        long wasmBefore = wasmInstructions;
        long internalBefore = internalInstructions;
        try {
            return function(index, wasmBefore, internalBefore);
        } catch (RuntimeException e) {
            if (e instanceof WeftException) {
                throw e;
            }
            // a bug: say where, so that the module that shows it can be reduced and reported
            String name = module.names.functionName(index);
            throw new InternalErrorException("translating",
                    name != null ? name + " (func " + index + ")" : "func " + index, in.pos(), e);
        }
    }

    // ------------------------------------------------------------------ function

    private TranslatedFunction function(int index, long wasmBefore, long internalBefore) {
        FunctionType type = module.functionType(index);
        FunctionBody body = module.bodies[index - module.importedFunctionCount];
        in.pos(body.offset());
        in.limit(body.offset() + body.length());
        boolean refLocals = readLocals(type);
        if (localSlotCount + SCRATCH_SLOTS > CodeLayout.MAX_SLOT + 1) {
            throw new UnsupportedFeatureException("function " + index + " has " + localCount + " locals in "
                    + localSlotCount + " slots; Weft's translator supports up to "
                    + (CodeLayout.MAX_SLOT + 1 - SCRATCH_SLOTS) + " slots", body.offset());
        }
        scratch = localSlotCount;
        tempBase = localSlotCount + SCRATCH_SLOTS;
        stack.reset(localSlotCount);
        fixups.reset();
        controls.depth = 0;
        skipDepth = 0;
        lastPc = -1;
        labelAt = -1;
        forget();
        long firstInstruction = wasmInstructions;
        controls.push(Controls.FUNC, 0, FunctionType.of(new ValueType[0], resultsOf(type)));
        while (controls.depth > 0) {
            instruction();
        }
        long frame = Math.max((long) tempBase + stack.maxSlots, ValueSlots.results(type));
        if (frame > MAX_FRAME_SLOTS) {
            throw new UnsupportedFeatureException("function " + index + " needs " + frame
                    + " frame slots, more than Weft's limit of " + MAX_FRAME_SLOTS, body.offset());
        }
        return new TranslatedFunction(out.written(), paramSlotCount, localSlotCount - paramSlotCount, (int) frame,
                refLocals ? CompiledCode.REF_LOCALS : 0, fuelCost(wasmInstructions - firstInstruction),
                java.util.Arrays.copyOf(loops, loopCount), wasmInstructions - wasmBefore,
                internalInstructions - internalBefore);
    }

    /** Records a loop's cost by the offset its back-edges jump to. */
    private void loopCost(int target, int cost) {
        if (loopCount + 2 > loops.length) {
            loops = java.util.Arrays.copyOf(loops, loops.length * 2);
        }
        loops[loopCount++] = target;
        loops[loopCount++] = cost;
    }

    /** Fuel of a function call or loop iteration: its count of WebAssembly instructions, at least 1. */
    private static int fuelCost(long instructions) {
        return (int) Math.clamp(instructions, 1, Integer.MAX_VALUE);
    }

    private static ValueType[] resultsOf(FunctionType t) {
        ValueType[] r = new ValueType[t.resultCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = t.result(i);
        }
        return r;
    }

    /** Reads the local declarations (validated already); returns whether a declared local is a reference. */
    private boolean readLocals(FunctionType type) {
        localCount = 0;
        localSlotCount = 0;
        for (int i = 0; i < type.paramCount(); i++) {
            addLocal(type.param(i));
        }
        paramSlotCount = localSlotCount;
        boolean refs = false;
        int groups = in.u32();
        for (int g = 0; g < groups; g++) {
            int n = in.u32();
            ValueType t = ValueType.fromCode(in.u8());
            refs |= t.isReference();
            for (int i = 0; i < n; i++) {
                addLocal(t);
            }
        }
        return refs;
    }

    private void addLocal(ValueType t) {
        if (localCount == localTypes.length) {
            localTypes = java.util.Arrays.copyOf(localTypes, localCount * 2);
            localSlots = java.util.Arrays.copyOf(localSlots, localCount * 2);
        }
        localSlots[localCount] = localSlotCount;
        localSlotCount += ValueSlots.width(t);
        localTypes[localCount++] = t;
    }

    // ------------------------------------------------------------------ emission helpers

    /** Records that an instruction was written, which ends any fusion opportunity. */
    private int note(int pc, int opcode) {
        lastPc = pc;
        lastOpcode = opcode;
        lastDstHeight = -1;
        lastResultSlot = -1;
        lastCompare = NONE;
        lastIsCopy = false;
        internalInstructions++;
        return pc;
    }

    /**
     * Ends any fusion with the last instruction (a label was bound after it, or the code that
     * follows is unreachable). {@link #lastPc} still says where it is, for {@link #bind}.
     */
    private void forget() {
        lastDstHeight = -1;
        lastResultSlot = -1;
        lastCompare = NONE;
        lastIsCopy = false;
    }

    private int tempSlot(int h) {
        return tempBase + stack.offset(h);
    }

    private static boolean isFar(int slot) {
        return slot > CodeLayout.MAX_SLOT;
    }

    /**
     * Returns a near slot holding entry h, for reading. Constants are first written into the
     * entry's own temporary; far temporaries are copied to scratch slot k.
     */
    private int read(int h, int k) {
        int slot = tempSlot(h);
        switch (stack.kind(h)) {
            case LOCAL:
                return stack.local(h);
            case CONST:
                if (isFar(slot)) {
                    checkScratch(h, k);
                    materializeConst(scratch + k, h);
                    return scratch + k;
                }
                materialize(h);
                return slot;
            default:
                break;
        }
        if (!isFar(slot)) {
            return slot;
        }
        checkScratch(h, k);
        int s = scratch + k;
        ValueType t = stack.type(h);
        if (t == ValueType.V128) {
            copy(s, slot, t); // both halves, into scratch k and k + 1
            return s;
        }
        int op = t.isReference() ? Opcodes.COPY_REF_FAR : Opcodes.COPY_FAR;
        note(out.emitCopyFar(op, s, slot), op);
        return s;
    }

    /** Whether far entry h fits scratch slots from k (a v128 takes two: only SIMD operands can run out). */
    private void checkScratch(int h, int k) {
        if (k + ValueSlots.width(stack.type(h)) > SCRATCH_SLOTS) {
            throw SimdTranslation.farOperands(in.pos());
        }
    }

    /** Result slot for a value that will sit at height h (a scratch slot if h's slot is far; see {@link #result}). */
    private int dst(int h) {
        int slot = tempSlot(h);
        return isFar(slot) ? scratch : slot;
    }

    /** After an instruction wrote the value of height h via {@link #dst}: copies it out if far, records fusion state. */
    private void result(int pc, int opcode, int h, ValueType type) {
        note(pc, opcode);
        int slot = tempSlot(h);
        if (isFar(slot)) {
            if (type == ValueType.V128) {
                copy(slot, scratch, type);
                return;
            }
            int op = type.isReference() ? Opcodes.COPY_REF_FAR : Opcodes.COPY_FAR;
            note(out.emitCopyFar(op, slot, scratch), op);
        } else {
            lastDstHeight = h;
            lastResultSlot = slot;
        }
    }

    /**
     * Writes entry h's value into its own temporary slot and makes the entry a temporary.
     * Never called while an operand read into a scratch slot is pending (it may use scratch 0).
     */
    private void materialize(int h) {
        if (stack.kind(h) != TEMP) {
            move(tempSlot(h), h);
            stack.becomeTemp(h);
        }
    }

    /** Emits whatever puts entry h's value into slot target (nothing if it is there). */
    private void move(int target, int h) {
        ValueType t = stack.type(h);
        switch (stack.kind(h)) {
            case CONST -> {
                if (isFar(target)) {
                    materializeConst(scratch, h);
                    copy(target, scratch, t);
                } else {
                    materializeConst(target, h);
                }
            }
            case LOCAL -> copy(target, stack.local(h), t);
            default -> {
                int slot = tempSlot(h);
                if (slot != target) {
                    copy(target, slot, t);
                }
            }
        }
    }

    /** Writes the constant of entry h into slot target (near). */
    private void materializeConst(int target, int h) {
        ValueType t = stack.type(h);
        long v = stack.bits(h);
        if (t == ValueType.V128) {
            simd.materializeConst(target, v, stack.bitsHigh(h));
        } else if (t.isReference()) {
            note(out.refNull(target), Opcodes.REF_NULL);
        } else if (v == (int) v) {
            note(out.const32(target, (int) v), Opcodes.CONST_32);
        } else {
            note(out.const64(target, v), Opcodes.CONST_64);
        }
    }

    private void copy(int target, int source, ValueType t) {
        boolean ref = t.isReference();
        if (t == ValueType.V128) { // SIMD: both halves
            if (isFar(target) || isFar(source)) {
                note(out.emitCopyFar(Opcodes.COPY_FAR, target, source), Opcodes.COPY_FAR);
                note(out.emitCopyFar(Opcodes.COPY_FAR, target + 1, source + 1), Opcodes.COPY_FAR);
            } else {
                note(out.v128Copy(target, source), Opcodes.V128_COPY);
            }
        } else if (isFar(target) || isFar(source)) {
            int op = ref ? Opcodes.COPY_REF_FAR : Opcodes.COPY_FAR;
            note(out.emitCopyFar(op, target, source), op);
        } else if (!ref && fusableCopy()) {
            // Two copies in a row (loops rotating locals): one copy2.
            int copy = takeLastCopy();
            note(out.emitMove2(Opcodes.COPY2, copy >>> 16, copy & 0xFFFF, target, source), Opcodes.COPY2);
        } else {
            int op = ref ? Opcodes.COPY_REF : Opcodes.COPY;
            note(out.emitUnary(op, target, source), op);
            lastIsCopy = !ref;
        }
    }

    /** Whether the last instruction is a plain copy that the next one may absorb (no label between). */
    private boolean fusableCopy() {
        return lastIsCopy && labelAt != out.position();
    }

    /**
     * Removes the {@link #fusableCopy} just emitted, for the instruction that absorbs it.
     *
     * @return its fields, {@code dst << 16 | src} (near slots are 16-bit)
     */
    private int takeLastCopy() {
        MemorySegment code = out.view();
        int dst = InstructionDecoder.Unary.dst(code, lastPc);
        int src = InstructionDecoder.Unary.src(code, lastPc);
        out.position(lastPc);
        internalInstructions--;
        return dst << 16 | src;
    }

    /** Moves the top n values into the slots of the label at height target (in place: nothing to do). */
    private void moveTop(int n, int target) {
        int from = stack.height - n;
        int slot = tempSlot(target);
        for (int i = 0; i < n; i++) {
            move(slot, from + i);
            slot += ValueSlots.width(stack.type(from + i)); // the label's slots, laid out by its types
        }
    }

    private boolean topInPlace(int n, int target) {
        return inPlace(stack.height - n, n, target);
    }

    /** Whether the n entries from height from are temporaries already in the slots of a label at height target. */
    private boolean inPlace(int from, int n, int target) {
        if (from != target) {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            if (stack.kind(from + i) != TEMP) {
                return false;
            }
        }
        return true;
    }

    /** Makes every local provider on the stack a temporary: at a block entry, so that a local.set inside cannot reach below. */
    private void materializeLocals() {
        if (stack.localEntries() == 0) {
            return;
        }
        for (int h = 0; h < stack.height; h++) {
            if (stack.kind(h) == LOCAL) {
                materialize(h);
            }
        }
    }

    // ------------------------------------------------------------------ branches

    private int jump(int frame) {
        int pc = out.br(0);
        note(pc, Opcodes.BR);
        linkTo(frame, pc + InstructionDecoder.Jump.OFF_AT, pc);
        return pc;
    }

    /** Makes the branch whose offset field is at fieldAt jump to frame's label. */
    private void linkTo(int frame, int fieldAt, int instructionAt) {
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
    private void bind(int chain) {
        int here = out.position();
        if (chain != Fixups.NONE && lastOpcode == Opcodes.BR && lastPc >= 0 && labelAt != here
                && lastPc == here - InstructionDecoder.Jump.SIZE && fixups.instructionAt(chain) == lastPc) {
            out.position(lastPc);
            internalInstructions--;
            lastPc = -1;
            chain = fixups.next(chain);
            here = out.position();
        }
        if (chain != Fixups.NONE) {
            fixups.bind(chain, here, out);
            labelAt = here;
        }
        forget();
    }

    /** Where a label was last bound: code before it can no longer be removed. */
    private int labelAt = -1;

    /** Result of {@link #conditionalJump}: the condition was a constant. */
    private static final int ALWAYS = -2;
    private static final int NEVER = -3;

    /**
     * Pops the i32 condition on top of the stack and emits a branch taken when it is
     * {@code whenTrue}, fusing a comparison computed just before. Returns the chain-ready
     * branch as {@code fieldAt} in {@link #pendingField} and the instruction offset, or
     * {@link #ALWAYS}/{@link #NEVER} for a constant condition.
     */
    private int conditionalJump(boolean whenTrue) {
        int h = stack.top();
        if (stack.kind(h) == CONST) {
            boolean taken = ((int) stack.bits(h) != 0) == whenTrue;
            stack.pop();
            return taken ? ALWAYS : NEVER;
        }
        if (lastCompare != NONE && lastDstHeight == h && lastPc >= 0) {
            int cmp = lastCompare;
            int a = lastCompareA;
            int b = lastCompareB;
            boolean imm = lastCompareImm;
            int immValue = lastCompareImmValue;
            out.position(lastPc);
            internalInstructions--;
            lastPc = -1;
            stack.pop();
            int pc;
            if (cmp == WasmOpcodes.I32_EQZ || cmp == WasmOpcodes.I64_EQZ) {
                boolean i64 = cmp == WasmOpcodes.I64_EQZ;
                int op = whenTrue ? (i64 ? Opcodes.BR_IF_NOT_I64 : Opcodes.BR_IF_NOT) : (i64 ? Opcodes.BR_IF_I64 : Opcodes.BR_IF);
                pc = out.emitJumpIf(op, a, 0);
                note(pc, op);
                pendingField = pc + InstructionDecoder.JumpIf.OFF_AT;
                return pc;
            }
            if (imm) {
                int op = whenTrue ? OperatorTable.BRANCH_IMM[cmp] : OperatorTable.BRANCH_NOT_IMM[cmp];
                pc = out.emitJumpCmpImm32(op, a, immValue, 0);
                note(pc, op);
                pendingField = pc + InstructionDecoder.JumpCmpImm32.OFF_AT;
            } else {
                int op = whenTrue ? OperatorTable.BRANCH[cmp] : OperatorTable.BRANCH_NOT[cmp];
                pc = out.emitJumpCmp(op, a, b, 0);
                note(pc, op);
                pendingField = pc + InstructionDecoder.JumpCmp.OFF_AT;
            }
            return pc;
        }
        if (producedByLast(h) && (lastOpcode == Opcodes.I32_ADD_IMM || lastOpcode == Opcodes.I32_LOAD)) {
            return fuseBranchOnResult(whenTrue);
        }
        int slot = read(h, 0);
        stack.pop();
        if (fusableCopy()) {
            // A copy right before the branch (a loop moving one local, then testing another).
            int copy = takeLastCopy();
            int op = whenTrue ? Opcodes.COPY_BR_IF : Opcodes.COPY_BR_IF_NOT;
            int pc = out.emitCopyJumpIf(op, copy >>> 16, copy & 0xFFFF, slot, 0);
            note(pc, op);
            pendingField = pc + InstructionDecoder.CopyJumpIf.OFF_AT;
            return pc;
        }
        int op = whenTrue ? Opcodes.BR_IF : Opcodes.BR_IF_NOT;
        int pc = out.emitJumpIf(op, slot, 0);
        note(pc, op);
        pendingField = pc + InstructionDecoder.JumpIf.OFF_AT;
        return pc;
    }

    private int pendingField;

    /** Whether entry h holds exactly what the last instruction wrote, with nothing emitted or bound since. */
    private boolean producedByLast(int h) {
        if (lastPc < 0 || lastResultSlot < 0) {
            return false;
        }
        return switch (stack.kind(h)) {
            case TEMP -> lastDstHeight == h;
            case LOCAL -> stack.local(h) == lastResultSlot;
            default -> false;
        };
    }

    /**
     * The condition on top is the result of the last instruction (an i32.add_imm, often a loop
     * counter, or an i32.load, often a pointer): rewrite that instruction into its form that also
     * branches on its result. The result is still written (a local may need it).
     */
    private int fuseBranchOnResult(boolean whenTrue) {
        MemorySegment code = out.view();
        int at = lastPc;
        int pc;
        stack.pop();
        if (lastOpcode == Opcodes.I32_ADD_IMM) {
            int dst = InstructionDecoder.BinaryImm32.dst(code, at);
            int a = InstructionDecoder.BinaryImm32.a(code, at);
            int imm = InstructionDecoder.BinaryImm32.imm(code, at);
            out.position(at);
            int op = whenTrue ? Opcodes.I32_ADD_IMM_BR_NEZ : Opcodes.I32_ADD_IMM_BR_EQZ;
            pc = out.emitBinaryImmJump(op, dst, a, imm, 0);
            note(pc, op);
            pendingField = pc + InstructionDecoder.BinaryImmJump.OFF_AT;
        } else {
            int dst = InstructionDecoder.Load.dst(code, at);
            int addr = InstructionDecoder.Load.addr(code, at);
            int offset = InstructionDecoder.Load.offset(code, at);
            out.position(at);
            int op = whenTrue ? Opcodes.I32_LOAD_BR_NEZ : Opcodes.I32_LOAD_BR_EQZ;
            pc = out.emitLoadJump(op, dst, addr, offset, 0);
            note(pc, op);
            pendingField = pc + InstructionDecoder.LoadJump.OFF_AT;
        }
        internalInstructions--;
        return pc;
    }

    /** Conditional branch to frame: pops the condition; copies the label's values first when needed. */
    private void branchIf(int depth) {
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
                        && controls.kind[target] != Controls.LOOP && arity == 0 && rotatable(lastOpcode)) {
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
    private void branch(int depth) {
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
        int negated = OperatorTable.NEGATED_BRANCH[opcode];
        if (negated == NONE || !InstructionDecoder.shapeName(negated).equals(InstructionDecoder.shapeName(opcode))) {
            return false;
        }
        return switch (InstructionDecoder.shapeName(opcode)) {
            case "JumpIf", "JumpCmp", "JumpCmpImm32", "BinaryImmJump", "LoadJump", "CopyJumpIf" -> true;
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
        int negated = OperatorTable.NEGATED_BRANCH[opcode];
        int bodyStart = head + InstructionDecoder.size(code, head);
        int pc;
        int field;
        switch (InstructionDecoder.shapeName(opcode)) {
            case "JumpIf" -> {
                pc = out.emitJumpIf(negated, InstructionDecoder.JumpIf.cond(code, head), 0);
                field = pc + InstructionDecoder.JumpIf.OFF_AT;
            }
            case "JumpCmp" -> {
                pc = out.emitJumpCmp(negated, InstructionDecoder.JumpCmp.a(code, head),
                        InstructionDecoder.JumpCmp.b(code, head), 0);
                field = pc + InstructionDecoder.JumpCmp.OFF_AT;
            }
            case "JumpCmpImm32" -> {
                pc = out.emitJumpCmpImm32(negated, InstructionDecoder.JumpCmpImm32.a(code, head),
                        InstructionDecoder.JumpCmpImm32.imm(code, head), 0);
                field = pc + InstructionDecoder.JumpCmpImm32.OFF_AT;
            }
            case "BinaryImmJump" -> {
                pc = out.emitBinaryImmJump(negated, InstructionDecoder.BinaryImmJump.dst(code, head),
                        InstructionDecoder.BinaryImmJump.a(code, head), InstructionDecoder.BinaryImmJump.imm(code, head), 0);
                field = pc + InstructionDecoder.BinaryImmJump.OFF_AT;
            }
            case "LoadJump" -> {
                pc = out.emitLoadJump(negated, InstructionDecoder.LoadJump.dst(code, head),
                        InstructionDecoder.LoadJump.addr(code, head), InstructionDecoder.LoadJump.offset(code, head), 0);
                field = pc + InstructionDecoder.LoadJump.OFF_AT;
            }
            case "CopyJumpIf" -> {
                pc = out.emitCopyJumpIf(negated, InstructionDecoder.CopyJumpIf.dst(code, head),
                        InstructionDecoder.CopyJumpIf.src(code, head), InstructionDecoder.CopyJumpIf.cond(code, head), 0);
                field = pc + InstructionDecoder.CopyJumpIf.OFF_AT;
            }
            // rotatable() admitted the head: a shape missing here is a bug in this method
            default -> throw new IllegalStateException("loop head is not a conditional branch: " + Opcodes.name(opcode));
        }
        note(pc, negated);
        out.patchI32(field, bodyStart - pc);
        controls.bodyStart[loop] = bodyStart;
        jump(controls.headExit[loop]);
    }

    private void branchTable() {
        int n = in.u32Int("br_table length");
        if (tableTargets.length < n + 1) {
            tableTargets = new int[n + 1];
        }
        for (int i = 0; i <= n; i++) {
            tableTargets[i] = in.u32();
        }
        int index = read(stack.top(), 0);
        stack.pop();
        int arity = controls.labelArity(controls.target(tableTargets[n]));
        int pc = out.brTable(index, n);
        note(pc, Opcodes.BR_TABLE);
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
                forget();
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

    private void setUnreachable() {
        int f = controls.top();
        controls.unreachable[f] = true;
        stack.truncate(controls.height[f]);
        forget();
    }

    private void emitReturn() {
        FunctionType t = controls.type[0];
        int n = t.resultCount();
        int h = stack.height - n;
        if (n == 1 && !t.result(0).isReference() && stack.kind(h) != CONST) {
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
        // Sources sit above their targets (temporaries from tempBase on, results from slot 0 on, laid out
        // alike): moving in order never clobbers a source.
        int slot = 0;
        for (int i = 0; i < n; i++) {
            move(slot, h + i);
            slot += ValueSlots.width(t.result(i));
        }
        note(out.return_(), Opcodes.RETURN);
    }

    // ------------------------------------------------------------------ blocks

    private FunctionType blockType() {
        long bt = in.s33();
        if (bt == -0x40) {
            return EMPTY_BLOCK;
        }
        if (bt < 0) {
            return SINGLE_RESULT[ValueType.fromCode((int) (bt & 0x7F)).ordinal()];
        }
        return module.types[(int) bt];
    }

    private void enterBlock(byte kind, FunctionType type) {
        materializeLocals();
        int params = type.paramCount();
        int base = stack.height - params;
        if (kind == Controls.LOOP) {
            for (int i = 0; i < params; i++) {
                materialize(base + i);
            }
        }
        int f = controls.push(kind, base, type);
        if (kind == Controls.LOOP) {
            controls.wasmStart[f] = wasmInstructions;
            controls.start[f] = out.position();
            labelAt = out.position();
            forget();
        }
    }

    private void enterIf(FunctionType type) {
        // The condition is popped first so that a comparison right before can fuse into the branch;
        // locals below are made temporaries before the branch, so both arms see the same stack.
        // (Any move emitted here ends the fusion: the branch then tests the comparison's result slot.)
        int cond = stack.top();
        int params = type.paramCount();
        int base = cond - params;
        if (stack.localEntries() > 0 || params > 0) {
            for (int h = 0; h < cond; h++) {
                if (stack.kind(h) == LOCAL || (h >= base && stack.kind(h) == CONST)) {
                    materialize(h);
                }
            }
        }
        int pc = conditionalJump(false);
        int f = controls.push(Controls.IF, base, type);
        if (pc == ALWAYS) {
            int j = out.br(0);
            note(j, Opcodes.BR);
            controls.elseFixups[f] = fixups.add(Fixups.NONE, j + InstructionDecoder.Jump.OFF_AT, j);
        } else if (pc != NEVER) {
            controls.elseFixups[f] = fixups.add(Fixups.NONE, pendingField, pc);
        }
    }

    private void enterElse() {
        int f = controls.top();
        if (!controls.unreachable[f]) {
            moveTop(controls.type[f].resultCount(), controls.height[f]);
            jump(f);
        }
        controls.branched[f] = true;
        bind(controls.elseFixups[f]);
        controls.elseFixups[f] = Fixups.NONE;
        controls.kind[f] = Controls.ELSE;
        controls.unreachable[f] = false;
        stack.truncate(controls.height[f]);
        FunctionType t = controls.type[f];
        for (int i = 0; i < t.paramCount(); i++) {
            stack.pushTemp(t.param(i));
        }
    }

    private void end() {
        int f = controls.top();
        byte kind = controls.kind[f];
        FunctionType t = controls.type[f];
        int results = t.resultCount();
        int base = controls.height[f];
        if (kind == Controls.FUNC) {
            if (!controls.unreachable[f]) {
                emitReturn();
            }
            controls.depth--;
            return;
        }
        boolean merge = kind == Controls.IF || kind == Controls.ELSE || (kind == Controls.BLOCK && controls.branched[f]);
        if (!controls.unreachable[f] && merge) {
            moveTop(results, base);
        }
        if (kind == Controls.IF) {
            bind(controls.elseFixups[f]); // no else arm: the false edge arrives here with the parameters as results
        }
        if (kind != Controls.LOOP) {
            bind(controls.endFixups[f]);
        } else {
            int cost = fuelCost(wasmInstructions - controls.wasmStart[f]);
            loopCost(controls.start[f], cost);
            if (controls.bodyStart[f] >= 0) {
                loopCost(controls.bodyStart[f], cost);
            }
        }
        if (controls.unreachable[f] || merge) {
            stack.truncate(base);
            for (int i = 0; i < results; i++) {
                stack.pushTemp(t.result(i));
            }
        }
        controls.depth--;
    }

    // ------------------------------------------------------------------ the instruction loop

    private void instruction() {
        int at = in.pos();
        int op = in.u8();
        wasmInstructions++;
        if (controls.unreachable[controls.top()]) {
            skip(op, at);
            return;
        }
        switch (op) {
            case WasmOpcodes.UNREACHABLE -> {
                note(out.unreachable(), Opcodes.UNREACHABLE);
                setUnreachable();
            }
            case WasmOpcodes.NOP -> {
            }
            case WasmOpcodes.BLOCK -> enterBlock(Controls.BLOCK, blockType());
            case WasmOpcodes.LOOP -> enterBlock(Controls.LOOP, blockType());
            case WasmOpcodes.IF -> enterIf(blockType());
            case WasmOpcodes.ELSE -> enterElse();
            case WasmOpcodes.END -> end();
            case WasmOpcodes.BR -> {
                branch(in.u32());
                setUnreachable();
            }
            case WasmOpcodes.BR_IF -> branchIf(in.u32());
            case WasmOpcodes.BR_TABLE -> branchTable();
            case WasmOpcodes.RETURN -> {
                emitReturn();
                setUnreachable();
            }
            case WasmOpcodes.CALL -> call(in.u32());
            case WasmOpcodes.CALL_INDIRECT -> {
                int type = in.u32();
                callIndirect(type, in.u32());
            }
            case WasmOpcodes.DROP -> stack.pop();
            case WasmOpcodes.SELECT -> select();
            case WasmOpcodes.SELECT_T -> {
                int n = in.u32();
                for (int i = 0; i < n; i++) {
                    in.u8();
                }
                select();
            }
            case WasmOpcodes.LOCAL_GET -> {
                int x = in.u32();
                stack.pushLocal(localSlots[x], localTypes[x]);
            }
            case WasmOpcodes.LOCAL_SET -> {
                int x = in.u32();
                setLocal(localSlots[x], localTypes[x], false);
            }
            case WasmOpcodes.LOCAL_TEE -> {
                int x = in.u32();
                setLocal(localSlots[x], localTypes[x], true);
            }
            case WasmOpcodes.GLOBAL_GET -> globalGet(in.u32());
            case WasmOpcodes.GLOBAL_SET -> globalSet(in.u32());
            case WasmOpcodes.TABLE_GET -> tableGet(in.u32());
            case WasmOpcodes.TABLE_SET -> tableSet(in.u32());
            case WasmOpcodes.MEMORY_SIZE -> {
                in.u8();
                int h = stack.height;
                int pc = out.memorySize(dst(h));
                stack.pushTemp(ValueType.I32);
                result(pc, Opcodes.MEMORY_SIZE, h, ValueType.I32);
            }
            case WasmOpcodes.MEMORY_GROW -> {
                in.u8();
                unary(Opcodes.MEMORY_GROW, ValueType.I32);
            }
            case WasmOpcodes.I32_CONST -> stack.pushConst(ValueType.I32, in.s32());
            case WasmOpcodes.I64_CONST -> stack.pushConst(ValueType.I64, in.s64());
            case WasmOpcodes.F32_CONST -> stack.pushConst(ValueType.F32, in.fixed32());
            case WasmOpcodes.F64_CONST -> stack.pushConst(ValueType.F64, in.fixed64());
            case WasmOpcodes.I32_REINTERPRET_F32 -> stack.retype(stack.top(), ValueType.I32);
            case WasmOpcodes.I64_REINTERPRET_F64 -> stack.retype(stack.top(), ValueType.I64);
            case WasmOpcodes.F32_REINTERPRET_I32 -> stack.retype(stack.top(), ValueType.F32);
            case WasmOpcodes.F64_REINTERPRET_I64 -> stack.retype(stack.top(), ValueType.F64);
            case WasmOpcodes.REF_NULL -> stack.pushConst(ValueType.fromCode(in.u8()), 0);
            case WasmOpcodes.REF_IS_NULL -> refIsNull();
            case WasmOpcodes.REF_FUNC -> {
                int f = in.u32();
                int h = stack.height;
                int pc = out.refFunc(dst(h), f);
                stack.pushTemp(ValueType.FUNCREF);
                result(pc, Opcodes.REF_FUNC, h, ValueType.FUNCREF);
            }
            case WasmOpcodes.PREFIX_FC -> prefixFC(at);
            case WasmOpcodes.PREFIX_FD -> simd.instruction(at);
            default -> {
                if (op >= 0x28 && op <= 0x35) {
                    load(op);
                } else if (op >= 0x36 && op <= 0x3E) {
                    store(op);
                } else if (OperatorTable.BINARY[op] != NONE) {
                    binary(op);
                } else if (OperatorTable.UNARY[op] != NONE) {
                    ValueType t = OperatorTable.RESULT[op];
                    if (op == WasmOpcodes.I32_EQZ || op == WasmOpcodes.I64_EQZ) {
                        int h = stack.top();
                        int src = read(h, 0);
                        stack.pop();
                        int pc = out.emitUnary(OperatorTable.UNARY[op], dst(h), src);
                        stack.pushTemp(ValueType.I32);
                        result(pc, OperatorTable.UNARY[op], h, ValueType.I32);
                        if (lastDstHeight == h) {
                            lastCompare = op;
                            lastCompareA = src;
                            lastCompareImm = false;
                        }
                    } else {
                        unary(OperatorTable.UNARY[op], t);
                    }
                } else {
                    throw new IllegalStateException("validated code has unknown opcode 0x" + Integer.toHexString(op));
                }
            }
        }
    }

    /** Skips an instruction in unreachable code, tracking nesting to find the frame's else/end. */
    private void skip(int op, int at) {
        switch (op) {
            case WasmOpcodes.BLOCK, WasmOpcodes.LOOP, WasmOpcodes.IF -> {
                in.s33();
                skipDepth++;
            }
            case WasmOpcodes.ELSE -> {
                if (skipDepth == 0) {
                    enterElse();
                }
            }
            case WasmOpcodes.END -> {
                if (skipDepth == 0) {
                    end();
                } else {
                    skipDepth--;
                }
            }
            case WasmOpcodes.BR, WasmOpcodes.BR_IF, WasmOpcodes.CALL, WasmOpcodes.LOCAL_GET, WasmOpcodes.LOCAL_SET,
                    WasmOpcodes.LOCAL_TEE, WasmOpcodes.GLOBAL_GET, WasmOpcodes.GLOBAL_SET, WasmOpcodes.TABLE_GET,
                    WasmOpcodes.TABLE_SET, WasmOpcodes.REF_FUNC -> in.u32();
            case WasmOpcodes.BR_TABLE -> {
                int n = in.u32Int("br_table length");
                for (int i = 0; i <= n; i++) {
                    in.u32();
                }
            }
            case WasmOpcodes.CALL_INDIRECT -> {
                in.u32();
                in.u32();
            }
            case WasmOpcodes.SELECT_T -> {
                int n = in.u32();
                for (int i = 0; i < n; i++) {
                    in.u8();
                }
            }
            case WasmOpcodes.MEMORY_SIZE, WasmOpcodes.MEMORY_GROW, WasmOpcodes.REF_NULL -> in.u8();
            case WasmOpcodes.I32_CONST -> in.s32();
            case WasmOpcodes.I64_CONST -> in.s64();
            case WasmOpcodes.F32_CONST -> in.fixed32();
            case WasmOpcodes.F64_CONST -> in.fixed64();
            case WasmOpcodes.PREFIX_FC -> {
                int sub = in.u32();
                switch (sub) {
                    case WasmOpcodes.FC_MEMORY_INIT -> {
                        in.u32();
                        in.u8();
                    }
                    case WasmOpcodes.FC_DATA_DROP, WasmOpcodes.FC_ELEM_DROP, WasmOpcodes.FC_TABLE_GROW,
                            WasmOpcodes.FC_TABLE_SIZE, WasmOpcodes.FC_TABLE_FILL -> in.u32();
                    case WasmOpcodes.FC_MEMORY_COPY -> {
                        in.u8();
                        in.u8();
                    }
                    case WasmOpcodes.FC_MEMORY_FILL -> in.u8();
                    case WasmOpcodes.FC_TABLE_INIT, WasmOpcodes.FC_TABLE_COPY -> {
                        in.u32();
                        in.u32();
                    }
                    default -> {
                    }
                }
            }
            case WasmOpcodes.PREFIX_FD -> simd.skip();
            default -> {
                if (op >= 0x28 && op <= 0x3E) {
                    in.u32();
                    in.u32();
                }
            }
        }
    }

    // ------------------------------------------------------------------ locals and globals

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
        if (lastDstHeight == h && stack.kind(h) == TEMP && lastPc >= 0) {
            int at = InstructionDecoder.dstOffset(lastOpcode);
            out.patchSlot(lastPc + at, x); // the producing instruction writes the local directly
            lastDstHeight = -1;
            lastResultSlot = x;
            lastCompare = NONE;
        } else {
            move(x, h);
        }
        stack.pop();
        if (tee) {
            stack.pushLocal(x, t);
        }
    }

    private void globalGet(int g) {
        ValueType t = module.globals[g].valueType();
        int h = stack.height;
        int op = t == ValueType.V128 ? Opcodes.GLOBAL_GET_V128 : t.isReference() ? Opcodes.GLOBAL_GET_REF : Opcodes.GLOBAL_GET;
        int pc = out.emitGlobalGet(op, dst(h), g);
        stack.pushTemp(t);
        result(pc, op, h, t);
    }

    private void globalSet(int g) {
        int h = stack.top();
        ValueType t = stack.type(h);
        int src = read(h, 0);
        stack.pop();
        int op = t == ValueType.V128 ? Opcodes.GLOBAL_SET_V128 : t.isReference() ? Opcodes.GLOBAL_SET_REF : Opcodes.GLOBAL_SET;
        note(out.emitGlobalSet(op, src, g), op);
    }

    // ------------------------------------------------------------------ numeric

    private void unary(int opcode, ValueType resultType) {
        int h = stack.top();
        int src = read(h, 0);
        stack.pop();
        int pc = out.emitUnary(opcode, dst(h), src);
        stack.pushTemp(resultType);
        result(pc, opcode, h, resultType);
    }

    private void binary(int op) {
        int hb = stack.top();
        int ha = hb - 1;
        if (op == WasmOpcodes.I32_AND && fuseShiftAndMask(ha, hb)) {
            return;
        }
        if (op == WasmOpcodes.I32_ADD && fuseMultiplyAdd(ha, hb)) {
            return;
        }
        ValueType resultType = OperatorTable.RESULT[op];
        boolean f64 = OperatorTable.OPERAND[op] == ValueType.F64;
        int opcode;
        int a;
        int b = 0;
        long imm = 0;
        boolean withImm = false;
        int effective = op;
        if (stack.kind(hb) == CONST && OperatorTable.BINARY_IMM[op] != NONE && fits(op, stack.bits(hb))) {
            imm = stack.bits(hb);
            a = read(ha, 0);
            opcode = OperatorTable.BINARY_IMM[op];
            withImm = true;
        } else if (stack.kind(ha) == CONST && OperatorTable.SWAPPED[op] != NONE
                && OperatorTable.BINARY_IMM[OperatorTable.SWAPPED[op]] != NONE && fits(op, stack.bits(ha))) {
            effective = OperatorTable.SWAPPED[op];
            imm = stack.bits(ha);
            a = read(hb, 0);
            opcode = OperatorTable.BINARY_IMM[effective];
            withImm = true;
        } else if (stack.kind(ha) == CONST && OperatorTable.BINARY_IMM_LHS[op] != NONE && fits(op, stack.bits(ha))) {
            imm = stack.bits(ha);
            a = read(hb, 0);
            opcode = OperatorTable.BINARY_IMM_LHS[op];
            withImm = true;
            effective = NONE;
        } else {
            a = read(ha, 0);
            b = read(hb, 1);
            opcode = OperatorTable.BINARY[op];
        }
        stack.pop(2);
        int d = dst(ha);
        int pc;
        if (!withImm) {
            pc = out.emitBinary(opcode, d, a, b);
        } else if (f64) {
            pc = out.emitBinaryImm64(opcode, d, a, imm);
        } else {
            pc = out.emitBinaryImm32(opcode, d, a, (int) imm);
        }
        stack.pushTemp(resultType);
        result(pc, opcode, ha, resultType);
        if (OperatorTable.IS_COMPARE[op] && effective != NONE && lastDstHeight == ha
                && OperatorTable.BRANCH[effective] != NONE && (!withImm || OperatorTable.BRANCH_IMM[effective] != NONE)) {
            lastCompare = effective;
            lastCompareA = a;
            lastCompareB = b;
            lastCompareImm = withImm;
            lastCompareImmValue = (int) imm;
        }
    }

    /** (x >>> k) & mask, the shift computed by the last instruction: one i32.shr_u_and_imm. */
    private boolean fuseShiftAndMask(int ha, int hb) {
        int mask;
        if (stack.kind(hb) == CONST && stack.kind(ha) == TEMP && lastDstHeight == ha) {
            mask = (int) stack.bits(hb);
        } else if (stack.kind(ha) == CONST && stack.kind(hb) == TEMP && lastDstHeight == hb) {
            mask = (int) stack.bits(ha);
        } else {
            return false;
        }
        if (lastOpcode != Opcodes.I32_SHR_U_IMM || lastPc < 0 || isFar(tempSlot(ha))) {
            return false;
        }
        MemorySegment code = out.view();
        int a = InstructionDecoder.BinaryImm32.a(code, lastPc);
        int shift = InstructionDecoder.BinaryImm32.imm(code, lastPc);
        out.position(lastPc);
        internalInstructions--;
        stack.pop(2);
        int pc = out.emitBinaryImmImm(Opcodes.I32_SHR_U_AND_IMM, tempSlot(ha), a, shift, mask);
        stack.pushTemp(ValueType.I32);
        result(pc, Opcodes.I32_SHR_U_AND_IMM, ha, ValueType.I32);
        return true;
    }

    /** a * b + x, the product computed by the last instruction: one i32.mul_add. */
    private boolean fuseMultiplyAdd(int ha, int hb) {
        int other;
        if (stack.kind(hb) == TEMP && lastDstHeight == hb) {
            other = ha;
        } else if (stack.kind(ha) == TEMP && lastDstHeight == ha) {
            other = hb;
        } else {
            return false;
        }
        // the other operand must be readable without emitting anything (the product must stay last)
        byte kind = stack.kind(other);
        if (lastOpcode != Opcodes.I32_MUL || lastPc < 0 || kind == CONST || isFar(tempSlot(hb))) {
            return false;
        }
        int c = kind == LOCAL ? stack.local(other) : tempSlot(other);
        MemorySegment code = out.view();
        int a = InstructionDecoder.Binary.a(code, lastPc);
        int b = InstructionDecoder.Binary.b(code, lastPc);
        out.position(lastPc);
        internalInstructions--;
        stack.pop(2);
        int pc = out.emitTernary(Opcodes.I32_MUL_ADD, tempSlot(ha), a, b, c);
        stack.pushTemp(ValueType.I32);
        result(pc, Opcodes.I32_MUL_ADD, ha, ValueType.I32);
        return true;
    }

    /** Whether a constant fits the operator's immediate field (i64 immediates are 32-bit, sign-extended). */
    private static boolean fits(int op, long value) {
        return OperatorTable.OPERAND[op] != ValueType.I64 || value == (int) value;
    }

    private void select() {
        int hc = stack.top();
        int hb = hc - 1;
        int ha = hc - 2;
        ValueType t = stack.type(ha);
        boolean v128 = t == ValueType.V128; // SIMD: a far v128 takes two scratch slots
        int a = read(ha, 0);
        int b = read(hb, v128 ? 2 : 1);
        int c = read(hc, v128 ? 4 : 2);
        stack.pop(3);
        int op = v128 ? Opcodes.V128_SELECT : t.isReference() ? Opcodes.SELECT_REF : Opcodes.SELECT;
        int pc = out.emitSelect(op, dst(ha), c, a, b);
        stack.pushTemp(t);
        result(pc, op, ha, t);
    }

    private void refIsNull() {
        int h = stack.top();
        if (stack.kind(h) == CONST) {
            stack.pop();
            stack.pushConst(ValueType.I32, 1);
            return;
        }
        unary(Opcodes.REF_IS_NULL, ValueType.I32);
    }

    // ------------------------------------------------------------------ memory

    private void load(int op) {
        in.u32();
        int offset = in.u32();
        int opcode = OperatorTable.MEMORY[op];
        ValueType t = OperatorTable.RESULT[op];
        int h = stack.top();
        int addr = read(h, 0);
        stack.pop();
        int pc = out.emitLoad(opcode, dst(h), addr, offset);
        stack.pushTemp(t);
        result(pc, opcode, h, t);
    }

    private void store(int op) {
        in.u32();
        int offset = in.u32();
        int hv = stack.top();
        int ha = hv - 1;
        if (stack.kind(hv) == CONST) {
            long v = stack.bits(hv);
            int opcode = OperatorTable.STORE_IMM[op];
            int addr = read(ha, 0);
            stack.pop(2);
            if (opcode == Opcodes.I64_STORE_IMM) {
                note(out.emitStoreImm64(opcode, addr, offset, v), opcode);
            } else {
                note(out.emitStoreImm32(opcode, addr, offset, (int) v), opcode);
            }
            return;
        }
        int opcode = OperatorTable.MEMORY[op];
        int addr = read(ha, 0);
        int value = read(hv, 1);
        stack.pop(2);
        note(out.emitStore(opcode, addr, value, offset), opcode);
    }

    // ------------------------------------------------------------------ calls

    /** Puts the top n values into their own temporaries: the callee's frame starts at the first. */
    private int arguments(int n) {
        int base = stack.height - n;
        for (int i = 0; i < n; i++) {
            materialize(base + i);
        }
        return base;
    }

    private void call(int function) {
        FunctionType t = module.functionType(function);
        int base = arguments(t.paramCount());
        stack.pop(t.paramCount());
        boolean imported = function < module.importedFunctionCount;
        int op = imported ? Opcodes.CALL_IMPORT : Opcodes.CALL;
        note(out.emitCall(op, function, tempSlot(base)), op);
        pushResults(t);
    }

    private void callIndirect(int typeIndex, int table) {
        FunctionType t = module.types[typeIndex];
        int hi = stack.top();
        int params = t.paramCount();
        int base = hi - params;
        for (int i = 0; i < params; i++) {
            materialize(base + i);
        }
        int index = read(hi, 0);
        stack.pop(1 + params);
        note(out.callIndirect(index, typeIndex, table, tempSlot(base)), Opcodes.CALL_INDIRECT);
        pushResults(t);
    }

    private void pushResults(FunctionType t) {
        for (int i = 0; i < t.resultCount(); i++) {
            stack.pushTemp(t.result(i));
        }
    }

    // ------------------------------------------------------------------ tables and bulk operations

    private void tableGet(int table) {
        ValueType t = module.tables[table].elementType();
        int h = stack.top();
        int index = read(h, 0);
        stack.pop();
        int pc = out.tableGet(dst(h), index, table);
        stack.pushTemp(t);
        result(pc, Opcodes.TABLE_GET, h, t);
    }

    private void tableSet(int table) {
        int hv = stack.top();
        int index = read(hv - 1, 0);
        int value = read(hv, 1);
        stack.pop(2);
        note(out.tableSet(index, value, table), Opcodes.TABLE_SET);
    }

    /** Reads the top three values as near slots (scratch 0..2 for far ones) and pops them. */
    private int[] three() {
        int h = stack.top() - 2;
        int[] s = threeSlots;
        s[0] = read(h, 0);
        s[1] = read(h + 1, 1);
        s[2] = read(h + 2, 2);
        stack.pop(3);
        return s;
    }

    private final int[] threeSlots = new int[3];

    private void prefixFC(int at) {
        int sub = in.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> unary(OperatorTable.TRUNC_SAT[sub], sub < 4 ? ValueType.I32 : ValueType.I64);
            case WasmOpcodes.FC_MEMORY_INIT -> {
                int segment = in.u32();
                in.u8();
                int[] s = three();
                note(out.memoryInit(segment, s[0], s[1], s[2]), Opcodes.MEMORY_INIT);
            }
            case WasmOpcodes.FC_DATA_DROP -> note(out.dataDrop(in.u32()), Opcodes.DATA_DROP);
            case WasmOpcodes.FC_MEMORY_COPY -> {
                in.u8();
                in.u8();
                int[] s = three();
                note(out.memoryCopy(s[0], s[1], s[2]), Opcodes.MEMORY_COPY);
            }
            case WasmOpcodes.FC_MEMORY_FILL -> {
                in.u8();
                int[] s = three();
                note(out.memoryFill(s[0], s[1], s[2]), Opcodes.MEMORY_FILL);
            }
            case WasmOpcodes.FC_TABLE_INIT -> {
                int segment = in.u32();
                int table = in.u32();
                int[] s = three();
                note(out.tableInit(s[0], s[1], s[2], table, segment), Opcodes.TABLE_INIT);
            }
            case WasmOpcodes.FC_ELEM_DROP -> note(out.elemDrop(in.u32()), Opcodes.ELEM_DROP);
            case WasmOpcodes.FC_TABLE_COPY -> {
                int dstTable = in.u32();
                int srcTable = in.u32();
                int[] s = three();
                note(out.tableCopy(s[0], s[1], s[2], dstTable, srcTable), Opcodes.TABLE_COPY);
            }
            case WasmOpcodes.FC_TABLE_GROW -> {
                int table = in.u32();
                int hd = stack.top();
                int hi = hd - 1;
                int init = read(hi, 0);
                int delta = read(hd, 1);
                stack.pop(2);
                int pc = out.tableGrow(dst(hi), init, delta, table);
                stack.pushTemp(ValueType.I32);
                result(pc, Opcodes.TABLE_GROW, hi, ValueType.I32);
            }
            case WasmOpcodes.FC_TABLE_SIZE -> {
                int table = in.u32();
                int h = stack.height;
                int pc = out.tableSize(dst(h), table);
                stack.pushTemp(ValueType.I32);
                result(pc, Opcodes.TABLE_SIZE, h, ValueType.I32);
            }
            case WasmOpcodes.FC_TABLE_FILL -> {
                int table = in.u32();
                int[] s = three();
                note(out.tableFill(s[0], s[1], s[2], table), Opcodes.TABLE_FILL);
            }
            default -> throw new IllegalStateException("validated code has unknown 0xfc sub-opcode " + sub + " at " + at);
        }
    }

    // ------------------------------------------------------------------ SIMD

    /** What {@link SimdTranslation} uses of this translator. */
    private final class SimdContext implements SimdTranslation.Context {
        @Override
        public BinaryReader in() {
            return in;
        }

        @Override
        public InstructionEncoder out() {
            return out;
        }

        @Override
        public Operands stack() {
            return stack;
        }

        @Override
        public int read(int h, int k) {
            return Translator.this.read(h, k);
        }

        @Override
        public int dst(int h) {
            return Translator.this.dst(h);
        }

        @Override
        public void result(int pc, int opcode, int h, ValueType type) {
            Translator.this.result(pc, opcode, h, type);
        }

        @Override
        public void note(int pc, int opcode) {
            Translator.this.note(pc, opcode);
        }
    }
}
