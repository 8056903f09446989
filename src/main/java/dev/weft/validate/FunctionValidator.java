package dev.weft.validate;

import static dev.weft.validate.ValTypes.FUNCREF;
import static dev.weft.validate.ValTypes.I32;
import static dev.weft.validate.ValTypes.NONE;
import static dev.weft.validate.ValTypes.UNKNOWN;
import static dev.weft.validate.ValTypes.V128;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.InstructionReader;
import dev.weft.decode.InstructionVisitor;
import dev.weft.decode.TypeCodes;
import dev.weft.decode.WasmInstructions;

import java.util.Arrays;

/**
 * Validates function bodies: reads the local declarations, then has the {@link InstructionReader}
 * decode every instruction and checks it, as its {@link InstructionVisitor}, with the operand- and
 * control-stack algorithm of the specification's appendix ({@link ValidationStacks}).
 *
 * <p>Instructions whose operand and result types the definition gives are checked from them
 * ({@link #operator}, {@link #memoryAccess}, …); the others have a rule here. An instruction of a
 * feature outside the validator's {@link ModuleValidator.Scope} is unsupported.
 *
 * <p>Malformed bytes throw {@link MalformedModuleException} (from the reader); broken typing rules
 * throw {@link InvalidModuleException}; more locals than {@link #MAX_LOCALS} or operands than
 * {@link #MAX_OPERANDS}, or an unsupported instruction, throw {@link UnsupportedFeatureException}.
 * All offsets are those of the offending instruction. One instance serves all functions of a
 * module, and an instruction allocates nothing.
 */
final class FunctionValidator extends ValidationStacks implements InstructionVisitor {
    /**
     * Implementation limit on parameters plus declared locals of one function, the limit web
     * engines apply; beyond it a function is rejected as unsupported.
     */
    static final int MAX_LOCALS = 50_000;

    // the definition's operand and result types, as static finals: cheaper than a call per
    // instruction while the validator still runs interpreted
    private static final byte[][] PARAMS = WasmInstructions.paramsTable();
    private static final byte[][] RESULTS = WasmInstructions.resultsTable();
    private static final byte[] NATURAL = new byte[WasmInstructions.COUNT];

    static {
        for (int i = 0; i < NATURAL.length; i++) {
            NATURAL[i] = (byte) WasmInstructions.naturalAlignment(i);
        }
    }

    private final ModuleContext c;
    private final InstructionReader reader;
    /** Per instruction: its support in the validator's scope ({@link ModuleValidator.Scope#support()}). */
    private final byte[] support;
    /** Whether memory indices may be encoded (multi-memory is within the scope). */
    private final boolean multiMemory;
    /**
     * The first use of something valid but outside the scope, thrown once the module is known to be
     * valid (an invalid module is invalid whatever it uses).
     */
    UnsupportedFeatureException unsupported;

    private final LocalDeclarations locals = new LocalDeclarations();
    /** The type index of the function being validated. */
    private int currentType;

    /** Set once a body uses {@code memory.init} or {@code data.drop} (needs a data count section). */
    boolean usesDataSegments;

    FunctionValidator(ModuleContext c, ModuleValidator.Scope scope) {
        this.c = c;
        this.reader = new InstructionReader(c.bytes);
        this.support = scope.support();
        this.multiMemory = scope.multiMemory();
    }

    @Override
    int at() {
        return reader.instructionStart();
    }

    /**
     * Validates one function body.
     *
     * @param typeIndex the function's type index (in range)
     * @param offset first byte of the body (its local declarations)
     * @param length length of the body in bytes
     */
    void validate(int typeIndex, int offset, int length) {
        currentType = typeIndex;
        reader.beginBody(offset, length);
        locals.read(c.typeParams[typeIndex], reader.input());
        reset();
        // the function's parameters are locals, not operands: its frame has no parameters
        pushFrame(K_FUNC, NONE, c.typeResults[typeIndex]);
        reader.readCode(this);
    }

    // ---------------------------------------------------------------- typed instructions

    @Override
    public void unsupported(int instr) {
        throw new UnsupportedFeatureException(WasmInstructions.name(instr) + ": "
                + WasmInstructions.featureName(WasmInstructions.feature(instr))
                + " is not supported by Weft yet", at());
    }

