package dev.weft;

import dev.weft.runtime.FunctionInstance;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module's imports resolve to: host functions, memories, tables, globals, and the
 * exports of other instances, by module and field name. Immutable once built; one
 * {@code Imports} may serve many instantiations.
 *
 * <pre>{@code
 * Imports imports = Imports.builder()
 *     // a lambda of a functional interface: (i32, i32) -> i32, from IntBinaryOperator's types
 *     .function("env", "add", IntBinaryOperator.class, (a, b) -> a + b)
 *     // a Java method: (i32, i32) -> (), the caller's Memory passed in first
 *     .function("env", "log", MethodHandles.lookup().findStatic(Host.class, "log",
 *               MethodType.methodType(void.class, Memory.class, int.class, int.class)))
 *     // the general form: any type, arguments and results through a HostCall
 *     .function("env", "now", FunctionType.of(List.of(), List.of(ValueType.I64)),
 *               call -> call.setI64(0, System.nanoTime()))
 *     .instance("lib", libraryInstance)
 *     .build();
 * }</pre>
 */
public final class Imports {
    private static final Imports NONE = new Imports(Map.of());
    private final Map<String, Map<String, Object>> modules;

    private Imports(Map<String, Map<String, Object>> modules) {
        this.modules = modules;
    }

    /** {@return imports that resolve nothing} */
    public static Imports none() {
        return NONE;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds what a module name and field name are bound to.
     *
     * @param module module name
     * @param name field name
     * @return what is bound there ({@link WasmFunction}, {@link Memory}, {@link Table}, {@link Global}), or null
     */
    public Object lookup(String module, String name) {
        Map<String, Object> m = modules.get(module);
        return m == null ? null : m.get(name);
    }

    /** Builds {@link Imports}. Later definitions of the same name replace earlier ones. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> modules = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Defines a host function of any type, which reads its arguments from a {@link HostCall}
         * and sets its results there. For functions whose types Java spells directly, binding a
         * lambda or method with {@link #function(String, String, Class, Object)} or
         * {@link #function(String, String, MethodHandle)} is shorter and as fast.
         *
         * <pre>{@code
         * builder.function("env", "add", FunctionType.of(List.of(I32, I32), List.of(I32)),
         *                  call -> call.setI32(0, call.i32(0) + call.i32(1)));
         * }</pre>
         *
         * @param module module name
         * @param name field name
         * @param type the function's type
         * @param function the implementation
         * @return this
         */
        public Builder function(String module, String name, FunctionType type, HostFunction function) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(function, "function");
            return add(module, name, new FunctionInstance(type, function));
        }

        /**
         * Defines a host function from a Java method (static, or bound to its receiver with
         * {@link MethodHandle#bindTo}). Its WebAssembly type is read from the handle's Java type:
         * <ul>
         * <li>parameters {@code int}, {@code long}, {@code float}, {@code double} are i32, i64, f32,
         *     f64; {@link WasmFunction} is funcref and {@link Object} externref;</li>
         * <li>a parameter of type {@link Memory} or {@link MemorySegment}, anywhere in the list,
         *     receives the calling instance's memory (not an argument of the WebAssembly type; a
         *     caller without a memory makes the call throw {@link IllegalStateException});</li>
         * <li>the result is {@code void} (no results), one of the types above, or a public record
         *     whose components are of those types, for several results in component order.</li>
         * </ul>
         * The import's declared type is checked against it when a module is instantiated with these
         * imports: a mismatch is a {@link LinkException} ("incompatible import type") naming both.
         * Calls box nothing and allocate nothing (a returned record aside): the method is called with
         * the arguments as they are, at the cost of a {@link HostFunction} written by hand.
         *
         * <pre>{@code
         * static int add(int a, int b) { return a + b; }
         * record DivMod(int quotient, int remainder) {}
         * static DivMod divmod(int a, int b) { return new DivMod(a / b, a % b); }   // (i32, i32) -> (i32, i32)
         * static void log(Memory memory, int ptr, int len) {                         // (i32, i32) -> ()
         *     System.out.println(memory.readString(ptr, len));
         * }
         *
         * MethodHandles.Lookup lookup = MethodHandles.lookup();
         * MethodType ii_i = MethodType.methodType(int.class, int.class, int.class);
         * builder.function("env", "add", lookup.findStatic(Host.class, "add", ii_i));
         * }</pre>
         *
         * A {@link TrapException} thrown by the method makes the WebAssembly caller trap; any other
         * exception propagates to whoever called into WebAssembly (a checked one wrapped in
         * {@link java.lang.reflect.UndeclaredThrowableException}).
         *
         * @param module module name
         * @param name field name
         * @param method the Java method
         * @return this
         * @throws IllegalArgumentException if a parameter or the result type has no WebAssembly
         *     counterpart, or a record's accessors are not accessible (the record is not public)
         */
        public Builder function(String module, String name, MethodHandle method) {
            Objects.requireNonNull(method, "method");
            HostMethodBinding.Bound bound = HostMethodBinding.bind(method, module + "." + name);
            return add(module, name, new FunctionInstance(bound.type(), bound.function()));
        }

