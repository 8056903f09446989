package dev.weft.translate;

import dev.weft.FunctionType;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;

/**
 * The translator's eighth layer: calls. A callee's frame starts at the caller's temporary of
 * its first argument, so arguments computed there need no copy, and results come back in the
 * same slots, which is where the operand stack expects them.
 */
abstract sealed class Calls extends Vectors permits Translator {
    Calls(DecodedModule module) {
        super(module);
    }

    @Override
    public final void call(int function) {
        if (skipped()) {
            return;
        }
        FunctionType t = module.functionType(function);
        int base = arguments(t.paramCount());
        stack.pop(t.paramCount());
        int op = function < module.importedFunctionCount ? Opcodes.CALL_IMPORT : Opcodes.CALL;
        note(out.emitCall(op, function, tempSlot(base)), op);
        pushResults(t);
    }

    @Override
    public final void callIndirect(int type, int table) {
        if (skipped()) {
            return;
        }
        FunctionType t = module.types[type];
        int hi = stack.top();
        int params = t.paramCount();
        int base = hi - params;
        for (int i = 0; i < params; i++) {
            materialize(base + i);
        }
        int index = read(hi, 0);
        stack.pop(1 + params);
        note(out.callIndirect(index, type, table, tempSlot(base)), Opcodes.CALL_INDIRECT);
        pushResults(t);
    }

    private void pushResults(FunctionType t) {
        for (int i = 0; i < t.resultCount(); i++) {
            stack.pushTemp(t.result(i));
        }
    }
}
