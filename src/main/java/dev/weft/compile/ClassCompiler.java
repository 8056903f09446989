package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.decode.DecodedModule;
import dev.weft.exec.CompiledSupport;
import dev.weft.exec.Machine;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a batch of functions of one module into one hidden class: for each function its
 * method {@code f<index>} ({@link Signatures}) and its entry bridge {@code e<index>(Machine, int base)},
 * which takes the arguments from the machine's slots and leaves the results there, for the
 * interpreter and the host. The class is defined in {@code dev.weft.exec} (to call the semantics
 * methods and read the machine), not STRONG (it is unloaded once its module is unreachable), with
 * its constants (call sites of functions in other classes) as class data.
 */
final class ClassCompiler {
    private ClassCompiler() {
    }

    private static final MethodTypeDesc ENTRY = MethodTypeDesc.of(ConstantDescs.CD_void, Signatures.MACHINE,
            ConstantDescs.CD_int);
    private static final MethodType ENTRY_TYPE = MethodType.methodType(void.class, Machine.class, int.class);
    private static final ClassDesc FUNCTION_INSTANCE = ClassDesc.of("dev.weft.runtime.FunctionInstance");
    private static final MethodTypeDesc HANDLE = MethodTypeDesc.of(ConstantDescs.CD_MethodHandle, Signatures.MACHINE,
            ConstantDescs.CD_int);
    /** Most functions a call_indirect dispatcher switches over directly. */
    private static final int MAX_DISPATCH = 256;
    /** Entries a dispatcher's tableswitch has at least (C2's MinJumpTableSize is 10). */
    private static final int JUMP_TABLE = 16;
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(ClassCompiler.class.getClassLoader()))));

    /** A compiled function: its method, its entry bridge, and the Java stack budget a call of it needs. */
    record Compiled(int function, MethodHandle method, MethodHandle entry, int entryCost) {
    }

    /** The class being built: what the emitters of its functions share. */
    static final class Batch {
        private final ModuleTier tier;
        private final ClassDesc self;
        private final BitSet functions = new BitSet();
        private final List<Object> constants = new ArrayList<>();
        private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
        /** Types (indices) whose call_indirect dispatcher the class needs. */
        private final java.util.TreeSet<Integer> dispatchers = new java.util.TreeSet<>();

        Batch(ModuleTier tier, ClassDesc self, List<FunctionPlan> plans) {
            this.tier = tier;
            this.self = self;
            for (FunctionPlan p : plans) {
                functions.set(p.function);
            }
        }

        ModuleTier tier() {
            return tier;
        }

        DecodedModule decoded() {
            return tier.decoded;
        }

        MemorySegment code() {
            return tier.code.code;
        }

        ClassDesc self() {
            return self;
        }

        int loopCost(int target) {
            return tier.code.loopCost(target);
        }

        /** @return whether the function is compiled into this class (called with invokestatic) */
        boolean contains(int function) {
            return functions.get(function);
        }

        /**
         * @param typeIndex the type of a call_indirect
         * @return the name of the class's dispatcher of that type (emitted after the functions)
         */
        String dispatcher(int typeIndex) {
            dispatchers.add(typeIndex);
            return "d" + typeIndex;
        }

        /** @return the class data index of a constant */
        int constant(Object value) {
            return constantIndex.computeIfAbsent(value, v -> {
                constants.add(v);
                return constants.size() - 1;
            });
        }
    }

    static String methodName(int function) {
        return "f" + function;
    }

    /** @return the bytes of the class compiling these functions, and its class data */
    static Map.Entry<byte[], List<Object>> build(ModuleTier tier, List<FunctionPlan> plans) {
        ClassDesc self = ClassDesc.of("dev.weft.exec.Wasm$" + plans.getFirst().function);
        Batch batch = new Batch(tier, self, plans);
        byte[] bytes = CLASS_FILE.build(self, cb -> {
            cb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
            for (FunctionPlan p : plans) {
                cb.withMethodBody(methodName(p.function), Signatures.descriptor(p.type), ClassFile.ACC_STATIC,
                        code -> FunctionEmitter.emit(code, p, batch));
                if (p.parts != null) {
                    for (FunctionParts.Part part : p.parts.parts) {
                        cb.withMethodBody(PartDriver.partName(p.function, part.index()), PartDriver.PART,
                                ClassFile.ACC_STATIC, code -> FunctionEmitter.emitPart(code, p, batch, part));
                    }
                }
                cb.withMethodBody("e" + p.function, ENTRY, ClassFile.ACC_STATIC, code -> bridge(code, p, self));
            }
            for (int type : batch.dispatchers) {
                FunctionType t = tier.decoded.types[type];
                cb.withMethodBody("d" + type, dispatcherDescriptor(t), ClassFile.ACC_STATIC,
                        code -> dispatcher(code, batch, plans, t));
            }
        });
        return Map.entry(bytes, List.copyOf(batch.constants));
    }

    /**
     * @return by function, the bytecode length of its method and, for a split function, of its
     *     largest part: {@code {method, largest part}}
     */
    static Map<Integer, int[]> methodSizes(byte[] bytes) {
        ClassModel model = ClassFile.of().parse(bytes);
        Map<Integer, int[]> sizes = new HashMap<>();
        for (MethodModel m : model.methods()) {
            String name = m.methodName().stringValue();
            int length = m.findAttribute(Attributes.code()).orElseThrow().codeLength();
            if (name.startsWith("f")) {
                sizes.computeIfAbsent(Integer.parseInt(name.substring(1)), f -> new int[2])[0] = length;
            } else if (name.startsWith("p")) {
                int[] s = sizes.computeIfAbsent(Integer.parseInt(name.substring(1, name.indexOf('_'))), f -> new int[2]);
                s[1] = Math.max(s[1], length);
            }
        }
        return sizes;
    }

    /** Defines a built class and finds its functions' methods. */
    static List<Compiled> define(byte[] bytes, List<Object> constants, List<FunctionPlan> plans)
            throws IllegalAccessException {
        MethodHandles.Lookup lookup = CompiledSupport.lookup().defineHiddenClassWithClassData(bytes, constants, true);
        Class<?> c = lookup.lookupClass();
        List<Compiled> compiled = new ArrayList<>(plans.size());
        for (FunctionPlan p : plans) {
            try {
                MethodHandle method = lookup.findStatic(c, methodName(p.function), Signatures.type(p.type));
                MethodHandle entry = lookup.findStatic(c, "e" + p.function, ENTRY_TYPE);
                compiled.add(new Compiled(p.function, method, entry, FunctionEmitter.entryCost(p)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("compiled class lacks " + methodName(p.function), e);
            }
        }
        return compiled;
    }

    /** @return the descriptor of a call_indirect dispatcher: the compiled signature with the checked function after the machine */
    static MethodTypeDesc dispatcherDescriptor(FunctionType t) {
        MethodTypeDesc d = Signatures.descriptor(t);
        return d.insertParameterTypes(1, FUNCTION_INSTANCE);
    }

    /**
     * A call_indirect dispatcher of one type: a switch over the functions of this class that have
     * the type and may be in a table (element segments name them), each a direct call C2 can inline,
     * and for any other function of the instance its handle (another class's method, or the interpreter).
     */
    private static void dispatcher(CodeBuilder cb, Batch batch, List<FunctionPlan> plans, FunctionType t) {
        BitSet inTables = batch.tier.tableFunctions();
        List<SwitchCase> cases = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (FunctionPlan p : plans) {
            if (p.type.equals(t) && inTables.get(p.function) && targets.size() < MAX_DISPATCH) {
                Label l = cb.newLabel();
                cases.add(SwitchCase.of(p.function, l));
                targets.add(p.function);
            }
        }
        Label other = cb.newLabel();
        cb.aload(1);
        cb.getfield(FUNCTION_INSTANCE, "index", ConstantDescs.CD_int);
        int low = targets.isEmpty() ? 0 : targets.getFirst();
        int high = targets.isEmpty() ? 0 : targets.getLast();
        if (!targets.isEmpty() && high - low < 4 * targets.size() + JUMP_TABLE) {
            // a tableswitch of at least JUMP_TABLE entries: C2 makes it a jump table (one indirect
            // branch) rather than a tree of compares, each of which mispredicts on random targets
            cb.tableswitch(low, Math.max(high, low + JUMP_TABLE - 1), other, cases);
        } else {
            cb.lookupswitch(other, cases);
        }
        MethodTypeDesc desc = Signatures.descriptor(t);
        for (int i = 0; i < targets.size(); i++) {
            cb.labelBinding(cases.get(i).target());
            cb.aload(0);
            loadParams(cb, t, 2);
            cb.invokestatic(batch.self, methodName(targets.get(i)), desc);
            returnAs(cb, t);
        }
        cb.labelBinding(other);
        cb.aload(0);
        cb.aload(1);
        cb.getfield(FUNCTION_INSTANCE, "index", ConstantDescs.CD_int);
        cb.invokestatic(FunctionEmitter.SUPPORT, "handle", HANDLE);
        cb.aload(0);
        loadParams(cb, t, 2);
        cb.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", desc);
        returnAs(cb, t);
    }

    private static void loadParams(CodeBuilder cb, FunctionType t, int first) {
        int local = first;
        for (int i = 0; i < t.paramCount(); i++) {
            if (t.param(i).isReference()) {
                cb.aload(local++);
            } else {
                cb.lload(local);
                local += 2;
            }
        }
    }

    private static void returnAs(CodeBuilder cb, FunctionType t) {
        if (t.resultCount() != 1) {
            cb.return_();
        } else if (t.result(0).isReference()) {
            cb.areturn();
        } else {
            cb.lreturn();
        }
    }

    /**
     * The entry bridge: arguments from slots {@code base..} (values and references), the call, the
     * result into slot {@code base} (several results are there already: the function wrote them at
     * compiledBase, which the caller set to base).
     */
    private static void bridge(CodeBuilder cb, FunctionPlan p, ClassDesc self) {
        FunctionType t = p.type;
        ClassDesc longs = ConstantDescs.CD_long.arrayType();
        ClassDesc objects = ConstantDescs.CD_Object.arrayType();
        cb.aload(0);
        for (int i = 0; i < t.paramCount(); i++) {
            boolean ref = t.param(i).isReference();
            cb.aload(0);
            cb.getfield(Signatures.MACHINE, ref ? "refs" : "slots", ref ? objects : longs);
            cb.iload(1);
            cb.loadConstant(i);
            cb.iadd();
            if (ref) {
                cb.aaload();
            } else {
                cb.laload();
            }
        }
        cb.invokestatic(self, methodName(p.function), Signatures.descriptor(t));
        if (t.resultCount() == 1) {
            boolean ref = t.result(0).isReference();
            if (ref) {
                cb.astore(2);
            } else {
                cb.lstore(2);
            }
            cb.aload(0);
            cb.getfield(Signatures.MACHINE, ref ? "refs" : "slots", ref ? objects : longs);
            cb.iload(1);
            if (ref) {
                cb.aload(2);
                cb.aastore();
            } else {
                cb.lload(2);
                cb.lastore();
            }
        }
        cb.return_();
    }
}
