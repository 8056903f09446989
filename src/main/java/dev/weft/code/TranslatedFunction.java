package dev.weft.code;

import java.lang.foreign.MemorySegment;

/**
 * One function as the translator made it: its internal code, which works at any offset
 * (branches are relative), what its frame needs, and what it costs in fuel.
 *
 * @param code its instructions, exactly (no padding); valid until the translator's next function
 * @param params parameter slots
 * @param locals slots after the parameters that are zeroed on entry: the declared locals and, if
 *     the code reads it, the zero slot after them (the address operand of constant-address accesses)
 * @param frame slots the frame needs from its frame pointer on
 * @param flags {@link CompiledCode#REF_LOCALS} or 0
 * @param fuel what a call costs: the number of WebAssembly instructions in its body
 * @param loops pairs of (offset within {@code code} that backward branches jump to, fuel per iteration)
 * @param wasmInstructions WebAssembly instructions read
 * @param internalInstructions internal instructions written
 * @param wasmCounts per offset within {@code code}: the WebAssembly instructions the instruction
 *     there stands for; null unless {@link WasmCounts#ENABLED}
 */
public record TranslatedFunction(MemorySegment code, int params, int locals, int frame, int flags, int fuel, int[] loops,
        long wasmInstructions, long internalInstructions, int[] wasmCounts) {
}