        /**
         * Defines a host function from an implementation of a functional interface, typically a
         * lambda or method reference, with the types of the interface's single abstract method (the
         * rules of {@link #function(String, String, MethodHandle)}). The JDK's primitive
         * specialisations fit many imports as they are:
         *
         * <pre>{@code
         * builder.function("env", "add", IntBinaryOperator.class, (a, b) -> a + b)        // (i32, i32) -> i32
         *        .function("env", "now", LongSupplier.class, System::nanoTime)             // () -> i64
         *        .function("env", "sqrt", DoubleUnaryOperator.class, Math::sqrt)           // (f64) -> f64
         *        .function("env", "tick", Runnable.class, counter::incrementAndGet);      // () -> ()
         *
         * public interface Log { void log(Memory memory, int ptr, int len); }           // (i32, i32) -> ()
         * builder.function("env", "log", Log.class, (memory, ptr, len) -> System.out.println(memory.readString(ptr, len)));
         * }</pre>
         *
         * Generic interfaces erase to {@code Object}: a {@code Function<Integer, Integer>} would be
         * {@code (externref) -> externref}; use the primitive ones or an interface of your own.
         *
         * @param <F> the interface
         * @param module module name
         * @param name field name
         * @param functionalInterface the interface: public, with exactly one abstract method
         * @param implementation its implementation
         * @return this
         * @throws IllegalArgumentException if the interface is not public or not functional, or its
         *     method's types have no WebAssembly counterpart
         */
        public <F> Builder function(String module, String name, Class<F> functionalInterface, F implementation) {
            Objects.requireNonNull(functionalInterface, "functionalInterface");
            Objects.requireNonNull(implementation, "implementation");
            HostMethodBinding.Bound bound = HostMethodBinding.bindInterface(functionalInterface, implementation,
                    module + "." + name);
            return add(module, name, new FunctionInstance(bound.type(), bound.function()));
        }

        /**
         * Binds a function, memory, table or global (for example an export of another instance).
         *
         * @param module module name
         * @param name field name
         * @param extern a {@link WasmFunction}, {@link Memory}, {@link Table} or {@link Global} of Weft's
         * @return this
         * @throws IllegalArgumentException for anything else
         */
        public Builder add(String module, String name, Object extern) {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(name, "name");
            if (!(extern instanceof FunctionInstance || extern instanceof dev.weft.runtime.MemoryInstance
                    || extern instanceof dev.weft.runtime.TableInstance || extern instanceof dev.weft.runtime.GlobalInstance)) {
                throw new IllegalArgumentException("not an importable Weft function, memory, table or global: " + extern);
            }
            modules.computeIfAbsent(module, k -> new HashMap<>()).put(name, extern);
            return this;
        }

        /**
         * Binds every export of an instance under a module name.
         *
         * @param module module name the importing modules use
         * @param instance the exporting instance
         * @return this
         */
        public Builder instance(String module, Instance instance) {
            for (Map.Entry<String, Object> e : instance.exports().entrySet()) {
                add(module, e.getKey(), e.getValue());
            }
            return this;
        }

        /**
         * Adds everything another {@code Imports} binds.
         *
         * @param other more imports
         * @return this
         */
        public Builder addAll(Imports other) {
            for (Map.Entry<String, Map<String, Object>> m : other.modules.entrySet()) {
                for (Map.Entry<String, Object> e : m.getValue().entrySet()) {
                    add(m.getKey(), e.getKey(), e.getValue());
                }
            }
            return this;
        }

        /** {@return the imports} */
        public Imports build() {
            Map<String, Map<String, Object>> copy = new HashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : modules.entrySet()) {
                copy.put(e.getKey(), Map.copyOf(e.getValue()));
            }
            return new Imports(Map.copyOf(copy));
        }
    }
}
