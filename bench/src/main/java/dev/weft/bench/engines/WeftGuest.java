package dev.weft.bench.engines;

import dev.weft.Engine;
import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.ModuleImport;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.ValueType;
import dev.weft.WasmModule;
import dev.weft.wasi.Wasi;

import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** A module instantiated on Weft, called through {@code handle().invokeExact} (the allocation-free path). */
final class WeftGuest implements Guest {
    private static final FunctionType ADD_TYPE = FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));
    private static final FunctionType CLOCK_TYPE = FunctionType.of(List.of(), List.of(ValueType.I64));
    private static final MethodHandle BOUND_ADD;

    static {
        try {
            BOUND_ADD = MethodHandles.publicLookup().findStatic(HostBinding.class, "add",
                    MethodType.methodType(int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Instance instance;

    private WeftGuest(Instance instance) {
        this.instance = instance;
    }

    /** A parsed module and its engine; trap stubs are built once, not per instantiation. */
    static final class Compiled implements CompiledModule {
        private final Engine engine;
        private final WasmModule module;
        private Imports stubs;

        Compiled(Engine engine, byte[] wasm) {
            this.engine = engine;
            this.module = WasmModule.parse(wasm);
        }

        @Override
        public Guest instantiate(HostBinding host) {
            return new WeftGuest(engine.instantiate(module, imports(host)));
        }

        private Imports imports(HostBinding host) {
            return switch (host) {
                case NONE -> Imports.none();
                case ADD -> Imports.builder()
                        .function(HostBinding.MODULE, HostBinding.ADD_NAME, ADD_TYPE,
                                call -> call.setI32(0, HostBinding.add(call.i32(0), call.i32(1))))
                        .build();
                case ADD_BOUND -> Imports.builder().function(HostBinding.MODULE, HostBinding.ADD_NAME, BOUND_ADD).build();
                case FAKE_CLOCK -> {
                    HostBinding.FakeClock clock = new HostBinding.FakeClock();
                    yield Imports.builder()
                            .function(HostBinding.MODULE, HostBinding.CLOCK_NAME, CLOCK_TYPE, call -> call.setI64(0, clock.next()))
                            .build();
                }
                case TRAP_STUBS -> {
                    if (stubs == null) {
                        Imports.Builder b = Imports.builder();
                        for (ModuleImport i : module.imports()) {
                            if (i.type() instanceof FunctionType t) {
                                b.function(i.module(), i.name(), t, call -> {
                                    throw new TrapException(TrapKind.UNREACHABLE, "stub " + i.module() + "." + i.name());
                                });
                            }
                        }
                        stubs = b.build();
                    }
                    yield stubs;
                }
            };
        }
    }

    /** A WASI command: a fresh {@link Wasi} context and instance per run, closed after it. */
    static final class Command implements WasiCommand {
        private final Engine engine;
        private final WasmModule module;

        Command(Engine engine, byte[] wasm) {
            this.engine = engine;
            this.module = WasmModule.parse(wasm);
        }

        @Override
        public int run(List<String> argv, OutputStream stdout, OutputStream stderr) {
            try (Wasi wasi = Wasi.builder().args(argv.toArray(String[]::new)).stdout(stdout).stderr(stderr).build();
                 Instance instance = engine.instantiate(module, wasi.imports())) {
                return wasi.runStart(instance);
            }
        }
    }

    @Override
    public GuestFunction function(String export, Signature signature) {
        MethodHandle h = instance.function(export).handle();
        return switch (signature) {
            case I32_TO_I32 -> arg -> {
                try {
                    return (int) h.invokeExact((int) arg);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            };
            case I64_TO_I64 -> arg -> {
                try {
                    return (long) h.invokeExact(arg);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            };
            case NONE_TO_F32 -> arg -> {
                try {
                    return Float.floatToRawIntBits((float) h.invokeExact());
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            };
        };
    }

    @Override
    public IntBinaryOperator i32Binary(String export) {
        MethodHandle h = instance.function(export).handle();
        return (a, b) -> {
            try {
                return (int) h.invokeExact(a, b);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    @Override
    public boolean exports(String name) {
        return instance.exports().containsKey(name);
    }

    @Override
    public byte[] memory() {
        // Copied through a ByteBuffer view rather than MemorySegment.copy/toArray, so that the
        // check does not feed heap-segment types into the JDK segment code the interpreter uses.
        var view = instance.memory("memory").segment().asByteBuffer();
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        return copy;
    }

    @Override
    public void close() {
        instance.close();
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
