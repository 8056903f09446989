package dev.weft.code;

import dev.weft.InternalErrorException;
import dev.weft.WeftException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The translated code of one module: every defined function's internal instructions in one
 * off-heap segment, and a table describing each function's entry and frame.
 *
 * <p>Functions are translated <em>lazily</em>, the first time they are called ({@link #translate}),
 * so that loading a module costs decoding and validation only, and functions never called are
 * never translated; {@link #translateAll()} translates the rest at once. Translated code is
 * appended to the segment and never changes: {@link #code} is a view of everything translated so
 * far, replaced (never modified below its end) after each function. A machine may therefore still
 * hold an older, shorter view; reading past its end fails with {@link IndexOutOfBoundsException},
 * which the dispatch loop answers by taking the current view ({@code LazyCode.staleCode}). Each
 * function starts {@link CodeLayout#PADDING} bytes after the previous one ends, so an older view
 * never reads a byte of a later function: it ends in padding.
 *
 * <p>Frame layout of a function (slot indices relative to its frame pointer):
 * {@code [parameters][declared locals][3 scratch slots][operand temporaries]}. Results are
 * returned in slots 0.., where the caller placed the arguments.
 *
 * <p>Thread-safe: translation takes the code's lock; readers take no lock. A function's row is
 * written before its {@link #ENTRY}, which is written last with release semantics and read with
 * acquire semantics ({@link #entryAcquire}), so whoever sees the entry sees the rest.
 */
public final class CompiledCode {
    /** Ints per function in {@link #functions}. */
    public static final int STRIDE = 7;
    /** Offset of the function's first instruction, or {@link #UNTRANSLATED}. */
    public static final int ENTRY = 0;
    /** Number of parameter slots. */
    public static final int PARAMS = 1;
    /** Number of declared (zero-initialised) local slots after the parameters. */
    public static final int LOCALS = 2;
    /** Slots the frame needs from its frame pointer on. */
    public static final int FRAME = 3;
    /** Flags, see {@link #REF_LOCALS}. */
    public static final int FLAGS = 4;
    /**
     * Fuel a call of the function costs: the number of WebAssembly instructions in its body (see
     * {@link #loopCost}).
     */
    public static final int FUEL = 5;
    /** Offset just past the function's last instruction. */
    public static final int END = 6;
    /** Flag: some declared local is a reference, so the reference slots need clearing too. */
    public static final int REF_LOCALS = 1;
    /** {@link #ENTRY} of a function not translated yet. */
    public static final int UNTRANSLATED = -1;

    private static final VarHandle ROW = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int INITIAL_CAPACITY = 1 << 16;
    /** Offsets are Java ints; keep clear of the top so arithmetic on them cannot overflow. */
    private static final long MAX_CODE = Integer.MAX_VALUE - (1 << 16);

    /** A read-only view of all code translated so far, padded. Read by the executor. */
    public volatile MemorySegment code;
    /** {@link #STRIDE} ints per function, indexed by function index (imported functions' rows are unused). */
    public final int[] functions;
    private final int firstDefined;
    private final FunctionTranslator translator;
    private final LoopCosts loopCosts = new LoopCosts();
    /** What each instruction stands for in WebAssembly instructions, when they are counted ({@link WasmCounts#ENABLED}); else null. */
    public final WasmCounts wasmCounts = WasmCounts.ENABLED ? new WasmCounts() : null;
    /** Where translated code is appended; replaced by a larger copy when full. Guarded by this. */
    private MemorySegment backing;
    /** Base addresses of every backing segment there has been (for {@link #holds}). */
    private volatile long[] backings = new long[0];
    /** Bytes of {@link #backing} in use (the last function's end). Guarded by this. */
    private int used;
    /** Defined functions in translation order, which is also the order of their entries (for {@link #functionAt}). */
    private volatile int[] order = new int[0];
    private long wasmInstructions;
    private long internalInstructions;
    /**
     * Compiled tier hook: this module's state in the compiled tier ({@code dev.weft.compile}),
     * created when an instance of the module first runs on an engine with a compiled tier; null
     * until then. Held here so that compiled classes live and die with the module.
     */
    public volatile Object tierState;

    /**
     * @param functionCount the module's functions, imports included
     * @param firstDefined index of the first function it defines (the number of imported functions)
     * @param translator translates a function when it is first needed
     */
    public CompiledCode(int functionCount, int firstDefined, FunctionTranslator translator) {
        this.functions = new int[functionCount * STRIDE];
        for (int f = 0; f < functionCount; f++) {
            functions[f * STRIDE + ENTRY] = UNTRANSLATED;
        }
        this.firstDefined = firstDefined;
        this.translator = translator;
        this.backing = Arena.ofAuto().allocate(INITIAL_CAPACITY, 8);
        this.backings = new long[] {backing.address()};
        this.code = backing.asSlice(0, CodeLayout.PADDING).asReadOnly();
    }

    /**
     * @param function a function index
     * @return its entry as a racing reader must read it (acquire), or {@link #UNTRANSLATED}
     */
    public int entryAcquire(int function) {
        return (int) ROW.getAcquire(functions, function * STRIDE + ENTRY);
    }

    /**
     * Translates a defined function unless it is translated already, and returns its entry. Then
     * {@link #code} includes it.
     *
     * @param function a defined function's index
     * @return its entry
     * @throws WeftException if it cannot be translated (an unsupported feature, a limit), every time
     *     it is asked for
     */
    public int translate(int function) {
        int entry = entryAcquire(function);
        return entry != UNTRANSLATED ? entry : translateLocked(function);
    }

    private synchronized int translateLocked(int function) {
        int row = function * STRIDE;
        if (functions[row + ENTRY] != UNTRANSLATED) {
            return functions[row + ENTRY];
        }
        TranslatedFunction t;
        try {
            t = translator.translate(function);
        } catch (WeftException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalErrorException("translating", "func " + function, -1, e);
        }
        int length = (int) t.code().byteSize();
        int entry = used == 0 ? 0 : used + CodeLayout.PADDING;
        long end = (long) entry + length;
        if (end + CodeLayout.PADDING > backing.byteSize()) {
            grow(end + CodeLayout.PADDING);
        }
        MemorySegment.copy(t.code(), 0, backing, entry, length);
        for (int i = 0; i < t.loops().length; i += 2) {
            loopCosts.put(entry + t.loops()[i], t.loops()[i + 1]);
        }
        if (wasmCounts != null && t.wasmCounts() != null) {
            wasmCounts.put(entry, t.wasmCounts());
        }
        used = (int) end;
        wasmInstructions += t.wasmInstructions();
        internalInstructions += t.internalInstructions();
        int[] o = order;
        int[] more = java.util.Arrays.copyOf(o, o.length + 1);
        more[o.length] = function;
        functions[row + PARAMS] = t.params();
        functions[row + LOCALS] = t.locals();
        functions[row + FRAME] = t.frame();
        functions[row + FLAGS] = t.flags();
        functions[row + FUEL] = t.fuel();
        functions[row + END] = (int) end;
        code = backing.asSlice(0, end + CodeLayout.PADDING).asReadOnly();
        ROW.setRelease(functions, row + ENTRY, entry);
        order = more; // after the entry: functionAt reads the entries of the functions it lists
        return entry;
    }

    private void grow(long needed) {
        if (needed > MAX_CODE) {
            throw new dev.weft.UnsupportedFeatureException("translated code larger than " + MAX_CODE + " bytes", -1);
        }
        long size = Math.min(MAX_CODE, Math.max(needed, backing.byteSize() * 2));
        MemorySegment bigger = Arena.ofAuto().allocate(size, 8);
        MemorySegment.copy(backing, 0, bigger, 0, used);
        backing = bigger; // older views keep the old segment alive while machines hold them
        long[] b = java.util.Arrays.copyOf(backings, backings.length + 1);
        b[b.length - 1] = bigger.address();
        backings = b;
    }

    /**
     * Whether a segment is a view of this code, current or older (a machine may hold an older one).
     *
     * @param view a code segment
     * @return whether it is one of this module's
     */
    public boolean holds(MemorySegment view) {
        for (long address : backings) {
            if (view.address() == address) {
                return true;
            }
        }
        return false;
    }

    /**
     * Translates every defined function not translated yet.
     *
     * @throws WeftException if one cannot be translated
     */
    public void translateAll() {
        for (int f = firstDefined; f < functions.length / STRIDE; f++) {
            translate(f);
        }
    }

    /** {@return WebAssembly instructions translated so far} */
    public synchronized long wasmInstructions() {
        return wasmInstructions;
    }

    /** {@return internal instructions emitted so far} */
    public synchronized long internalInstructions() {
        return internalInstructions;
    }

    /** {@return bytes of translated code so far (functions and the padding between them)} */
    public synchronized long size() {
        return used;
    }

    /**
     * The fuel of one more iteration of a loop, charged by a branch back to its start: the number
     * of WebAssembly instructions in the loop's body (nested loops included once, as a call
     * charges its whole body once). Every backward branch targets an offset the translator
     * recorded.
     *
     * @param target the offset a backward branch jumps to
     * @return the loop's cost, or 1 for an offset that starts no loop (never, for translated code)
     */
    public int loopCost(int target) {
        return loopCosts.lookup(target);
    }

    /**
     * @param function a translated function's index
     * @return offset of its first instruction
     */
    public int entry(int function) {
        return translate(function);
    }

    /**
     * @param function a defined function's index (translated if it was not)
     * @return offset just past its last instruction
     */
    public int end(int function) {
        translate(function);
        return functions[function * STRIDE + END];
    }

    /**
     * Finds the translated function containing an instruction (for stack traces).
     *
     * @param pc an instruction offset
     * @param firstDefined index of the first defined function (unused: kept for callers)
     * @return the function index, or -1
     */
    public int functionAt(int pc, int firstDefined) {
        int[] o = order;
        int lo = 0;
        int hi = o.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (functions[o[mid] * STRIDE + ENTRY] <= pc) {
                found = o[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
