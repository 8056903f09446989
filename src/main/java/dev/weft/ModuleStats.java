package dev.weft;

import java.util.List;

/**
 * What translation made of a module, for performance work ({@code weft stats}): sizes and
 * instruction counts of the WebAssembly code and of the internal code Weft runs.
 *
 * @param wasmCodeBytes bytes of all function bodies in the binary
 * @param internalCodeBytes bytes of all translated (internal) code
 * @param wasmInstructions WebAssembly instructions translated
 * @param internalInstructions internal instructions emitted (fewer: operands and fusions absorb many)
 * @param functions each defined function's figures, in function index order
 */
public record ModuleStats(long wasmCodeBytes, long internalCodeBytes, long wasmInstructions, long internalInstructions,
        List<Function> functions) {

    /**
     * One defined function's figures.
     *
     * @param index its function index (imports first)
     * @param name its name from the name section, or null
     * @param wasmBytes bytes of its body in the binary
     * @param internalBytes bytes of its translated code
     * @param internalInstructions internal instructions in its translated code
     */
    public record Function(int index, String name, int wasmBytes, int internalBytes, int internalInstructions) {
    }

    /** {@return internal instructions per WebAssembly instruction, translated (not executed)} */
    public double internalPerWasmInstruction() {
        return wasmInstructions == 0 ? 0 : (double) internalInstructions / wasmInstructions;
    }
}
