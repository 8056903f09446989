package dev.weft.compile;

import dev.weft.FunctionType;
import dev.weft.code.CompiledCode;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ElementSegment;
import dev.weft.exec.CompiledSupport;
import dev.weft.exec.CompiledTier;
import dev.weft.runtime.EngineLog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One module's functions in the compiled tier, shared by all its instances and engines (held by the
 * module's {@link CompiledCode#tierState}, so its compiled classes are unloaded with the module):
 * which functions are compiled, queued or rejected; their compiled methods; the call sites through
 * which compiled code calls functions of other classes (their target becomes the compiled method
 * when there is one: C2 then inlines through them like a direct call).
 */
final class ModuleTier extends CompiledTier.Module {
    /** Calls (and loop iterations / 16) after which a function is compiled: {@code -Dweft.tier.threshold}, default 1000. */
    static final int THRESHOLD = Math.max(1, Integer.getInteger("weft.tier.threshold", 1000));
    /** A directory to write each compiled class to, for javap ({@code -Dweft.tier.dump=DIR}), or null. */
    private static final String DUMP = System.getProperty("weft.tier.dump");
    /**
     * The most {@link FunctionPlan#weight weight} a function compiled as one method may have, and
     * a part of a split function to begin with (a part whose method is still too large is split
     * again, smaller). C2 stops inlining calls once a compilation holds about 8,000 bytes of
     * bytecode, its own and what it inlined (DesiredMethodLimit): past that, a method calls its
     * memory accesses' semantics methods instead of inlining them, several times slower. At
     * weight 400 a method holds at most 16 memory accesses (docs/compiled-tier.md).
     */
    static final int MAX_WEIGHT = 400;
    /**
     * {@code -Dweft.tier.partSize=N}: split every function of more than N instructions into parts
     * of weight N at most, so that tests run split code on small modules (0, the default: only
     * functions too large or too heavy for one method).
     */
    private static final int FORCED_PART = Integer.getInteger("weft.tier.partSize", 0);
    /** Most functions per class. */
    private static final int CLASS_FUNCTIONS = 200;
    /** Most internal instructions per class (keeps a class's bytecode to a few hundred KiB). */
    private static final int CLASS_INSTRUCTIONS = 40_000;

    private static final byte INTERPRETED = 0;
    private static final byte QUEUED = 1;
    private static final byte COMPILING = 2;
    private static final byte COMPILED = 3;
    private static final byte REJECTED = 4;

    final CompiledCode code;
    final DecodedModule decoded;
    private final byte[] status;
    private final MethodHandle[] methods;
    private final MutableCallSite[] sites;
    private final MethodHandle[] interpreters;
    /** By compiled function, its method's bytecode length and its largest part's (0 when not split). */
    private final int[][] methodSizes;
    private final List<Integer> queue = new ArrayList<>();
    private boolean scheduled;
    private int compiled;
    private final Map<String, Integer> rejections = new TreeMap<>();
    private volatile BitSet tableFunctions;

    private ModuleTier(CompiledCode code, DecodedModule decoded) {
        super(decoded.functionTypes.length, THRESHOLD);
        this.code = code;
        this.decoded = decoded;
        int n = decoded.functionTypes.length;
        this.status = new byte[n];
        this.methodSizes = new int[n][];
        this.methods = new MethodHandle[n];
        this.sites = new MutableCallSite[n];
        this.interpreters = new MethodHandle[n];
    }

    /** @return the module's state, created on first use */
    static ModuleTier of(CompiledCode code, DecodedModule decoded) {
        Object state = code.tierState;
        if (state == null) {
            synchronized (code) {
                state = code.tierState;
                if (state == null) {
                    state = new ModuleTier(code, decoded);
                    code.tierState = state;
                }
            }
        }
        return (ModuleTier) state;
    }

    @Override
    protected void hot(int function) {
        synchronized (this) {
            if (function < decoded.importedFunctionCount || status[function] != INTERPRETED) {
                return;
            }
            status[function] = QUEUED;
            queue.add(function);
            if (!scheduled) {
                scheduled = true;
                Background.submit(this::drain);
            }
        }
    }

    /**
     * On the compiler thread: once the JVM's JIT is quiet ({@link JitActivity}), compiles what is
     * queued, in batches, until nothing is.
     */
    private void drain() {
        long waited = JitActivity.awaitQuiet();
        for (;;) {
            List<Integer> batch = new ArrayList<>();
            synchronized (this) {
                for (int f : queue) {
                    if (status[f] == QUEUED && batch.size() < CLASS_FUNCTIONS) {
                        status[f] = COMPILING;
                        batch.add(f);
                    }
                }
                queue.removeIf(f -> status[f] != QUEUED);
                if (batch.isEmpty()) {
                    scheduled = false;
                    return;
                }
            }
            compile(batch, waited);
            waited = 0;
        }
    }

    /** Compiles every function not compiled yet, on this thread; returns when none is being compiled. */
    void compileAll() {
        List<Integer> all = new ArrayList<>();
        for (int f = decoded.importedFunctionCount; f < status.length; f++) {
            all.add(f);
        }
        compileNow(all);
    }