    /** Checks that the instruction has validation rules, and notes it if it is outside the scope. */
    private void check(int instr) {
        byte s = support[instr];
        if (s != ModuleValidator.Scope.SUPPORTED) {
            if (s == ModuleValidator.Scope.NO_RULES) {
                unsupported(instr);
            }
            note(WasmInstructions.name(instr) + ": " + WasmInstructions.featureName(WasmInstructions.feature(instr))
                    + " is not supported by Weft yet");
        }
    }

    private void note(String what) {
        if (unsupported == null) {
            unsupported = new UnsupportedFeatureException(what, at());
        }
    }

    @Override
    public void operator(int instr) {
        if (support[instr] != ModuleValidator.Scope.SUPPORTED) {
            check(instr);
        }
        byte[] params = PARAMS[instr];
        byte[] results = RESULTS[instr];
        int n = params.length;
        if (results.length == 1) {
            // the common shapes, operands already of the right type: rewrite the stack in place
            if (n == 1 && sp > height && vals[sp - 1] == params[0]) {
                vals[sp - 1] = results[0];
                return;
            }
            if (n == 2 && sp - height >= 2 && vals[sp - 1] == params[1] && vals[sp - 2] == params[0]) {
                sp--;
                vals[sp - 1] = results[0];
                return;
            }
        }
        popAll(params);
        pushAll(results);
    }

    @Override
    public void memoryAccess(int instr, int align, int memory, long offset) {
        byte[] params = PARAMS[instr];
        // the common form: memory 0 of a module with memories, a 32-bit offset, natural or smaller
        // alignment, a load whose i32 address is on top
        if (memory == 0 && c.memoryCount > 0 && offset >>> 32 == 0 && params.length == 1
                && support[instr] == ModuleValidator.Scope.SUPPORTED && sp > height && vals[sp - 1] == I32
                && align <= NATURAL[instr] && !reader.memoryIndexEncoded()) {
            vals[sp - 1] = RESULTS[instr][0];
            return;
        }
        if (support[instr] != ModuleValidator.Scope.SUPPORTED) {
            check(instr);
        }
        checkMemarg(memory, offset);
        if (align > WasmInstructions.naturalAlignment(instr)) {
            throw invalid("alignment must not be larger than natural");
        }
        typeMemoryAccess(instr);
    }

    @Override
    public void atomicAccess(int instr, int align, int memory, long offset) {
        check(instr);
        checkMemarg(memory, offset);
        if (align != WasmInstructions.naturalAlignment(instr)) {
            throw invalid("alignment must be exactly natural");
        }
        typeMemoryAccess(instr);
    }

    @Override
    public void laneAccess(int instr, int lane) {
        check(instr);
        if (lane >= WasmInstructions.lanes(instr)) {
            throw invalid("invalid lane index");
        }
        popAll(WasmInstructions.params(instr));
        pushAll(WasmInstructions.results(instr));
    }

    @Override
    public void memoryLaneAccess(int instr, int align, int memory, long offset, int lane) {
        check(instr);
        checkMemarg(memory, offset);
        if (align > WasmInstructions.naturalAlignment(instr)) {
            throw invalid("alignment must not be larger than natural");
        }
        if (lane >= WasmInstructions.lanes(instr)) {
            throw invalid("invalid lane index");
        }
        typeMemoryAccess(instr);
    }

    private void checkMemarg(int memory, long offset) {
        checkMemory(memory);
        if (reader.memoryIndexEncoded() && !multiMemory) {
            note("memory index in a memory argument (multi-memory) is not supported by Weft yet");
        }
        if (offset >>> 32 != 0) {
            throw invalid("offset out of range: " + Long.toUnsignedString(offset));
        }
    }

    /** Pops and pushes a memory instruction's types, with {@code addr} the memory's address type. */
    private void typeMemoryAccess(int instr) {
        byte[] params = PARAMS[instr];
        byte[] results = RESULTS[instr];
        // a load of a 32-bit memory: the address on top is an i32, replaced by the result
        if (params.length == 1 && results.length == 1 && sp > height && vals[sp - 1] == I32) {
            vals[sp - 1] = results[0];
            return;
        }
        for (int i = params.length - 1; i >= 0; i--) {
            pop(params[i] == WasmInstructions.ADDR ? I32 : params[i]);
        }
        pushAll(results);
    }

