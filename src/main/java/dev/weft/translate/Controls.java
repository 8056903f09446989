package dev.weft.translate;

import dev.weft.FunctionType;

import java.util.Arrays;

/**
 * The translator's control stack: one frame per open block, loop, if/else and the function.
 * Forward branches to a frame's end are kept as fixup chains and patched when the end is reached.
 */
final class Controls {
    static final byte FUNC = 0;
    static final byte BLOCK = 1;
    static final byte LOOP = 2;
    static final byte IF = 3;
    static final byte ELSE = 4;

    byte[] kind = new byte[16];
    /** Operand stack height below the frame's parameters. */
    int[] height = new int[16];
    FunctionType[] type = new FunctionType[16];
    /** True after an unconditional branch, until the frame's else/end. */
    boolean[] unreachable = new boolean[16];
    /** True once some branch targets the frame's end (its results must then sit in their slots). */
    boolean[] branched = new boolean[16];
    /** Loops: offset of the first instruction (backward branch target). */
    int[] start = new int[16];
    /** Fixup chain of forward branches to the frame's end. */
    int[] endFixups = new int[16];
    /** If frames: fixup chain of the branch to the else arm. */
    int[] elseFixups = new int[16];
    /**
     * Loops whose first instruction is a conditional exit (a branch to an enclosing block,
     * carrying no values): that block's frame; -1 otherwise. Enables loop rotation.
     */
    int[] headExit = new int[16];
    /** Loops: the translator's count of WebAssembly instructions read when the loop began (for its fuel cost). */
    long[] wasmStart = new long[16];
    /** Rotated loops: offset of the body, which their rotated back-edges jump to; -1 otherwise. */
    int[] bodyStart = new int[16];
    /**
     * Loops: WebAssembly instructions from before the loop that its first instruction stands for
     * (when no instruction before could), which a rotated copy of it does not (see {@link Emitter}).
     */
    int[] carriedWasm = new int[16];
    int depth;

    int push(byte k, int h, FunctionType t) {
        if (depth == kind.length) {
            int n = depth * 2;
            kind = Arrays.copyOf(kind, n);
            height = Arrays.copyOf(height, n);
            type = Arrays.copyOf(type, n);
            unreachable = Arrays.copyOf(unreachable, n);
            branched = Arrays.copyOf(branched, n);
            start = Arrays.copyOf(start, n);
            endFixups = Arrays.copyOf(endFixups, n);
            elseFixups = Arrays.copyOf(elseFixups, n);
            headExit = Arrays.copyOf(headExit, n);
            wasmStart = Arrays.copyOf(wasmStart, n);
            bodyStart = Arrays.copyOf(bodyStart, n);
            carriedWasm = Arrays.copyOf(carriedWasm, n);
        }
        int f = depth++;
        kind[f] = k;
        height[f] = h;
        type[f] = t;
        unreachable[f] = false;
        branched[f] = false;
        start[f] = -1;
        endFixups[f] = Fixups.NONE;
        elseFixups[f] = Fixups.NONE;
        headExit[f] = -1;
        bodyStart[f] = -1;
        carriedWasm[f] = 0;
        return f;
    }

    /** @return the innermost frame */
    int top() {
        return depth - 1;
    }

    /**
     * @param relativeDepth a branch's label index
     * @return the frame it targets
     */
    int target(int relativeDepth) {
        return depth - 1 - relativeDepth;
    }

    /**
     * @param f a frame
     * @return number of values a branch to it carries (a loop's parameters, otherwise its results)
     */
    int labelArity(int f) {
        return kind[f] == LOOP ? type[f].paramCount() : type[f].resultCount();
    }
}
