package dev.weft.runtime;

import dev.weft.FunctionType;
import dev.weft.HostFunction;
import dev.weft.ValueType;
import dev.weft.WasmFunction;
import dev.weft.code.ValueSlots;
import dev.weft.exec.CallDefaults;
import dev.weft.exec.ExecutionState;
import dev.weft.exec.Executor;
import dev.weft.exec.Machine;

import java.lang.invoke.MethodHandle;

/**
 * A function: defined by a module instance ({@link #owner} and {@link #index}) or by the host
 * ({@link #host}). This is also the funcref value held in tables and globals.
 */
public final class FunctionInstance implements WasmFunction {
    /** Runs host functions that a host calls directly (they need no WebAssembly stack of their own). */
    private static final Executor HOST_ONLY = new Executor(false, 1024, 1 << 16, 64, CallDefaults.NONE);

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
    /** Slots the parameters take (their count, unless v128 ones take two each: see {@link ValueSlots}). */
    public final int paramSlots;
    /** Slots the results take. */
    public final int resultSlots;
    /** Whether a result is a reference: only then does a host call clear and copy reference slots. */
    public final boolean referenceResults;
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
        this.paramSlots = ValueSlots.params(type);
        this.resultSlots = ValueSlots.results(type);
        this.referenceResults = hasReferenceResult(type);
        this.callSlots = Math.max(1, Math.max(paramSlots, resultSlots));
    }

    /**
     * A WebAssembly function of the same type as another one of its instance: its type's id and
     * slot counts are taken from that one rather than computed again (instantiation makes one of
     * these per function the module defines: thousands for a large module).
     *
     * @param owner the instance defining it
     * @param index its function index
     * @param sameType a function of {@code owner} with the same type
     */
    public FunctionInstance(ModuleInstance owner, int index, FunctionInstance sameType) {
        this.type = sameType.type;
        this.typeId = sameType.typeId;
        this.owner = owner;
        this.index = index;
        this.host = null;
        this.paramSlots = sameType.paramSlots;
        this.resultSlots = sameType.resultSlots;
        this.referenceResults = sameType.referenceResults;
        this.callSlots = sameType.callSlots;
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
        this.paramSlots = ValueSlots.params(type);
        this.resultSlots = ValueSlots.results(type);
        this.referenceResults = hasReferenceResult(type);
        this.callSlots = Math.max(1, paramSlots + resultSlots);
    }

    private static boolean hasReferenceResult(FunctionType type) {
        return type.results().stream().anyMatch(ValueType::isReference);
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
        return call(null, args);
    }

    /**
     * {@link #call(Object...)} under an execution's bounds.
     *
     * @param execution the execution, or null for the engine's defaults
     * @param args one argument per parameter
     * @return the results
     */
    public Object[] call(ExecutionState execution, Object... args) {
        Machine m = machine();
        int base = m.reserve(callSlots);
        writeArguments(m, base, args);
        m.invoke(this, base, execution);
        return readResults(m, base);
    }

    /** Checks and writes boxed arguments into slots {@code base..}. */
    void writeArguments(Machine m, int base, Object[] args) {
        if (args.length != type.paramCount()) {
            throw new IllegalArgumentException("function " + type + " takes " + type.paramCount() + " arguments, got "
                    + args.length);
        }
        Values.write(type.params(), args, m, base, "argument");
    }

    /** Reads the results from slots {@code base..}, boxed. */
    Object[] readResults(Machine m, int base) {
        return Values.read(type.results(), m, base);
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
