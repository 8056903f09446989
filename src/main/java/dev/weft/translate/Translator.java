package dev.weft.translate;

import dev.weft.FunctionType;
import dev.weft.InternalErrorException;
import dev.weft.MalformedModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.ValueType;
import dev.weft.WeftException;
import dev.weft.code.CodeLayout;
import dev.weft.code.CompiledCode;
import dev.weft.code.TranslatedFunction;
import dev.weft.code.ValueSlots;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.InstructionReader;

import java.util.Arrays;

/**
 * Translates validated WebAssembly function bodies into Weft's register-based internal code,
 * in one streaming pass per function: the {@link InstructionReader} decodes each instruction
 * and calls this translator, its visitor, which writes internal instructions.
 *
 * <p>{@code local.get} and constants never become instructions: they are providers on the
 * {@link Operands} stack and end up as slot operands or immediates of the instruction that
 * consumes them. Every other value lives in the temporary slot of its stack position, so
 * block results and call arguments usually are where they are needed already. The work is
 * split by concern into layers, each a class this one extends: {@link OperandSlots},
 * {@link Fusions}, {@link Branches}, {@link Blocks}, {@link Numeric}, {@link MemoryAndTables},
 * {@link Vectors}, {@link Calls}. Variants of internal instructions (immediate forms, fused forms, negated
 * branches) come from the generated {@link Variants} tables. See docs/encoding.md.
 *
 * <p>Frames with more than 65536 slots still work: slot fields are 16 bits, so an operand in a
 * far slot is first copied to one of three scratch slots (after the locals, always near) with
 * {@code copy_far}, and a far result is written to a scratch slot and copied out.
 */
public final class Translator extends Calls {
    /** Implementation limit on a frame's slot count (values on the stack at once, plus locals). */
    static final int MAX_FRAME_SLOTS = 1 << 24;

    private Translator(DecodedModule module) {
        super(module);
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
     * @throws UnsupportedFeatureException for instructions not supported (of proposals beyond 2.0) or frames over the limit
     * @throws InternalErrorException if translating a function fails otherwise (a bug), with its index and offset
     */
    public static CompiledCode translate(DecodedModule module) {
        CompiledCode code = prepare(module);
        code.translateAll();
        return code;
    }

    /** Translates one function into the reused buffer, from offset 0 (the code is position-independent). */
    private TranslatedFunction translateFunction(int index) {
        emit.reset();
        loopCount = 0;
        long wasmBefore = wasmInstructions;
        long internalBefore = emit.internalInstructions;
        try {
            return function(index, wasmBefore, internalBefore);
        } catch (MalformedModuleException e) {
            // validated code is well-formed: the reader finding otherwise is a bug
            throw internalError(index, new IllegalStateException("validated code is malformed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            if (e instanceof WeftException) {
                throw e;
            }
            throw internalError(index, e);
        }
    }

    /** A bug: says where, so that the module that shows it can be reduced and reported. */
    private InternalErrorException internalError(int index, RuntimeException e) {
        String name = module.names.functionName(index);
        return new InternalErrorException("translating", name != null ? name + " (func " + index + ")" : "func " + index,
                reader.input().pos(), e);
    }

    private TranslatedFunction function(int index, long wasmBefore, long internalBefore) {
        FunctionType type = module.functionType(index);
        FunctionBody body = module.bodies[index - module.importedFunctionCount];
        reader.beginBody(body.offset(), body.length());
        boolean refLocals = readLocals(type, reader.input());
        if (localSlotCount + SCRATCH_SLOTS > CodeLayout.MAX_SLOT + 1) {
            throw new UnsupportedFeatureException("function " + index + " has " + localCount + " locals in "
                    + localSlotCount + " slots; Weft's translator supports up to "
                    + (CodeLayout.MAX_SLOT + 1 - SCRATCH_SLOTS) + " slots", body.offset());
        }
        // the zero slot, where near slots allow it (up to 65,532 slots of locals), then scratch
        zeroSlot = localSlotCount + 1 + SCRATCH_SLOTS <= CodeLayout.MAX_SLOT + 1 ? localSlotCount : -1;
        zeroSlotUsed = false;
        scratch = zeroSlot < 0 ? localSlotCount : localSlotCount + 1;
        tempBase = scratch + SCRATCH_SLOTS;
        stack.reset(localSlotCount);
        fixups.reset();
        controls.depth = 0;
        skipDepth = 0;
        dead = false;
        long firstInstruction = wasmInstructions;
        ValueType[] results = new ValueType[type.resultCount()];
        for (int i = 0; i < results.length; i++) {
            results[i] = type.result(i);
        }
        controls.push(Controls.FUNC, 0, FunctionType.of(new ValueType[0], results));
        reader.readCodeForTranslation(this);
        long frame = Math.max((long) tempBase + stack.maxSlots, ValueSlots.results(type));
        if (frame > MAX_FRAME_SLOTS) {
            throw new UnsupportedFeatureException("function " + index + " needs " + frame
                    + " frame slots, more than Weft's limit of " + MAX_FRAME_SLOTS, body.offset());
        }
        int length = out.position();
        // the zero slot follows the locals: clearing one more local at entry zeroes it
        int clearedLocals = localSlotCount - paramSlotCount + (zeroSlotUsed ? 1 : 0);
        return new TranslatedFunction(out.written(), paramSlotCount, clearedLocals, (int) frame,
                refLocals ? CompiledCode.REF_LOCALS : 0, fuelCost(wasmInstructions - firstInstruction),
                Arrays.copyOf(loops, loopCount), wasmInstructions - wasmBefore,
                emit.internalInstructions - internalBefore, emit.wasmCounts(length));
    }

    /** Reads the local declarations (validated already); returns whether a declared local is a reference. */
    private boolean readLocals(FunctionType type, BinaryReader in) {
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
            localTypes = Arrays.copyOf(localTypes, localCount * 2);
            localSlots = Arrays.copyOf(localSlots, localCount * 2);
        }
        localSlots[localCount] = localSlotCount;
        localSlotCount += ValueSlots.width(t);
        localTypes[localCount++] = t;
    }
}