    @Override
    public void i32Const(int value) {
        if (sp < vals.length) {
            vals[sp++] = I32;
            return;
        }
        push(I32);
    }

    @Override
    public void i64Const(long value) {
        push(ValTypes.I64);
    }

    @Override
    public void f32Const(int bits) {
        push(ValTypes.F32);
    }

    @Override
    public void f64Const(long bits) {
        push(ValTypes.F64);
    }

    @Override
    public void i8x16Shuffle(long low, long high) {
        check(WasmInstructions.I8X16_SHUFFLE);
        // every lane index byte must be below 32: no byte may have bit 5, 6 or 7 set
        if (((low | high) & 0xE0E0E0E0E0E0E0E0L) != 0) {
            throw invalid("invalid lane index");
        }
        pop(V128);
        pop(V128);
        push(V128);
    }

    // ---------------------------------------------------------------- control

    @Override
    public void unreachable() {
        setUnreachable();
    }

    @Override
    public void block(int blockType) {
        if (blockType == TypeCodes.BLOCK_EMPTY) {
            pushFrame(K_BLOCK, NONE, NONE);
            return;
        }
        byte[] params = blockParams(blockType);
        byte[] results = blockResults(blockType);
        popAll(params);
        pushFrame(K_BLOCK, params, results);
    }

    @Override
    public void loop(int blockType) {
        byte[] params = blockParams(blockType);
        byte[] results = blockResults(blockType);
        popAll(params);
        pushFrame(K_LOOP, params, results);
    }

    @Override
    public void if_(int blockType) {
        byte[] params = blockParams(blockType);
        byte[] results = blockResults(blockType);
        pop(I32);
        popAll(params);
        pushFrame(K_IF, params, results);
    }

    @Override
    public void else_() {
        elseFrame();
    }

    @Override
    public void end() {
        endFrame();
    }

    @Override
    public void br(int label) {
        popAll(labelTypes(labelFrame(label)));
        setUnreachable();
    }

    @Override
    public void brIf(int label) {
        if (label >= 0 && label < depth && sp > height && vals[sp - 1] == I32) {
            // the condition on top; a label that takes no values leaves the stack as it is
            byte[] types = labelTypes(depth - 1 - label);
            sp--;
            if (types.length != 0) {
                popAll(types);
                pushAll(types);
            }
            return;
        }
        byte[] types = labelTypes(labelFrame(label));
        pop(I32);
        if (types.length != 0) {
            popAll(types);
            pushAll(types);
        }
    }

    @Override
    public void brTable(int[] labels, int count, int defaultLabel) {
        branchTable(labels, count, defaultLabel);
    }

    @Override
    public void return_() {
        popAll(ctlResults[0]);
        setUnreachable();
    }

    @Override
    public void call(int function) {
        if (function >= 0 && function < c.funcTypes.length) {
            int t = c.funcTypes[function];
            byte[] params = c.typeParams[t];
            byte[] results = c.typeResults[t];
            int n = params.length;
            if (sp - height >= n && (n == 0 || n == 1 && vals[sp - 1] == params[0]) && results.length <= 1
                    && sp - n < vals.length) {
                sp -= n;
                if (results.length == 1) {
                    vals[sp++] = results[0];
                }
                return;
            }
        }
        if (!ModuleContext.inRange(function, c.functionCount())) {
            throw invalid("unknown function " + Integer.toUnsignedString(function));
        }
        int t = c.funcTypes[function];
        popAll(c.typeParams[t]);
        pushAll(c.typeResults[t]);
    }

    @Override
    public void callIndirect(int type, int table) {
        checkTable(table);
        checkType(type);
        if (c.tableTypes[table] != FUNCREF) {
            throw invalid("type mismatch: call_indirect requires a table of funcref, table "
                    + table + " holds " + ValTypes.name(c.tableTypes[table]));
        }
        pop(I32);
        popAll(c.typeParams[type]);
        pushAll(c.typeResults[type]);
    }

    @Override
    public void returnCall(int function) {
        check(WasmInstructions.RETURN_CALL);
        if (!ModuleContext.inRange(function, c.functionCount())) {
            throw invalid("unknown function " + Integer.toUnsignedString(function));
        }
        tailCall(c.funcTypes[function]);
    }

