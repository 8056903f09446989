package dev.weft.bench;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Execution;
import dev.weft.Instance;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.WasmModule;
import dev.weft.bench.support.BenchFiles;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How soon a running guest stops after it is asked to: the distribution of the delay between the
 * moment a stop takes effect (a deadline passes, {@code Execution.interrupt()} or
 * {@code Thread.interrupt()} is called) and the moment the trap reaches the calling thread's
 * Java code, for a tight loop ({@code spin}) and a loop of calls ({@code spinCalls}), in both
 * dispatch modes. Not a JMH benchmark (it measures a latency distribution, not a throughput):
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar dev.weft.bench.Reaction [trials]}</pre>
 *
 * Each case first stops the loop 50 times unmeasured, so that C2 has compiled it.
 */
public final class Reaction {
    private Reaction() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf(Locale.ROOT, "%-8s %-10s %-17s %8s %8s %8s %8s %8s%n", "mode", "loop", "stop", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "trials");
        for (DispatchMode mode : DispatchMode.values()) {
            Instance instance = Engine.builder().dispatch(mode).build()
                    .instantiate(WasmModule.parse(BenchFiles.bundled("spin.wasm")));
            for (String loop : new String[] {"spin", "spinCalls"}) {
                for (String stop : new String[] {"deadline", "Execution.interrupt", "Thread.interrupt"}) {
                    measure(instance, loop, stop, 50);
                    double[] ms = measure(instance, loop, stop, trials);
                    Arrays.sort(ms);
                    System.out.printf(Locale.ROOT, "%-8s %-10s %-17s %8.3f %8.3f %8.3f %8.3f %8d%n", mode.id(), loop, stop,
                            at(ms, 0.5), at(ms, 0.9), at(ms, 0.99), ms[ms.length - 1], trials);
                }
            }
        }
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** @return per trial, milliseconds from the stop taking effect to the trap in the caller */
    private static double[] measure(Instance instance, String loop, String stop, int trials) throws Exception {
        double[] ms = new double[trials];
        for (int i = 0; i < trials; i++) {
            long spinFor = 2_000_000 + ThreadLocalRandom.current().nextLong(8_000_000); // 2-10 ms
            Execution run = Execution.create();
            if (stop.equals("deadline")) {
                run.setTimeout(Duration.ofNanos(spinFor));
            }
            AtomicLong stoppedAt = new AtomicLong();
            AtomicLong trappedAt = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);
            Thread guest = Thread.ofPlatform().start(() -> {
                running.countDown();
                long start = System.nanoTime();
                stoppedAt.set(start + spinFor); // for a deadline: when it passes (the call starts right after)
                try {
                    run.call(instance.function(loop));
                } catch (TrapException e) {
                    trappedAt.set(System.nanoTime());
                    TrapKind expected = stop.equals("deadline") ? TrapKind.DEADLINE_EXCEEDED : TrapKind.INTERRUPTED;
                    if (e.kind() != expected) {
                        failure.set(e);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            running.await();
            if (!stop.equals("deadline")) {
                Thread.sleep(spinFor / 1_000_000, (int) (spinFor % 1_000_000));
                stoppedAt.set(System.nanoTime());
                if (stop.equals("Thread.interrupt")) {
                    guest.interrupt();
                } else {
                    run.interrupt();
                }
            }
            guest.join();
            if (failure.get() != null) {
                throw new IllegalStateException(loop + " / " + stop + " did not stop as expected", failure.get());
            }
            ms[i] = Math.max(0, trappedAt.get() - stoppedAt.get()) / 1e6;
        }
        return ms;
    }
}
