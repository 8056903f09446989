package dev.weft.validate;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.CodeReader;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.InstructionReader;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Validates a module's function bodies, on several threads when the module is large: bodies are
 * independent, and validation is most of what loading a module costs now that translation is
 * lazy. The outcome is the one a single thread validating in index order would reach (see
 * {@link ModuleValidator}): a malformed body anywhere wins (the lowest index); otherwise the first
 * invalid or unsupported body in index order; otherwise the first unsupported instruction.
 *
 * <p>Bodies go in chunks of about {@value #CHUNK_BYTES} bytes to whichever thread asks next: the
 * caller and up to one helper per further processor, run on the common fork-join pool. The caller
 * never waits for a helper that has not started (it takes the remaining chunks itself), so a busy
 * pool only costs parallelism.
 *
 * <p>Helpers join only once this JVM has validated {@link #SERIAL_FIRST_BYTES} bytes of bodies (32
 * MiB unless {@code -Dweft.validate.serialBytes=N} says otherwise; 0 uses helpers from the first
 * module). Until the JIT has compiled the validator with C2, it runs C1's profiling code (tier 3),
 * whose profile counters every thread updates: two threads sharing them validated a large module
 * more slowly than one (spidermonkey's bodies in a fresh JVM on 2 cores: 133-252 ms against 96-119
 * ms), and they took the core the JIT compiles on. After about ten such modules two threads win.
 */
final class BodyValidation {
    /** Body bytes per chunk. */
    static final int CHUNK_BYTES = 1 << 16;
    /** Modules with fewer body bytes are validated on the calling thread alone. */
    static final int PARALLEL_BYTES = 1 << 19;
    /** Body bytes this JVM validates on calling threads alone before helpers join (see the class comment). */
    static final long SERIAL_FIRST_BYTES = Math.max(0, Long.getLong("weft.validate.serialBytes", 32L << 20));
    /** Body bytes of large modules validated so far in this JVM (counted up to the threshold only). */
    private static final AtomicLong VALIDATED = new AtomicLong();

    private final DecodedModule module;
    private final ModuleContext c;
    private final ModuleValidator.Scope scope;
    /** Whether a rule was broken before the bodies: then they are only decoded (malformed beats invalid). */
    private final boolean decodeOnly;
    /** Chunk boundaries: chunk k is bodies [starts[k], starts[k + 1]). */
    private final int[] starts;
    private final AtomicInteger next = new AtomicInteger();
    /** Chunks not finished yet. */
    private final AtomicInteger unfinished;
    private final Thread caller = Thread.currentThread();

    // The merged outcome (guarded by this): each the lowest index seen.
    private int malformedAt = Integer.MAX_VALUE;
    private MalformedModuleException malformed;
    private int rejectedAt = Integer.MAX_VALUE;
    private ModuleException rejection;
    private int unsupportedAt = Integer.MAX_VALUE;
    private UnsupportedFeatureException unsupported;
    private boolean usesDataSegments;
    /** A failure no rule explains (a bug, or the JVM out of memory), rethrown on the calling thread. */
    private Throwable failure;

    private BodyValidation(DecodedModule module, ModuleContext c, ModuleValidator.Scope scope, boolean decodeOnly) {
        this.module = module;
        this.c = c;
        this.scope = scope;
        this.decodeOnly = decodeOnly;
        FunctionBody[] bodies = module.bodies;
        int[] s = new int[bodies.length + 1];
        int n = 0;
        long bytes = CHUNK_BYTES;
        for (int i = 0; i < bodies.length; i++) {
            if (bytes >= CHUNK_BYTES) {
                s[n++] = i;
                bytes = 0;
            }
            bytes += bodies[i].length();
        }
        s[n] = bodies.length;
        this.starts = java.util.Arrays.copyOf(s, n + 1);
        this.unfinished = new AtomicInteger(n);
    }

    /** What validating the bodies found, for {@link ModuleValidator} to decide with. */
    record Outcome(ModuleException rejection, UnsupportedFeatureException unsupported, boolean usesDataSegments) {
    }

    /**
     * @param decodeOnly whether a rule was broken already (bodies are then only decoded)
     * @return the first rejection of a body (if decodeOnly is false), the first unsupported
     *     instruction, whether a body uses data segments
     * @throws MalformedModuleException if a body does not decode
     */
    static Outcome run(DecodedModule module, ModuleContext c, ModuleValidator.Scope scope, boolean decodeOnly) {
        BodyValidation v = new BodyValidation(module, c, scope, decodeOnly);
        long total = 0;
        for (FunctionBody b : module.bodies) {
            total += b.length();
        }
        int helpers = total < PARALLEL_BYTES || !warm(VALIDATED, SERIAL_FIRST_BYTES, total) ? 0
                : (int) Math.min(Math.min(Runtime.getRuntime().availableProcessors() - 1, v.starts.length - 2),
                        total / PARALLEL_BYTES);
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(v::work);
        }
        v.work();
        while (v.unfinished.get() > 0) {
            LockSupport.park(v); // a helper is finishing a chunk it took; it unparks us
        }
        return v.outcome();
    }

    /**
     * @param validated body bytes validated alone so far (counted up to the threshold only)
     * @param threshold how many bytes to validate alone first
     * @param bytes the bodies about to be validated
     * @return whether helpers may join; if not, {@code bytes} are counted towards the threshold
     */
    static boolean warm(AtomicLong validated, long threshold, long bytes) {
        if (validated.get() >= threshold) {
            return true;
        }
        validated.addAndGet(bytes);
        return false;
    }

    /** Takes chunks until none is left. */
    private void work() {
        FunctionValidator validator = null;
        InstructionReader decoder = null;
        for (int k; (k = next.getAndIncrement()) < starts.length - 1; ) {
            try {
                if (validator == null) {
                    validator = new FunctionValidator(c, scope);
                    decoder = new InstructionReader(module.bytes);
                }
                chunk(starts[k], starts[k + 1], validator, decoder);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            } finally {
                if (unfinished.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
        if (validator != null) {
            synchronized (this) {
                usesDataSegments |= validator.usesDataSegments;
            }
        }
    }

    private void chunk(int from, int to, FunctionValidator validator, InstructionReader decoder) {
        FunctionBody[] bodies = module.bodies;
        for (int i = from; i < to; i++) {
            FunctionBody b = bodies[i];
            try {
                if (!decodeOnly) {
                    try {
                        validator.unsupported = null;
                        validator.validate(c.funcTypes[module.importedFunctionCount + i], b.offset(), b.length());
                        if (validator.unsupported != null) {
                            noteUnsupported(i, validator.unsupported);
                        }
                        continue;
                    } catch (InvalidModuleException | UnsupportedFeatureException e) {
                        noteRejection(i, e);
                    }
                }
                // decoded only: the rest of a rejected body, or every body of a rejected module
                decoder.beginBody(b.offset(), b.length());
                ModuleValidator.skipLocals(decoder.input());
                decoder.readCode(CodeReader.SKIP);
            } catch (MalformedModuleException e) {
                noteMalformed(i, e);
            }
        }
    }

    private synchronized void noteMalformed(int at, MalformedModuleException e) {
        if (at < malformedAt) {
            malformedAt = at;
            malformed = e;
        }
    }

    private synchronized void noteRejection(int at, ModuleException e) {
        if (at < rejectedAt) {
            rejectedAt = at;
            rejection = e;
        }
    }

    private synchronized void noteUnsupported(int at, UnsupportedFeatureException e) {
        if (at < unsupportedAt) {
            unsupportedAt = at;
            unsupported = e;
        }
    }

    private synchronized Outcome outcome() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (malformed != null) {
            throw malformed;
        }
        return new Outcome(rejection, unsupported, usesDataSegments);
    }
}