    @Override
    public void returnCallIndirect(int type, int table) {
        check(WasmInstructions.RETURN_CALL_INDIRECT);
        checkTable(table);
        checkType(type);
        if (c.tableTypes[table] != FUNCREF) {
            throw invalid("type mismatch: return_call_indirect requires a table of funcref, table "
                    + table + " holds " + ValTypes.name(c.tableTypes[table]));
        }
        pop(I32);
        tailCall(type);
    }

    /** A tail call of a function of type {@code t}: its results must be the caller's. */
    private void tailCall(int t) {
        if (!Arrays.equals(c.typeResults[t], c.typeResults[currentType])) {
            throw invalid("type mismatch: tail call of a function returning " + ValTypes.names(c.typeResults[t])
                    + " from one returning " + ValTypes.names(c.typeResults[currentType]));
        }
        popAll(c.typeParams[t]);
        setUnreachable();
    }

    /** @return the parameter types of a block type */
    private byte[] blockParams(int blockType) {
        if (!TypeCodes.isBlockTypeIndex(blockType)) {
            return NONE;
        }
        int x = TypeCodes.blockTypeIndex(blockType);
        checkType(x);
        return c.typeParams[x];
    }

    /** @return the result types of a block type (its index was checked by {@link #blockParams}) */
    private byte[] blockResults(int blockType) {
        if (blockType == TypeCodes.BLOCK_EMPTY) {
            return NONE;
        }
        if (TypeCodes.isBlockTypeIndex(blockType)) {
            return c.typeResults[TypeCodes.blockTypeIndex(blockType)];
        }
        return ValTypes.single(ValTypes.of(blockType, at()));
    }

    // ---------------------------------------------------------------- parametric and variables

    @Override
    public void drop() {
        popAny();
    }

