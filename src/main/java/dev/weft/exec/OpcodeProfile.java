package dev.weft.exec;

import dev.weft.code.Opcodes;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A developer tool: with {@code -Dweft.profile=true} the dispatch loops count every executed
 * opcode and opcode pair and print histograms when the JVM exits (used to choose the switch
 * mode's hot set and the fusions worth having).
 * Off by default; the flag is a constant, so the JIT removes the counting entirely.
 */
final class OpcodeProfile {
    private OpcodeProfile() {
    }

    static final boolean ENABLED = Boolean.getBoolean("weft.profile");
    private static final AtomicLongArray COUNTS = new AtomicLongArray(Opcodes.COUNT);
    /** Executed pairs (previous opcode, opcode): which fusions would pay off. */
    private static final AtomicLongArray PAIRS = new AtomicLongArray(ENABLED ? Opcodes.COUNT * Opcodes.COUNT : 0);
    private static final ThreadLocal<int[]> PREVIOUS = ThreadLocal.withInitial(() -> new int[] {-1});

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpcodeProfile::print, "weft-opcode-profile"));
        }
    }

    static void count(long word) {
        int op = (int) word & 0xFFFF;
        COUNTS.incrementAndGet(op);
        int[] previous = PREVIOUS.get();
        if (previous[0] >= 0) {
            PAIRS.incrementAndGet(previous[0] * Opcodes.COUNT + op);
        }
        previous[0] = op;
    }

    private static void print() {
        Integer[] order = new Integer[Opcodes.COUNT];
        long total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            total += COUNTS.get(i);
        }
        Arrays.sort(order, (a, b) -> Long.compare(COUNTS.get(b), COUNTS.get(a)));
        System.err.printf("weft opcode profile: %,d instructions%n", total);
        for (Integer op : order) {
            long c = COUNTS.get(op);
            if (c == 0) {
                break;
            }
            System.err.printf("%14d %6.2f%%  %s%n", c, 100.0 * c / total, Opcodes.name(op));
        }
        Integer[] pairs = new Integer[PAIRS.length()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = i;
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(PAIRS.get(b), PAIRS.get(a)));
        System.err.println("most executed pairs:");
        for (int i = 0; i < 40 && PAIRS.get(pairs[i]) > 0; i++) {
            long c = PAIRS.get(pairs[i]);
            System.err.printf("%14d %6.2f%%  %s -> %s%n", c, 100.0 * c / total, Opcodes.name(pairs[i] / Opcodes.COUNT),
                    Opcodes.name(pairs[i] % Opcodes.COUNT));
        }
    }
}
