package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Java method (a {@link MethodHandle}) into a {@link HostFunction} of the WebAssembly type
 * its Java type spells: {@code int} is i32, {@code long} i64, {@code float} f32, {@code double}
 * f64, {@link V128} v128, {@link WasmFunction} funcref, {@link Object} externref; parameters of type {@link Memory} or
 * {@link MemorySegment} receive the caller's memory instead of an argument; the result is
 * {@code void}, one of those types, or a record whose components are (several results).
 *
 * <p>The adapter is a method handle combination, {@code (HostCall) void}, that reads each argument
 * with the {@link HostCall} getter of its type, calls the method and sets the results: no boxing,
 * no array. {@link BoundHostFunction} makes it a JIT constant.
 */
final class HostMethodBinding {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String TYPES = "int (i32), long (i64), float (f32), double (f64), V128 (v128),"
            + " WasmFunction (funcref), Object (externref)";
    private static final byte[] TEMPLATE = template();

    private HostMethodBinding() {
    }

    /** A Java type's place in a host function's signature. */
    private enum Slot {
        I32(ValueType.I32, int.class, "i32", "setI32"),
        I64(ValueType.I64, long.class, "i64", "setI64"),
        F32(ValueType.F32, float.class, "f32", "setF32"),
        F64(ValueType.F64, double.class, "f64", "setF64"),
        V128(ValueType.V128, dev.weft.V128.class, "v128", "setV128"),
        FUNCREF(ValueType.FUNCREF, WasmFunction.class, "ref", "setRef"),
        EXTERNREF(ValueType.EXTERNREF, Object.class, "ref", "setRef");

        final ValueType wasm;
        final Class<?> java;
        /** {@code (HostCall, int index) T}. */
        final MethodHandle getter;
        /** {@code (HostCall, int index, T) void}. */
        final MethodHandle setter;

