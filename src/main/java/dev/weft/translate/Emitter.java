package dev.weft.translate;

import dev.weft.code.InstructionDecoder;
import dev.weft.code.InstructionEncoder;
import dev.weft.code.WasmCounts;

import java.util.Arrays;

/**
 * Where the translator writes: the encoder, the {@link LastInstruction fusion state}, where the
 * last label was bound, the count of internal instructions, and, when WebAssembly instructions
 * are counted ({@link WasmCounts#ENABLED}), how many of them each internal instruction stands for.
 *
 * <p>Every WebAssembly instruction read is <em>pending</em> until an internal instruction is
 * written, which then stands for all pending ones: providers ({@code local.get}, constants) are
 * counted for the instruction that consumes them, and {@code block}, {@code end}, {@code nop} for
 * the next one. An instruction taken back gives its count back, so a fused instruction stands for
 * everything it absorbed.
 */
final class Emitter {
    final InstructionEncoder out = new InstructionEncoder();
    final LastInstruction last = new LastInstruction();
    /** Where a label was last bound: code before it can no longer be removed or fused with what follows. */
    int labelAt = -1;
    long internalInstructions;
    /** Per offset of an instruction: the WebAssembly instructions it stands for; null unless counting. */
    private int[] wasmAt = WasmCounts.ENABLED ? new int[256] : null;
    /** WebAssembly instructions read and not yet attributed to an internal instruction. */
    private int pendingWasm;

    /** Starts a function. */
    void reset() {
        out.reset();
        last.pc = -1;
        last.forget();
        labelAt = -1;
        pendingWasm = 0;
        if (wasmAt != null) {
            Arrays.fill(wasmAt, 0);
        }
    }

    /**
     * Records an instruction just written, which ends any fusion with the one before.
     *
     * @return pc
     */
    int note(int pc, int opcode) {
        last.wrote(pc, opcode);
        internalInstructions++;
        if (wasmAt != null) {
            attribute(pc);
        }
        return pc;
    }

    /**
     * Removes the last instruction (its bytes stay readable until the next is written), for an
     * instruction that absorbs it or because it turned out to be useless; what it stood for is
     * pending again. The one way the translator rewinds its output.
     *
     * @return where it was, where the next instruction goes
     */
    int takeBack() {
        int at = last.pc;
        out.position(at);
        internalInstructions--;
        if (wasmAt != null) {
            pendingWasm += wasmAt[at];
            wasmAt[at] = 0;
        }
        last.pc = -1;
        last.forget();
        return at;
    }

    /** Whether the last instruction is a plain copy that the next one may absorb (no label between). */
    boolean fusableCopy() {
        return last.copy && labelAt != out.position();
    }

    /**
     * Removes the {@link #fusableCopy} just written, for the instruction that absorbs it.
     *
     * @return its fields, {@code dst << 16 | src} (near slots are 16-bit)
     */
    int takeBackCopy() {
        java.lang.foreign.MemorySegment code = out.view();
        int dst = InstructionDecoder.Unary.dst(code, last.pc);
        int src = InstructionDecoder.Unary.src(code, last.pc);
        takeBack();
        return dst << 16 | src;
    }

    // ---------------------------------------------------------------- WebAssembly instruction counts

    /** One more WebAssembly instruction was read in reachable code. */
    void readWasm() {
        pendingWasm++;
    }

    /** @return the WebAssembly instructions read and not attributed yet (0 unless counting) */
    int pendingWasm() {
        return pendingWasm;
    }

    /**
     * Attributes the pending WebAssembly instructions to the last instruction, if control falls
     * from it to here (no label between): before a loop, so that what precedes the loop is not
     * counted once per iteration; for a {@code local.set} that retargeted its result.
     *
     * @return whether it could
     */
    boolean attributeToLast() {
        if (wasmAt == null || pendingWasm == 0) {
            return true;
        }
        if (last.pc < 0 || labelAt == out.position()) {
            return false;
        }
        wasmAt[last.pc] += pendingWasm;
        pendingWasm = 0;
        return true;
    }

    /**
     * @param pc an instruction written
     * @return the WebAssembly instructions it stands for (0 unless counting)
     */
    int wasmAt(int pc) {
        return wasmAt == null ? 0 : wasmAt[pc];
    }

    /** Makes the instruction at pc stand for {@code count} more WebAssembly instructions (loop rotation). */
    void addWasmAt(int pc, int count) {
        if (wasmAt != null) {
            wasmAt[pc] += count;
        }
    }

    private void attribute(int pc) {
        if (pc >= wasmAt.length) {
            wasmAt = Arrays.copyOf(wasmAt, Math.max(pc + 1, wasmAt.length * 2));
        }
        wasmAt[pc] = pendingWasm;
        pendingWasm = 0;
    }

    /**
     * @param length the function's code length
     * @return the function's counts as {@link dev.weft.code.TranslatedFunction#wasmCounts}, or null unless counting
     */
    int[] wasmCounts(int length) {
        if (wasmAt == null) {
            return null;
        }
        int[] counts = new int[length];
        System.arraycopy(wasmAt, 0, counts, 0, Math.min(length, wasmAt.length));
        return counts;
    }
}
