package dev.weft.compile;

import dev.weft.code.InstructionDecoder;
import dev.weft.exec.CompiledSupport;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one function's JVM method: the prologue (Java stack budget, the entry's fuel charge and
 * attention check), each internal instruction in turn ({@link GeneratedEmitters}, then
 * {@link CustomEmitters}), the back-edge checks, and the handler that gives traps this frame.
 *
 * <p>Slots become JVM locals: a {@code long} per slot holding its raw bits, as the interpreter's
 * {@code long[]} does, and, in functions that touch references, an {@code Object} per slot as the
 * interpreter's reference array. Parameters arrive as the method's parameters. Branches become
 * JVM branches; a backward branch first goes through a stub that charges the loop's fuel and looks
 * at the call's bounds, exactly as {@code Machine.branch} does. The methods below are the
 * vocabulary the emitters use.
 */
final class FunctionEmitter {
    static final ClassDesc SUPPORT = ClassDesc.of("dev.weft.exec.CompiledSupport");
    private static final String EXEC = "dev.weft.exec.";
    private static final MethodTypeDesc CHARGE = MethodTypeDesc.of(ConstantDescs.CD_void, Signatures.MACHINE,
            ConstantDescs.CD_int);
    private static final MethodTypeDesc FAULT = MethodTypeDesc.of(ClassDesc.of("java.lang.RuntimeException"),
            ConstantDescs.CD_Throwable, Signatures.MACHINE, ConstantDescs.CD_int);
    private static final MethodTypeDesc ATTENTION = MethodTypeDesc.of(ConstantDescs.CD_void, Signatures.MACHINE);
    private static final MethodTypeDesc FALLBACK = MethodTypeDesc.of(ConstantDescs.CD_MethodHandle, Signatures.MACHINE,
            ConstantDescs.CD_int);
    private static final MethodTypeDesc ENTER_FRAME = MethodTypeDesc.of(ConstantDescs.CD_void, Signatures.MACHINE,
            ConstantDescs.CD_long, ConstantDescs.CD_int);
    private static final MethodTypeDesc INT_TO_FLOAT = MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int);
    private static final MethodTypeDesc FLOAT_TO_INT = MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float);
    private static final MethodTypeDesc LONG_TO_DOUBLE = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long);
    private static final MethodTypeDesc DOUBLE_TO_LONG = MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double);
    private static final ClassDesc FLOAT = ClassDesc.of("java.lang.Float");
    private static final ClassDesc DOUBLE = ClassDesc.of("java.lang.Double");
    /** Descriptors and owners of the semantics methods, parsed once. */
    private static final Map<String, MethodTypeDesc> DESCRIPTORS = new java.util.concurrent.ConcurrentHashMap<>();
    /** A part's parameters ({@link PartDriver#PART}): the machine, the frame's long[] and Object[], base, the entry. */
    private static final int PART_SLOTS = 1;
    private static final int PART_REFS = 2;
    private static final int PART_BASE = 3;
    private static final int PART_ENTRY = 4;
    private static final int PART_FIRST_LOCAL = 5;

    final CodeBuilder cb;
    final FunctionPlan plan;
    final ClassCompiler.Batch batch;
    private final int[] longLocal;
    private final int[] refLocal;
    /** The machine's budget at entry (restored at every exit), a long. */
    private final int budgetLocal;
    /** The budget with this frame taken, a long. */
    private final int takenLocal;
    private final int baseLocal;
    /** Whether the call is metered (an int), read at entry: it cannot change while the frame runs. */
    private final int meteredLocal;
    /** Back-edges until the next attention check (an int). */
    private final int ticksLocal;
    /** An Object local for the emitters' own use within one instruction. */
    private final int scratchLocal;
    /** A long[2] local, allocated at entry, where SIMD semantics methods write v128 results; -1 without SIMD. */
    private final int v128Local;
    private final int cost;
    private final Map<Integer, Label> labels = new HashMap<>();
    private final Map<Integer, Label> stubs = new LinkedHashMap<>();
    /** Whether the instruction just emitted ends the flow (return, jump, trap). */
    private boolean terminal;
    /** The part of a split function this method runs, or null for a whole function or a split one's driver. */
    private final FunctionParts.Part part;
    /** A part's exits to other parts' instructions: where each target's stub is. */
    private final Map<Integer, Label> exits = new LinkedHashMap<>();
    /** In a part, an int local; in a driver, the frame's long[] (the Object[] follows). */
    private final int partLocal;

    private FunctionEmitter(CodeBuilder cb, FunctionPlan plan, ClassCompiler.Batch batch, FunctionParts.Part part) {
        this.cb = cb;
        this.plan = plan;
        this.batch = batch;
        this.part = part;
        int frame = plan.frame;
        longLocal = new int[frame];
        refLocal = new int[frame];
        java.util.Arrays.fill(refLocal, -1);
        int next = 1;
        if (part != null) {
            next = PART_FIRST_LOCAL; // after the machine, the frame's arrays, base and the entry's offset
        } else {
            for (int i = 0; i < plan.type.paramCount(); i++) {
                if (plan.type.param(i).isReference()) {
                    refLocal[i] = next++;
                    longLocal[i] = -1;
                } else {
                    longLocal[i] = next;
                    next += 2;
                }
            }
        }
        budgetLocal = next;
        takenLocal = next + 2;
        baseLocal = part != null ? PART_BASE : next + 4;
        meteredLocal = next + 5;
        ticksLocal = next + 6;
        scratchLocal = next + 7;
        next += 8;
        partLocal = next;
        next += 2;
        v128Local = plan.simd ? next++ : -1;
        // the most used slots first: locals below 256 (4 below 4) have the short instruction forms
        Integer[] order = new Integer[frame];
        for (int s = 0; s < frame; s++) {
            order[s] = s;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(plan.uses[b], plan.uses[a]));
        for (int s : order) {
            if (part != null || s >= plan.type.paramCount() || plan.type.param(s).isReference()) {
                longLocal[s] = next;
                next += 2;
            }
        }
        if (plan.refs) {
            for (int s : order) {
                if (refLocal[s] < 0) {
                    refLocal[s] = next++;
                }
            }
        }
        this.cost = frameCost(plan);
    }

    /**
     * The Java stack a compiled frame is charged: the JVM interpreter's frame of the method (its
     * locals and operand stack, and the frame's own words), which bounds what a compiled frame takes.
     */
    static int frameCost(FunctionPlan plan) {
        int one = Math.max(CompiledSupport.MIN_FRAME, 8 * (plan.localWords() + plan.maxStack()) + 256);
        return plan.parts != null ? 2 * one : one; // a split function's driver and a part's frame
    }

    /** @return the budget a call must find: the frame's cost and the reserve for a fallback to the interpreter */
    static int entryCost(FunctionPlan plan) {
        return frameCost(plan) + CompiledSupport.NESTED;
    }

    /** Writes the method's code: the function's, or for a split function its driver. */
    static void emit(CodeBuilder cb, FunctionPlan plan, ClassCompiler.Batch batch) {
        new FunctionEmitter(cb, plan, batch, null).body();
    }

    /** Writes the method of one part of a split function. */
    static void emitPart(CodeBuilder cb, FunctionPlan plan, ClassCompiler.Batch batch, FunctionParts.Part part) {
        new FunctionEmitter(cb, plan, batch, part).partBody();
    }

    private void body() {
        prologue();
        Label tryStart = cb.newBoundLabel();
        if (plan.parts != null) {
            PartDriver.emitLoop(this, partLocal, partLocal + 1, meteredLocal);
        } else {
            instructions(plan.entry, plan.end);
            if (!terminal) {
                throwInternal("fell off the end of the function");
            }
            for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
                backEdge(stub.getKey(), stub.getValue());
            }
        }
        Label tryEnd = cb.newBoundLabel();
        Label handler = cb.newBoundLabel();
        restoreBudget();
        machine();
        cb.loadConstant(plan.function);
        cb.invokestatic(SUPPORT, "fault", FAULT);
        cb.athrow();
        cb.exceptionCatch(tryStart, tryEnd, handler, Optional.empty());
    }

    private void instructions(int from, int to) {
        MemorySegment code = batch.code();
        for (int pc = from; pc < to; pc += InstructionDecoder.size(code, pc)) {
            if (plan.targets.get(pc - plan.entry) || labels.containsKey(pc)) {
                cb.labelBinding(label(pc));
            }
            long w = InstructionDecoder.word(code, pc);
            long w2 = InstructionDecoder.word2(code, pc);
            int opcode = (int) w & 0xFFFF;
            terminal = false;
            if (!GeneratedEmitters.emit(this, opcode, w, w2, pc)) {
                CustomEmitters.emit(this, opcode, w, w2, pc);
            }
        }
    }

    /**
     * A part's method ({@link FunctionParts}): the slots it touches loaded from the frame's arrays,
     * a jump to the entry the driver asks for, its instructions, and its exits, which store the
     * slots back and return where the function goes on. Traps propagate to the driver, which
     * gives them the function's frame.
     */
    private void partBody() {
        transferSlots(true);
        frameLocals();
        if (part.entries().length > 1) {
            Label bad = cb.newLabel();
            List<SwitchCase> cases = new ArrayList<>();
            for (int entry : part.entries()) {
                cases.add(SwitchCase.of(entry, label(entry)));
            }
            cb.iload(PART_ENTRY);
            cb.lookupswitch(bad, cases);
            cb.labelBinding(bad);
            throwInternal("no entry into a part there");
        }
        instructions(part.from(), part.to());
        if (!terminal) {
            if (part.to() == plan.end) {
                throwInternal("fell off the end of the function");
            } else {
                cb.goto_(exit(part.to()));
            }
        }
        for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
            backEdge(stub.getKey(), stub.getValue());
        }
        Label store = cb.newLabel();
        for (Map.Entry<Integer, Label> exit : exits.entrySet()) {
            int target = exit.getKey();
            cb.labelBinding(exit.getValue());
            if (target < part.from()) { // a loop's next iteration, in an earlier part
                chargeLoop(target);
                machine();
                cb.invokestatic(SUPPORT, "attention", ATTENTION);
            }
            cb.loadConstant(target);
            cb.goto_(store);
        }
        cb.labelBinding(store);
        cb.istore(partLocal);
        transferSlots(false);
        cb.iload(partLocal);
        cb.ireturn();
    }

    /** A part's slots from the frame's arrays into their locals ({@code toLocals}), or back. */
    private void transferSlots(boolean toLocals) {
        for (int s = part.slots().nextSetBit(0); s >= 0; s = part.slots().nextSetBit(s + 1)) {
            cb.aload(PART_SLOTS);
            cb.loadConstant(s);
            if (toLocals) {
                cb.laload();
                cb.lstore(longLocal[s]);
            } else {
                cb.lload(longLocal[s]);
                cb.lastore();
            }
            if (plan.refs) {
                cb.aload(PART_REFS);
                cb.loadConstant(s);
                if (toLocals) {
                    cb.aaload();
                    cb.astore(refLocal[s]);
                } else {
                    cb.aload(refLocal[s]);
                    cb.aastore();
                }
            }
        }
    }

    /** The loop's fuel when the call is metered, as {@code Machine.branch} charges it. */
    private void chargeLoop(int target) {
        Label fueled = cb.newLabel();
        cb.iload(meteredLocal);
        cb.ifeq(fueled);
        machine();
        cb.loadConstant(batch.loopCost(target));
        cb.invokestatic(SUPPORT, "chargeLoop", CHARGE);
        cb.labelBinding(fueled);
    }

    /** Whether the call is metered and the back-edge countdown (with loops), the v128 result array (with SIMD). */
    private void frameLocals() {
        if (plan.loops) {
            machine();
            cb.getfield(Signatures.MACHINE, "metered", ConstantDescs.CD_boolean);
            cb.istore(meteredLocal);
            cb.loadConstant(CompiledSupport.BACK_EDGES_PER_CHECK);
            cb.istore(ticksLocal);
        }
        if (plan.simd) {
            cb.loadConstant(2);
            cb.newarray(TypeKind.LONG);
            cb.astore(v128Local);
        }
    }

    /** The stub that leaves a part for an instruction of another. */
    private Label exit(int target) {
        return exits.computeIfAbsent(target, t -> cb.newLabel());
    }

    /**
     * The stub a backward branch to {@code target} goes through: the loop's fuel when metered,
     * the attention check every {@link CompiledSupport#BACK_EDGES_PER_CHECK}th time.
     */
    private void backEdge(int target, Label stub) {
        cb.labelBinding(stub);
        chargeLoop(target);
        cb.iinc(ticksLocal, -1);
        cb.iload(ticksLocal);
        cb.ifge(label(target));
        cb.loadConstant(CompiledSupport.BACK_EDGES_PER_CHECK);
        cb.istore(ticksLocal);
        machine();
        cb.invokestatic(SUPPORT, "attention", ATTENTION);
        cb.goto_(label(target));
    }

    /**
     * The budget check (a call that finds too few bytes runs interpreted, which charges the entry's
     * fuel itself; one beyond the depth limit traps as the interpreter does), the entry's fuel
     * charge and attention check as in {@code Machine.enter}, the budget taken, the locals zeroed
     * (declared locals must be; the rest so that every local is defined on every path, as the
     * verifier wants).
     */
    private void prologue() {
        Label fits = cb.newLabel();
        machine();
        cb.getfield(Signatures.MACHINE, "budget", ConstantDescs.CD_long);
        cb.dup2();
        cb.lstore(budgetLocal);
        cb.loadConstant(CompiledSupport.FRAME + cost);
        cb.lsub();
        cb.dup2();
        cb.lstore(takenLocal);
        cb.l2i();
        cb.loadConstant(CompiledSupport.NESTED);
        cb.if_icmpge(fits);
        machine();
        cb.loadConstant(plan.function);
        cb.invokestatic(SUPPORT, "fallback", FALLBACK);
        machine();
        for (int i = 0; i < plan.type.paramCount(); i++) {
            loadParam(i, i);
        }
        cb.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", Signatures.descriptor(plan.type));
        returnValue();
        cb.labelBinding(fits);
        machine();
        cb.lload(takenLocal);
        cb.loadConstant(plan.fuel);
        cb.invokestatic(SUPPORT, "enterFrame", ENTER_FRAME);
        if (plan.spills) {
            machine();
            cb.getfield(Signatures.MACHINE, "compiledBase", ConstantDescs.CD_int);
            cb.istore(baseLocal);
        }
        if (plan.parts != null) {
            return; // the parts hold the slots and check their loops
        }
        frameLocals();
        // slots the code never names need no local value (their locals are never read)
        int params = plan.type.paramCount();
        for (int s = 0; s < plan.frame; s++) {
            if (plan.uses[s] == 0 && s >= params) {
                continue;
            }
            if (s >= params || plan.type.param(s).isReference()) {
                cb.lconst_0();
                cb.lstore(longLocal[s]);
            }
            if (plan.refs && (s >= params || !plan.type.param(s).isReference())) {
                cb.aconst_null();
                cb.astore(refLocal[s]);
            }
        }
    }

    /** Returns from the method with what the stack holds (or nothing), as the function's type says. */
    void returnValue() {
        if (plan.type.resultCount() != 1) {
            cb.return_();
        } else if (plan.type.result(0).isReference()) {
            cb.areturn();
        } else {
            cb.lreturn();
        }
    }

    // ------------------------------------------------------------------ the emitters' vocabulary

    void machine() {
        cb.aload(0);
    }

    void loadI32(int slot) {
        cb.lload(longLocal[slot]);
        cb.l2i();
    }

    void loadI64(int slot) {
        cb.lload(longLocal[slot]);
    }

    void loadF32(int slot) {
        loadI32(slot);
        cb.invokestatic(FLOAT, "intBitsToFloat", INT_TO_FLOAT);
    }

    void loadF64(int slot) {
        cb.lload(longLocal[slot]);
        cb.invokestatic(DOUBLE, "longBitsToDouble", LONG_TO_DOUBLE);
    }

    void loadRef(int slot) {
        cb.aload(refLocal[slot]);
    }

    void constInt(int v) {
        cb.loadConstant(v);
    }

    void constLong(long v) {
        cb.loadConstant(v);
    }

    /** An f32 immediate, converted at run time as the handler converts it (so NaN payloads behave the same). */
    void constFloatBits(int bits) {
        cb.loadConstant(bits);
        cb.invokestatic(FLOAT, "intBitsToFloat", INT_TO_FLOAT);
    }

    void constDoubleBits(long bits) {
        cb.loadConstant(bits);
        cb.invokestatic(DOUBLE, "longBitsToDouble", LONG_TO_DOUBLE);
    }

    /** A primitive conversion between JVM types, by descriptor character. */
    void convert(char from, char to) {
        cb.conversion(TypeKind.fromDescriptor(String.valueOf(from)), TypeKind.fromDescriptor(String.valueOf(to)));
    }

    /** Calls a semantics method of {@code dev.weft.exec}. */
    void invoke(String owner, String name, String descriptor) {
        cb.invokestatic(ClassDesc.of(EXEC + owner), name, DESCRIPTORS.computeIfAbsent(descriptor, MethodTypeDesc::ofDescriptor));
    }

    void storeI32(int slot) {
        cb.i2l();
        cb.lstore(longLocal[slot]);
    }

    void storeI64(int slot) {
        cb.lstore(longLocal[slot]);
    }

    void storeF32(int slot) {
        cb.invokestatic(FLOAT, "floatToRawIntBits", FLOAT_TO_INT);
        storeI32(slot);
    }

    void storeF64(int slot) {
        cb.invokestatic(DOUBLE, "doubleToRawLongBits", DOUBLE_TO_LONG);
        cb.lstore(longLocal[slot]);
    }

    /**
     * Before a SIMD semantics method's arguments: where it writes its v128 result, the frame's
     * {@code long[2]} (allocated once at entry: a few bytes of bytecode per instruction, so that
     * vectorised loops stay under the JIT's method size limit) and index 0.
     */
    void v128Result() {
        cb.aload(v128Local);
        cb.loadConstant(0);
    }

    /** After the call: the v128 result's halves into slots {@code slot} (low) and {@code slot + 1} (high). */
    void storeV128(int slot) {
        for (int half = 0; half < 2; half++) {
            cb.aload(v128Local);
            cb.loadConstant(half);
            cb.laload();
            cb.lstore(longLocal[slot + half]);
        }
    }

    /** A boolean result: 0 or 1, as the handler stores it. */
    void storeBool(int slot) {
        storeI32(slot);
    }

    void storeRef(int slot) {
        cb.astore(refLocal[slot]);
    }

    /** Branches to {@code pc + off} when the int on the stack is not zero. */
    void branchIf(int pc, int off) {
        cb.ifne(target(pc, off));
    }

    /** Branches to {@code pc + off} when the int on the stack is zero. */
    void branchIfNot(int pc, int off) {
        cb.ifeq(target(pc, off));
    }

    /** An unconditional branch. */
    void jump(int pc, int off) {
        cb.goto_(target(pc, off));
        terminal = true;
    }

    /**
     * Where a branch from pc by off goes: its target, or for a backward branch (a loop's next
     * iteration, offset 0 included) the stub that first charges the loop's fuel and checks the
     * call's bounds, as {@code Machine.branch} does.
     */
    Label target(int pc, int off) {
        int target = pc + off;
        if (part != null && !part.contains(target)) {
            return exit(target);
        }
        return off > 0 ? label(target) : stubs.computeIfAbsent(target, t -> cb.newLabel());
    }

    Label label(int pc) {
        return labels.computeIfAbsent(pc, t -> cb.newLabel());
    }

    /** The flow ends here (the instruction returned or threw). */
    void terminal() {
        terminal = true;
    }

    /** @return an Object local the emitter of one instruction may use (not live across instructions) */
    int scratch() {
        return scratchLocal;
    }

    /** Reads {@code Machine.compiledBase}, saved at entry: where calls out pass values. */
    void base() {
        cb.iload(baseLocal);
    }

    void restoreBudget() {
        machine();
        cb.lload(budgetLocal);
        cb.putfield(Signatures.MACHINE, "budget", ConstantDescs.CD_long);
    }

    /**
     * Returns from the function: the budget given back, then the result from slot 0 (or nothing;
     * several results go to the machine's slots at compiledBase first).
     */
    void returnFromFunction() {
        int results = plan.type.resultCount();
        if (results > 1) {
            CustomEmitters.spillValues(this, plan.type.results(), 0);
        }
        if (part != null) { // slot 0 back to the frame's arrays, for the driver to return
            if (results == 1) {
                cb.aload(plan.type.result(0).isReference() ? PART_REFS : PART_SLOTS);
                cb.loadConstant(0);
                if (plan.type.result(0).isReference()) {
                    loadRef(0);
                    cb.aastore();
                } else {
                    loadI64(0);
                    cb.lastore();
                }
            }
            cb.iconst_m1();
            cb.ireturn();
            terminal = true;
            return;
        }
        restoreBudget();
        if (results == 1) {
            if (plan.type.result(0).isReference()) {
                loadRef(0);
            } else {
                loadI64(0);
            }
        }
        returnValue();
        terminal = true;
    }

    /** Pushes parameter {@code i} of a call from the slot holding it. */
    void loadParam(int slot, int i) {
        if (plan.type.param(i).isReference()) {
            loadRef(slot);
        } else {
            loadI64(slot);
        }
    }

    /** Throws an internal error (code the translator never produces). */
    void throwInternal(String what) {
        ClassDesc ise = ClassDesc.of("java.lang.IllegalStateException");
        cb.new_(ise);
        cb.dup();
        cb.loadConstant("internal error in compiled code: " + what);
        cb.invokespecial(ise, "<init>", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String));
        cb.athrow();
        terminal = true;
    }
}
