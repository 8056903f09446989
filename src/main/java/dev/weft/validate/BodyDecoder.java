package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;

import dev.weft.MalformedModuleException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.WasmOpcodes;

import java.util.Arrays;

/**
 * Decodes a function body without validating it, throwing {@link MalformedModuleException}
 * for exactly the conditions {@link FunctionValidator} treats as malformed: bad local
 * declarations, illegal opcodes, bad immediates, misplaced {@code else}, a missing final
 * {@code end} or bytes after it.
 *
 * <p>The reference interpreter decodes a whole module before validating it, so a module that
 * is both malformed and invalid is malformed. Once validation has failed, the rest of the
 * module's bodies therefore go through this decoder, and a malformed one wins.
 */
final class BodyDecoder {
    private static final byte OPEN = 0;
    private static final byte OPEN_IF = 1;

    private final byte[] code;
    private final BinaryReader r;
    /** Per open block: whether it is an {@code if} still waiting for its optional {@code else}. */
    private byte[] open = new byte[32];
    /** Set once a body uses {@code memory.init} or {@code data.drop} (needs a data count section). */
    boolean usesDataSegments;

    BodyDecoder(byte[] code) {
        this.code = code;
        this.r = new BinaryReader(code, 0, 0);
    }

    /**
     * @param offset first byte of the body (its local declarations)
     * @param length length of the body in bytes
     */
    void decode(int offset, int length) {
        r.limit(offset + length);
        r.pos(offset);
        locals();
        open[0] = OPEN; // the function body itself
        instructions(1, -1);
    }

    /**
     * A body's bytes ran out at {@code at} with {@code depth} blocks still open. The reference
     * decoder does not stop at the body's declared size: it reads on into whatever follows and
     * reports what it meets there (often {@code END opcode expected}, or {@code section size
     * mismatch} if an {@code end} follows). This decodes on the same way to give the same error.
     *
     * @param at where the body ended
     * @param depth number of open blocks, the function body included
     * @param isIf for each open block, whether it is an {@code if} without {@code else} yet
     * @return the error to throw
     */
    MalformedModuleException overrun(int at, int depth, boolean[] isIf) {
        if (open.length < depth) {
            open = new byte[depth];
        }
        for (int i = 0; i < depth; i++) {
            open[i] = isIf[i] ? OPEN_IF : OPEN;
        }
        r.limit(code.length);
        r.pos(at);
        try {
            instructions(depth, at);
        } catch (MalformedModuleException e) {
            return e;
        }
        throw new IllegalStateException("decoding past the end of a body returned normally");
    }

