package dev.weft;

import dev.weft.runtime.FunctionInstance;

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
 *     .function("env", "log", FunctionType.of(List.of(ValueType.I32), List.of()),
 *               call -> System.out.println(call.i32(0)))
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
         * Defines a host function.
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
