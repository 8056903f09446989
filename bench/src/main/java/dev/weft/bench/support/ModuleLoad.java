package dev.weft.bench.support;

import dev.weft.WasmModule;
import dev.weft.bench.engines.CompiledModule;
import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.Guest;
import dev.weft.bench.engines.HostBinding;

/**
 * The two steps of loading a module that the load benchmarks time, each with its result
 * checked: parsing it, and going on to a callable instance. The bytes are read, and the function
 * section counted, once, outside the timed part.
 */
public final class ModuleLoad {
    private final String module;
    private final byte[] wasm;
    private final int functions;

    /** @param module a module under bench-wasm, e.g. {@code large/spidermonkey.wasm} */
    public ModuleLoad(String module) {
        this.module = module;
        this.wasm = BenchFiles.bytes(module);
        this.functions = WasmSections.of(wasm).definedFunctions();
    }

    /**
     * {@code WasmModule.parse}: decode and validate (translation is lazy).
     *
     * @return the parsed module's function count, checked against the function section
     */
    public int parse() {
        int n = WasmModule.parse(wasm).definedFunctionCount();
        if (n != functions) {
            throw new WrongResultException(module + ": " + n + " functions, the function section has " + functions);
        }
        return n;
    }

    /**
     * Parses the module (a WASI module), instantiates it with every import bound to a stub
     * (nothing runs: the large modules have no start section), checks that it exports
     * {@code _start}, closes it.
     *
     * @return true
     */
    public boolean toCallableInstance() {
        CompiledModule compiled = EngineKind.of("weft-switch").compile(wasm);
        try (Guest g = compiled.instantiate(HostBinding.TRAP_STUBS)) {
            if (!g.exports("_start")) {
                throw new WrongResultException(module + " instance has no export _start");
            }
            return true;
        }
    }
}