    /** Compiles these defined functions unless compiled already, on this thread; returns when none is being compiled. */
    void compileNow(List<Integer> functions) {
        List<Integer> mine = new ArrayList<>();
        synchronized (this) {
            for (int f : functions) {
                if (status[f] == INTERPRETED || status[f] == QUEUED) {
                    status[f] = COMPILING;
                    mine.add(f);
                }
            }
        }
        compile(mine, 0);
        synchronized (this) {
            for (int f = decoded.importedFunctionCount; f < status.length; f++) {
                while (status[f] == COMPILING) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return; // the rest runs interpreted until the background thread is done
                    }
                }
            }
        }
    }

    /** @param waited how long the compiler thread waited for the JIT before, ns (for the log) */
    private void compile(List<Integer> functions, long waited) {
        List<FunctionPlan> chunk = new ArrayList<>();
        int instructions = 0;
        for (int f : functions) {
            FunctionPlan p = FunctionPlan.scan(code, decoded, f);
            if (p.reject != null) {
                reject(f, p.reject);
                continue;
            }
            if (FORCED_PART > 0 && p.instructions > FORCED_PART) {
                p.split(code, decoded, FORCED_PART);
            } else if (splits(p)) {
                p.split(code, decoded, MAX_WEIGHT);
            }
            if (!chunk.isEmpty() && (chunk.size() == CLASS_FUNCTIONS || instructions + p.instructions > CLASS_INSTRUCTIONS)) {
                compileClass(chunk, waited);
                waited = 0;
                chunk = new ArrayList<>();
                instructions = 0;
            }
            chunk.add(p);
            instructions += p.instructions;
        }
        compileClass(chunk, waited);
    }

    /**
     * Compiles functions into one class. A function whose method is too large for the JIT is split
     * into parts, and a part still too large into smaller ones; one that cannot get small enough
     * stays interpreted.
     */
    private void compileClass(List<FunctionPlan> plans, long waited) {
        if (plans.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            List<FunctionPlan> fit = new ArrayList<>(plans);
            Map.Entry<byte[], List<Object>> built;
            Map<Integer, int[]> sizes;
            boolean again;
            do {
                fit.removeIf(this::rejectedForItsDriver);
                if (fit.isEmpty()) {
                    return;
                }
                built = ClassCompiler.build(this, fit);
                sizes = ClassCompiler.methodSizes(built.getKey());
                again = false;
                for (java.util.Iterator<FunctionPlan> i = fit.iterator(); i.hasNext(); ) {
                    FunctionPlan p = i.next();
                    int[] size = sizes.get(p.function);
                    if (size[0] < FunctionPlan.HUGE_METHOD && size[1] < FunctionPlan.HUGE_METHOD) {
                        continue;
                    }
                    again = true;
                    boolean driverTooLarge = p.parts != null && size[0] >= FunctionPlan.HUGE_METHOD;
                    if (driverTooLarge && p.cutByInstructions(code, decoded)) {
                        continue; // fewer, larger parts
                    }
                    if (driverTooLarge || !p.split(code, decoded, smallerParts(p, size))) {
                        reject(p.function, "compiled method over the JIT's 8000-byte limit");
                        i.remove();
                    }
                }
            } while (again && !fit.isEmpty());
            if (fit.isEmpty()) {
                return;
            }
            if (DUMP != null) {
                dump(built.getKey(), fit.getFirst().function);
            }
            List<ClassCompiler.Compiled> defined = ClassCompiler.define(built.getKey(), built.getValue(), fit);
            EngineLog.classCompiled(decoded.names.moduleName(), defined.size(), waited, System.nanoTime() - start);
            for (ClassCompiler.Compiled c : defined) {
                install(c, sizes.get(c.function()));
                if (EngineLog.debugEnabled()) {
                    EngineLog.tierChanged(describe(c.function()), "compiled", describeSize(fit, c.function(), sizes.get(c.function())));
                }
            }
        } catch (RuntimeException | LinkageError | IllegalAccessException e) {
            if (plans.size() > 1) {
                for (FunctionPlan p : plans) {
                    compileClass(List.of(p), 0); // find the one that fails; compile the others
                }
            } else {
                reject(plans.getFirst().function, "failed: " + e);
            }
        }
    }

    /** Rejects a split function whose driver is certainly too large ({@link FunctionPlan#driverOverLimit}). */
    private boolean rejectedForItsDriver(FunctionPlan p) {
        if (!p.driverOverLimit()) {
            return false;
        }
        reject(p.function, "compiled method over the JIT's 8000-byte limit (the driver of its parts)");
        return true;
    }

    /**
     * @param p a function's plan
     * @return whether it is compiled in parts from the start: it is too large for one method
     *     the JIT compiles, or too heavy for C2 to inline all its memory accesses
     */
    static boolean splits(FunctionPlan p) {
        return p.oversized || p.weight() > MAX_WEIGHT;
    }

    /** @return the most weight a part of the function should have, given its methods' sizes now */
    private static int smallerParts(FunctionPlan p, int[] size) {
        if (p.parts == null) { // aim at half the limit
            return (int) Math.max(1, p.weight() * (FunctionPlan.HUGE_METHOD / 2) / size[0]);
        }
        return p.parts.maxWeight / 2;
    }

    private static String describeSize(List<FunctionPlan> plans, int function, int[] size) {
        for (FunctionPlan p : plans) {
            if (p.function == function) {
                String what = p.instructions + " instructions of weight " + p.weight() + "; ";
                return p.parts == null ? what + size[0] + " bytes of JVM bytecode"
                        : what + "split into " + p.parts.parts.size() + " parts of weight " + p.parts.maxWeight
                                + " at most; largest part " + size[1] + " bytes of JVM bytecode";
            }
        }
        return size[0] + " bytes of JVM bytecode";
    }

    private static void dump(byte[] bytes, int first) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(DUMP);
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("Wasm$" + first + "-" + System.identityHashCode(bytes) + ".class"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private synchronized void install(ClassCompiler.Compiled c, int[] size) {
        int f = c.function();
        methodSizes[f] = size;
        methods[f] = c.method();
        entryCosts[f] = c.entryCost();
        entries[f] = c.entry(); // last: the interpreter reads this first
        status[f] = COMPILED;
        compiled++;
        if (sites[f] != null) {
            sites[f].setTarget(c.method());
        }
        notifyAll();
    }

    private synchronized void reject(int function, String why) {
        status[function] = REJECTED;
        rejections.merge(why, 1, Integer::sum);
        notifyAll();
        if (EngineLog.debugEnabled()) {
            EngineLog.tierChanged(describe(function), "interpreter", "stays interpreted: " + why);
        }
    }

    /** @return the function as logs and traps name it, e.g. {@code app!fib (func 3)} */
    private String describe(int function) {
        String module = decoded.names.moduleName();
        String name = decoded.names.functionName(function);
        return (module != null ? module + "!" : "") + (name != null ? name + " (func " + function + ")" : "func " + function);
    }

    /**
     * @param function a defined function of the module that compiled code calls directly
     * @return a constant handle for the call: its call site's invoker, whose target is the compiled
     *     method when there is one, else the interpreter
     */
    synchronized MethodHandle invoker(int function) {
        MutableCallSite site = sites[function];
        if (site == null) {
            site = new MutableCallSite(methods[function] != null ? methods[function] : interpreterHandle(function));
            sites[function] = site;
        }
        return site.dynamicInvoker();
    }

    @Override
    protected MethodHandle interpreterHandle(int function) {
        MethodHandle h = interpreters[function];
        if (h == null) {
            FunctionType t = decoded.functionType(function);
            h = CompiledSupport.interpreter(function, t, Signatures.type(t));
            interpreters[function] = h; // racy, and idempotent
        }
        return h;
    }

    /** @return the functions the module's element segments name: those call_indirect may find in its tables */
    BitSet tableFunctions() {
        BitSet b = tableFunctions;
        if (b == null) {
            b = new BitSet();
            for (ElementSegment e : decoded.elements) {
                if (e.functionIndices() != null) {
                    for (int f : e.functionIndices()) {
                        b.set(f);
                    }
                } else {
                    for (ConstExpr item : e.items()) {
                        int f = refFunc(item);
                        if (f >= 0) {
                            b.set(f);
                        }
                    }
                }
            }
            tableFunctions = b;
        }
        return b;
    }

    /** @return the function of a {@code ref.func x} constant expression, or -1 */
    private int refFunc(ConstExpr item) {
        byte[] bytes = decoded.bytes;
        int at = item.offset();
        if ((bytes[at] & 0xFF) != 0xD2) {
            return -1;
        }
        long f = 0;
        int shift = 0;
        for (int i = at + 1; i < at + item.length() && shift < 35; i++, shift += 7) {
            f |= (long) (bytes[i] & 0x7F) << shift;
            if ((bytes[i] & 0x80) == 0) {
                return (int) f;
            }
        }
        return -1;
    }

    @Override
    protected MethodHandle handle(int function) {
        MethodHandle h = methods[function];
        return h != null ? h : interpreterHandle(function);
    }

    /** @return how many functions are compiled, and why others were not (for tests and diagnostics) */
    synchronized String summary() {
        return compiled + " compiled" + (rejections.isEmpty() ? "" : ", not compiled: " + rejections);
    }

    /** @return whether a function is compiled */
    synchronized boolean isCompiled(int function) {
        return status[function] == COMPILED;
    }

    /**
     * @return a compiled function's method's bytecode length and, when it is split, its largest
     *     part's (else 0); null if not compiled
     */
    synchronized int[] methodSizes(int function) {
        return methodSizes[function];
    }

    /** @return how many functions are compiled */
    synchronized int compiledCount() {
        return compiled;
    }

    /** @return why functions were not compiled, with how many each */
    synchronized Map<String, Integer> rejections() {
        return new TreeMap<>(rejections);
    }
}
