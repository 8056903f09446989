package dev.weft.runtime;

import dev.weft.FunctionType;
import dev.weft.HostFunction;
import dev.weft.ValueType;
import dev.weft.WasmFunction;
import dev.weft.exec.Executor;
import dev.weft.exec.Machine;

import java.lang.invoke.MethodHandle;

/**
 * A function: defined by a module instance ({@link #owner} and {@link #index}) or by the host
 * ({@link #host}). This is also the funcref value held in tables and globals.
 */
public final class FunctionInstance implements WasmFunction {
    /** Runs host functions that a host calls directly (they need no WebAssembly stack of their own). */
    private static final Executor HOST_ONLY = new Executor(false, 1024, 1 << 16, 64);

    /** The function's type. */
    public final FunctionType type;
    /** Its canonical type id ({@link TypeIds}), compared by call_indirect. */
    public final int typeId;
    /** The defining instance, or null for a host function. */
    public final ModuleInstance owner;
    /** Function index in the owner's module. */
    public final int index;
    /** The host implementation, or null for a WebAssembly function. */
    public final HostFunction host;
    /** Slots a call from the host needs for arguments and results. */
    final int callSlots;
    private volatile MethodHandle handle;

    /**
     * A WebAssembly function.
     *
     * @param owner the instance defining it
     * @param index its function index
     * @param type its type
     */
    public FunctionInstance(ModuleInstance owner, int index, FunctionType type) {
        this.type = type;
        this.typeId = TypeIds.of(type);
        this.owner = owner;
        this.index = index;
        this.host = null;
        this.callSlots = Math.max(1, Math.max(type.paramCount(), type.resultCount()));
    }

    /**
     * A host function.
     *
     * @param type its type
     * @param host the implementation
     */
    public FunctionInstance(FunctionType type, HostFunction host) {
        this.type = type;
        this.typeId = TypeIds.of(type);
        this.owner = null;
        this.index = -1;
        this.host = host;
        this.callSlots = Math.max(1, type.paramCount() + type.resultCount());
    }

    @Override
    public FunctionType type() {
        return type;
    }

    Machine machine() {
        return owner != null ? owner.executor.machine() : HOST_ONLY.machine();
    }

    @Override
    public Object[] call(Object... args) {
        int params = type.paramCount();
        if (args.length != params) {
            throw new IllegalArgumentException("function " + type + " takes " + params + " arguments, got " + args.length);
        }
        Machine m = machine();
        int base = m.reserve(callSlots);
        long[] s = m.slots();
        Object[] r = m.refs();
        for (int i = 0; i < params; i++) {
            ValueType t = type.param(i);
            Object a = args[i];
            try {
                switch (t) {
                    case I32 -> s[base + i] = (Integer) a;
                    case I64 -> s[base + i] = (Long) a;
                    case F32 -> s[base + i] = Float.floatToRawIntBits((Float) a);
                    case F64 -> s[base + i] = Double.doubleToRawLongBits((Double) a);
                    case FUNCREF -> {
                        if (a != null && !(a instanceof FunctionInstance)) {
                            throw new IllegalArgumentException("argument " + i + " must be a WebAssembly function or null");
                        }
                        r[base + i] = a;
                    }
                    case EXTERNREF -> r[base + i] = a;
                    default -> throw new IllegalArgumentException("cannot pass a " + t.wasmName() + " argument from Java");
                }
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("argument " + i + " must be a " + t.wasmName() + " value, got " + a, e);
            }
        }
        m.invoke(this, base);
        s = m.slots();
        r = m.refs();
        Object[] results = new Object[type.resultCount()];
        for (int i = 0; i < results.length; i++) {
            long v = s[base + i];
            results[i] = switch (type.result(i)) {
                case I32 -> (int) v;
                case I64 -> v;
                case F32 -> Float.intBitsToFloat((int) v);
                case F64 -> Double.longBitsToDouble(v);
                case FUNCREF, EXTERNREF -> r[base + i];
                default -> throw new IllegalStateException("cannot return a " + type.result(i).wasmName() + " to Java");
            };
        }
        return results;
    }

    @Override
    public MethodHandle handle() {
        MethodHandle h = handle;
        if (h == null) {
            h = Invokers.handleFor(this);
            handle = h;
        }
        return h;
    }

    @Override
    public String toString() {
        if (owner == null) {
            return "host function " + type;
        }
        return owner.describeFunction(index) + " " + type;
    }
}
