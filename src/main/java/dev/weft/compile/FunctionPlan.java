package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.ValueType;
import dev.weft.WeftException;
import dev.weft.code.CompiledCode;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;

/**
 * What compiling one function needs to know before emitting anything, from one pass over its
 * internal code: the branch targets, how often each slot is used (the most used get the JVM's
 * short local-variable forms), whether any slot holds a reference, and whether the function can
 * be compiled at all ({@link #reject}: an instruction without an emitter, a frame or signature the
 * JVM cannot hold, or code certain to exceed the JIT's method size limit).
 */
final class FunctionPlan {
    /** HotSpot does not JIT-compile a method of this many bytes of bytecode or more (DontCompileHugeMethods). */
    static final int HUGE_METHOD = 8000;
    /** The least bytecode one internal instruction becomes (a br_table also 4 per target): more than HUGE_METHOD is hopeless. */
    private static final int MIN_BYTES_PER_INSTRUCTION = 5;
    /** The SIMD instructions come last in instructions.def, from v128.copy on. */
    static final int FIRST_SIMD = Opcodes.V128_COPY;
    /** The least weight a part of a split function may be limited to: below that, splitting further does not help. */
    static final int MIN_PART = 8;
    /**
     * What an instruction that accesses memory weighs, in instructions: C2 inlines a memory
     * segment's accessor chain and bounds check for it, 400 to 730 bytes of bytecode (measured
     * with -XX:+PrintInlining) against some 20 for an arithmetic instruction's bytecode and
     * semantics method.
     */
    static final int MEMORY_WEIGHT = 25;
    /** About the bytecode a split function's driver spends on calling one part. */
    private static final int DRIVER_BYTES_PER_PART = 20;
    /**
     * The least bytecode a driver spends on calling one part ({@link PartDriver}: five one-byte
     * loads, the call, the store and the jump back).
     */
    private static final int DRIVER_MIN_BYTES_PER_PART = 12;
    /** JVM local-variable slots a method may have. */
    private static final int MAX_LOCALS = 65535;

    final int function;
    final FunctionType type;
    final int entry;
    final int end;
    final int params;
    /** Slots the frame needs ({@link CompiledCode#FRAME}): every slot the code uses is below it. */
    final int frame;
    final int fuel;
    /** Instruction offsets that are branch targets. */
    final BitSet targets = new BitSet();
    /** Uses of each slot in the code. */
    final int[] uses;
    /** Whether any slot may hold a reference: then every slot gets an Object local too. */
    boolean refs;
    /** Whether the code has SIMD instructions (then a long[2] local receives v128 results). */
    boolean simd;
    /** Whether the code branches backward (has loops). */
    boolean loops;
    /** Whether the code passes values through the machine's slots (calls out, several results, generic handlers). */
    boolean spills;
    /** Most JVM operand stack words a call in the body pushes (its arguments). */
    int callWords;
    int instructions;
    /** Instructions that access memory ({@link GeneratedEmitters#accessesMemory}). */
    int memoryAccesses;
    /**
     * What a memory access weighs here: {@link #MEMORY_WEIGHT}, or 1 for a function whose parts
     * would be too many for its driver's method (then parts are bounded by instructions alone).
     */
    int memoryWeight = MEMORY_WEIGHT;
    /** A lower bound of the method's bytecode length. */
    long minBytes;
    /** Why the function cannot be compiled, or null. */
    String reject;
    /** Whether the code is certain to exceed the JIT's method size limit in one method: it must be split. */
    boolean oversized;
    /** The parts of a function compiled as several methods ({@link FunctionParts}), or null. */
    FunctionParts parts;

    private FunctionPlan(int function, FunctionType type, CompiledCode code) {
        int row = function * CompiledCode.STRIDE;
        this.function = function;
        this.type = type;
        this.entry = code.translate(function); // translation is lazy: a function compiled up front may not have run
        this.end = code.end(function);
        this.params = code.functions[row + CompiledCode.PARAMS];
        this.frame = code.functions[row + CompiledCode.FRAME];
        this.fuel = code.functions[row + CompiledCode.FUEL];
        this.uses = new int[frame];
        this.refs = (code.functions[row + CompiledCode.FLAGS] & CompiledCode.REF_LOCALS) != 0 || hasReference(type);
        this.spills = type.resultCount() > 1;
    }

