package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.ValueType;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.InstructionDecoder.Call;
import dev.weft.code.InstructionDecoder.CallIndirect;
import dev.weft.code.InstructionDecoder.CopyFar;
import dev.weft.code.InstructionDecoder.CopyJumpIf;
import dev.weft.code.InstructionDecoder.Dst;
import dev.weft.code.InstructionDecoder.GlobalGet;
import dev.weft.code.InstructionDecoder.GlobalSet;
import dev.weft.code.InstructionDecoder.Jump;
import dev.weft.code.InstructionDecoder.JumpTable;
import dev.weft.code.InstructionDecoder.Move2;
import dev.weft.code.InstructionDecoder.Select;
import dev.weft.code.InstructionDecoder.Src;
import dev.weft.code.InstructionDecoder.Unary;
import dev.weft.code.Opcodes;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The hand-written emitters of the {@code custom} instructions: control (branches, tables,
 * returns, traps), calls, copies of references and far slots, globals. The rare rest (memory and
 * table management, reference instructions) run the interpreter's own handler: their operands are
 * copied to the machine's slots at {@code compiledBase}, the handler runs on them there (its slot
 * fields renumbered 0, 1, ...), and its result is copied back; so their semantics stay written
 * once, in the handler.
 */
final class CustomEmitters {
    private CustomEmitters() {
    }

