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
    public static final int STRIDE = 5;
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
    /** Flag: some declared local is a reference, so the reference slots need clearing too. */
    public static final int REF_LOCALS = 1;

    /** The code, read-only, padded. */
    public final MemorySegment code;
    /** {@link #STRIDE} ints per function, indexed by function index (imported functions' rows are unused). */
    public final int[] functions;
    /** Number of Wasm instructions translated (for the translation statistics). */
    public final long wasmInstructions;
    /** Number of internal instructions emitted. */
    public final long internalInstructions;

    /**
     * @param code the code
     * @param functions the function table
     * @param wasmInstructions Wasm instructions read
     * @param internalInstructions internal instructions written
     */
    public CompiledCode(MemorySegment code, int[] functions, long wasmInstructions, long internalInstructions) {
        this.code = code;
        this.functions = functions;
        this.wasmInstructions = wasmInstructions;
        this.internalInstructions = internalInstructions;
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
