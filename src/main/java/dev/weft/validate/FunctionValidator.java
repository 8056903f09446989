package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;
import static dev.weft.validate.ValTypes.EXTERNREF;
import static dev.weft.validate.ValTypes.F32;
import static dev.weft.validate.ValTypes.F64;
import static dev.weft.validate.ValTypes.FUNCREF;
import static dev.weft.validate.ValTypes.I32;
import static dev.weft.validate.ValTypes.I64;
import static dev.weft.validate.ValTypes.NONE;
import static dev.weft.validate.ValTypes.UNKNOWN;
import static dev.weft.validate.ValTypes.V128;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.WasmOpcodes;

import java.util.Arrays;

/**
 * Validates function bodies in one pass over their bytes: the local declarations, then every
 * instruction with the operand- and control-stack algorithm of the specification's appendix
 * (including the polymorphic stack after {@code unreachable}, {@code br}, {@code br_table} and
 * {@code return}).
 *
 * <p>Malformed bytes (illegal opcodes, bad LEB128, misplaced {@code else}, missing {@code end},
 * non-zero reserved bytes) throw {@link MalformedModuleException}; broken typing rules throw
 * {@link InvalidModuleException}; more locals than {@link #MAX_LOCALS} or operands than
 * {@link #MAX_OPERANDS} throw {@link UnsupportedFeatureException}. All offsets are those of the
 * offending instruction.
 *
 * <p>Built for speed: one instance serves all functions of a module; the operand stack is a
 * growable {@code byte[]} of type codes and the control stack a set of parallel arrays, so an
 * instruction allocates nothing; nesting depth costs heap, not Java stack.
 */
final class FunctionValidator {
    /**
     * Implementation limit on parameters plus declared locals of one function, the limit web
     * engines apply; beyond it a function is rejected as unsupported.
     */
    static final int MAX_LOCALS = 50_000;

    /**
     * Implementation limit on the operand stack height within one function. Legitimate code stays
     * far below; without a bound, multi-value calls (1000 results for a few bytes) could make a
     * 7 MB body claim gigabytes.
     */
    static final int MAX_OPERANDS = 1 << 20;

    private static final byte K_BLOCK = 0;
    private static final byte K_LOOP = 1;
    private static final byte K_IF = 2;
    private static final byte K_ELSE = 3;
    private static final byte K_FUNC = 4;

    private final ModuleContext c;
    private final byte[] code;
    private final BinaryReader r;

    // operand stack of type codes, at most MAX_OPERANDS long
    private byte[] vals = new byte[256];
    private int sp;

    // control stack, one entry per open block; the innermost frame's height and
    // unreachable flag are cached in fields and saved when a frame is pushed
    private byte[] ctlKind = new byte[32];
    private byte[][] ctlParams = new byte[32][];
    private byte[][] ctlResults = new byte[32][];
    private int[] ctlHeight = new int[32];
    private boolean[] ctlUnreachable = new boolean[32];
    private int depth;
    private int height;
    private boolean unreachable;

    private byte[] locals = new byte[64];
    private int localCount;
    private int[] brTargets = new int[64];

    // the block type just read by readBlockType
    private byte[] btParams;
    private byte[] btResults;

    /** Offset of the instruction being validated (where errors point). */
    private int instr;
    /** Set once a body uses {@code memory.init} or {@code data.drop} (needs a data count section). */
    boolean usesDataSegments;

    FunctionValidator(ModuleContext c) {
        this.c = c;
        this.code = c.bytes;
        this.r = new BinaryReader(code, 0, 0);
    }

    /**
     * Validates one function body.
     *
     * @param typeIndex the function's type index (in range)
     * @param offset first byte of the body (its local declarations)
     * @param length length of the body in bytes
     */
    void validate(int typeIndex, int offset, int length) {
        r.limit(offset + length);
        r.pos(offset);
        byte[] params = c.typeParams[typeIndex];
        readLocals(params);
        sp = 0;
        depth = 0;
        height = 0;
        unreachable = false;
        // the function's parameters are locals, not operands: its frame has no parameters
        pushFrame(K_FUNC, NONE, c.typeResults[typeIndex]);
        run();
    }