    private static final ClassDesc FUNCTION_INSTANCE = ClassDesc.of("dev.weft.runtime.FunctionInstance");
    private static final ClassDesc MODULE_INSTANCE = ClassDesc.of("dev.weft.runtime.ModuleInstance");
    private static final ClassDesc GLOBAL_INSTANCE = ClassDesc.of("dev.weft.runtime.GlobalInstance");
    private static final ClassDesc LONGS = ConstantDescs.CD_long.arrayType();
    private static final ClassDesc OBJECTS = ConstantDescs.CD_Object.arrayType();
    private static final MethodTypeDesc SLOTS = MethodTypeDesc.of(LONGS, Signatures.MACHINE, ConstantDescs.CD_int);
    private static final MethodTypeDesc CALL_OUT = MethodTypeDesc.of(ConstantDescs.CD_void, Signatures.MACHINE,
            FUNCTION_INSTANCE);
    private static final MethodTypeDesc INDIRECT = MethodTypeDesc.of(FUNCTION_INSTANCE, Signatures.MACHINE,
            ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int);
    private static final MethodTypeDesc HANDLER = MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int,
            ConstantDescs.CD_long, ConstantDescs.CD_long, LONGS, ConstantDescs.CD_int, Signatures.MACHINE);

    /** Custom instructions with an emitter here. */
    private static final BitSet SUPPORTED = new BitSet();
    /** Those whose interpreter handler runs on spilled operands. */
    private static final BitSet BY_HANDLER = new BitSet();
    /** Those whose handler always throws (a trap). */
    private static final BitSet THROWING = new BitSet();
    /** Those that read or write reference slots. */
    private static final BitSet REFERENCES = new BitSet();

    static {
        for (int op : new int[] {Opcodes.BR, Opcodes.BR_TABLE, Opcodes.RETURN, Opcodes.RETURN_1, Opcodes.CALL,
                Opcodes.CALL_IMPORT, Opcodes.CALL_INDIRECT, Opcodes.COPY_REF, Opcodes.COPY_FAR, Opcodes.COPY_REF_FAR,
                Opcodes.COPY2, Opcodes.COPY_BR_IF, Opcodes.COPY_BR_IF_NOT, Opcodes.SELECT_REF, Opcodes.GLOBAL_GET,
                Opcodes.GLOBAL_SET, Opcodes.REF_NULL, Opcodes.GLOBAL_GET_V128, Opcodes.GLOBAL_SET_V128}) {
            SUPPORTED.set(op);
        }
        for (int op : new int[] {Opcodes.UNREACHABLE, Opcodes.TRAP}) {
            SUPPORTED.set(op);
            THROWING.set(op);
        }
        // handlers that return the next instruction and read only their fields, the slots and the machine
        for (int op : new int[] {Opcodes.MEMORY_SIZE, Opcodes.MEMORY_GROW, Opcodes.MEMORY_FILL, Opcodes.MEMORY_COPY,
                Opcodes.MEMORY_INIT, Opcodes.DATA_DROP, Opcodes.GLOBAL_GET_REF, Opcodes.GLOBAL_SET_REF,
                Opcodes.REF_IS_NULL, Opcodes.REF_FUNC, Opcodes.TABLE_GET, Opcodes.TABLE_SET, Opcodes.TABLE_SIZE,
                Opcodes.TABLE_GROW, Opcodes.TABLE_FILL, Opcodes.TABLE_COPY, Opcodes.TABLE_INIT, Opcodes.ELEM_DROP}) {
            SUPPORTED.set(op);
            BY_HANDLER.set(op);
        }
        for (int op : new int[] {Opcodes.COPY_REF, Opcodes.COPY_REF_FAR, Opcodes.SELECT_REF, Opcodes.REF_NULL,
                Opcodes.REF_IS_NULL, Opcodes.REF_FUNC, Opcodes.GLOBAL_GET_REF, Opcodes.GLOBAL_SET_REF, Opcodes.TABLE_GET,
                Opcodes.TABLE_SET, Opcodes.TABLE_GROW, Opcodes.TABLE_FILL}) {
            REFERENCES.set(op);
        }
    }

    /** @return whether a custom instruction can be compiled */
    static boolean supports(int opcode) {
        return SUPPORTED.get(opcode);
    }

    /** @return whether an instruction reads or writes reference slots */
    static boolean touchesReferences(int opcode) {
        return REFERENCES.get(opcode);
    }

    /** @return whether an instruction passes values through the machine's slots (beyond calls, which the plan sees) */
    static boolean spills(int opcode) {
        return BY_HANDLER.get(opcode) || opcode == Opcodes.CALL_IMPORT || opcode == Opcodes.CALL_INDIRECT;
    }

    static void emit(FunctionEmitter e, int opcode, long w, long w2, int pc) {
        CodeBuilder cb = e.cb;
        switch (opcode) {
            case Opcodes.BR -> e.jump(pc, Jump.off(w, w2));
            case Opcodes.BR_TABLE -> branchTable(e, w, w2, pc);
            case Opcodes.RETURN -> e.returnFromFunction();
            case Opcodes.RETURN_1 -> {
                // the interpreter copies the result to slot 0 and returns: slot 0 is the result
                e.loadI64(Src.src(w, w2));
                e.storeI64(0);
                e.returnFromFunction();
            }
            case Opcodes.CALL -> call(e, Call.func(w, w2), Call.base(w, w2));
            case Opcodes.CALL_IMPORT -> callOut(e, e.batch.decoded().functionType(Call.func(w, w2)), Call.base(w, w2), () -> {
                e.machine();
                cb.getfield(Signatures.MACHINE, "inst", MODULE_INSTANCE);
                cb.getfield(MODULE_INSTANCE, "functions", FUNCTION_INSTANCE.arrayType());
                cb.loadConstant(Call.func(w, w2));
                cb.aaload();
            });
            case Opcodes.CALL_INDIRECT -> callIndirect(e, w, w2);
            case Opcodes.COPY_REF -> {
                e.loadRef(Unary.src(w, w2));
                e.storeRef(Unary.dst(w, w2));
            }
            case Opcodes.COPY_FAR -> {
                e.loadI64(CopyFar.src(w, w2));
                e.storeI64(CopyFar.dst(w, w2));
            }
            case Opcodes.COPY_REF_FAR -> {
                e.loadRef(CopyFar.src(w, w2));
                e.storeRef(CopyFar.dst(w, w2));
            }
            case Opcodes.COPY2 -> {
                e.loadI64(Move2.src(w, w2));
                e.storeI64(Move2.dst(w, w2));
                e.loadI64(Move2.src2(w, w2));
                e.storeI64(Move2.dst2(w, w2));
            }
            case Opcodes.COPY_BR_IF, Opcodes.COPY_BR_IF_NOT -> {
                e.loadI64(CopyJumpIf.src(w, w2));
                e.storeI64(CopyJumpIf.dst(w, w2));
                e.loadI32(CopyJumpIf.cond(w, w2));
                if (opcode == Opcodes.COPY_BR_IF) {
                    e.branchIf(pc, CopyJumpIf.off(w, w2));
                } else {
                    e.branchIfNot(pc, CopyJumpIf.off(w, w2));
                }
            }
            case Opcodes.SELECT_REF -> {
                Label second = cb.newLabel();
                Label done = cb.newLabel();
                e.loadI32(Select.cond(w, w2));
                cb.ifeq(second);
                e.loadRef(Select.a(w, w2));
                cb.goto_(done);
                cb.labelBinding(second);
                e.loadRef(Select.b(w, w2));
                cb.labelBinding(done);
                e.storeRef(Select.dst(w, w2));
            }
            case Opcodes.GLOBAL_GET -> {
                global(e, GlobalGet.global(w, w2));
                cb.getfield(GLOBAL_INSTANCE, "value", ConstantDescs.CD_long);
                e.storeI64(GlobalGet.dst(w, w2));
            }
            case Opcodes.GLOBAL_SET -> {
                global(e, GlobalSet.global(w, w2));
                e.loadI64(GlobalSet.src(w, w2));
                cb.putfield(GLOBAL_INSTANCE, "value", ConstantDescs.CD_long);
            }
            case Opcodes.GLOBAL_GET_V128 -> { // the two halves, as V128Ops.globalGet
                for (int half = 0; half < 2; half++) {
                    global(e, GlobalGet.global(w, w2));
                    cb.getfield(GLOBAL_INSTANCE, half == 0 ? "value" : "high", ConstantDescs.CD_long);
                    e.storeI64(GlobalGet.dst(w, w2) + half);
                }
            }
            case Opcodes.GLOBAL_SET_V128 -> {
                for (int half = 0; half < 2; half++) {
                    global(e, GlobalSet.global(w, w2));
                    e.loadI64(GlobalSet.src(w, w2) + half);
                    cb.putfield(GLOBAL_INSTANCE, half == 0 ? "value" : "high", ConstantDescs.CD_long);
                }
            }
            case Opcodes.REF_NULL -> {
                cb.aconst_null();
                e.storeRef(Dst.dst(w, w2));
            }
            default -> {
                if (THROWING.get(opcode)) {
                    throwingHandler(e, opcode, w, w2, pc);
                } else if (BY_HANDLER.get(opcode)) {
                    byHandler(e, opcode, w, w2, pc);
                } else {
                    e.throwInternal("no emitter for " + Opcodes.name(opcode)); // the plan rejects these first
                }
            }
        }
    }

    /** Pushes the current instance's global (the machine's {@code globals}, as the handlers read them). */
    private static void global(FunctionEmitter e, int index) {
        e.machine();
        e.cb.getfield(Signatures.MACHINE, "globals", GLOBAL_INSTANCE.arrayType());
        e.cb.loadConstant(index);
        e.cb.aaload();
    }

    /** br_table: a tableswitch over the targets, the last one the default; backward targets through their stubs. */
    private static void branchTable(FunctionEmitter e, long w, long w2, int pc) {
        int count = JumpTable.count(w, w2);
        var code = e.batch.code();
        Label otherwise = e.target(pc, JumpTable.targets(code, pc, count));
        e.loadI32(JumpTable.index(w, w2));
        if (count == 0) {
            e.cb.pop();
            e.cb.goto_(otherwise);
        } else {
            List<SwitchCase> cases = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                cases.add(SwitchCase.of(i, e.target(pc, JumpTable.targets(code, pc, i))));
            }
            e.cb.tableswitch(0, count - 1, otherwise, cases);
        }
        e.terminal();
    }

    // ------------------------------------------------------------------ calls

    /**
     * A call of a function of this module: a JVM call with the arguments from their slots (an
     * {@code invokestatic} within this class, else through the callee's call site, whose target is
     * its compiled method once there is one, which C2 inlines like a direct call).
     */
    private static void call(FunctionEmitter e, int function, int base) {
        FunctionType t = e.batch.decoded().functionType(function);
        if (function < e.batch.decoded().importedFunctionCount || !Signatures.direct(t)) {
            callOut(e, t, base, () -> {
                e.machine();
                e.cb.getfield(Signatures.MACHINE, "inst", MODULE_INSTANCE);
                e.cb.getfield(MODULE_INSTANCE, "functions", FUNCTION_INSTANCE.arrayType());
                e.cb.loadConstant(function);
                e.cb.aaload();
            });
            return;
        }
        boolean here = e.batch.contains(function);
        if (!here) {
            e.cb.ldc(DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME,
                    ConstantDescs.CD_MethodHandle, e.batch.constant(e.batch.tier().invoker(function))));
        }
        e.machine();
        for (int i = 0; i < t.paramCount(); i++) {
            if (t.param(i).isReference()) {
                e.loadRef(base + i);
            } else {
                e.loadI64(base + i);
            }
        }
        if (here) {
            e.cb.invokestatic(e.batch.self(), ClassCompiler.methodName(function), Signatures.descriptor(t));
        } else {
            e.cb.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", Signatures.descriptor(t));
        }
        results(e, t, base);
    }

    /**
     * call_indirect: the table's function, checked as the interpreter checks it; a function of this
     * instance is called with a JVM call, through the class's dispatcher of the type
     * ({@link ClassCompiler#dispatcher}), any other through the machine.
     */
    private static void callIndirect(FunctionEmitter e, long w, long w2) {
        CodeBuilder cb = e.cb;
        FunctionType t = e.batch.decoded().types[CallIndirect.type(w, w2)];
        int base = CallIndirect.base(w, w2);
        e.machine();
        e.loadI32(CallIndirect.index(w, w2));
        cb.loadConstant(CallIndirect.table(w, w2));
        cb.loadConstant(CallIndirect.type(w, w2));
        cb.invokestatic(FunctionEmitter.SUPPORT, "indirect", INDIRECT);
        cb.astore(e.scratch());
        if (!Signatures.direct(t)) {
            callOut(e, t, base, () -> cb.aload(e.scratch()));
            return;
        }
        Label out = cb.newLabel();
        Label done = cb.newLabel();
        cb.aload(e.scratch());
        cb.getfield(FUNCTION_INSTANCE, "owner", MODULE_INSTANCE);
        e.machine();
        cb.getfield(Signatures.MACHINE, "inst", MODULE_INSTANCE);
        cb.if_acmpne(out);
        e.machine();
        cb.aload(e.scratch());
        for (int i = 0; i < t.paramCount(); i++) {
            if (t.param(i).isReference()) {
                e.loadRef(base + i);
            } else {
                e.loadI64(base + i);
            }
        }
        cb.invokestatic(e.batch.self(), e.batch.dispatcher(CallIndirect.type(w, w2)), ClassCompiler.dispatcherDescriptor(t));
        results(e, t, base);
        cb.goto_(done);
        cb.labelBinding(out);
        callOut(e, t, base, () -> cb.aload(e.scratch()));
        cb.labelBinding(done);
    }

    /** Stores a JVM call's results: the returned value into slot base, several from the machine's slots. */
    private static void results(FunctionEmitter e, FunctionType t, int base) {
        if (t.resultCount() == 1) {
            if (t.result(0).isReference()) {
                e.storeRef(base);
            } else {
                e.storeI64(base);
            }
        } else if (t.resultCount() > 1) {
            unspillValues(e, t.results(), base);
        }
    }

    /**
     * A call through the machine (host functions, other instances, tables): the arguments to the
     * machine's slots at compiledBase, the call, the results back.
     *
     * @param callee pushes the FunctionInstance to call
     */
    private static void callOut(FunctionEmitter e, FunctionType t, int base, Runnable callee) {
        spillValues(e, t.params(), base, Math.max(t.paramCount(), t.resultCount()));
        e.machine();
        callee.run();
        e.cb.invokestatic(FunctionEmitter.SUPPORT, "call", CALL_OUT);
        unspillValues(e, t.results(), base);
    }

    /** Copies slots {@code from..} of the given types to the machine's slots at compiledBase. */
    static void spillValues(FunctionEmitter e, List<ValueType> types, int from) {
        spillValues(e, types, from, types.size());
    }

    private static void spillValues(FunctionEmitter e, List<ValueType> types, int from, int room) {
        CodeBuilder cb = e.cb;
        e.machine();
        cb.loadConstant(Math.max(1, room));
        cb.invokestatic(FunctionEmitter.SUPPORT, "slots", SLOTS);
        boolean refs = false;
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).isReference()) {
                refs = true;
            } else {
                cb.dup();
                element(e, i);
                e.loadI64(from + i);
                cb.lastore();
            }
        }
        cb.pop();
        if (refs) {
            e.machine();
            cb.getfield(Signatures.MACHINE, "refs", OBJECTS);
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).isReference()) {
                    cb.dup();
                    element(e, i);
                    e.loadRef(from + i);
                    cb.aastore();
                }
            }
            cb.pop();
        }
    }

    /** Copies the machine's slots at compiledBase, of the given types, to slots {@code to..}. */
    private static void unspillValues(FunctionEmitter e, List<ValueType> types, int to) {
        CodeBuilder cb = e.cb;
        for (int i = 0; i < types.size(); i++) {
            e.machine();
            if (types.get(i).isReference()) {
                cb.getfield(Signatures.MACHINE, "refs", OBJECTS);
                element(e, i);
                cb.aaload();
                e.storeRef(to + i);
            } else {
                cb.getfield(Signatures.MACHINE, "slots", LONGS);
                element(e, i);
                cb.laload();
                e.storeI64(to + i);
            }
        }
    }

    /** Pushes the index compiledBase + i. */
    private static void element(FunctionEmitter e, int i) {
        e.base();
        if (i != 0) {
            e.cb.loadConstant(i);
            e.cb.iadd();
        }
    }

    // ------------------------------------------------------------------ the interpreter's handlers

    /** unreachable and trap: the handler throws the trap; the flow ends. */
    private static void throwingHandler(FunctionEmitter e, int opcode, long w, long w2, int pc) {
        CodeBuilder cb = e.cb;
        cb.loadConstant(pc);
        cb.loadConstant(w & ~0xFFFFL);
        cb.loadConstant(w2);
        cb.aconst_null();
        cb.iconst_0();
        e.machine();
        invokeHandler(cb, opcode);
        cb.pop();
        cb.aconst_null();
        cb.athrow();
        e.terminal();
    }

    /**
     * Runs the interpreter's handler of a rare instruction: its slot operands copied to the
     * machine's slots at compiledBase (values and references), the handler called with its slot
     * fields renumbered to them and compiledBase as its frame pointer, its dst copied back.
     */
    private static void byHandler(FunctionEmitter e, int opcode, long w, long w2, int pc) {
        CodeBuilder cb = e.cb;
        String[] kinds = Fields.kinds(opcode);
        int[] offsets = Fields.offsets(opcode);
        String[] names = Fields.names(opcode);
        byte[] bytes = bytes(w & ~0xFFFFL, w2);
        List<Integer> slots = new ArrayList<>();
        int dst = -1;
        for (int f = 0; f < kinds.length; f++) {
            if (kinds[f].equals("slot")) {
                int at = offsets[f];
                int slot = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
                int k = slots.size();
                bytes[at] = (byte) k;
                bytes[at + 1] = (byte) (k >>> 8);
                slots.add(slot);
                if (names[f].equals("dst")) {
                    dst = k;
                }
            }
        }
        e.machine();
        cb.loadConstant(Math.max(1, slots.size()));
        cb.invokestatic(FunctionEmitter.SUPPORT, "slots", SLOTS);
        for (int k = 0; k < slots.size(); k++) {
            cb.dup();
            element(e, k);
            e.loadI64(slots.get(k));
            cb.lastore();
        }
        cb.pop();
        if (e.plan.refs && !slots.isEmpty()) {
            e.machine();
            cb.getfield(Signatures.MACHINE, "refs", OBJECTS);
            for (int k = 0; k < slots.size(); k++) {
                cb.dup();
                element(e, k);
                e.loadRef(slots.get(k));
                cb.aastore();
            }
            cb.pop();
        }
        cb.loadConstant(pc);
        cb.loadConstant(word(bytes, 0));
        cb.loadConstant(word(bytes, 8));
        e.machine();
        cb.getfield(Signatures.MACHINE, "slots", LONGS);
        e.base();
        e.machine();
        invokeHandler(cb, opcode);
        cb.pop();
        if (dst >= 0) {
            e.machine();
            cb.getfield(Signatures.MACHINE, "slots", LONGS);
            element(e, dst);
            cb.laload();
            e.storeI64(slots.get(dst));
            if (e.plan.refs) {
                e.machine();
                cb.getfield(Signatures.MACHINE, "refs", OBJECTS);
                element(e, dst);
                cb.aaload();
                e.storeRef(slots.get(dst));
            }
        }
    }

    private static void invokeHandler(CodeBuilder cb, int opcode) {
        String handler = GeneratedEmitters.handler(opcode);
        int dot = handler.lastIndexOf('.');
        cb.invokestatic(ClassDesc.of("dev.weft.exec." + handler.substring(0, dot)), handler.substring(dot + 1), HANDLER);
    }

    private static byte[] bytes(long w, long w2) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (w >>> (8 * i));
            b[i + 8] = (byte) (w2 >>> (8 * i));
        }
        return b;
    }

    private static long word(byte[] b, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[from + i] & 0xFF);
        }
        return v;
    }
}
