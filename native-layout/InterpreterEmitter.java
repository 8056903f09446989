import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * Writes the executor's artefacts from the definition {@link Generator} parsed: the handlers of
 * the pure instructions ({@code GeneratedHandlers}) and the two dispatch loops
 * ({@code SwitchInterpreter}, {@code HandleInterpreter}) with their out-of-line switches of cold
 * instructions. Part of the generator run by Maven (see Generator.java); everything it writes is
 * generated.
 */
final class InterpreterEmitter {
    private InterpreterEmitter() {
    }

    // ---------------------------------------------------------------- Handlers

    /**
     * The statements that execute a pure instruction, ending by handing the next pc to
     * {@code next} (e.g. "return %s;" in a handler, "pc = %s;" inline in the switch).
     */
    static String body(Generator.Op op, String indent, String next) {
        int size = op.shape().fixedSize();
        String call = Generator.callExpr(op);
        StringBuilder b = new StringBuilder();
        switch (op.kind()) {
            // SIMD: a v128 result is written by the semantics method itself, which receives the
            // slots and the absolute index of the dst slot before its arguments (it writes dst, dst + 1)
            case "assign" -> {
                if (op.type().equals("v128")) {
                    b.append(indent).append(call.replaceFirst("\\(", Matcher.quoteReplacement("(s, fp + "
                            + Generator.access(op.shape().field("dst")) + (op.args().isEmpty() ? "" : ", ")))).append(";\n");
                    b.append(indent).append(next.formatted("pc + " + size)).append("\n");
                    break;
                }
                b.append(indent).append("s[fp + ").append(Generator.access(op.shape().field("dst"))).append("] = ")
                        .append(Generator.resultWrite(op.type(), call)).append(";\n");
                b.append(indent).append(next.formatted("pc + " + size)).append("\n");
            }
            case "do" -> {
                b.append(indent).append(call).append(";\n");
                b.append(indent).append(next.formatted("pc + " + size)).append("\n");
            }
            case "assign_ifnez", "assign_ifeqz" -> {
                b.append(indent).append("int r = ").append(call).append(";\n");
                b.append(indent).append("s[fp + ").append(Generator.access(op.shape().field("dst"))).append("] = r;\n");
                String test = op.kind().equals("assign_ifnez") ? "r != 0" : "r == 0";
                b.append(indent).append(next.formatted(test + " ? " + taken(op) + " : pc + " + size)).append("\n");
            }
            case "if", "ifnot" -> {
                String cond = op.kind().equals("if") ? call : "!" + call;
                b.append(indent).append(next.formatted(cond + " ? " + taken(op) + " : pc + " + size)).append("\n");
            }
            default -> throw new IllegalStateException(op.kind());
        }
        return b.toString();
    }

    /**
     * A taken branch: through {@code Machine.branch}, which checks fuel, deadlines and
     * interruption when the branch goes backward (a loop's next iteration).
     */
    static String taken(Generator.Op op) {
        return "m.branch(pc, " + Generator.access(op.shape().field("off")) + ", fp)";
    }

    static String handlers() {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("package dev.weft.exec;\n\n");
        b.append("/**\n * Handlers of the instructions whose semantics instructions.def names as pure operations: each reads its\n");
        b.append(" * operands, calls the semantics method once, writes the result (or branches) and returns the next pc.\n");
        b.append(" * The handles mode and the switch mode's second level call these; the switch mode's first level\n");
        b.append(" * expands the same generated statements inline. Either way the semantics method is the one implementation.\n */\n");
        b.append("final class GeneratedHandlers {\n    private GeneratedHandlers() {\n    }\n");
        for (Generator.Op op : Generator.OPS) {
            if (op.kind().equals("custom")) {
                continue;
            }
            b.append("\n    /** {@code ").append(op.name()).append("} (instructions.def line ").append(op.line()).append("). */\n");
            b.append("    static int ").append(op.method()).append("(").append(Generator.HANDLER_PARAMS).append(") {\n");
            b.append(body(op, "        ", "return %s;"));
            b.append("    }\n");
        }
        b.append("}\n");
        return b.toString();
    }

    /**
     * The arguments a dispatch site passes to an instruction's handler. The first word goes as
     * {@code w - opcode}: the same fields (the subtraction only clears the opcode's bits, since the
     * word holds that opcode), but an expression C2 cannot prove equal across cases. Otherwise C2
     * merges the identical field extractions of the inlined handlers into one node, which it must
     * compute, and spill, before the switch, on every instruction.
     */
    static String handlerArgs(Generator.Op op) {
        return "pc, w - Opcodes." + op.constant() + ", w2, s, fp, m";
    }