    // ---------------------------------------------------------------- locals

    private void readLocals(byte[] params) {
        int at = r.pos();
        long groups = r.u32() & 0xFFFFFFFFL;
        int first = r.pos();
        long total = 0;
        for (long g = 0; g < groups; g++) {
            total += r.u32() & 0xFFFFFFFFL;
            ValTypes.read(r);
        }
        if (total >= 1L << 32) {
            throw new MalformedModuleException("too many locals", at);
        }
        long all = params.length + total;
        if (all > MAX_LOCALS) {
            throw new UnsupportedFeatureException("function has " + all
                    + " parameters and locals; Weft's limit is " + MAX_LOCALS, at);
        }
        int n = (int) all;
        if (locals.length < n) {
            locals = new byte[Math.max(n, locals.length * 2)];
        }
        System.arraycopy(params, 0, locals, 0, params.length);
        int end = r.pos();
        r.pos(first);
        int k = params.length;
        for (long g = 0; g < groups; g++) {
            int count = r.u32();
            byte t = ValTypes.read(r);
            Arrays.fill(locals, k, k + count, t);
            k += count;
        }
        r.pos(end);
        localCount = n;
    }

    // ---------------------------------------------------------------- main loop

    /**
     * The instruction loop. The most frequent instructions in their most frequent form (one-byte
     * indices and constants, void blocks, operands already of the right type) are handled inline
     * here on a local position; everything else, including every error, goes to
     * {@link #general}, the complete and plain implementation of each instruction.
     */
    private void run() {
        final byte[] code = this.code;
        final int limit = r.limit();
        int pos = r.pos();
        while (true) {
            if (pos >= limit) {
                throw missingEnd(pos);
            }
            instr = pos;
            int op = code[pos++] & 0xFF;
            int x;
            switch (op) {
                case LOCAL_GET -> {
                    if (pos < limit && (x = code[pos]) >= 0 && x < localCount) {
                        pos++;
                        push(locals[x]);
                        continue;
                    }
                }
                case LOCAL_SET -> {
                    if (pos < limit && (x = code[pos]) >= 0 && x < localCount && sp > height
                            && vals[sp - 1] == locals[x]) {
                        pos++;
                        sp--;
                        continue;
                    }
                }
                case LOCAL_TEE -> {
                    if (pos < limit && (x = code[pos]) >= 0 && x < localCount && sp > height
                            && vals[sp - 1] == locals[x]) {
                        pos++;
                        continue;
                    }
                }
                case GLOBAL_GET -> {
                    if (pos < limit && (x = code[pos]) >= 0 && x < c.globalTypes.length) {
                        pos++;
                        push(c.globalTypes[x]);
                        continue;
                    }
                }
                case I32_CONST -> {
                    // up to 4 LEB128 bytes hold 28 bits: always a valid s32
                    int next = shortLeb(code, pos, limit, 4);
                    if (next >= 0) {
                        pos = next;
                        push(I32);
                        continue;
                    }
                }
                case I64_CONST -> {
                    int next = shortLeb(code, pos, limit, 9);
                    if (next >= 0) {
                        pos = next;
                        push(I64);
                        continue;
                    }
                }
                case DROP -> {
                    if (sp > height) {
                        sp--;
                        continue;
                    }
                }
                case BLOCK, LOOP -> {
                    byte[] results = pos < limit ? shortBlockType(code[pos]) : null;
                    if (results != null) {
                        pos++;
                        pushFrame(op == BLOCK ? K_BLOCK : K_LOOP, NONE, results);
                        continue;
                    }
                }
                case IF -> {
                    byte[] results = pos < limit ? shortBlockType(code[pos]) : null;
                    if (results != null && sp > height && vals[sp - 1] == I32) {
                        pos++;
                        sp--;
                        pushFrame(K_IF, NONE, results);
                        continue;
                    }
                }
                case BR_IF -> {
                    if (pos < limit && (x = code[pos]) >= 0 && x < depth && sp > height && vals[sp - 1] == I32) {
                        pos++;
                        sp--;
                        byte[] types = labelTypes(depth - 1 - x);
                        if (types.length != 0) {
                            popAll(types);
                            pushAll(types);
                        }
                        continue;
                    }
                }
                case CALL -> {
                    int next = shortLeb(code, pos, limit, 4);
                    if (next >= 0 && (x = shortU32(code, pos, next)) < c.funcTypes.length) {
                        pos = next;
                        int t = c.funcTypes[x];
                        popAll(c.typeParams[t]);
                        pushAll(c.typeResults[t]);
                        continue;
                    }
                }
                case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S,
                        I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S,
                        I64_LOAD32_U, I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16,
                        I64_STORE8, I64_STORE16, I64_STORE32 -> {
                    int next = shortMemarg(code, pos, limit, ScalarSignatures.memory(op));
                    if (next >= 0) {
                        pos = next;
                        int mem = ScalarSignatures.memory(op);
                        int t = ScalarSignatures.result(mem);
                        if (!ScalarSignatures.isStore(mem)) {
                            if (sp > height && vals[sp - 1] == I32) {
                                vals[sp - 1] = (byte) t;
                                continue;
                            }
                            pop(I32);
                            push(t);
                        } else {
                            if (sp - height >= 2 && vals[sp - 1] == t && vals[sp - 2] == I32) {
                                sp -= 2;
                                continue;
                            }
                            pop(t);
                            pop(I32);
                        }
                        continue;
                    }
                }
                case END -> {
                    r.pos(pos);
                    if (end()) {
                        return;
                    }
                    continue;
                }
                default -> {
                    int sig = ScalarSignatures.numeric(op);
                    if (sig != 0) {
                        applyNumeric(sig);
                        continue;
                    }
                }
            }
            r.pos(pos);
            if (general(op)) {
                return;
            }
            pos = r.pos();
        }
    }

