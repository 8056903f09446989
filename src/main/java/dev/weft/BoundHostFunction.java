package dev.weft;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * The template of a host function bound to a Java method: {@link HostMethodBinding} defines these
 * bytes anew as a hidden class for each binding, with the adapted method handle as its class data.
 * The handle thus sits in a {@code static final} field, a constant to the JIT, which inlines the
 * whole adapter (argument reads, the Java method, result writes) into {@link #call}: a bound call
 * costs what a hand-written {@link HostFunction} lambda costs, and boxes nothing. This class itself
 * is never loaded under its own name.
 */
final class BoundHostFunction implements HostFunction {
    /** {@code (HostCall) void}: reads the arguments, calls the Java method, sets the results. */
    private static final MethodHandle ADAPTER = adapter();

    private final String description;

    BoundHostFunction(String description) {
        this.description = description;
    }

    private static MethodHandle adapter() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void call(HostCall call) {
        try {
            ADAPTER.invokeExact(call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // a method declaring checked exceptions may throw one: pass it on, wrapped, like a proxy does
            throw new UndeclaredThrowableException(checked, "host function " + description + " threw " + checked);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
