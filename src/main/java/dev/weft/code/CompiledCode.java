package dev.weft.code;

import java.lang.foreign.MemorySegment;

/**
 * The translated code of one module: every defined function's internal instructions in one
 * off-heap segment, and a table describing each function's entry and frame.
 *
 * <p>Frame layout of a function (slot indices relative to its frame pointer):
 * {@code [parameters][declared locals][3 scratch slots][operand temporaries]}. Results are
 * returned in slots 0.., where the caller placed the arguments.
 */
public final class CompiledCode {
    /** Ints per function in {@link #functions}. */
    public static final int STRIDE = 6;
    /** Offset of the function's first instruction. */
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
    /** Flag: some declared local is a reference, so the reference slots need clearing too. */
    public static final int REF_LOCALS = 1;

    /** The code, read-only, padded. */
    public final MemorySegment code;
    /** {@link #STRIDE} ints per function, indexed by function index (imported functions' rows are unused). */
    public final int[] functions;
    /**
     * Fuel of each loop iteration, by the offset its backward branches jump to: an open-addressing
     * hash table of pairs {@code [offset + 1, cost]} (0 marks a free entry), its length a power of two
     * times two. See {@link #loopCost}.
     */
    private final int[] loopCosts;
    /** Number of Wasm instructions translated (for the translation statistics). */
    public final long wasmInstructions;
    /** Number of internal instructions emitted. */
    public final long internalInstructions;
    /**
     * Compiled tier hook: this module's state in the compiled tier ({@code dev.weft.compile}),
     * created when an instance of the module first runs on an engine with a compiled tier; null
     * until then. Held here so that compiled classes live and die with the module.
     */
    public volatile Object tierState;

    /**
     * @param code the code
     * @param functions the function table
     * @param loopCosts the loop cost table, built by {@link LoopCosts}
     * @param wasmInstructions Wasm instructions read
     * @param internalInstructions internal instructions written
     */
    public CompiledCode(MemorySegment code, int[] functions, int[] loopCosts, long wasmInstructions,
            long internalInstructions) {
        this.code = code;
        this.functions = functions;
        this.loopCosts = loopCosts;
        this.wasmInstructions = wasmInstructions;
        this.internalInstructions = internalInstructions;
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
        return LoopCosts.lookup(loopCosts, target);
    }

    /**
     * @param function function index
     * @return offset of its first instruction
     */
    public int entry(int function) {
        return functions[function * STRIDE + ENTRY];
    }

    /**
     * @param function a defined function's index
     * @return offset just past its last instruction (the next function's entry, or the code end)
     */
    public int end(int function) {
        int next = function + 1;
        return next * STRIDE < functions.length ? functions[next * STRIDE + ENTRY]
                : (int) code.byteSize() - CodeLayout.PADDING;
    }

    /**
     * Finds the function containing an instruction (for stack traces).
     *
     * @param pc an instruction offset
     * @param firstDefined index of the first defined function
     * @return the function index, or -1
     */
    public int functionAt(int pc, int firstDefined) {
        int lo = firstDefined;
        int hi = functions.length / STRIDE - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (functions[mid * STRIDE + ENTRY] <= pc) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
