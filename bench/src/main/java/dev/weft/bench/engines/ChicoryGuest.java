package dev.weft.bench.engines;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;

/** A module instantiated on Chicory (interpreter, or a machine factory from its compiler), called through {@code apply}. */
final class ChicoryGuest implements Guest {
    private final Instance instance;

    private ChicoryGuest(Instance instance) {
        this.instance = instance;
    }

    /** A parsed module, compiled to JVM bytecode once when the compiler is used; trap stubs built once. */
    static final class Compiled implements CompiledModule {
        private final WasmModule module;
        /** Null for Chicory's interpreter. */
        private final Function<Instance, Machine> machines;
        private ImportValues stubs;

        Compiled(byte[] wasm, boolean compiler) {
            this.module = Parser.parse(wasm);
            this.machines = compiler ? MachineFactoryCompiler.compile(module) : null;
        }

        @Override
        public Guest instantiate(HostBinding host) {
            // withStart(false): Chicory would otherwise run a WASI "_start" export while instantiating;
            // Weft runs only a start section, which none of the benchmark modules has.
            Instance.Builder b = Instance.builder(module).withImportValues(imports(host)).withStart(false);
            if (machines != null) {
                b.withMachineFactory(machines);
            }
            return new ChicoryGuest(b.build());
        }

        private ImportValues imports(HostBinding host) {
            return switch (host) {
                case NONE -> ImportValues.empty();
                case ADD, ADD_BOUND -> ImportValues.builder()
                        .addFunction(new HostFunction(HostBinding.MODULE, HostBinding.ADD_NAME,
                                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                                (inst, args) -> new long[] {HostBinding.add((int) args[0], (int) args[1])}))
                        .build();
                case FAKE_CLOCK -> {
                    HostBinding.FakeClock clock = new HostBinding.FakeClock();
                    yield ImportValues.builder()
                            .addFunction(new HostFunction(HostBinding.MODULE, HostBinding.CLOCK_NAME,
                                    FunctionType.of(List.of(), List.of(ValType.I64)), (inst, args) -> new long[] {clock.next()}))
                            .build();
                }
                case TRAP_STUBS -> {
                    if (stubs == null) {
                        List<HostFunction> functions = new ArrayList<>();
                        var imports = module.importSection();
                        for (int i = 0; i < imports.importCount(); i++) {
                            if (imports.getImport(i) instanceof FunctionImport f) {
                                FunctionType t = module.typeSection().getType(f.typeIndex());
                                functions.add(new HostFunction(f.module(), f.name(), t, (inst, args) -> {
                                    throw new IllegalStateException("stub " + f.module() + "." + f.name());
                                }));
                            }
                        }
                        stubs = ImportValues.builder().addFunction(functions.toArray(HostFunction[]::new)).build();
                    }
                    yield stubs;
                }
            };
        }
    }

    /** A WASI command on Chicory's WasiPreview1: a fresh context and instance per run. */
    static final class Command implements WasiCommand {
        private final WasmModule module;
        /** Null for Chicory's interpreter. */
        private final Function<Instance, Machine> machines;

        Command(byte[] wasm, boolean compiler) {
            this.module = Parser.parse(wasm);
            this.machines = compiler ? MachineFactoryCompiler.compile(module) : null;
        }

        @Override
        public int run(List<String> argv, OutputStream stdout, OutputStream stderr) {
            WasiOptions options = WasiOptions.builder().withArguments(argv).withStdout(stdout).withStderr(stderr).build();
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
                // withStart(false) and an explicit _start call, so that instantiation and the run stay apart as on Weft
                Instance.Builder b = Instance.builder(module)
                        .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build()).withStart(false);
                if (machines != null) {
                    b.withMachineFactory(machines);
                }
                Instance instance = b.build();
                try {
                    instance.export("_start").apply();
                    return 0;
                } catch (WasiExitException e) {
                    return e.exitCode();
                }
            }
        }
    }

    @Override
    public GuestFunction function(String export, Signature signature) {
        ExportFunction f = instance.export(export);
        return switch (signature) {
            case I32_TO_I32 -> arg -> (int) f.apply(arg)[0];
            case I64_TO_I64 -> arg -> f.apply(arg)[0];
            // Chicory keeps an f32 result as its raw bits in the low 32 bits
            case NONE_TO_F32 -> arg -> (int) f.apply()[0];
        };
    }

    @Override
    public IntBinaryOperator i32Binary(String export) {
        ExportFunction f = instance.export(export);
        return (a, b) -> (int) f.apply(a, b)[0];
    }

    @Override
    public boolean exports(String name) {
        try {
            return instance.export(name) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public byte[] memory() {
        var m = instance.memory();
        return m.readBytes(0, Math.toIntExact(m.pages() * 65536L));
    }

    @Override
    public void close() {
        // Nothing to free: the garbage collector reclaims the instance and its heap memory.
    }
}
