package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What instances may hold: per-instance {@link ResourceLimits}, the engine's memory budget and
 * instance limit, reclamation of instances a host forgot to close, and the resident memory a
 * guest costs when it grows its memory in small steps (read from /proc on Linux).
 */
class ResourceBudgetTest {
    private static final long MIB = 1 << 20;
    private static final FunctionType TICK = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));

    /** (module (memory 65536 65536)): 18 bytes that ask for 4 GiB. */
    private static final byte[] FOUR_GIB = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x05, 0x08, 0x01, 0x01, (byte) 0x80, (byte) 0x80, 0x04, (byte) 0x80, (byte) 0x80, 0x04,
    };

    @Test
    void anEighteenByteModuleCannotCommitGigabytesUnderTheDefaults() {
        WeftException e = assertThrows(WeftException.class, () -> Engine.create().instantiate(WasmModule.parse(FOUR_GIB)));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void limitsCanBeGivenPerInstance(RunMode mode) {
        Engine engine = TestWasm.engine(mode);
        ResourceLimits tight = ResourceLimits.builder().maxMemoryBytes(MIB / 2).build();
        assertThrows(WeftException.class, () -> engine.instantiate(TestWasm.module("mem16"), Imports.none(), tight));
        Instance roomy = engine.instantiate(TestWasm.module("mem16"), Imports.none(),
                ResourceLimits.builder().maxMemoryBytes(2 * MIB).build());
        assertEquals(16, roomy.memory("memory").grow(16));
        assertEquals(-1, roomy.memory("memory").grow(1), "2 MiB is the limit");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void theMemoryBudgetRefusesNewMemoriesAndGrowthWhileInstancesHoldIt(RunMode mode) {
        Engine engine = mode.builder().memoryBudget(8 * MIB).build();
        List<Instance> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(engine.instantiate(TestWasm.module("mem16")));
        }
        assertEquals(8 * MIB, engine.memoryInUse());
        WeftException e = assertThrows(WeftException.class, () -> engine.instantiate(TestWasm.module("mem16")));
        assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
        assertEquals(-1, held.getFirst().memory("memory").grow(1), "growth past the budget fails as the spec allows");
        held.removeLast().close();
        assertEquals(7 * MIB, engine.memoryInUse());
        Instance again = engine.instantiate(TestWasm.module("mem16"));
        assertEquals(7, again.function("touch").call(100)[0]);
        held.forEach(Instance::close);
        again.close();
        assertEquals(0, engine.memoryInUse());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void theInstanceLimitCountsLiveInstances(RunMode mode) {
        Engine engine = mode.builder().maxInstances(3).build();
        List<Instance> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(engine.instantiate(TestWasm.module("mem16")));
        }
        WeftException e = assertThrows(WeftException.class, () -> engine.instantiate(TestWasm.module("mem16")));
        assertTrue(e.getMessage().contains("live instances"), e.getMessage());
        held.removeFirst().close();
        held.add(engine.instantiate(TestWasm.module("mem16")));
        held.forEach(Instance::close);
    }

    @Test
    void tenThousandInstancesNeverClosedStayWithinTheBudget() throws IOException {
        long budget = 32 * MIB;
        Engine engine = Engine.builder().memoryBudget(budget).maxInstances(500).build();
        WasmModule module = TestWasm.module("mem4");
        long rssBefore = rss();
        long most = 0;
        for (int i = 0; i < 10_000; i++) {
            Instance forgotten = engine.instantiate(module);
            assertEquals(7, forgotten.function("touch").call(i * 16)[0]);
            most = Math.max(most, engine.memoryInUse());
        }
        assertTrue(most <= budget, "held " + most);
        long grew = rss() - rssBefore;
        // Without the budget this reached gigabytes; with it, the budget plus a batch or two.
        assertTrue(grew < budget + 128 * MIB, "resident memory grew by " + grew / MIB + " MiB");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void growingPageByPageToOneGibCostsAtMostOneAndAHalfTimesItInResidentMemory(RunMode mode) throws IOException {
        Engine engine = mode.builder().memoryBudget(4L << 30).build();
        Instance instance = engine.instantiate(TestWasm.module("bounds"),
                Imports.builder().function("env", "tick", TICK, call -> call.setI32(0, 0)).build());
        long rssBefore = rss();
        assertEquals(16384, instance.function("growTo").call(16384)[0]);
        long after = rss();
        long grew = after - rssBefore;
        assertTrue(after >= 1024 * MIB, "every page was written, so the gigabyte is resident: " + after / MIB + " MiB");
        assertTrue(grew <= 1536 * MIB, "resident memory grew by " + grew / MIB + " MiB for a 1 GiB memory");
        assertTrue(engine.memoryInUse() <= 1024 * MIB + MIB, "accounted " + engine.memoryInUse());
        instance.close();
        assertEquals(0, engine.memoryInUse());
    }

    /** @return this process's resident set size in bytes (Linux) */
    private static long rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(status), "resident memory is read from /proc (Linux only)");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
