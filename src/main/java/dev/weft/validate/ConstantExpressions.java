package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.WasmOpcodes;

import java.util.Arrays;

/**
 * Validates the constant expressions of a module (global initialisers, segment offsets,
 * element items). WebAssembly 2.0 allows only {@code t.const}, {@code v128.const},
 * {@code ref.null}, {@code ref.func} and {@code global.get} of an imported immutable global
 * there; the expression must leave exactly one value of the expected type. Every function
 * named by {@code ref.func} becomes a declared function reference (part of C.refs).
 */
final class ConstantExpressions {
    private final ModuleContext c;
    private final BinaryReader r;
    private byte[] stack = new byte[4];

    ConstantExpressions(ModuleContext c) {
        this.c = c;
        this.r = new BinaryReader(c.bytes, 0, 0);
    }

    /**
     * @param e the expression (its bytes include the final {@code end})
     * @param expected the type code it must produce
     * @param what what the expression is, for messages (e.g. "global 3 initializer")
     */
    void check(ConstExpr e, int expected, String what) {
        if (e.offset() < 0 || e.length() <= 0 || e.offset() > c.bytes.length - e.length()) {
            throw new MalformedModuleException("constant expression outside the module", Math.max(e.offset(), 0));
        }
        r.limit(e.offset() + e.length());
        r.pos(e.offset());
        int sp = 0;
        while (true) {
            int at = r.pos();
            if (r.atEnd()) {
                throw new MalformedModuleException("END opcode expected", at);
            }
            int op = r.u8();
            byte t;
            switch (op) {
                case END -> {
                    if (sp != 1 || stack[0] != expected) {
                        throw new InvalidModuleException("type mismatch: " + what + " must produce one "
                                + ValTypes.name(expected) + " but produces " + describe(sp), e.offset());
                    }
                    return;
                }
                case I32_CONST -> {
                    r.s32();
                    t = ValTypes.I32;
                }
                case I64_CONST -> {
                    r.s64();
                    t = ValTypes.I64;
                }
                case F32_CONST -> {
                    r.skip(4);
                    t = ValTypes.F32;
                }
                case F64_CONST -> {
                    r.skip(8);
                    t = ValTypes.F64;
                }
                case REF_NULL -> t = ValTypes.readRef(r);
                case REF_FUNC -> {
                    int f = r.u32();
                    if (!ModuleContext.inRange(f, c.functionCount())) {
                        throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(f), at);
                    }
                    c.declaredFunctions[f] = true;
                    t = ValTypes.FUNCREF;
                }
                case GLOBAL_GET -> {
                    // only imported globals are visible to constant expressions in WebAssembly 2.0
                    int g = r.u32();
                    if (!ModuleContext.inRange(g, c.importedGlobalCount)) {
                        throw new InvalidModuleException("unknown global " + Integer.toUnsignedString(g), at);
                    }
                    if (c.globalMutable[g]) {
                        throw new InvalidModuleException("constant expression required: global.get of mutable global "
                                + g, at);
                    }
                    t = c.globalTypes[g];
                }
                case PREFIX_FD -> {
                    int sub = r.u32();
                    if (sub != FD_V128_CONST) {
                        throw notConstant(PREFIX_FD, sub, at);
                    }
                    r.skip(16);
                    t = ValTypes.V128;
                }
                case PREFIX_FC -> throw notConstant(PREFIX_FC, r.u32(), at);
                default -> throw notConstant(-1, op, at);
            }
            if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
            }
            stack[sp++] = t;
        }
    }

    private RuntimeException notConstant(int prefix, int op, int at) {
        String name = prefix < 0 ? WasmOpcodes.name(op) : WasmOpcodes.name(prefix, op);
        if (name == null) {
            return new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(prefix, op), at);
        }
        return new InvalidModuleException("constant expression required: " + name + " is not constant", at);
    }

    private String describe(int sp) {
        if (sp == 0) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < sp; i++) {
            b.append(i > 0 ? " " : "").append(ValTypes.name(stack[i]));
        }
        return b.append(']').toString();
    }
}