    static boolean hasReference(FunctionType t) {
        for (ValueType v : t.params()) {
            if (v.isReference()) {
                return true;
            }
        }
        for (ValueType v : t.results()) {
            if (v.isReference()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a v128 is among the type's parameters or results (a value in two slots) */
    static boolean hasV128(FunctionType t) {
        return t.params().contains(ValueType.V128) || t.results().contains(ValueType.V128);
    }

    /** Scans a defined function's code. */
    static FunctionPlan scan(CompiledCode code, DecodedModule decoded, int function) {
        FunctionPlan p;
        try {
            p = new FunctionPlan(function, decoded.functionType(function), code);
        } catch (WeftException e) {
            // Weft cannot translate it (an unsupported feature, a limit): its calls fail as they
            // do interpreted, when they happen
            return rejected(function, decoded.functionType(function), "not translated: " + e.getMessage());
        }
        p.scan(code.code, decoded);
        return p;
    }

    private FunctionPlan(int function, FunctionType type, String reject) {
        this.function = function;
        this.type = type;
        this.entry = CompiledCode.UNTRANSLATED;
        this.end = CompiledCode.UNTRANSLATED;
        this.params = 0;
        this.frame = 0;
        this.fuel = 0;
        this.uses = new int[0];
        this.refs = false;
        this.spills = false;
        this.reject = reject;
    }

    private static FunctionPlan rejected(int function, FunctionType type, String why) {
        return new FunctionPlan(function, type, why);
    }

    private void scan(MemorySegment code, DecodedModule decoded) {
        if (!Signatures.direct(type)) {
            reject = "more parameters than a JVM method takes";
            return;
        }
        if (hasV128(type)) {
            reject = "v128 parameters or results (compiled signatures pass one long per value)";
            return;
        }
        BitSet starts = new BitSet();
        for (int pc = entry; pc < end; pc += InstructionDecoder.size(code, pc)) {
            instructions++;
            starts.set(pc - entry);
            int opcode = InstructionDecoder.opcode(code, pc);
            memoryAccesses += GeneratedEmitters.accessesMemory(opcode) ? 1 : 0;
            simd |= opcode >= FIRST_SIMD;
            if (GeneratedEmitters.handler(opcode) != null && !CustomEmitters.supports(opcode)) {
                reject = "no emitter for " + Opcodes.name(opcode);
                return;
            }
            String[] kinds = Fields.kinds(opcode);
            for (int f = 0; f < kinds.length; f++) {
                switch (kinds[f]) {
                    case "slot" -> {
                        int slot = (int) InstructionDecoder.field(code, pc, f);
                        use(slot);
                        if (opcode >= FIRST_SIMD && slot + 1 < frame) {
                            use(slot + 1); // a v128 field names two slots (a scalar one of a SIMD instruction: harmless)
                        }
                    }
                    case "off" -> target(pc, (int) InstructionDecoder.field(code, pc, f));
                    case "list" -> {
                        minBytes += 4L * InstructionDecoder.listLength(code, pc);
                        if (4L * InstructionDecoder.listLength(code, pc) >= HUGE_METHOD) {
                            reject = "a br_table too large for a JIT-compiled JVM method"; // even alone in a part
                            return;
                        }
                        for (int i = 0; i < InstructionDecoder.listLength(code, pc); i++) {
                            target(pc, InstructionDecoder.listEntry(code, pc, i));
                        }
                    }
                    default -> {
                    }
                }
            }
            note(code, pc, opcode, decoded);
            if (reject != null) {
                return;
            }
        }
        minBytes += (long) instructions * MIN_BYTES_PER_INSTRUCTION;
        oversized = minBytes >= HUGE_METHOD;
        if (targets.length() > 0 && !isSubset(targets, starts)) {
            reject = "a branch into the middle of an instruction"; // never, for translated code
        } else if (localWords() > MAX_LOCALS) {
            reject = "a frame larger than a JVM method's locals";
        }
    }

    private static boolean isSubset(BitSet a, BitSet b) {
        BitSet c = (BitSet) a.clone();
        c.andNot(b);
        return c.isEmpty();
    }

    private void target(int pc, int off) {
        targets.set(pc + off - entry);
        loops |= off <= 0;
    }

    private void use(int slot) {
        if (slot >= frame) {
            reject = "slot " + slot + " outside the frame"; // never, for translated code
        } else {
            uses[slot]++;
        }
    }

    /** What an instruction needs beyond its fields: references, calls, spills. */
    private void note(MemorySegment code, int pc, int opcode, DecodedModule decoded) {
        if (CustomEmitters.touchesReferences(opcode)) {
            refs = true;
        }
        if (CustomEmitters.spills(opcode)) {
            spills = true;
        }
        FunctionType callee = null;
        if (opcode == Opcodes.CALL || opcode == Opcodes.CALL_IMPORT) {
            int func = InstructionDecoder.Call.func(code, pc);
            callee = decoded.functionType(func);
            if (opcode == Opcodes.CALL_IMPORT || func < decoded.importedFunctionCount || !Signatures.direct(callee)) {
                spills = true;
            }
        } else if (opcode == Opcodes.CALL_INDIRECT) {
            callee = decoded.types[InstructionDecoder.CallIndirect.type(code, pc)];
            spills = true;
        } else if (opcode == Opcodes.COPY_FAR || opcode == Opcodes.COPY_REF_FAR) {
            use(InstructionDecoder.CopyFar.dst(code, pc));
            use(InstructionDecoder.CopyFar.src(code, pc));
        }
        if (callee != null && hasV128(callee)) {
            reject = "a call with v128 arguments or results";
        }
        if (callee != null) {
            refs |= hasReference(callee);
            spills |= callee.resultCount() > 1;
            callWords = Math.max(callWords, Signatures.paramWords(callee));
        }
    }

    /**
     * @param opcode an instruction's opcode
     * @return its weight, an estimate of the bytecode C2 inlines for it in instructions: 1, or
     *     {@link #memoryWeight} for one that accesses memory
     */
    int weight(int opcode) {
        return GeneratedEmitters.accessesMemory(opcode) ? memoryWeight : 1;
    }

    /** @return the instructions' summed {@link #weight(int) weight} */
    long weight() {
        return instructions + (long) (memoryWeight - 1) * memoryAccesses;
    }

    /**
     * Compiles the function as parts of at most {@code maxWeight} {@link #weight} each.
     *
     * @return false if it already has parts that small, or the parts cannot get smaller
     */
    boolean split(CompiledCode code, DecodedModule decoded, int maxWeight) {
        int max = Math.max(MIN_PART, maxWeight);
        if (parts != null && parts.maxWeight <= max) {
            return false;
        }
        parts = FunctionParts.cut(this, code.code, decoded, max);
        if (driverBytes(parts) >= HUGE_METHOD) {
            cutByInstructions(code, decoded);
        }
        return true;
    }

    /**
     * Cuts the parts again, of the same limit, with a memory access weighing 1: fewer, larger
     * parts, for a function whose driver would be too large to call them all.
     *
     * @return false if it is not split, or its parts were bounded by instructions alone already
     */
    boolean cutByInstructions(CompiledCode code, DecodedModule decoded) {
        if (parts == null || memoryWeight == 1) {
            return false;
        }
        memoryWeight = 1;
        parts = FunctionParts.cut(this, code.code, decoded, parts.maxWeight);
        return true;
    }

    /**
     * Whether the driver of the function's parts is certainly over the JIT's method size limit (a
     * call of each part and a switch case of 8 bytes per entry, at the least): the parts cannot be
     * fewer, so the function cannot be compiled. Known before building the class, which for
     * thousands of entries would not even fit a class file's 64 KB method.
     */
    boolean driverOverLimit() {
        return parts != null && driverBytes(parts, DRIVER_MIN_BYTES_PER_PART) >= HUGE_METHOD;
    }

    /** @return about the bytecode the driver of these parts needs: a call of each, a switch case per entry */
    private static long driverBytes(FunctionParts parts) {
        return driverBytes(parts, DRIVER_BYTES_PER_PART);
    }

    private static long driverBytes(FunctionParts parts, int bytesPerPart) {
        long bytes = 0;
        for (FunctionParts.Part p : parts.parts) {
            bytes += bytesPerPart + 8L * p.entries().length;
        }
        return bytes;
    }

    /**
     * @return JVM local-variable slots the method needs: machine, budget (two longs), base, metered,
     *     ticks, scratch, the v128 results' array if simd, a long per slot, an Object per slot if refs
     */
    int localWords() {
        return 9 + (simd ? 1 : 0) + 2 * frame + (refs ? frame : 0);
    }

    /** @return a bound of the JVM operand stack the method needs */
    int maxStack() {
        return Math.max(callWords, Signatures.paramWords(type)) + 12;
    }
}
