package dev.weft.bench;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.GuestFunction;
import dev.weft.bench.engines.HostBinding;
import dev.weft.bench.engines.Signature;
import dev.weft.bench.support.BenchFiles;
import dev.weft.bench.support.CpuClock;
import dev.weft.bench.support.Median;
import dev.weft.bench.support.WrongResultException;

import java.util.Arrays;

/**
 * An A/B of {@code CallBenchmark.hostCall} against {@code hostCallBound} without JMH, for a
 * machine too loaded for JMH's wall-clock scores: both bindings of {@code env.add} live in one JVM,
 * are warmed up alike, and run in alternating rounds (A B B A ...), each round timed by the
 * thread's CPU clock (what other processes take is not counted) and the wall clock. Prints the
 * median ns per host call of each and their ratio. With a third argument, {@code plain} or
 * {@code bound}, only that binding is instantiated and timed, so that the JVM's call sites see one
 * host function class, as in JMH's forks; compare several such JVMs.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.weft.bench.HostCallAB [weft-switch|weft-handles] [rounds] [plain|bound]</pre>
 */
public final class HostCallAB {
    private static final int HOST_CALLS = 1000;
    private static final int LOOPS_PER_ROUND = 200;
    private static final long EXPECTED = HOST_CALLS * (HOST_CALLS - 1L) / 2;

    private HostCallAB() {
    }

    public static void main(String[] args) {
        EngineKind engine = EngineKind.of(args.length > 0 ? args[0] : "weft-switch");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String only = args.length > 2 ? args[2] : "";
        if (!only.isEmpty()) {
            GuestFunction f = loop(engine, only.equals("bound") ? HostBinding.ADD_BOUND : HostBinding.ADD);
            for (int i = 0; i < 40; i++) {
                round(f);
            }
            double[] cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = CpuClock.now();
                round(f);
                cpu[r] = (CpuClock.now() - c0) / (double) (LOOPS_PER_ROUND * HOST_CALLS);
            }
            System.out.printf("%s %s only: cpu ns per host call %s%n", engine.id(), only, summary(cpu));
            return;
        }
        GuestFunction plain = loop(engine, HostBinding.ADD);
        GuestFunction bound = loop(engine, HostBinding.ADD_BOUND);
        for (int i = 0; i < 20; i++) { // warm-up: both compiled before any round counts
            round(plain);
            round(bound);
        }
        double[][] cpu = new double[2][rounds];
        double[][] wall = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int which = (r % 2 == 0) ? k : 1 - k; // A B, then B A: neither always goes first
                long w0 = System.nanoTime();
                long c0 = CpuClock.now();
                round(which == 0 ? plain : bound);
                cpu[which][r] = (CpuClock.now() - c0) / (double) (LOOPS_PER_ROUND * HOST_CALLS);
                wall[which][r] = (System.nanoTime() - w0) / (double) (LOOPS_PER_ROUND * HOST_CALLS);
            }
        }
        System.out.printf("%s, %d rounds of %d host calls each, ns per host call (median [quartiles]):%n", engine.id(),
                rounds, LOOPS_PER_ROUND * HOST_CALLS);
        System.out.printf("  hostCall       cpu %s   wall %s%n", summary(cpu[0]), summary(wall[0]));
        System.out.printf("  hostCallBound  cpu %s   wall %s%n", summary(cpu[1]), summary(wall[1]));
        System.out.printf("  bound / plain: cpu %.3f, wall %.3f%n", Median.of(cpu[1]) / Median.of(cpu[0]),
                Median.of(wall[1]) / Median.of(wall[0]));
    }

    private static GuestFunction loop(EngineKind engine, HostBinding binding) {
        return engine.compile(BenchFiles.bundled("host_loop.wasm")).instantiate(binding).function("loop", Signature.I32_TO_I32);
    }

    private static void round(GuestFunction loop) {
        for (int i = 0; i < LOOPS_PER_ROUND; i++) {
            long r = loop.call(HOST_CALLS);
            if (r != EXPECTED) {
                throw new WrongResultException("loop(" + HOST_CALLS + ") returned " + r + ", expected " + EXPECTED);
            }
        }
    }

    private static String summary(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return String.format("%6.1f [%5.1f, %5.1f]", s[s.length / 2], s[s.length / 4], s[3 * s.length / 4]);
    }
}
