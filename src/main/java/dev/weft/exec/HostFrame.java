package dev.weft.exec;

import dev.weft.FunctionType;
import dev.weft.HostCall;
import dev.weft.Memory;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.V128;
import dev.weft.ValueType;
import dev.weft.code.ValueSlots;
import dev.weft.runtime.FunctionInstance;
import dev.weft.runtime.InternalErrors;
import dev.weft.runtime.ModuleInstance;

import java.util.Arrays;

/**
 * The {@link HostCall} a host function receives: a view of its arguments and results in the
 * machine's value stack, valid during the call. One per machine, reused for every host call
 * (nested ones save and restore what they change), so host calls allocate nothing. Arguments and
 * results are laid out as {@link ValueSlots} says: value i is in slot i unless a v128 (two slots)
 * comes before it.
 */
final class HostFrame implements HostCall {
    private final Machine m;
    private int args;
    private int params;
    private int results;
    private int resultCount;
    /** Whether the current signature has a v128, so that indices are not slots. */
    private boolean wide;
    private FunctionType type;

    HostFrame(Machine m) {
        this.m = m;
    }

    /** Calls host function {@code f} with its arguments in slots {@code base..}; leaves its results there. */
    void call(FunctionInstance f, int base) {
        int paramSlots = f.paramSlots;
        int resultSlots = f.resultSlots;
        m.ensureSlots((long) base + paramSlots + resultSlots);
        boolean references = f.referenceResults;
        long[] slots = m.slots;
        // results the host does not set are zero or null, not what an earlier call left there
        // (a stale reference could even be an externref in a funcref result)
        for (int r = base + paramSlots; r < base + paramSlots + resultSlots; r++) {
            slots[r] = 0;
        }
        if (references) {
            // numeric results are read from the value slots alone, so their reference slots are
            // neither cleared nor copied: a reference array store or copy costs a GC barrier
            Arrays.fill(m.refs, base + paramSlots, base + paramSlots + resultSlots, null);
        }
        int savedArgs = args;
        int savedParams = params;
        int savedResults = results;
        int savedResultCount = resultCount;
        boolean savedWide = wide;
        int savedTop = m.top;
        FunctionType savedType = type;
        args = base;
        params = f.type.paramCount();
        results = base + paramSlots;
        resultCount = f.type.resultCount();
        wide = paramSlots != params || resultSlots != resultCount;
        // reference fields are stored only when they change: the machine is long-lived, and on
        // JDK 25 G1's barrier for a reference store into an old object includes a StoreLoad fence
        // (finding 31); a stale type is never read (the indices are checked against params first)
        if (f.type != savedType) {
            type = f.type;
        }
        m.top = base + paramSlots + resultSlots;
        try {
            f.host.call(this);
        } catch (RuntimeException e) {
            throw InternalErrors.fromHost(e); // the host's own exception: passes unchanged
        } finally {
            args = savedArgs;
            params = savedParams;
            results = savedResults;
            resultCount = savedResultCount;
            wide = savedWide;
            if (type != savedType) {
                type = savedType;
            }
            m.top = savedTop;
        }
        if (resultSlots > 0) {
            // the host may have called back into WebAssembly, which may have grown the stack
            System.arraycopy(m.slots, base + paramSlots, m.slots, base, resultSlots);
            if (references) {
                System.arraycopy(m.refs, base + paramSlots, m.refs, base, resultSlots);
            }
        }
    }

    private int arg(int index) {
        if (index < 0 || index >= params) {
            throw new IndexOutOfBoundsException("argument " + index + " of a host function with " + params + " parameters");
        }
        return args + (wide ? ValueSlots.offset(type.params(), index) : index);
    }

    private int result(int index) {
        if (index < 0 || index >= resultCount) {
            throw new IndexOutOfBoundsException("result " + index + " of a host function with " + resultCount + " results");
        }
        return results + (wide ? ValueSlots.offset(type.results(), index) : index);
    }

    @Override
    public int i32(int index) {
        return (int) m.slots[arg(index)];
    }

    @Override
    public long i64(int index) {
        return m.slots[arg(index)];
    }

    @Override
    public float f32(int index) {
        return Float.intBitsToFloat((int) m.slots[arg(index)]);
    }

    @Override
    public double f64(int index) {
        return Double.longBitsToDouble(m.slots[arg(index)]);
    }

    @Override
    public V128 v128(int index) {
        int at = arg(index);
        if (type.param(index) != ValueType.V128) {
            throw new IllegalArgumentException("argument " + index + " is a " + type.param(index).wasmName() + ", not a v128");
        }
        return new V128(m.slots[at], m.slots[at + 1]);
    }

    @Override
    public Object ref(int index) {
        return m.refs[arg(index)];
    }

    @Override
    public void setI32(int index, int value) {
        m.slots[result(index)] = value;
    }

    @Override
    public void setI64(int index, long value) {
        m.slots[result(index)] = value;
    }

    @Override
    public void setF32(int index, float value) {
        m.slots[result(index)] = Float.floatToRawIntBits(value);
    }

    @Override
    public void setF64(int index, double value) {
        m.slots[result(index)] = Double.doubleToRawLongBits(value);
    }

    @Override
    public void setV128(int index, V128 value) {
        int at = result(index);
        if (type.result(index) != ValueType.V128) {
            throw new IllegalArgumentException("result " + index + " is a " + type.result(index).wasmName() + ", not a v128");
        }
        m.slots[at] = value.low();
        m.slots[at + 1] = value.high();
    }

    @Override
    public void setRef(int index, Object value) {
        int at = result(index);
        if (value != null && !(value instanceof FunctionInstance) && type.result(index) == ValueType.FUNCREF) {
            throw new IllegalArgumentException("result " + index + " is a funcref: a WebAssembly function or null, not "
                    + value.getClass().getName());
        }
        m.refs[at] = value;
    }

    @Override
    public long fuel() {
        return m.metered ? m.fuel : Long.MAX_VALUE;
    }

    @Override
    public void consumeFuel(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("fuel units must not be negative");
        }
        if (m.metered) {
            if (m.fuel < units) {
                throw new TrapException(TrapKind.OUT_OF_FUEL, "out of fuel: a host function needed " + units);
            }
            m.fuel -= units;
        }
    }

    @Override
    public void suspend() {
        m.requestYield();
    }

    @Override
    public Memory memory() {
        // the caller is the machine's current instance whenever the host function's own code runs:
        // a nested call restores it when it returns or traps (none for a call from the host)
        ModuleInstance caller = m.inst;
        if (caller == null || caller.memory == null) {
            throw new IllegalStateException("the caller has no memory");
        }
        return caller.memory;
    }
}