    /** Reads the second word in a dispatch loop. */
    static final String READ_W2 = "code.get(CodeLayout.WORD, pc + 8)";

    /**
     * The arguments of a first-level case of the switch mode: {@link #handlerArgs} with the second
     * word read in the case, only for instructions longer than the first word (0 otherwise). Measured
     * faster for the switch mode; the handles mode, faster with the word fetched before the dispatch,
     * uses {@link #handlerArgs} (docs/dispatch.md).
     */
    static String loopArgs(Generator.Op op) {
        boolean needsW2 = op.kind().equals("custom") || op.shape().list() != null || op.shape().fixedSize() > 8;
        return "pc, w - Opcodes." + op.constant() + ", " + (needsW2 ? READ_W2 : "0L") + ", s, fp, m";
    }

    /** The arguments of the switch mode's default case, into the second-level switches. */
    static final String COLD_ARGS = "pc, w, " + READ_W2 + ", s, fp, m";

    static String handlerRef(Generator.Op op) {
        return op.kind().equals("custom") ? op.call() : "GeneratedHandlers." + op.method();
    }

    // ---------------------------------------------------------------- Dispatch loops

    /**
     * A dispatch loop; fetch is the line after the first word's fetch (the second word's, or a
     * comment), entry the statements after the loop's locals are loaded (or empty).
     */
    static String loop(String className, String doc, String fetch, String dispatch, String entry, String extra) {
        return Generator.HEADER + """
                package dev.weft.exec;

                import dev.weft.code.CodeLayout;
                import dev.weft.code.Opcodes;

                import java.lang.foreign.MemorySegment;
                import java.lang.invoke.MethodHandle;
                import java.lang.invoke.MethodHandles;
                import java.lang.invoke.MethodType;

                /**
                 * %s
                 */
                final class %s {
                    private %s() {
                    }

                    /**
                     * Runs from the machine's current pc until the entry frame returns (a handler returns
                     * {@link Machine#EXIT}) or the call suspends ({@link Machine#SUSPEND}, with the machine's pc
                     * and fp saved).
                     *
                     * <p>Why two methods: the path by which {@link #dispatch} returns is taken when a call
                     * ends and also, every {@value Machine#RELOADS_PER_DISPATCH} frame changes, in the
                     * middle of one ({@link Machine#branch} makes loops without calls change it); so
                     * no call that runs long profiles it as never taken. C2 compiles a path its profile
                     * never took as a trap; normally the first time it is taken deoptimizes once and the
                     * loop is recompiled with it, but once the methods compiled into the loop (every
                     * handler) have been deoptimized often enough in this JVM, C2 makes such traps
                     * permanent ({@code -XX:PerMethodRecompilationCutoff}). With the exit only taken when
                     * a call ended, every return to the host then deoptimized: an export call took 10 to
                     * 25 us instead of 0.06 (docs/performance.md, finding 23).
                     *
                     * @param m the machine, positioned at the first instruction to run
                     */
                    static void run(Machine m) {
                        while (dispatch(m) == Machine.RELOAD) {
                            // the frame changed: dispatch again from the machine's pc, fp and view of the code
                        }
                    }

                    /**
                     * Runs from the machine's pc until a handler returns {@link Machine#EXIT} or {@link
                     * Machine#SUSPEND}, or returns {@link Machine#RELOAD} (a call or return changed the
                     * frame, or a back-edge asked) after the loop has reloaded its locals from the
                     * machine in place {@value Machine#RELOADS_PER_DISPATCH} times.
                     *
                     * @param m the machine, positioned at the instruction to run
                     * @return that negative pc ({@link Machine#RELOAD} also after taking a newer view of the code)
                     */
                    private static int dispatch(Machine m) {
                        MemorySegment code = m.code;
                        int pc = m.pc;
                        int fp = m.fp;
                        long[] s = m.slots;
                        int reloads = Machine.RELOADS_PER_DISPATCH;%s
                        try {
                            for (;;) {
                                long w = code.get(CodeLayout.WORD, pc);
                %s
                                if (OpcodeProfile.ENABLED) {
                                    OpcodeProfile.count(w, pc, m);
                                }
                %s
                                if (pc < 0) {
                                    // one branch for both reasons (pc + 1 < 0: EXIT or SUSPEND), so that no
                                    // branch is taken only when the call ends
                                    if (((pc - Machine.RELOAD) | --reloads) < 0) {
                                        return pc;
                                    }
                                    code = m.code;
                                    pc = m.pc;
                                    fp = m.fp;
                                    s = m.slots;
                                }
                            }
                        } catch (Throwable t) {
                            if (!LazyCode.staleCode(m, t, code, pc, fp)) {
                                throw Faults.fault(m, t, code, pc);
                            }
                            return Machine.RELOAD; // another thread translated code this view lacks: run on in the current view
                        }
                    }
                %s}
                """.formatted(doc, className, className, entry.isEmpty() ? "" : "\n" + entry.indent(0).stripTrailing(), fetch.indent(0).stripTrailing(),
                dispatch.indent(0).stripTrailing(), extra);
    }

