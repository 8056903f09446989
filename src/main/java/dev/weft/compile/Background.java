package dev.weft.compile;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where hot functions are compiled: one daemon thread for the whole JVM, started on demand and
 * ended after a minute without work, so that compiling takes at most one core from the
 * application and no thread lingers. Queued work holds its module only until it is done: no
 * static state keeps compiled classes alive.
 */
final class Background {
    private Background() {
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                // nothing of the thread that happened to queue the first work: no inherited
                // thread-locals, no context class loader (a web application's, say) kept alive
                Thread t = Thread.ofPlatform().daemon().name("weft-compiler-" + THREADS.incrementAndGet())
                        .inheritInheritableThreadLocals(false).unstarted(r);
                t.setContextClassLoader(null);
                return t;
            });

    static {
        EXECUTOR.allowCoreThreadTimeOut(true);
    }

    /** @param work compiles something; runs later on the compiler thread */
    static void submit(Runnable work) {
        EXECUTOR.execute(work);
    }

    /** @return whether nothing is queued or being compiled (for tests) */
    static boolean idle() {
        return EXECUTOR.getQueue().isEmpty() && EXECUTOR.getActiveCount() == 0;
    }
}
