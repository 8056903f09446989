import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.support.BroadWarmup;

/**
 * Ages the JVM with the bench harness's broad warm-up (all programs, both modes; rounds from
 * -Dweft.bench.warmupRounds), then runs CloseStorm with the same arguments. Run from the repository
 * root (CloseStorm reads its modules by relative path), with the Weft jar before the bench jar on
 * the class path, so that the Weft jar's classes are the ones measured.
 */
public class AgedStorm {
    public static void main(String[] a) throws Throwable {
        long t0 = System.nanoTime();
        BroadWarmup.execution(EngineKind.WEFT_SWITCH);
        BroadWarmup.programs(EngineKind.WEFT_SWITCH);
        System.out.printf("aged in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        CloseStorm.main(a);
    }
}