    /**
     * The memarg of a scalar load or store in its common form: a valid one-byte alignment and
     * an offset of at most four bytes (so it cannot be malformed), with a memory present.
     *
     * @return the position after the memarg, or -1 to take the general path
     */
    private int shortMemarg(byte[] code, int pos, int limit, int mem) {
        if (c.memoryCount == 0 || pos >= limit || code[pos] < 0 || code[pos] > ScalarSignatures.maxAlign(mem)) {
            return -1;
        }
        return shortLeb(code, pos + 1, limit, 4);
    }

    /**
     * Finds the end of a LEB128 number of at most {@code maxBytes} bytes, short enough that it
     * cannot be malformed whatever its bits.
     *
     * @return the position after it, or -1 if it is longer or runs past {@code limit}
     */
    private static int shortLeb(byte[] code, int pos, int limit, int maxBytes) {
        int last = Math.min(limit, pos + maxBytes);
        for (int p = pos; p < last; p++) {
            if (code[p] >= 0) {
                return p + 1;
            }
        }
        return -1;
    }

    /** The value of the unsigned LEB128 number in {@code code[pos..end)} (at most 4 bytes). */
    private static int shortU32(byte[] code, int pos, int end) {
        int v = 0;
        for (int p = end - 1; p >= pos; p--) {
            v = v << 7 | (code[p] & 0x7F);
        }
        return v;
    }

    /**
     * A block type of one byte: empty or a value type.
     *
     * @return its result types, or null for a type index or a malformed byte (general path)
     */
    private static byte[] shortBlockType(byte b) {
        return b == 0x40 ? NONE : b >= 0x40 ? ValTypes.single(b) : null;
    }

