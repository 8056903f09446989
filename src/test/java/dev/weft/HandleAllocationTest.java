package dev.weft;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WasmFunction#handle()} promises calls without allocation for numeric signatures. This
 * measures the bytes the calling thread allocates over many calls (not time): after warm-up, a
 * call must allocate nothing; the slack allows for a few fixed allocations of the measurement
 * itself, far less than one byte per call.
 */
class HandleAllocationTest {
    private static final int WARM_UP = 300_000;
    private static final int CALLS = 100_000;
    private static final long SLACK_BYTES = 4096;

    private static int run(MethodHandle add, int calls) throws Throwable {
        int sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += (int) add.invokeExact(i, 1);
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void invokeExactOfI32AddAllocatesNothingPerCall(RunMode mode) throws Throwable {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot measure allocation");
        long thread = Thread.currentThread().threadId();
        MethodHandle add = TestWasm.instance(mode, "calls").function("add").handle();
        run(add, WARM_UP);
        long allocated = Long.MAX_VALUE;
        // the least of a few rounds, so that a one-off allocation by the JVM in one round (a
        // deoptimisation, a late compilation) does not count as allocation per call
        for (int round = 0; round < 3 && allocated > SLACK_BYTES; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            int sum = run(add, CALLS);
            long after = threads.getThreadAllocatedBytes(thread);
            assertEquals((int) (CALLS * (CALLS - 1L) / 2 + CALLS), sum, "sum of i + 1, wrapping");
            allocated = Math.min(allocated, after - before);
        }
        assertTrue(allocated <= SLACK_BYTES, mode + ": " + allocated + " bytes for " + CALLS + " calls");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void theMeasurementSeesAllocation(RunMode mode) {
        // control: the boxed call allocates (arguments and results arrays, boxes), and the measurement shows it
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        WasmFunction add = TestWasm.instance(mode, "calls").function("add");
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1000; i++) {
            add.call(i, 1000);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated >= 1000 * 16, allocated + " bytes for 1000 boxed calls");
    }
}
