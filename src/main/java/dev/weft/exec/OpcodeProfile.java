package dev.weft.exec;

import dev.weft.code.Opcodes;
import dev.weft.code.WasmCounts;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A developer tool: with {@code -Dweft.profile=true} the dispatch loops count every executed
 * opcode and opcode pair, and the WebAssembly instructions they stand for ({@link WasmCounts}),
 * and print the totals and histograms when the JVM exits (used to choose the switch mode's hot
 * set and the fusions worth having, and to read off time per WebAssembly instruction).
 * Off by default; the flag is a constant, so the JIT removes the counting entirely.
 */
final class OpcodeProfile {
    private OpcodeProfile() {
    }

    static final boolean ENABLED = WasmCounts.ENABLED;
    private static final AtomicLongArray COUNTS = new AtomicLongArray(Opcodes.COUNT);
    /** Executed WebAssembly instructions, as the translator attributed them to internal ones. */
    private static final AtomicLong WASM = new AtomicLong();
    /** Executed pairs (previous opcode, opcode): which fusions would pay off. */
    private static final AtomicLongArray PAIRS = new AtomicLongArray(ENABLED ? Opcodes.COUNT * Opcodes.COUNT : 0);
    private static final ThreadLocal<int[]> PREVIOUS = ThreadLocal.withInitial(() -> new int[] {-1});

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpcodeProfile::print, "weft-opcode-profile"));
        }
    }

    /**
     * Counts the instruction about to run.
     *
     * @param word its first 8 bytes
     * @param pc its offset
     * @param m the machine running it (whose current instance's code it is)
     */
    static void count(long word, int pc, Machine m) {
        int op = (int) word & 0xFFFF;
        COUNTS.incrementAndGet(op);
        WasmCounts wasm = m.inst.code.wasmCounts;
        if (wasm != null) {
            WASM.addAndGet(wasm.at(pc));
        }
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
        long wasm = WASM.get();
        System.err.printf("weft profile: executed %,d WebAssembly instructions, %,d internal instructions,"
                + " %.3f internal per WebAssembly instruction%n", wasm, total, wasm == 0 ? 0.0 : total / (double) wasm);
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
