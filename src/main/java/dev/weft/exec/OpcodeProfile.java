package dev.weft.exec;

import dev.weft.code.Opcodes;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A developer tool: with {@code -Dweft.profile=true} the dispatch loops count every executed
 * opcode and print a histogram when the JVM exits (used to choose the switch mode's hot set).
 * Off by default; the flag is a constant, so the JIT removes the counting entirely.
 */
final class OpcodeProfile {
    private OpcodeProfile() {
    }

    static final boolean ENABLED = Boolean.getBoolean("weft.profile");
    private static final AtomicLongArray COUNTS = new AtomicLongArray(Opcodes.COUNT);

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpcodeProfile::print, "weft-opcode-profile"));
        }
    }

    static void count(long word) {
        COUNTS.incrementAndGet((int) word & 0xFFFF);
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
    }
}