    @Override
    public void select() {
        pop(I32);
        int t1 = popAny();
        int t2 = popAny();
        boolean bothNum = ValTypes.isNumOrUnknown(t1) && ValTypes.isNumOrUnknown(t2);
        boolean bothVec = ValTypes.isVecOrUnknown(t1) && ValTypes.isVecOrUnknown(t2);
        if (!bothNum && !bothVec) {
            throw invalid("type mismatch: select without a type needs numeric or vector operands, not "
                    + ValTypes.name(t2) + " and " + ValTypes.name(t1));
        }
        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
            throw invalid("type mismatch: select operands " + ValTypes.name(t2) + " and " + ValTypes.name(t1));
        }
        push(t1 == UNKNOWN ? t2 : t1);
    }

    @Override
    public void selectT(int[] types, int count) {
        if (count != 1) {
            throw invalid("invalid result arity: typed select must name exactly one type");
        }
        byte t = ValTypes.of(types[0], at());
        pop(I32);
        pop(t);
        pop(t);
        push(t);
    }

    @Override
    public void localGet(int local) {
        if (local >= 0 && local < locals.count() && sp < vals.length) {
            vals[sp++] = locals.type(local);
            return;
        }
        push(local(local));
    }

    @Override
    public void localSet(int local) {
        if (local >= 0 && local < locals.count() && sp > height && vals[sp - 1] == locals.type(local)) {
            sp--;
            return;
        }
        pop(local(local));
    }

    @Override
    public void localTee(int local) {
        byte t = local(local);
        if (sp > height && vals[sp - 1] == t) {
            return;
        }
        pop(t);
        push(t);
    }

    private byte local(int x) {
        if (!ModuleContext.inRange(x, locals.count())) {
            throw invalid("unknown local " + Integer.toUnsignedString(x));
        }
        return locals.type(x);
    }

    @Override
    public void globalGet(int global) {
        push(c.globalTypes[global(global)]);
    }

    @Override
    public void globalSet(int global) {
        int g = global(global);
        if (!c.globalMutable[g]) {
            throw invalid("global is immutable: global.set " + g);
        }
        pop(c.globalTypes[g]);
    }

    private int global(int x) {
        if (!ModuleContext.inRange(x, c.globalTypes.length)) {
            throw invalid("unknown global " + Integer.toUnsignedString(x));
        }
        return x;
    }

    // ---------------------------------------------------------------- tables and references

    @Override
    public void tableGet(int table) {
        checkTable(table);
        pop(I32);
        push(c.tableTypes[table]);
    }

    @Override
    public void tableSet(int table) {
        checkTable(table);
        pop(c.tableTypes[table]);
        pop(I32);
    }

    @Override
    public void tableInit(int elem, int table) {
        checkTable(table);
        checkElem(elem);
        if (c.tableTypes[table] != c.elemTypes[elem]) {
            throw invalid("type mismatch: table.init of a " + ValTypes.name(c.elemTypes[elem])
                    + " segment into a " + ValTypes.name(c.tableTypes[table]) + " table");
        }
        popI32(3);
    }

    @Override
    public void elemDrop(int elem) {
        checkElem(elem);
    }

    @Override
    public void tableCopy(int dst, int src) {
        checkTable(dst);
        checkTable(src);
        if (c.tableTypes[dst] != c.tableTypes[src]) {
            throw invalid("type mismatch: table.copy from a " + ValTypes.name(c.tableTypes[src])
                    + " table to a " + ValTypes.name(c.tableTypes[dst]) + " table");
        }
        popI32(3);
    }

    @Override
    public void tableGrow(int table) {
        checkTable(table);
        pop(I32);
        pop(c.tableTypes[table]);
        push(I32);
    }

    @Override
    public void tableSize(int table) {
        checkTable(table);
        push(I32);
    }

    @Override
    public void tableFill(int table) {
        checkTable(table);
        pop(I32);
        pop(c.tableTypes[table]);
        pop(I32);
    }

    @Override
    public void refNull(int heapType) {
        push(ValTypes.of(TypeCodes.ref(heapType, true), at()));
    }

    @Override
    public void refIsNull() {
        int t = popAny();
        if (!ValTypes.isRefOrUnknown(t)) {
            throw invalid("type mismatch: ref.is_null requires a reference but the stack has " + ValTypes.name(t));
        }
        push(I32);
    }

    @Override
    public void refFunc(int function) {
        if (!ModuleContext.inRange(function, c.functionCount())) {
            throw invalid("unknown function " + Integer.toUnsignedString(function));
        }
        if (!c.declaredFunctions[function]) {
            throw invalid("undeclared function reference " + function);
        }
        push(FUNCREF);
    }

    // ---------------------------------------------------------------- memories

    @Override
    public void memorySize(int memory) {
        checkMemory(memory);
        push(I32);
    }

    @Override
    public void memoryGrow(int memory) {
        checkMemory(memory);
        pop(I32);
        push(I32);
    }

    @Override
    public void memoryInit(int data, int memory) {
        usesDataSegments = true;
        checkMemory(memory);
        checkData(data);
        popI32(3);
    }

    @Override
    public void dataDrop(int data) {
        usesDataSegments = true;
        checkData(data);
    }

    @Override
    public void memoryCopy(int dst, int src) {
        checkMemory(dst);
        checkMemory(src);
        popI32(3);
    }

    @Override
    public void memoryFill(int memory) {
        checkMemory(memory);
        popI32(3);
    }

    // ---------------------------------------------------------------- index checks

    private void checkMemory(int x) {
        if (!ModuleContext.inRange(x, c.memoryCount)) {
            throw invalid("unknown memory " + Integer.toUnsignedString(x));
        }
        if (reader.takeWideMemoryIndex() && !multiMemory) {
            // the translator reads WebAssembly 2.0's reserved zero byte
            note("memory index encoded in more than one byte (multi-memory) is not supported by Weft yet");
        }
    }

    private void checkTable(int x) {
        if (!ModuleContext.inRange(x, c.tableTypes.length)) {
            throw invalid("unknown table " + Integer.toUnsignedString(x));
        }
    }

    private void checkType(int x) {
        if (!ModuleContext.inRange(x, c.typeParams.length)) {
            throw invalid("unknown type " + Integer.toUnsignedString(x));
        }
    }

    private void checkElem(int x) {
        if (!ModuleContext.inRange(x, c.elemTypes.length)) {
            throw invalid("unknown elem segment " + Integer.toUnsignedString(x));
        }
    }

    private void checkData(int x) {
        if (!ModuleContext.inRange(x, c.dataSegmentCount)) {
            throw invalid("unknown data segment " + Integer.toUnsignedString(x));
        }
    }
}
