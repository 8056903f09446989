package dev.weft;

import org.junit.jupiter.api.Test;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.WeakReference;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What compiled code costs the JVM: a module of 10,000 functions compiled whole takes a bounded
 * amount of metaspace and code cache, and its classes (hidden, not strong) are unloaded once the
 * module and its instances are unreachable: nothing static holds them.
 */
class CompiledCodeMemoryTest {
    private static final int FUNCTIONS = 10_000;
    private static final long MIB = 1 << 20;

    /** 10,000 small functions, each adding its index to its argument; every 100th then calls the one before it. */
    private static byte[] manyFunctions() {
        ModuleBuilder b = new ModuleBuilder();
        int type = b.type(List.of(ValueType.I32), List.of(ValueType.I32));
        for (int i = 0; i < FUNCTIONS; i++) {
            ModuleBuilder.Code code = new ModuleBuilder.Code().localGet(0).i32Const(i).op(0x6A);
            if (i % 100 == 99) {
                code.call(i - 1);
            }
            b.function(type, code);
        }
        return b.exportFunction("first", 0).exportFunction("last", FUNCTIONS - 1).build();
    }

    private static long used(String pool) {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().contains(pool)) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static long codeCacheMax() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.NON_HEAP && p.getName().contains("CodeHeap")) {
                sum += p.getUsage().getMax();
            }
        }
        return sum;
    }

    @Test
    void tenThousandFunctionsCompileWithinBoundsAndUnloadWithTheirModule() throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long metaspaceBefore = used("Metaspace");
        long codeCacheBefore = used("CodeHeap");
        long unloadedBefore = classes.getUnloadedClassCount();
        WasmModule module = WasmModule.parse(manyFunctions());
        long start = System.nanoTime();
        Instance instance = RunMode.COMPILED.engine().instantiate(module);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(7, instance.function("first").call(7)[0]);
        assertEquals(7 + 9999 + 9998, instance.function("last").call(7)[0]); // last calls the one before it
        long metaspace = used("Metaspace") - metaspaceBefore;
        long codeCache = used("CodeHeap") - codeCacheBefore;
        System.out.printf("10,000 functions compiled in %d ms: metaspace +%d KiB, code cache +%d KiB (of %d MiB)%n",
                millis, metaspace / 1024, codeCache / 1024, codeCacheMax() / MIB);
        assertTrue(metaspace < 64 * MIB, "metaspace grew by " + metaspace / MIB + " MiB");
        assertTrue(codeCache < codeCacheMax() / 8, "code cache grew by " + codeCache / MIB + " MiB");

        WeakReference<WasmModule> gone = new WeakReference<>(module);
        module = null;
        instance = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (gone.get() != null || classes.getUnloadedClassCount() - unloadedBefore < FUNCTIONS / 200) {
            assertTrue(System.nanoTime() < deadline, "compiled classes not unloaded: " + (classes.getUnloadedClassCount()
                    - unloadedBefore) + " classes unloaded, module " + (gone.get() == null ? "collected" : "still reachable"));
            System.gc();
            Thread.sleep(50);
        }
        long after = used("Metaspace") - metaspaceBefore;
        System.out.printf("after unloading: metaspace +%d KiB, %d classes unloaded%n", after / 1024,
                classes.getUnloadedClassCount() - unloadedBefore);
        assertTrue(after < metaspace / 2, "metaspace still +" + after / 1024 + " KiB after unloading");
    }
}