        Slot(ValueType wasm, Class<?> java, String getter, String setter) {
            this.wasm = wasm;
            this.java = java;
            Class<?> carried = wasm.isReference() ? Object.class : java;
            try {
                this.getter = LOOKUP.findVirtual(HostCall.class, getter, MethodType.methodType(carried, int.class))
                        .asType(MethodType.methodType(java, HostCall.class, int.class));
                this.setter = LOOKUP.findVirtual(HostCall.class, setter, MethodType.methodType(void.class, int.class, carried))
                        .asType(MethodType.methodType(void.class, HostCall.class, int.class, java));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static Slot of(Class<?> type) {
            for (Slot s : values()) {
                if (s.java == type) {
                    return s;
                }
            }
            return null;
        }
    }

    private static final MethodHandle CALLER_MEMORY;
    private static final MethodHandle CALLER_SEGMENT;
    private static final MethodHandle REQUIRE_RESULT;

    static {
        try {
            CALLER_MEMORY = LOOKUP.findVirtual(HostCall.class, "memory", MethodType.methodType(Memory.class));
            CALLER_SEGMENT = MethodHandles.filterReturnValue(CALLER_MEMORY,
                    LOOKUP.findVirtual(Memory.class, "segment", MethodType.methodType(MemorySegment.class)));
            REQUIRE_RESULT = LOOKUP.findStatic(HostMethodBinding.class, "requireResult",
                    MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Binds a method handle.
     *
     * @param target the Java method
     * @param what how errors name it, e.g. {@code env.add}
     * @return the host function and its WebAssembly type
     * @throws IllegalArgumentException if a parameter or the result has no WebAssembly type
     */
    static Bound bind(MethodHandle target, String what) {
        MethodType type = target.type();
        List<ValueType> params = new ArrayList<>();
        MethodHandle[] reads = new MethodHandle[type.parameterCount()];
        for (int i = 0; i < reads.length; i++) {
            Class<?> p = type.parameterType(i);
            Slot slot = Slot.of(p);
            if (slot != null) {
                reads[i] = MethodHandles.insertArguments(slot.getter, 1, params.size());
                params.add(slot.wasm);
            } else if (p == Memory.class) {
                reads[i] = CALLER_MEMORY;
            } else if (p == MemorySegment.class) {
                reads[i] = CALLER_SEGMENT;
            } else {
                throw new IllegalArgumentException("host function " + what + ": parameter " + i + " is a " + p.getName()
                        + "; a host function's parameters are " + TYPES + ", or the caller's Memory or MemorySegment");
            }
        }
        // (HostCall, HostCall, ...) R, then (HostCall) R: every read gets the same HostCall
        MethodHandle adapter = MethodHandles.filterArguments(target, 0, reads);
        adapter = MethodHandles.permuteArguments(adapter, MethodType.methodType(type.returnType(), HostCall.class),
                new int[reads.length]);

        List<ValueType> results = new ArrayList<>();
        Class<?> r = type.returnType();
        if (r != void.class) {
            MethodHandle store = store(r, results, what); // (HostCall, R) void
            adapter = MethodHandles.collectArguments(store, 1, adapter); // (HostCall, HostCall) void
            adapter = MethodHandles.permuteArguments(adapter, MethodType.methodType(void.class, HostCall.class), 0, 0);
        }
        FunctionType wasmType = FunctionType.of(params, results);
        String description = wasmType + " bound to a Java method " + type;
        return new Bound(wasmType, define(adapter, description));
    }

    /**
     * Binds the single abstract method of a functional interface, as implemented by {@code implementation}.
     *
     * @throws IllegalArgumentException if the interface has no single abstract method, is not public, or
     *     its types have no WebAssembly type
     */
    static <F> Bound bindInterface(Class<F> functionalInterface, F implementation, String what) {
        if (!functionalInterface.isInterface()) {
            throw new IllegalArgumentException("host function " + what + ": " + functionalInterface.getName()
                    + " is not an interface");
        }
        functionalInterface.cast(implementation);
        Method sam = null;
        for (Method m : functionalInterface.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                if (sam != null) {
                    throw new IllegalArgumentException("host function " + what + ": " + functionalInterface.getName()
                            + " has more than one abstract method (" + sam.getName() + ", " + m.getName() + ")");
                }
                sam = m;
            }
        }
        if (sam == null) {
            throw new IllegalArgumentException("host function " + what + ": " + functionalInterface.getName()
                    + " has no abstract method");
        }
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(sam);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("host function " + what + ": " + functionalInterface.getName()
                    + " is not public (or its package is not exported); make it public, or bind a MethodHandle"
                    + " made with your own MethodHandles.lookup()", e);
        }
        return bind(handle.bindTo(implementation), what);
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code (HostCall, R) void}: sets the results from what the method returned. */
    private static MethodHandle store(Class<?> r, List<ValueType> results, String what) {
        Slot slot = Slot.of(r);
        if (slot != null) {
            results.add(slot.wasm);
            return MethodHandles.insertArguments(slot.setter, 1, 0);
        }
        if (!r.isRecord()) {
            throw new IllegalArgumentException("host function " + what + ": it returns a " + r.getName()
                    + "; a host function returns void, " + TYPES + ", or a record of those for several results");
        }
        RecordComponent[] components = r.getRecordComponents();
        // nothing to do for an empty record; otherwise each component's setter in turn
        MethodHandle store = MethodHandles.empty(MethodType.methodType(void.class, HostCall.class, r));
        for (int i = components.length - 1; i >= 0; i--) {
            RecordComponent c = components[i];
            Slot s = Slot.of(c.getType());
            if (s == null) {
                throw new IllegalArgumentException("host function " + what + ": component " + c.getName() + " of "
                        + r.getName() + " is a " + c.getType().getName() + "; results are " + TYPES);
            }
            MethodHandle accessor;
            try {
                accessor = MethodHandles.publicLookup().unreflect(c.getAccessor());
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("host function " + what + ": record " + r.getName()
                        + " is not public (or its package is not exported); make it public", e);
            }
            // (HostCall, R) void: setX(call, i, r.component())
            MethodHandle set = MethodHandles.filterArguments(MethodHandles.insertArguments(s.setter, 1, i), 1, accessor);
            store = MethodHandles.foldArguments(store, set);
        }
        for (RecordComponent c : components) {
            results.add(Slot.of(c.getType()).wasm);
        }
        // a null record has no results to give: say so rather than a bare NullPointerException
        return MethodHandles.filterArguments(store, 1, REQUIRE_RESULT.asType(MethodType.methodType(r, r)));
    }

    private static Object requireResult(Object result) {
        if (result == null) {
            throw new NullPointerException("a host function returned null instead of the record of its results");
        }
        return result;
    }

    private static HostFunction define(MethodHandle adapter, String description) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(TEMPLATE,
                    adapter.asType(MethodType.methodType(void.class, HostCall.class)), true);
            return (HostFunction) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class, String.class)).invoke(description);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define a host function class", t);
        }
    }

    private static byte[] template() {
        try (InputStream in = BoundHostFunction.class.getResourceAsStream("BoundHostFunction.class")) {
            if (in == null) {
                throw new IllegalStateException("BoundHostFunction.class is missing from Weft's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bound host function.
     *
     * @param type its WebAssembly type, from the Java types
     * @param function the adapter
     */
    record Bound(FunctionType type, HostFunction function) {
    }
}