    /**
     * The first-level switch of a dispatch loop: a case per instruction hot in that loop setting pc
     * to call(op), every other opcode to {@code cold(coldArgs)}.
     */
    static String hotSwitch(Predicate<Generator.Op> hot, Function<Generator.Op, String> call, String coldArgs) {
        StringBuilder sw = new StringBuilder();
        sw.append("                switch ((int) w & 0xFFFF) {\n");
        for (Generator.Op op : Generator.OPS) {
            if (hot.test(op)) {
                sw.append("                    case Opcodes.").append(op.constant()).append(" -> pc = ")
                        .append(call.apply(op)).append(";\n");
            }
        }
        sw.append("                    default -> pc = cold(").append(coldArgs).append(");\n");
        sw.append("                }");
        return sw.toString();
    }

    /**
     * The second level of a dispatch loop: {@code cold()}, choosing by opcode range among the
     * out-of-line switches {@code coldN()}, whose cases return call(op).
     */
    static String coldSwitches(Predicate<Generator.Op> hot, Function<Generator.Op, String> call, String throwsClause) {
        StringBuilder extra = new StringBuilder();
        List<List<Generator.Op>> groups = coldGroups(hot);
        extra.append("\n    /** Second level: the opcodes not in the first switch, grouped by opcode range. */\n");
        extra.append("    private static int cold(").append(Generator.HANDLER_PARAMS).append(")").append(throwsClause).append(" {\n");
        extra.append("        return switch (((int) w & 0xFFFF) / ").append(Generator.COLD_GROUP).append(") {\n");
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).isEmpty()) {
                extra.append("            case ").append(g).append(" -> cold").append(g).append("(").append(Generator.HANDLER_ARGS).append(");\n");
            }
        }
        extra.append("            default -> throw Faults.badOpcode(pc, (int) w & 0xFFFF);\n        };\n    }\n");
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).isEmpty()) {
                continue;
            }
            extra.append("\n    private static int cold").append(g).append("(").append(Generator.HANDLER_PARAMS).append(")")
                    .append(throwsClause).append(" {\n");
            extra.append("        return switch ((int) w & 0xFFFF) {\n");
            for (Generator.Op op : groups.get(g)) {
                extra.append("            case Opcodes.").append(op.constant()).append(" -> ").append(call.apply(op)).append(";\n");
            }
            extra.append("            default -> throw Faults.badOpcode(pc, (int) w & 0xFFFF);\n        };\n    }\n");
        }
        return extra.toString();
    }

    static String switchInterpreter() {
        String sw = hotSwitch(Generator.Op::hot, op -> handlerRef(op) + "(" + loopArgs(op) + ")", COLD_ARGS);
        String extra = coldSwitches(Generator.Op::hot, op -> handlerRef(op) + "(" + handlerArgs(op) + ")", "");
        return loop("SwitchInterpreter",
                "The {@code switch} dispatch mode: a first-level switch over the hot instructions, each case calling\n"
                        + " * the instruction's handler (small enough for the JIT to inline), and all other instructions\n"
                        + " * through out-of-line second-level switches calling their handlers. Only C2 compiles\n"
                        + " * {@link #dispatch}: C1 gives up on it at every tier (see {@link #c1Barrier0}).",
                "                // the next 8 bytes are read by the cases of instructions longer than 8 bytes",
                sw, C1_BARRIER_CALL, C1_BARRIER + extra);
    }

    /** Levels of the C1 barrier's tree of calls below its root (see {@link #C1_BARRIER}). */
    static final int C1_BARRIER_DEPTH = 7;
    /** Calls of the C1 barrier's root in {@code dispatch}, each inlined to 2^depth segment reads. */
    static final int C1_BARRIER_ROOTS = 4;

    /** The switch loop's branch into the C1 barrier, at the start of {@code dispatch}. */
    static final String C1_BARRIER_CALL = """
                    if (c1BarrierTaken) {
                        c1BarrierSink = %s;
                    }
            """.formatted(String.join(" + ", IntStream.range(0, C1_BARRIER_ROOTS)
            .mapToObj(k -> "c1Barrier0(code, " + (k == 0 ? "pc" : "pc + " + k) + ")").toList()));

    /**
     * Keeps C1 from compiling the switch loop at any tier, so that only C2 does. C1 cannot compile
     * it at tier 3 anyway (the loop's inlined {@code MemorySegment} reads run it out of virtual
     * registers), but it can at tiers 1 and 2, and a JVM that compiles the loop at tier 2 first
     * (C1 without the profile, chosen while C2's queue is long) then never compiles it with C2:
     * tier-2 code does not feed the profile that leads to C2, and the policy does not go back to
     * the interpreter once C1 gave up on tier 3. That JVM runs the loop 3 to 7 times slower for its
     * life (docs/performance.md, findings 27, 28 and 30). A method C1 gives up on at every tier is
     * profiled in the interpreter and compiled by C2, as the loop is in every other JVM.
     *
     * <p>The barrier: a branch never taken ({@code c1BarrierTaken} is never set; neither final nor
     * volatile, so neither javac nor C1 drops it) into a binary tree of calls whose methods are
     * small enough for C1 to inline at every level (under {@code C1MaxInlineSize}, 35 bytes, which
     * shrinks by a tenth a level, and under {@code C1InlineStackLimit}, hence {@code int}s), ending
     * in {@code MemorySegment} reads, whose access paths C1 inlines whole ({@code @ForceInline}).
     * {@value #C1_BARRIER_ROOTS} roots of 2^{@value #C1_BARRIER_DEPTH} reads take C1 past its limit
     * of instructions per compilation ({@code InstructionCountCutoff}) while it builds its IR:
     * "Method and/or inlining is too large", in about 0.1 s, at tiers 1, 2 and 3. Two roots were
     * enough at every tier; with one, C1 gave up at tiers 1 and 2 only when it ran out of virtual
     * registers, 2.7 s later (JDK 25). C2 profiles the branch as never taken, compiles it as a
     * trap, and does not inline methods that never ran. {@code SwitchLoopC1Test} checks it at each
     * C1 tier.
     */
    static final String C1_BARRIER = c1Barrier();

    private static String c1Barrier() {
        StringBuilder b = new StringBuilder("""

                    /** Never set: the branch into the C1 barrier is never taken (see {@link #c1Barrier0}). */
                    private static boolean c1BarrierTaken;
                    /** Where the never-taken branch would leave its value, so that no compiler may drop the reads. */
                    private static int c1BarrierSink;

                    /**
                     * The root of a tree of calls that C1 inlines into {@link #dispatch} until it gives up on
                     * the method, so that C1 compiles the loop at no tier and C2 alone does (generated by
                     * InterpreterEmitter; the reasons are documented there, at C1_BARRIER). Never called.
                     */
                """);
        for (int level = 0; level < C1_BARRIER_DEPTH; level++) {
            String callee = level + 1 < C1_BARRIER_DEPTH ? "c1Barrier" + (level + 1) : "c1BarrierRead";
            if (level > 0) {
                b.append("\n    /** A level of the C1 barrier's tree (see {@link #c1Barrier0}). */\n");
            }
            b.append("    private static int c1Barrier").append(level).append("(MemorySegment c, int o) {\n");
            b.append("        return ").append(callee).append("(c, o) + ").append(callee).append("(c, o + 1);\n    }\n");
        }
        b.append("""

                    /** A leaf of the C1 barrier's tree (see {@link #c1Barrier0}). */
                    private static int c1BarrierRead(MemorySegment c, int o) {
                        return (int) c.get(CodeLayout.WORD, o);
                    }
                """);
        return b.toString();
    }

    static String handleField(Generator.Op op) {
        return "H_" + op.constant();
    }

    static String handleInterpreter() {
        Function<Generator.Op, String> invoke = op -> "(int) " + handleField(op) + ".invokeExact(" + handlerArgs(op) + ")";
        String sw = hotSwitch(Generator.Op::handlesHot, invoke, Generator.HANDLER_ARGS);
        StringBuilder extra = new StringBuilder();
        extra.append("""

                    /** The type of every instruction's handler. */
                    static final MethodType HANDLER = MethodType.methodType(int.class, int.class, long.class, long.class,
                            long[].class, int.class, Machine.class);

                """);
        for (Generator.Op op : Generator.OPS) {
            extra.append("    private static final MethodHandle ").append(handleField(op)).append(";\n");
        }
        extra.append("\n    static {\n        MethodHandle[] table = table();\n");
        for (Generator.Op op : Generator.OPS) {
            extra.append("        ").append(handleField(op)).append(" = table[Opcodes.").append(op.constant()).append("];\n");
        }
        extra.append("    }\n");
        extra.append("""

                    private static MethodHandle[] table() {
                        MethodHandles.Lookup lookup = MethodHandles.lookup();
                        try {
                            // Handles to static methods of a class not yet initialised carry an
                            // initialisation barrier that C2 does not inline at cold call sites, which
                            // would leave those cases as non-constant linkToStatic calls.
                """);
        java.util.Set<String> classes = new java.util.TreeSet<>();
        for (Generator.Op op : Generator.OPS) {
            String ref = handlerRef(op);
            classes.add(ref.substring(0, ref.lastIndexOf('.')));
        }
        for (String c : classes) {
            extra.append("            lookup.ensureInitialized(").append(c).append(".class);\n");
        }
        extra.append("            MethodHandle[] cases = new MethodHandle[Opcodes.COUNT];\n");
        int chunks = (Generator.OPS.size() + Generator.TABLE_CHUNK - 1) / Generator.TABLE_CHUNK;
        for (int c = 0; c < chunks; c++) {
            extra.append("            cases").append(c).append("(lookup, cases);\n");
        }
        extra.append("""
                            return cases;
                        } catch (ReflectiveOperationException e) {
                            throw new ExceptionInInitializerError(e);
                        }
                    }
                """);
        // One method per chunk of opcodes, so that no method grows with the instruction set.
        for (int c = 0; c * Generator.TABLE_CHUNK < Generator.OPS.size(); c++) {
            extra.append("\n    private static void cases").append(c)
                    .append("(MethodHandles.Lookup lookup, MethodHandle[] cases) throws ReflectiveOperationException {\n");
            for (Generator.Op op : Generator.OPS.subList(c * Generator.TABLE_CHUNK, Math.min(Generator.OPS.size(), (c + 1) * Generator.TABLE_CHUNK))) {
                String ref = handlerRef(op);
                int dot = ref.lastIndexOf('.');
                extra.append("        cases[Opcodes.").append(op.constant()).append("] = lookup.findStatic(")
                        .append(ref, 0, dot).append(".class, \"").append(ref.substring(dot + 1)).append("\", HANDLER);\n");
            }
            extra.append("    }\n");
        }
        // The rare opcodes: out-of-line switches over the same constant handles, as in the switch mode.
        extra.append(coldSwitches(Generator.Op::handlesHot, invoke, " throws Throwable"));
        return loop("HandleInterpreter",
                "The {@code handles} dispatch mode (indirect threading): the opcode selects the instruction's handler\n"
                        + " * from a table of {@link MethodHandle}s, one per opcode, invoked exactly. The table is a\n"
                        + " * {@code tableswitch} whose cases invoke handles held in {@code static final} fields, which the JIT\n"
                        + " * trusts as constants and inlines; each case is its own call site, so a case first taken after\n"
                        + " * compilation deoptimises the loop and it is recompiled with the wider profile. The handlers are\n"
                        + " * the switch mode's; as there, the rare opcodes are dispatched out of line.",
                "                long w2 = code.get(CodeLayout.WORD, pc + 8);",
                sw, "", extra.toString());
    }

    /** The opcodes not hot in a loop, in groups of {@link #COLD_GROUP} by opcode value. */
    static List<List<Generator.Op>> coldGroups(Predicate<Generator.Op> hot) {
        List<List<Generator.Op>> groups = new ArrayList<>();
        for (Generator.Op op : Generator.OPS) {
            if (hot.test(op)) {
                continue;
            }
            int g = op.code() / Generator.COLD_GROUP;
            while (groups.size() <= g) {
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(op);
        }
        return groups;
    }
}
