import dev.weft.*;
import java.nio.file.*;

/**
 * Run from the repository root: java -cp target/weft.jar:CLASSES CloseStorm SWITCH|HANDLES CLOSES_PER_MS [INTERPRETER|COMPILED].
 * Thread A runs sumSquares in a loop; thread B instantiates and closes instances (raising the epoch) at a fixed rate. */
public class CloseStorm {
    public static void main(String[] a) throws Throwable {
        Engine e = Engine.builder().dispatch(DispatchMode.valueOf(a[0])).tier(Tier.valueOf(a.length > 2 ? a[2] : "INTERPRETER")).build();
        WasmModule bounds = WasmModule.parse(Path.of("src/test/resources/dev/weft/bounds.wasm"));
        WasmModule add = WasmModule.parse(Path.of("bench/src/main/resources/dev/weft/bench/add.wasm"));
        int closesPerMs = Integer.parseInt(a[1]);
        Instance inst = e.instantiate(bounds, Imports.builder().function("env", "tick",
                FunctionType.of(java.util.List.of(ValueType.I32), java.util.List.of(ValueType.I32)), c -> c.setI32(0, 0)).build());
        WasmFunction f = inst.function("sumSquares");
        // warm up without closes
        for (int i = 0; i < 20; i++) f.call(2_000_000);
        Thread closer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < closesPerMs; i++) e.instantiate(add).close();
                    Thread.sleep(1);
                }
            } catch (InterruptedException done) {
            }
        });
        if (closesPerMs > 0) closer.start();
        double best = Double.MAX_VALUE, sum = 0;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            f.call(2_000_000);
            double ms = (System.nanoTime() - t0) / 1e6;
            best = Math.min(best, ms); sum += ms;
        }
        closer.interrupt();
        System.out.printf("closes/ms %d: best %.1f ms, mean %.1f ms per sumSquares(2e6)%n", closesPerMs, best, sum / 20);
    }
}
