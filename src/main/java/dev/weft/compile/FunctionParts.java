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
 * <p>Parts are limited by weight ({@link FunctionPlan#weight}): an instruction that accesses
 * memory weighs as much as 25 others, for what C2 inlines for it. Cuts avoid the inside of loops
 * of at most as many instructions as a part may weigh, whatever the loop weighs, so that a hot
 * inner loop runs within one method, on JVM locals, without returning to the driver on each
 * iteration.
 */
final class FunctionParts {
    /** The parts, in code order. */
    final List<Part> parts;
    /** Most weight ({@link FunctionPlan#weight}) a part may have. */
    final int maxWeight;

    /**
     * One part: instructions {@code [from, to)} (code offsets), where it may be entered, and the
     * slots its instructions read or write.
     */
    record Part(int index, int from, int to, int[] entries, BitSet slots) {
        boolean contains(int pc) {
            return pc >= from && pc < to;
        }
    }

    private FunctionParts(List<Part> parts, int maxWeight) {
        this.parts = parts;
        this.maxWeight = maxWeight;
    }

    /**
     * Cuts a function's code into parts of at most {@code maxWeight} weight each (an instruction
     * weighs 1, one that accesses memory more: {@link FunctionPlan#weight(int)}), except that a
     * loop of at most {@code maxWeight} instructions is never cut: a part that begins with one
     * holds all of it, whatever it weighs (an instruction heavier than the limit is a part of its
     * own too).
     *
     * @param plan the function's plan (its code range, type and frame)
     * @param code the module's internal code
     * @param decoded the module (the types of calls)
     * @param maxWeight most weight in one part, at least 1
     */
    static FunctionParts cut(FunctionPlan plan, MemorySegment code, DecodedModule decoded, int maxWeight) {
        int max = Math.max(1, maxWeight);
        List<Integer> starts = new ArrayList<>();
        List<int[]> edges = new ArrayList<>(); // {source index, target pc}
        List<Long> before = new ArrayList<>(); // weight of the instructions before each one
        long total = 0;
        for (int pc = plan.entry; pc < plan.end; pc += InstructionDecoder.size(code, pc)) {
            int index = starts.size();
            starts.add(pc);
            before.add(total);
            total += plan.weight(InstructionDecoder.opcode(code, pc));
            for (int target : targets(code, pc)) {
                edges.add(new int[] {index, target});
            }
        }
        int n = starts.size();
        before.add(total);
        int[] indexOf = new int[plan.end - plan.entry + 1];
        java.util.Arrays.fill(indexOf, -1);
        for (int i = 0; i < n; i++) {
            indexOf[starts.get(i) - plan.entry] = i;
        }
        indexOf[plan.end - plan.entry] = n;
        // inside[c] > 0: a cut before instruction c would split a loop of at most max instructions,
        // whatever its weight: a loop is better in one method, even one heavier than max
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
            int to = from + 1; // the most instructions from `from` within the weight, one at least
            while (to < n && before.get(to + 1) - before.get(from) <= max) {
                to++;
            }
            if (to < n && inside[to] > 0) { // the latest cut that splits no such loop, else the next one
                int cut = to;
                while (cut > from && inside[cut] > 0) {
                    cut--;
                }
                if (cut == from) { // the loop begins here: the part ends after it, within max instructions
                    int last = Math.min(n, from + max);
                    cut = to;
                    while (cut < last && inside[cut] > 0) {
                        cut++;
                    }
                }
                to = cut;
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
