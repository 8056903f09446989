package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;
import static dev.weft.translate.Operands.TEMP;

import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import dev.weft.code.CodeLayout;
import dev.weft.code.InstructionEncoder;
import dev.weft.code.Opcodes;
import dev.weft.code.ValueSlots;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.InstructionReader;
import dev.weft.decode.InstructionVisitor;
import dev.weft.decode.WasmInstructions;

/**
 * The translator's first layer: operands and slots. The {@link Operands} stack holds providers
 * (locals, constants, temporaries); this layer turns them into slots an instruction can read
 * ({@link #read}), gives results their slots ({@link #dst}, {@link #result}), and writes values
 * where they must be ({@link #materialize}, {@link #move}), including frames larger than 16-bit
 * slot fields reach (far slots go through three scratch slots after the locals).
 *
 * <p>The layers above add, in order: {@link Fusions}, {@link Branches}, {@link Blocks},
 * {@link Numeric}, {@link MemoryAndTables}, {@link Vectors}, {@link Calls}, and {@link Translator}, which runs a
 * function through the {@link InstructionReader}. Each WebAssembly instruction is one visitor
 * method, in the layer of its concern; every method starts with {@link #skipped}.
 */
abstract sealed class OperandSlots implements InstructionVisitor permits Fusions {
    /** Scratch slots after the locals, for operands and results in far slots. */
    static final int SCRATCH_SLOTS = 3;

    final DecodedModule module;
    final InstructionReader reader;
    final Emitter emit = new Emitter();
    final InstructionEncoder out = emit.out;
    final LastInstruction last = emit.last;
    final Operands stack = new Operands();

    // per function
    ValueType[] localTypes = new ValueType[16];
    int localCount;
    /** Slot of each local: its index, unless a v128 (two slots, see {@link ValueSlots}) comes before it. */
    int[] localSlots = new int[16];
    /** Slots the parameters and locals take. */
    int localSlotCount;
    /** Slots the parameters take. */
    int paramSlotCount;
    int tempBase;
    int scratch;
    /**
     * A slot after the locals that holds zero for the whole call (cleared at entry with the
     * locals, not written before the return: without parameters and locals it is slot 0, the
     * result's), or -1: the address operand of a load or store from a constant address, whose
     * constant then goes into the offset (see {@link MemoryAndTables}).
     */
    int zeroSlot;
    /** Whether the function's code reads {@link #zeroSlot}: then it is cleared at entry. */
    boolean zeroSlotUsed;
    /** WebAssembly instructions read (all of them, unreachable ones included: fuel counts them). */
    long wasmInstructions;
    /** Whether the code being read is unreachable (after br, return…, until its block's else or end). */
    boolean dead;

    OperandSlots(DecodedModule module) {
        this.module = module;
        this.reader = new InstructionReader(module.bytes);
    }

    /**
     * Counts the instruction being visited; true if it is unreachable, when only block structure
     * matters. Every visitor method starts with it (the structure ones with their own version).
     */
    final boolean skipped() {
        wasmInstructions++;
        if (dead) {
            return true;
        }
        emit.readWasm();
        return false;
    }

    @Override
    public final void unsupported(int instr) {
        throw new UnsupportedFeatureException(WasmInstructions.name(instr) + " is not supported by Weft's translator",
                reader.instructionStart());
    }

    final int note(int pc, int opcode) {
        return emit.note(pc, opcode);
    }

    /** The (first) slot of the temporary at height h: one slot per entry below it, two per v128. */
    final int tempSlot(int h) {
        return tempBase + stack.offset(h);
    }

    static boolean isFar(int slot) {
        return slot > CodeLayout.MAX_SLOT;
    }

    /**
     * Returns a near slot holding entry h, for reading. Constants are first written into the
     * entry's own temporary; far temporaries are copied to scratch slot k.
     */
    final int read(int h, int k) {
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

    /**
     * Fails unless far entry h fits the scratch slots from k: a v128 takes two, so only an
     * instruction with several far v128 operands (an operand stack of tens of thousands of values)
     * runs out.
     */
    private void checkScratch(int h, int k) {
        if (k + ValueSlots.width(stack.type(h)) > SCRATCH_SLOTS) {
            throw new UnsupportedFeatureException("more than one v128 operand beyond frame slot " + CodeLayout.MAX_SLOT
                    + " (an operand stack of tens of thousands of values) is not supported by Weft's translator",
                    reader.instructionStart());
        }
    }

    /** Result slot for a value that will sit at height h (a scratch slot if h's slot is far; see {@link #result}). */
    final int dst(int h) {
        int slot = tempSlot(h);
        return isFar(slot) ? scratch : slot;
    }

    /** After an instruction wrote the value of height h via {@link #dst}: copies it out if far, records fusion state. */
    final void result(int pc, int opcode, int h, ValueType type) {
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
            last.produced(h, slot);
        }
    }

