package dev.weft.compile;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a split function's own method ({@link FunctionParts}): it keeps the frame's slots in
 * a {@code long[]} (and an {@code Object[]} when the function touches references), puts the
 * arguments there, and calls the part that holds the next instruction until one returns from the
 * function. The prologue before it (Java stack budget, entry fuel and attention) and the handler
 * after it (traps get this function's frame) are the unsplit method's ({@link FunctionEmitter}).
 */
final class PartDriver {
    private PartDriver() {
    }

    /** A part's descriptor: (machine, the frame's long[], its Object[] or null, compiledBase, entry offset) -> next offset or -1. */
    static final MethodTypeDesc PART = MethodTypeDesc.of(ConstantDescs.CD_int, Signatures.MACHINE,
            ConstantDescs.CD_long.arrayType(), ConstantDescs.CD_Object.arrayType(), ConstantDescs.CD_int,
            ConstantDescs.CD_int);

    static String partName(int function, int part) {
        return "p" + function + "_" + part;
    }

    /**
     * @param slots a free local for the frame's long[]
     * @param refs a free local for the frame's Object[]
     * @param next a free int local: the next instruction's offset
     */
    static void emitLoop(FunctionEmitter e, int slots, int refs, int next) {
        CodeBuilder cb = e.cb;
        FunctionPlan plan = e.plan;
        cb.loadConstant(plan.frame);
        cb.newarray(TypeKind.LONG);
        cb.astore(slots);
        if (plan.refs) {
            cb.loadConstant(plan.frame);
            cb.anewarray(ConstantDescs.CD_Object);
        } else {
            cb.aconst_null();
        }
        cb.astore(refs);
        for (int i = 0; i < plan.type.paramCount(); i++) {
            boolean ref = plan.type.param(i).isReference();
            cb.aload(ref ? refs : slots);
            cb.loadConstant(i);
            e.loadParam(i, i);
            if (ref) {
                cb.aastore();
            } else {
                cb.lastore();
            }
        }
        cb.loadConstant(plan.entry);
        cb.istore(next);
        Label loop = cb.newBoundLabel();
        Label returned = cb.newLabel();
        Label bad = cb.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        cases.add(SwitchCase.of(-1, returned));
        List<Label> calls = new ArrayList<>();
        for (FunctionParts.Part p : plan.parts.parts) {
            Label call = cb.newLabel();
            calls.add(call);
            for (int entry : p.entries()) {
                cases.add(SwitchCase.of(entry, call));
            }
        }
        cb.iload(next);
        cb.lookupswitch(bad, cases); // entries in ascending order, after -1
        cb.labelBinding(bad);
        e.throwInternal("no part enters there");
        for (FunctionParts.Part p : plan.parts.parts) {
            cb.labelBinding(calls.get(p.index()));
            e.machine();
            cb.aload(slots);
            cb.aload(refs);
            if (plan.spills) {
                e.base();
            } else {
                cb.iconst_0();
            }
            cb.iload(next);
            cb.invokestatic(e.batch.self(), partName(plan.function, p.index()), PART);
            cb.istore(next);
            cb.goto_(loop);
        }
        cb.labelBinding(returned);
        e.restoreBudget();
        if (plan.type.resultCount() == 1) {
            boolean ref = plan.type.result(0).isReference();
            cb.aload(ref ? refs : slots);
            cb.loadConstant(0);
            if (ref) {
                cb.aaload();
            } else {
                cb.laload();
            }
        }
        e.returnValue();
    }
}
