package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.ValueType;
import dev.weft.exec.Machine;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;

/**
 * The JVM signature of a compiled function: {@code (Machine, P...)R} where each numeric parameter
 * is a {@code long} holding the value's raw bits (as the interpreter's slots do) and each reference
 * an {@code Object}; one numeric result is a {@code long}, one reference an {@code Object}; no result,
 * or several (left in the machine's slots), {@code void}.
 */
final class Signatures {
    private Signatures() {
    }

    static final ClassDesc MACHINE = ClassDesc.of("dev.weft.exec.Machine");
    /** JVM limit on a method's parameter slots, less the machine and a method handle's receiver. */
    private static final int MAX_PARAM_WORDS = 255 - 2;

    /** @return whether compiled code can call a function of this type directly (its parameters fit a JVM call) */
    static boolean direct(FunctionType t) {
        return paramWords(t) <= MAX_PARAM_WORDS;
    }

    /** @return the JVM local-variable slots the parameters take */
    static int paramWords(FunctionType t) {
        int words = 0;
        for (ValueType p : t.params()) {
            words += p.isReference() ? 1 : 2;
        }
        return words;
    }

    static MethodTypeDesc descriptor(FunctionType t) {
        ClassDesc[] params = new ClassDesc[t.paramCount() + 1];
        params[0] = MACHINE;
        for (int i = 0; i < t.paramCount(); i++) {
            params[i + 1] = t.param(i).isReference() ? ConstantDescs.CD_Object : ConstantDescs.CD_long;
        }
        return MethodTypeDesc.of(returnDesc(t), params);
    }

    private static ClassDesc returnDesc(FunctionType t) {
        if (t.resultCount() != 1) {
            return ConstantDescs.CD_void;
        }
        return t.result(0).isReference() ? ConstantDescs.CD_Object : ConstantDescs.CD_long;
    }

    static MethodType type(FunctionType t) {
        Class<?>[] params = new Class<?>[t.paramCount() + 1];
        params[0] = Machine.class;
        for (int i = 0; i < t.paramCount(); i++) {
            params[i + 1] = t.param(i).isReference() ? Object.class : long.class;
        }
        Class<?> result = t.resultCount() != 1 ? void.class : t.result(0).isReference() ? Object.class : long.class;
        return MethodType.methodType(result, params);
    }
}