    /**
     * Decodes instructions until the function's final {@code end}.
     *
     * @param depth open blocks, the function body included
     * @param bodyEnd where the body's declared bytes ended if decoding has run past them, else -1
     */
    private void instructions(int depth, int bodyEnd) {
        while (true) {
            int at = r.pos();
            if (at >= r.limit()) {
                if (bodyEnd < 0 && at < code.length) {
                    throw overrun(at, depth);
                }
                throw new MalformedModuleException("unexpected end of section or function", at);
            }
            int op = r.u8();
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    blockType();
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = op == IF ? OPEN_IF : OPEN;
                }
                case ELSE -> {
                    if (open[depth - 1] != OPEN_IF) {
                        throw new MalformedModuleException("END opcode expected", at);
                    }
                    open[depth - 1] = OPEN;
                }
                case END -> {
                    if (--depth == 0) {
                        if (bodyEnd >= 0) {
                            throw new MalformedModuleException("section size mismatch: function body has no end",
                                    bodyEnd);
                        }
                        if (r.pos() != r.limit()) {
                            throw new MalformedModuleException(
                                    "section size mismatch: bytes after the end of the function body", r.pos());
                        }
                        return;
                    }
                }
                case BR, BR_IF, CALL, LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, TABLE_GET,
                        TABLE_SET, REF_FUNC -> r.u32();
                case BR_TABLE -> {
                    int n = r.u32();
                    for (int i = 0; i != n; i++) {
                        r.u32();
                    }
                    r.u32();
                }
                case CALL_INDIRECT -> {
                    r.u32();
                    r.u32();
                }
                case SELECT_T -> {
                    int n = r.u32();
                    for (int i = 0; i != n; i++) {
                        ValTypes.read(r);
                    }
                }
                case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S,
                        I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S,
                        I64_LOAD32_U, I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16,
                        I64_STORE8, I64_STORE16, I64_STORE32 -> {
                    r.u32();
                    r.u32();
                }
                case MEMORY_SIZE, MEMORY_GROW -> zeroByte();
                case I32_CONST -> r.s32();
                case I64_CONST -> r.s64();
                case F32_CONST -> r.skip(4);
                case F64_CONST -> r.skip(8);
                case REF_NULL -> ValTypes.readRef(r);
                case UNREACHABLE, NOP, RETURN, DROP, SELECT, REF_IS_NULL -> {
                }
                case PREFIX_FC -> prefixFC(at);
                case PREFIX_FD -> prefixFD(at);
                default -> {
                    if (ScalarSignatures.numeric(op) == 0) {
                        throw new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(-1, op), at);
                    }
                }
            }
        }
    }

    private MalformedModuleException overrun(int at, int depth) {
        boolean[] isIf = new boolean[depth];
        for (int i = 0; i < depth; i++) {
            isIf[i] = open[i] == OPEN_IF;
        }
        return overrun(at, depth, isIf);
    }

    private void locals() {
        int at = r.pos();
        long groups = r.u32() & 0xFFFFFFFFL;
        long total = 0;
        for (long g = 0; g < groups; g++) {
            total += r.u32() & 0xFFFFFFFFL;
            ValTypes.read(r);
        }
        if (total >= 1L << 32) {
            throw new MalformedModuleException("too many locals", at);
        }
    }

    private void blockType() {
        int at = r.pos();
        int b = r.u8();
        if (b == 0x40) {
            return;
        }
        r.pos(at);
        if ((b & 0xC0) == 0x40) {
            ValTypes.read(r);
        } else {
            r.s33();
        }
    }

    private void zeroByte() {
        int at = r.pos();
        if (r.u8() != 0) {
            throw new MalformedModuleException("zero byte expected", at);
        }
    }

    private void prefixFC(int at) {
        int sub = r.u32();
        switch (sub) {
            case FC_MEMORY_INIT -> {
                r.u32();
                zeroByte();
                usesDataSegments = true;
            }
            case FC_DATA_DROP -> {
                r.u32();
                usesDataSegments = true;
            }
            case FC_MEMORY_COPY -> {
                zeroByte();
                zeroByte();
            }
            case FC_MEMORY_FILL -> zeroByte();
            case FC_TABLE_INIT, FC_TABLE_COPY -> {
                r.u32();
                r.u32();
            }
            case FC_ELEM_DROP, FC_TABLE_GROW, FC_TABLE_SIZE, FC_TABLE_FILL -> r.u32();
            default -> {
                if (ScalarSignatures.truncSat(sub) == 0) {
                    throw new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(PREFIX_FC, sub), at);
                }
            }
        }
    }

    private void prefixFD(int at) {
        int sub = r.u32();
        int sig = SimdSignatures.of(sub);
        switch (SimdSignatures.kind(sig)) {
            case SimdSignatures.UNARY, SimdSignatures.BINARY, SimdSignatures.TERNARY, SimdSignatures.TEST,
                    SimdSignatures.SHIFT, SimdSignatures.SPLAT -> {
            }
            case SimdSignatures.EXTRACT, SimdSignatures.REPLACE -> r.u8();
            case SimdSignatures.LOAD, SimdSignatures.STORE -> {
                r.u32();
                r.u32();
            }
            case SimdSignatures.LOAD_LANE, SimdSignatures.STORE_LANE -> {
                r.u32();
                r.u32();
                r.u8();
            }
            case SimdSignatures.CONST, SimdSignatures.SHUFFLE -> r.skip(16);
            default -> throw new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(PREFIX_FD, sub),
                    at);
        }
    }
}
