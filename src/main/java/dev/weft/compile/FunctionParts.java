package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How a function too large for one JIT-compiled JVM method is cut into parts, each a method of
 * its own that HotSpot compiles (see docs/execution-modes.md, "Large functions").
 *
 * <p>A part is a run of consecutive internal instructions. Its method loads the slots it touches
 * from the frame's arrays into JVM locals when it starts, runs its instructions on those locals
 * as an unsplit function does, and stores them back when control leaves it: for a branch to
 * another part's instruction or the fall-through into the next part it returns that instruction's
 * offset; for a return, -1. The function's own method (the driver) holds the arrays and calls
 * the part that holds each offset in turn. A part is entered at its first instruction or at any
 * of its instructions that a branch from another part targets (its entries).
 *
 * <p>Cuts avoid the inside of loops that fit in one part, so that a hot inner loop runs within
 * one method, on JVM locals, without returning to the driver on each iteration.
 */
final class FunctionParts {
    /** The parts, in code order. */
    final List<Part> parts;
    /** Most instructions a part may have. */
    final int maxInstructions;

    /**
     * One part: instructions {@code [from, to)} (code offsets), where it may be entered, and the
     * slots its instructions read or write.
     */
    record Part(int index, int from, int to, int[] entries, BitSet slots) {
        boolean contains(int pc) {
            return pc >= from && pc < to;
        }
    }

    private FunctionParts(List<Part> parts, int maxInstructions) {
        this.parts = parts;
        this.maxInstructions = maxInstructions;
    }

    /**
     * Cuts a function's code into parts of at most {@code maxInstructions} instructions.
     *
     * @param plan the function's plan (its code range, type and frame)
     * @param code the module's internal code
     * @param decoded the module (the types of calls)
     * @param maxInstructions most instructions in one part, at least 1
     */
    static FunctionParts cut(FunctionPlan plan, MemorySegment code, DecodedModule decoded, int maxInstructions) {
        int max = Math.max(1, maxInstructions);
        List<Integer> starts = new ArrayList<>();
        List<int[]> edges = new ArrayList<>(); // {source index, target pc}
        for (int pc = plan.entry; pc < plan.end; pc += InstructionDecoder.size(code, pc)) {
            int index = starts.size();
            starts.add(pc);
            for (int target : targets(code, pc)) {
                edges.add(new int[] {index, target});
            }
        }
        int n = starts.size();
        int[] indexOf = new int[plan.end - plan.entry + 1];
        java.util.Arrays.fill(indexOf, -1);
        for (int i = 0; i < n; i++) {
            indexOf[starts.get(i) - plan.entry] = i;
        }
        indexOf[plan.end - plan.entry] = n;
        // inside[c] > 0: a cut before instruction c would split a loop that fits in one part
        int[] inside = new int[n + 2];
        for (int[] e : edges) {
            int target = indexOf[e[1] - plan.entry];
            if (target <= e[0] && e[0] - target < max) {
                inside[target + 1]++;
                inside[e[0] + 1]--;
            }
        }
        for (int c = 1; c <= n; c++) {
            inside[c] += inside[c - 1];
        }
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + max);
            if (to < n) { // the latest cut that splits no loop fitting in a part, if there is one
                int cut = to;
                while (cut > from && inside[cut] > 0) {
                    cut--;
                }
                if (cut > from) {
                    to = cut;
                }
            }
            ranges.add(new int[] {from, to});
            from = to;
        }
        List<BitSet> entries = new ArrayList<>();
        int[] partOfIndex = new int[n];
        for (int p = 0; p < ranges.size(); p++) {
            BitSet b = new BitSet();
            b.set(ranges.get(p)[0]);
            entries.add(b);
            java.util.Arrays.fill(partOfIndex, ranges.get(p)[0], ranges.get(p)[1], p);
        }
        for (int[] e : edges) {
            int target = indexOf[e[1] - plan.entry];
            if (partOfIndex[target] != partOfIndex[e[0]]) {
                entries.get(partOfIndex[target]).set(target);
            }
        }
        List<Part> parts = new ArrayList<>(ranges.size());
        for (int p = 0; p < ranges.size(); p++) {
            int[] r = ranges.get(p);
            int[] entryPcs = entries.get(p).stream().map(starts::get).toArray();
            BitSet slots = new BitSet();
            // the parameters and results: where the driver passes arguments and finds results
            slots.set(0, Math.max(plan.type.paramCount(), plan.type.resultCount()));
            for (int i = r[0]; i < r[1]; i++) {
                touch(code, starts.get(i), decoded, plan.frame, slots);
            }
            int end = r[1] < n ? starts.get(r[1]) : plan.end;
            parts.add(new Part(p, starts.get(r[0]), end, entryPcs, slots));
        }
        return new FunctionParts(List.copyOf(parts), max);
    }

    /** @return the code offsets an instruction may branch to */
    static List<Integer> targets(MemorySegment code, int pc) {
        List<Integer> t = new ArrayList<>(2);
        String[] kinds = Fields.kinds(InstructionDecoder.opcode(code, pc));
        for (int f = 0; f < kinds.length; f++) {
            if (kinds[f].equals("off")) {
                t.add(pc + (int) InstructionDecoder.field(code, pc, f));
            } else if (kinds[f].equals("list")) {
                for (int i = 0; i < InstructionDecoder.listLength(code, pc); i++) {
                    t.add(pc + InstructionDecoder.listEntry(code, pc, i));
                }
            }
        }
        return t;
    }

    /**
     * Adds the slots an instruction reads or writes: its slot fields (a v128 field two), the far
     * slots of far copies, and the argument and result slots of calls.
     */
    static void touch(MemorySegment code, int pc, DecodedModule decoded, int frame, BitSet slots) {
        int opcode = InstructionDecoder.opcode(code, pc);
        String[] kinds = Fields.kinds(opcode);
        for (int f = 0; f < kinds.length; f++) {
            if (kinds[f].equals("slot")) {
                int slot = (int) InstructionDecoder.field(code, pc, f);
                slots.set(slot);
                if (opcode >= FunctionPlan.FIRST_SIMD && slot + 1 < frame) {
                    slots.set(slot + 1);
                }
            }
        }
        FunctionType callee = null;
        int base = 0;
        if (opcode == Opcodes.CALL || opcode == Opcodes.CALL_IMPORT) {
            callee = decoded.functionType(InstructionDecoder.Call.func(code, pc));
            base = InstructionDecoder.Call.base(code, pc);
        } else if (opcode == Opcodes.CALL_INDIRECT) {
            callee = decoded.types[InstructionDecoder.CallIndirect.type(code, pc)];
            base = InstructionDecoder.CallIndirect.base(code, pc);
        } else if (opcode == Opcodes.COPY_FAR || opcode == Opcodes.COPY_REF_FAR) {
            slots.set(InstructionDecoder.CopyFar.dst(code, pc));
            slots.set(InstructionDecoder.CopyFar.src(code, pc));
        }
        if (callee != null) {
            slots.set(base, Math.min(frame, base + Math.max(callee.paramCount(), callee.resultCount())));
        }
    }
}
