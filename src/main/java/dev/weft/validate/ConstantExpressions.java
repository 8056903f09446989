package dev.weft.validate;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.InstructionReader;
import dev.weft.decode.InstructionVisitor;
import dev.weft.decode.TypeCodes;
import dev.weft.decode.WasmInstructions;

import java.util.Arrays;

/**
 * Validates the constant expressions of a module (global initialisers, segment offsets,
 * element items), as the reader's visitor, by WebAssembly 3.0's rules (extended constant
 * expressions): {@code t.const}, {@code v128.const}, {@code ref.null}, {@code ref.func},
 * {@code i32}/{@code i64} {@code add}, {@code sub} and {@code mul}, and {@code global.get} of an
 * immutable global (in a global's initialiser, only of an earlier one). The expression must leave
 * exactly one value of the expected type.
 * Every function named by {@code ref.func} becomes a declared function reference (part of C.refs).
 */
final class ConstantExpressions implements InstructionVisitor {
    private final ModuleContext c;
    private final InstructionReader reader;
    private final byte[] support;
    private byte[] stack = new byte[4];
    private int sp;
    /** Globals visible to the expression being checked. */
    private int visibleGlobals;

    ConstantExpressions(ModuleContext c, ModuleValidator.Scope scope) {
        this.c = c;
        this.reader = new InstructionReader(c.bytes);
        this.support = scope.support();
    }

    /**
     * @param e the expression (its bytes include the final {@code end})
     * @param expected the type code it must produce
     * @param what what the expression is, for messages (e.g. "global 3 initializer")
     * @param definedGlobal the index of the global it initialises, or -1 (then every global may be named)
     */
    void check(ConstExpr e, int expected, String what, int definedGlobal) {
        if (e.offset() < 0 || e.length() <= 0 || e.offset() > c.bytes.length - e.length()) {
            throw new MalformedModuleException("constant expression outside the module", Math.max(e.offset(), 0));
        }
        sp = 0;
        visibleGlobals = definedGlobal >= 0 ? definedGlobal : c.globalTypes.length;
        reader.readExpression(e.offset(), e.offset() + e.length(), this);
        if (sp != 1 || stack[0] != expected) {
            throw new InvalidModuleException("type mismatch: " + what + " must produce one "
                    + ValTypes.name(expected) + " but produces " + describe(), e.offset());
        }
    }

    @Override
    public void unsupported(int instr) {
        throw new InvalidModuleException("constant expression required: " + WasmInstructions.name(instr)
                + " is not constant", reader.instructionStart());
    }

    @Override
    public void operator(int instr) {
        switch (instr) {
            case WasmInstructions.I32_CONST, WasmInstructions.I64_CONST, WasmInstructions.F32_CONST,
                    WasmInstructions.F64_CONST -> push(WasmInstructions.results(instr)[0]);
            case WasmInstructions.V128_CONST -> {
                if (support[instr] == ModuleValidator.Scope.NO_RULES) {
                    unsupported(instr);
                }
                push(ValTypes.V128);
            }
            case WasmInstructions.I32_ADD, WasmInstructions.I32_SUB, WasmInstructions.I32_MUL,
                    WasmInstructions.I64_ADD, WasmInstructions.I64_SUB, WasmInstructions.I64_MUL -> {
                byte t = WasmInstructions.results(instr)[0];
                pop(t);
                pop(t);
                push(t);
            }
            default -> unsupported(instr);
        }
    }

    @Override
    public void end() {
        // the expression's own end: the reader returns after it
    }

    @Override
    public void refNull(int heapType) {
        push(ValTypes.of(TypeCodes.ref(heapType, true), reader.instructionStart()));
    }

    @Override
    public void refFunc(int function) {
        if (!ModuleContext.inRange(function, c.functionCount())) {
            throw invalid("unknown function " + Integer.toUnsignedString(function));
        }
        c.declaredFunctions[function] = true;
        push(ValTypes.FUNCREF);
    }

    @Override
    public void globalGet(int global) {
        if (!ModuleContext.inRange(global, visibleGlobals)) {
            throw invalid("unknown global " + Integer.toUnsignedString(global));
        }
        if (c.globalMutable[global]) {
            throw invalid("constant expression required: global.get of mutable global " + global);
        }
        push(c.globalTypes[global]);
    }

    private void push(byte t) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = t;
    }

    private void pop(byte t) {
        if (sp == 0 || stack[sp - 1] != t) {
            throw invalid("type mismatch: " + ValTypes.name(t) + " operand expected");
        }
        sp--;
    }

    private InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(reason, reader.instructionStart());
    }

    private String describe() {
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