    /** Pushes a temporary of the type and records that the instruction at pc computed it, as {@link #result}. */
    final void pushResult(int pc, int opcode, int h, ValueType type) {
        stack.pushTemp(type);
        result(pc, opcode, h, type);
    }

    /**
     * Writes entry h's value into its own temporary slot and makes the entry a temporary.
     * Never called while an operand read into a scratch slot is pending (it may use scratch 0).
     */
    final void materialize(int h) {
        if (stack.kind(h) != TEMP) {
            move(tempSlot(h), h);
            stack.becomeTemp(h);
        }
    }

    /** Emits whatever puts entry h's value into slot target (nothing if it is there). */
    final void move(int target, int h) {
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

    /** Writes the constant of entry h into the (near) slot target; a v128 into target and target + 1. */
    private void materializeConst(int target, int h) {
        ValueType t = stack.type(h);
        long v = stack.bits(h);
        if (t == ValueType.V128) {
            long high = stack.bitsHigh(h);
            if (v == high) {
                note(out.v128ConstSplat(target, v), Opcodes.V128_CONST_SPLAT);
            } else {
                scalarConst(target, v);
                scalarConst(target + 1, high);
            }
        } else if (t.isReference()) {
            note(out.refNull(target), Opcodes.REF_NULL);
        } else {
            scalarConst(target, v);
        }
    }

    private void scalarConst(int target, long v) {
        if (v == (int) v) {
            note(out.const32(target, (int) v), Opcodes.CONST_32);
        } else {
            note(out.const64(target, v), Opcodes.CONST_64);
        }
    }

    final void copy(int target, int source, ValueType t) {
        boolean ref = t.isReference();
        if (t == ValueType.V128) { // both halves
            if (isFar(target) || isFar(source)) {
                note(out.emitCopyFar(Opcodes.COPY_FAR, target, source), Opcodes.COPY_FAR);
                note(out.emitCopyFar(Opcodes.COPY_FAR, target + 1, source + 1), Opcodes.COPY_FAR);
            } else {
                note(out.v128Copy(target, source), Opcodes.V128_COPY);
            }
        } else if (isFar(target) || isFar(source)) {
            int op = ref ? Opcodes.COPY_REF_FAR : Opcodes.COPY_FAR;
            note(out.emitCopyFar(op, target, source), op);
        } else if (!ref && emit.fusableCopy()) {
            // Two copies in a row (loops rotating locals): one copy2.
            int copy = emit.takeBackCopy();
            note(out.emitMove2(Opcodes.COPY2, copy >>> 16, copy & 0xFFFF, target, source), Opcodes.COPY2);
        } else {
            int op = ref ? Opcodes.COPY_REF : Opcodes.COPY;
            note(out.emitUnary(op, target, source), op);
            last.copy = !ref;
        }
    }

    /** Moves the top n values into the slots of the label at height target (in place: nothing to do). */
    final void moveTop(int n, int target) {
        int from = stack.height - n;
        int slot = tempSlot(target);
        for (int i = 0; i < n; i++) {
            move(slot, from + i);
            slot += ValueSlots.width(stack.type(from + i)); // the label's slots, laid out by its types
        }
    }

    final boolean topInPlace(int n, int target) {
        return inPlace(stack.height - n, n, target);
    }

    /** Whether the n entries from height from are temporaries already in the slots of a label at height target. */
    final boolean inPlace(int from, int n, int target) {
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
    final void materializeLocals() {
        if (stack.localEntries() == 0) {
            return;
        }
        for (int h = 0; h < stack.height; h++) {
            if (stack.kind(h) == LOCAL) {
                materialize(h);
            }
        }
    }

    /** Puts the top n values into their own temporaries (a callee's frame starts at the first); returns the first's height. */
    final int arguments(int n) {
        int base = stack.height - n;
        for (int i = 0; i < n; i++) {
            materialize(base + i);
        }
        return base;
    }
}
