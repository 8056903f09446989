package dev.weft.code;

import java.util.Arrays;

/**
 * Executed-WebAssembly-instruction counting, a developer tool switched on with
 * {@code -Dweft.profile=true} (with the opcode profile of the dispatch loops): per offset of a
 * module's translated code, how many WebAssembly instructions the internal instruction there
 * stands for, as the translator attributed them (providers and fused instructions to the
 * instruction that absorbed them, {@code block}/{@code end}/{@code nop} to a neighbour). The
 * dispatch loops add it up for every instruction they execute, so that the profile can report
 * executed WebAssembly instructions and time per WebAssembly instruction of any run. Off, nothing
 * is recorded and {@link CompiledCode#wasmCounts} is null.
 */
public final class WasmCounts {
    /** Whether WebAssembly instructions are counted ({@code -Dweft.profile=true}). */
    public static final boolean ENABLED = Boolean.getBoolean("weft.profile");

    /** Per code offset; replaced by a larger copy when a function does not fit (readers need no lock). */
    private volatile int[] counts = new int[0];

    WasmCounts() {
    }

    /**
     * Records a function's counts at its entry, before the function is published. Under the code's lock.
     *
     * @param entry the function's offset in the module's code
     * @param function its counts, per offset within the function
     */
    void put(int entry, int[] function) {
        int[] c = counts;
        int end = entry + function.length;
        if (end > c.length) {
            c = Arrays.copyOf(c, Math.max(end, c.length * 2));
        }
        System.arraycopy(function, 0, c, entry, function.length);
        counts = c;
    }

    /**
     * @param pc the offset of an instruction of the module's translated code
     * @return the WebAssembly instructions it stands for
     */
    public int at(int pc) {
        int[] c = counts;
        return pc < c.length ? c[pc] : 0;
    }
}