    /**
     * Validates one instruction whose opcode has been read; the reader stands after it.
     *
     * @param op the opcode
     * @return true if the instruction was the {@code end} of the function body
     */
    private boolean general(int op) {
        final BinaryReader r = this.r;
        switch (op) {
            case UNREACHABLE -> setUnreachable();
            case NOP -> {
            }
            case BLOCK -> {
                readBlockType();
                popAll(btParams);
                pushFrame(K_BLOCK, btParams, btResults);
            }
            case LOOP -> {
                readBlockType();
                popAll(btParams);
                pushFrame(K_LOOP, btParams, btResults);
            }
            case IF -> {
                readBlockType();
                pop(I32);
                popAll(btParams);
                pushFrame(K_IF, btParams, btResults);
            }
            case ELSE -> {
                if (ctlKind[depth - 1] != K_IF) {
                    throw new MalformedModuleException("END opcode expected", instr);
                }
                checkFrameEnd(ctlResults[depth - 1]);
                ctlKind[depth - 1] = K_ELSE;
                sp = height;
                unreachable = false;
                pushAll(ctlParams[depth - 1]);
            }
            case END -> {
                return end();
            }
            case BR -> {
                int f = labelFrame(r.u32());
                popAll(labelTypes(f));
                setUnreachable();
            }
            case BR_IF -> {
                int f = labelFrame(r.u32());
                pop(I32);
                byte[] types = labelTypes(f);
                if (types.length != 0) {
                    popAll(types);
                    pushAll(types);
                }
            }
            case BR_TABLE -> brTable();
            case RETURN -> {
                popAll(ctlResults[0]);
                setUnreachable();
            }
            case CALL -> {
                int f = r.u32();
                if (!ModuleContext.inRange(f, c.functionCount())) {
                    throw invalid("unknown function " + Integer.toUnsignedString(f));
                }
                int t = c.funcTypes[f];
                popAll(c.typeParams[t]);
                pushAll(c.typeResults[t]);
            }
            case CALL_INDIRECT -> {
                int t = r.u32();
                int table = r.u32();
                checkTable(table);
                checkType(t);
                if (c.tableTypes[table] != FUNCREF) {
                    throw invalid("type mismatch: call_indirect requires a table of funcref, table "
                            + table + " holds " + ValTypes.name(c.tableTypes[table]));
                }
                pop(I32);
                popAll(c.typeParams[t]);
                pushAll(c.typeResults[t]);
            }
            case DROP -> popAny();
            case SELECT -> select();
            case SELECT_T -> {
                int n = r.u32();
                byte t = UNKNOWN;
                for (int i = 0; i != n; i++) {
                    t = ValTypes.read(r);
                }
                if (n != 1) {
                    throw invalid("invalid result arity: typed select must name exactly one type");
                }
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case LOCAL_GET -> {
                int x = r.u32();
                if (!ModuleContext.inRange(x, localCount)) {
                    throw unknownLocal(x);
                }
                push(locals[x]);
            }
            case LOCAL_SET -> {
                int x = r.u32();
                if (!ModuleContext.inRange(x, localCount)) {
                    throw unknownLocal(x);
                }
                pop(locals[x]);
            }
            case LOCAL_TEE -> {
                int x = r.u32();
                if (!ModuleContext.inRange(x, localCount)) {
                    throw unknownLocal(x);
                }
                byte t = locals[x];
                if (sp > height && vals[sp - 1] == t) {
                    break;
                }
                pop(t);
                push(t);
            }
            case GLOBAL_GET -> push(c.globalTypes[global(r.u32())]);
            case GLOBAL_SET -> {
                int g = global(r.u32());
                if (!c.globalMutable[g]) {
                    throw invalid("global is immutable: global.set " + g);
                }
                pop(c.globalTypes[g]);
            }
            case TABLE_GET -> {
                int x = r.u32();
                checkTable(x);
                pop(I32);
                push(c.tableTypes[x]);
            }
            case TABLE_SET -> {
                int x = r.u32();
                checkTable(x);
                pop(c.tableTypes[x]);
                pop(I32);
            }
            case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S,
                    I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S,
                    I64_LOAD32_U -> {
                int mem = ScalarSignatures.memory(op);
                memarg(ScalarSignatures.maxAlign(mem));
                pop(I32);
                push(ScalarSignatures.result(mem));
            }
            case I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16, I64_STORE8,
                    I64_STORE16, I64_STORE32 -> {
                int mem = ScalarSignatures.memory(op);
                memarg(ScalarSignatures.maxAlign(mem));
                pop(ScalarSignatures.result(mem));
                pop(I32);
            }
            case MEMORY_SIZE -> {
                zeroByte();
                checkMemory();
                push(I32);
            }
            case MEMORY_GROW -> {
                zeroByte();
                checkMemory();
                pop(I32);
                push(I32);
            }
            case I32_CONST -> {
                r.s32();
                push(I32);
            }
            case I64_CONST -> {
                r.s64();
                push(I64);
            }
            case F32_CONST -> {
                r.skip(4);
                push(F32);
            }
            case F64_CONST -> {
                r.skip(8);
                push(F64);
            }
            case REF_NULL -> push(ValTypes.readRef(r));
            case REF_IS_NULL -> {
                int t = popAny();
                if (!ValTypes.isRefOrUnknown(t)) {
                    throw invalid("type mismatch: ref.is_null requires a reference but the stack has "
                            + ValTypes.name(t));
                }
                push(I32);
            }
            case REF_FUNC -> {
                int f = r.u32();
                if (!ModuleContext.inRange(f, c.functionCount())) {
                    throw invalid("unknown function " + Integer.toUnsignedString(f));
                }
                if (!c.declaredFunctions[f]) {
                    throw invalid("undeclared function reference " + f);
                }
                push(FUNCREF);
            }
            case PREFIX_FC -> prefixFC();
            case PREFIX_FD -> prefixFD();
            default -> numeric(op);
        }
        return false;
    }

    // ---------------------------------------------------------------- operand stack

    private void push(int t) {
        if (sp == vals.length) {
            growVals(sp + 1);
        }
        vals[sp++] = (byte) t;
    }

    private void pushAll(byte[] types) {
        int n = types.length;
        if (sp + n > vals.length) {
            growVals(sp + n);
        }
        System.arraycopy(types, 0, vals, sp, n);
        sp += n;
    }

    private void growVals(int needed) {
        if (needed > MAX_OPERANDS) {
            throw new UnsupportedFeatureException("operand stack deeper than " + MAX_OPERANDS
                    + " values; Weft's limit", instr);
        }
        vals = Arrays.copyOf(vals, Math.max(needed, Math.min(vals.length * 2, MAX_OPERANDS)));
    }

    /** Pops a value of any type; Unknown when the polymorphic stack is empty. */
    private int popAny() {
        if (sp > height) {
            return vals[--sp];
        }
        if (unreachable) {
            return UNKNOWN;
        }
        throw invalid("type mismatch: instruction requires an operand but the stack is empty");
    }

    /** Pops a value that must have type {@code expect} (or be Unknown). */
    private void pop(int expect) {
        if (sp > height) {
            int actual = vals[--sp];
            if (actual != expect && actual != UNKNOWN) {
                throw invalid("type mismatch: instruction requires " + ValTypes.name(expect)
                        + " but the stack has " + ValTypes.name(actual));
            }
        } else if (!unreachable) {
            throw invalid("type mismatch: instruction requires " + ValTypes.name(expect)
                    + " but the stack is empty");
        }
    }

    /**
     * Pops {@code types} (the last one first). Work is proportional to the operands actually on
     * the stack, and long exact matches are compared in bulk, so multi-value arities (up to
     * 1000) stay cheap.
     */
    private void popAll(byte[] types) {
        int n = types.length;
        int avail = sp - height;
        if (n > 8 && avail >= n && Arrays.equals(vals, sp - n, sp, types, 0, n)) {
            sp -= n;
            return;
        }
        int k = Math.min(n, avail);
        for (int i = n - 1; i >= n - k; i--) {
            pop(types[i]);
        }
        if (k < n) {
            pop(types[n - k - 1]); // the stack is empty: fails unless it is polymorphic
        }
    }

    private void setUnreachable() {
        sp = height;
        unreachable = true;
    }

    // ---------------------------------------------------------------- control stack

    private void pushFrame(byte kind, byte[] params, byte[] results) {
        if (depth == ctlKind.length) {
            int n = depth * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlParams = Arrays.copyOf(ctlParams, n);
            ctlResults = Arrays.copyOf(ctlResults, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
        }
        if (depth > 0) {
            ctlUnreachable[depth - 1] = unreachable;
        }
        ctlKind[depth] = kind;
        ctlParams[depth] = params;
        ctlResults[depth] = results;
        ctlHeight[depth] = sp;
        depth++;
        height = sp;
        unreachable = false;
        pushAll(params);
    }

    /**
     * Handles {@code end}.
     *
     * @return true if it closed the function body
     */
    private boolean end() {
        int f = depth - 1;
        byte[] results = ctlResults[f];
        checkFrameEnd(results);
        if (ctlKind[f] == K_IF) {
            // no else branch: it would pass the parameters through unchanged
            sp = height;
            unreachable = false;
            pushAll(ctlParams[f]);
            checkFrameEnd(results);
        }
        if (f == 0) {
            if (r.pos() != r.limit()) {
                throw new MalformedModuleException("section size mismatch: bytes after the end of the function body",
                        r.pos());
            }
            return true;
        }
        depth = f;
        height = ctlHeight[f - 1];
        unreachable = ctlUnreachable[f - 1];
        pushAll(results);
        return false;
    }

    /** The stack of the innermost frame must hold exactly {@code results}; leaves it at its height. */
    private void checkFrameEnd(byte[] results) {
        int n = results.length;
        if (sp - height == n && (n == 0 || n == 1 && vals[height] == results[0]
                || Arrays.equals(vals, height, sp, results, 0, n))) {
            sp = height;
            return;
        }
        popAll(results);
        if (sp != height) {
            throw invalid("type mismatch: block leaves " + (sp - height) + " more value(s) on the stack than its "
                    + n + " result(s)");
        }
    }

    /** @return the frame index (from the bottom) that label {@code l} refers to */
    private int labelFrame(int l) {
        if (!ModuleContext.inRange(l, depth)) {
            throw invalid("unknown label " + Integer.toUnsignedString(l));
        }
        return depth - 1 - l;
    }

    private byte[] labelTypes(int frame) {
        return ctlKind[frame] == K_LOOP ? ctlParams[frame] : ctlResults[frame];
    }

    private void brTable() {
        int n = r.u32();
        // grown as targets are read, never to the declared count: each target takes at least
        // one byte, so a bogus count runs out of bytes first
        for (int i = 0; i != n; i++) {
            int target = r.u32();
            if (i == brTargets.length) {
                brTargets = Arrays.copyOf(brTargets, i * 2);
            }
            brTargets[i] = target;
        }
        int defaultLabel = r.u32();
        pop(I32);
        int arity = labelTypes(labelFrame(defaultLabel)).length;
        // The appendix algorithm pops each target's label types and pushes back what it
        // popped: the stack is unchanged, and operands missing from a polymorphic stack are
        // Unknown and match anything. So only the operands really present are compared.
        int present = Math.min(arity, sp - height);
        if (present < arity && !unreachable) {
            throw invalid("type mismatch: br_table requires " + arity + " operand(s) but the stack has "
                    + present);
        }
        for (int i = 0; i < n; i++) {
            byte[] types = labelTypes(labelFrame(brTargets[i]));
            if (types.length != arity) {
                throw invalid("type mismatch: br_table targets have " + types.length + " and " + arity
                        + " values");
            }
            checkTop(types, present);
        }
        checkTop(labelTypes(labelFrame(defaultLabel)), present);
        setUnreachable();
    }

    /** The top {@code present} operands must match the last {@code present} of {@code types}. */
    private void checkTop(byte[] types, int present) {
        int n = types.length;
        if (present == 0 || Arrays.equals(vals, sp - present, sp, types, n - present, n)) {
            return;
        }
        for (int i = 0; i < present; i++) {
            int actual = vals[sp - present + i];
            int expected = types[n - present + i];
            if (actual != expected && actual != UNKNOWN) {
                throw invalid("type mismatch: br_table target requires " + ValTypes.name(expected)
                        + " but the stack has " + ValTypes.name(actual));
            }
        }
    }

    // ---------------------------------------------------------------- immediates

    private void readBlockType() {
        int at = r.pos();
        int b = r.u8();
        if (b == 0x40) {
            btParams = NONE;
            btResults = NONE;
        } else if ((b & 0xC0) == 0x40) {
            r.pos(at);
            btParams = NONE;
            btResults = ValTypes.single(ValTypes.read(r));
        } else {
            r.pos(at);
            long x = r.s33();
            if (x < 0 || x >= c.typeParams.length) {
                throw invalid("unknown type " + x);
            }
            btParams = c.typeParams[(int) x];
            btResults = c.typeResults[(int) x];
        }
    }

    private void memarg(int maxAlign) {
        int align = r.u32();
        r.u32(); // offset
        checkMemory();
        if (Integer.compareUnsigned(align, maxAlign) > 0) {
            throw invalid("alignment must not be larger than natural");
        }
    }

    private void zeroByte() {
        int at = r.pos();
        if (r.u8() != 0) {
            throw new MalformedModuleException("zero byte expected", at);
        }
    }

    private void checkMemory() {
        if (c.memoryCount == 0) {
            throw invalid("unknown memory 0");
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

    private int global(int x) {
        if (!ModuleContext.inRange(x, c.globalTypes.length)) {
            throw invalid("unknown global " + Integer.toUnsignedString(x));
        }
        return x;
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

    // ---------------------------------------------------------------- instruction groups

    private void select() {
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

    private void numeric(int op) {
        int sig = ScalarSignatures.numeric(op);
        if (sig == 0) {
            throw illegal(-1, op);
        }
        applyNumeric(sig);
    }

    private void applyNumeric(int sig) {
        int in = ScalarSignatures.operand(sig);
        int out = ScalarSignatures.result(sig);
        if (ScalarSignatures.arity(sig) == 2) {
            if (sp - height >= 2 && vals[sp - 1] == in && vals[sp - 2] == in) {
                sp--;
                vals[sp - 1] = (byte) out;
                return;
            }
            pop(in);
            pop(in);
        } else {
            if (sp > height && vals[sp - 1] == in) {
                vals[sp - 1] = (byte) out;
                return;
            }
            pop(in);
        }
        push(out);
    }

    private void prefixFC() {
        int sub = r.u32();
        switch (sub) {
            case FC_MEMORY_INIT -> {
                int x = r.u32();
                zeroByte();
                usesDataSegments = true;
                checkMemory();
                checkData(x);
                popI32(3);
            }
            case FC_DATA_DROP -> {
                int x = r.u32();
                usesDataSegments = true;
                checkData(x);
            }
            case FC_MEMORY_COPY -> {
                zeroByte();
                zeroByte();
                checkMemory();
                popI32(3);
            }
            case FC_MEMORY_FILL -> {
                zeroByte();
                checkMemory();
                popI32(3);
            }
            case FC_TABLE_INIT -> {
                int elem = r.u32();
                int table = r.u32();
                checkTable(table);
                checkElem(elem);
                if (c.tableTypes[table] != c.elemTypes[elem]) {
                    throw invalid("type mismatch: table.init of a " + ValTypes.name(c.elemTypes[elem])
                            + " segment into a " + ValTypes.name(c.tableTypes[table]) + " table");
                }
                popI32(3);
            }
            case FC_ELEM_DROP -> checkElem(r.u32());
            case FC_TABLE_COPY -> {
                int dst = r.u32();
                int src = r.u32();
                checkTable(dst);
                checkTable(src);
                if (c.tableTypes[dst] != c.tableTypes[src]) {
                    throw invalid("type mismatch: table.copy from a " + ValTypes.name(c.tableTypes[src])
                            + " table to a " + ValTypes.name(c.tableTypes[dst]) + " table");
                }
                popI32(3);
            }
            case FC_TABLE_GROW -> {
                int x = r.u32();
                checkTable(x);
                pop(I32);
                pop(c.tableTypes[x]);
                push(I32);
            }
            case FC_TABLE_SIZE -> {
                checkTable(r.u32());
                push(I32);
            }
            case FC_TABLE_FILL -> {
                int x = r.u32();
                checkTable(x);
                pop(I32);
                pop(c.tableTypes[x]);
                pop(I32);
            }
            default -> {
                int sig = ScalarSignatures.truncSat(sub);
                if (sig == 0) {
                    throw illegal(PREFIX_FC, sub);
                }
                applyNumeric(sig);
            }
        }
    }

    private void popI32(int n) {
        for (int i = 0; i < n; i++) {
            pop(I32);
        }
    }

    private void prefixFD() {
        int sub = r.u32();
        int sig = SimdSignatures.of(sub);
        switch (SimdSignatures.kind(sig)) {
            case SimdSignatures.UNARY -> {
                pop(V128);
                push(V128);
            }
            case SimdSignatures.BINARY -> {
                pop(V128);
                pop(V128);
                push(V128);
            }
            case SimdSignatures.TERNARY -> {
                pop(V128);
                pop(V128);
                pop(V128);
                push(V128);
            }
            case SimdSignatures.TEST -> {
                pop(V128);
                push(I32);
            }
            case SimdSignatures.SHIFT -> {
                pop(I32);
                pop(V128);
                push(V128);
            }
            case SimdSignatures.SPLAT -> {
                pop(SimdSignatures.type(sig));
                push(V128);
            }
            case SimdSignatures.EXTRACT -> {
                lane(SimdSignatures.lanes(sig));
                pop(V128);
                push(SimdSignatures.type(sig));
            }
            case SimdSignatures.REPLACE -> {
                lane(SimdSignatures.lanes(sig));
                pop(SimdSignatures.type(sig));
                pop(V128);
                push(V128);
            }
            case SimdSignatures.LOAD -> {
                memarg(SimdSignatures.maxAlign(sig));
                pop(I32);
                push(V128);
            }
            case SimdSignatures.STORE -> {
                memarg(SimdSignatures.maxAlign(sig));
                pop(V128);
                pop(I32);
            }
            case SimdSignatures.LOAD_LANE -> {
                memarg(SimdSignatures.maxAlign(sig));
                lane(SimdSignatures.lanes(sig));
                pop(V128);
                pop(I32);
                push(V128);
            }
            case SimdSignatures.STORE_LANE -> {
                memarg(SimdSignatures.maxAlign(sig));
                lane(SimdSignatures.lanes(sig));
                pop(V128);
                pop(I32);
            }
            case SimdSignatures.CONST -> {
                r.skip(16);
                push(V128);
            }
            case SimdSignatures.SHUFFLE -> {
                int lanes = r.pos();
                r.skip(16);
                for (int i = 0; i < 16; i++) {
                    if ((code[lanes + i] & 0xFF) >= 32) {
                        throw invalid("invalid lane index");
                    }
                }
                pop(V128);
                pop(V128);
                push(V128);
            }
            default -> throw illegal(PREFIX_FD, sub);
        }
    }

    private void lane(int lanes) {
        if (r.u8() >= lanes) {
            throw invalid("invalid lane index");
        }
    }

    // ---------------------------------------------------------------- errors

    private InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(reason, instr);
    }

    private InvalidModuleException unknownLocal(int x) {
        return invalid("unknown local " + Integer.toUnsignedString(x));
    }

    private MalformedModuleException illegal(int prefix, int op) {
        return new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(prefix, op), instr);
    }

    /** The body's bytes ran out before the {@code end} that closes it: see {@link BodyDecoder#overrun}. */
    private MalformedModuleException missingEnd(int at) {
        if (at >= code.length) {
            return new MalformedModuleException("unexpected end of section or function", at);
        }
        boolean[] isIf = new boolean[depth];
        for (int i = 0; i < depth; i++) {
            isIf[i] = ctlKind[i] == K_IF;
        }
        return new BodyDecoder(code).overrun(at, depth, isIf);
    }
}
