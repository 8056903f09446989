import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compiled tier's part of the generator: from each semantics line of instructions.def, the
 * bytecode emitter of that instruction ({@code dev.weft.compile.GeneratedEmitters}), which makes
 * compiled code call the very semantics method the interpreter's handler calls.
 *
 * <p>The JVM needs each call's exact descriptor, which javac derives for the interpreter from the
 * semantics method's declaration. So this reads the declarations from the semantics classes'
 * sources ({@code src/main/java/dev/weft/exec/*.java}) and resolves each call as javac does for
 * primitive arguments (identity or widening, most specific method): a call that resolves to no
 * method, or to several, fails the build here rather than the compiled code at run time.
 * Called by {@link Generator#main}.
 */
final class EmitterGenerator {
    private EmitterGenerator() {
    }

    /** A semantics method's declaration: its name, return type and parameter types (Java names). */
    record Declared(String name, String returns, List<String> params) {
    }

    static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:public\\s+|private\\s+|protected\\s+)?static\\s+(\\w+(?:\\[])?)\\s+(\\w+)\\(([^)]*)\\)\\s*(?:throws [\\w., ]+)?\\{",
            Pattern.MULTILINE);
    static final Pattern F32_BITS = Pattern.compile("Float\\.intBitsToFloat\\((\\w+)\\)");
    static final Pattern F64_BITS = Pattern.compile("Double\\.longBitsToDouble\\((\\w+)\\)");

    /** Declarations of every class in the semantics directory, by simple class name. */
    static Map<String, List<Declared>> declarations(Path dir) throws IOException {
        Map<String, List<Declared>> all = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                List<Declared> list = new ArrayList<>();
                Matcher m = DECLARATION.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    List<String> params = new ArrayList<>();
                    for (String p : m.group(3).split(",")) {
                        if (!p.isBlank()) {
                            String[] t = p.strip().split("\\s+");
                            params.add(t[t.length - 2]);
                        }
                    }
                    list.add(new Declared(m.group(2), m.group(1), params));
                }
                all.put(name, list);
            }
        }
        return all;
    }

    static String descriptorOf(String javaType) {
        return switch (javaType) {
            case "int" -> "I";
            case "long" -> "J";
            case "long[]" -> "[J";
            case "float" -> "F";
            case "double" -> "D";
            case "boolean" -> "Z";
            case "void" -> "V";
            case "Machine" -> "Ldev/weft/exec/Machine;";
            default -> throw new IllegalArgumentException("a semantics method may take or return primitives, long[] and Machine, not "
                    + javaType);
        };
    }

    /** Whether a value of type {@code from} passes to a parameter of type {@code to} (identity or primitive widening). */
    static boolean assignable(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        return switch (from) {
            case "int" -> to.equals("long") || to.equals("float") || to.equals("double");
            case "long" -> to.equals("float") || to.equals("double");
            case "float" -> to.equals("double");
            default -> false;
        };
    }

    /** Resolves a call as javac does for these argument types: the most specific applicable method. */
    static Declared resolve(Generator.Op op, List<Declared> candidates, String name, List<String> argTypes) {
        List<Declared> applicable = new ArrayList<>();
        for (Declared d : candidates) {
            if (d.name.equals(name) && d.params.size() == argTypes.size()) {
                boolean ok = true;
                for (int i = 0; i < argTypes.size() && ok; i++) {
                    ok = assignable(argTypes.get(i), d.params.get(i));
                }
                if (ok) {
                    applicable.add(d);
                }
            }
        }
        List<Declared> mostSpecific = new ArrayList<>();
        for (Declared d : applicable) {
            boolean specific = true;
            for (Declared other : applicable) {
                for (int i = 0; i < argTypes.size() && specific; i++) {
                    specific = assignable(d.params.get(i), other.params.get(i));
                }
            }
            if (specific) {
                mostSpecific.add(d);
            }
        }
        if (mostSpecific.size() != 1) {
            Generator.fail(op.line(), (mostSpecific.isEmpty() ? "no" : "more than one") + " method " + op.call() + argTypes
                    .toString().replace('[', '(').replace(']', ')') + " for the compiled tier to call");
        }
        return mostSpecific.getFirst();
    }

    /** Java type of a slot read as a value type. */
    static String valueJavaType(String valueType) {
        return switch (valueType) {
            case "i32" -> "int";
            case "i64" -> "long";
            case "f32" -> "float";
            case "f64" -> "double";
            default -> throw new IllegalStateException(valueType);
        };
    }

    static String capitalized(String valueType) {
        return valueType.toUpperCase(java.util.Locale.ROOT);
    }

    /** The statements that push one argument, in the parameter's type, and its static Java type. */
    record Arg(String javaType, String code) {
    }

    static Arg arg(Generator.Op op, String arg) {
        Matcher m = Generator.TYPED_ARG.matcher(arg);
        if (m.matches() && m.group(1).equals("v128")) {
            // two slots, passed as two longs (low, high): see V128 below
            Generator.Field f = op.shape().field(m.group(2));
            return new Arg(V128, "e.loadI64(" + accessor(op, f) + ");\n        e.loadI64(" + accessor(op, f) + " + 1);");
        }
        if (m.matches()) {
            Generator.Field f = op.shape().field(m.group(2));
            return new Arg(valueJavaType(m.group(1)), "e.load" + capitalized(m.group(1)) + "(" + accessor(op, f) + ");");
        }
        if (arg.equals("m")) {
            return new Arg("Machine", "e.machine();");
        }
        Generator.Field f = op.shape().field(arg);
        if (f != null && !f.kind().equals("slot") && !f.isList()) {
            return f.kind().equals("i64") ? new Arg("long", "e.constLong(" + accessor(op, f) + ");")
                    : new Arg("int", "e.constInt(" + accessor(op, f) + ");");
        }
        if ((m = F32_BITS.matcher(arg)).matches() && op.shape().field(m.group(1)) != null) {
            return new Arg("float", "e.constFloatBits(" + accessor(op, op.shape().field(m.group(1))) + ");");
        }
        if ((m = F64_BITS.matcher(arg)).matches() && op.shape().field(m.group(1)) != null) {
            return new Arg("double", "e.constDoubleBits(" + accessor(op, op.shape().field(m.group(1))) + ");");
        }
        Generator.fail(op.line(), "the compiled tier cannot express the argument '" + arg
                + "' (add its form to native-layout/EmitterGenerator.java)");
        return null;
    }

    static String accessor(Generator.Op op, Generator.Field f) {
        return op.shape().name() + "." + f.name() + "(w, w2)";
    }

    /**
     * The Java type of a v128 argument: two {@code long} parameters (its low and high halves).
     * A v128 result is written by the semantics method itself into {@code long[] s} at {@code d},
     * {@code d + 1}, passed before the arguments: compiled code passes a fresh two-element array
     * and index 0 ({@code e.v128Result()}), then stores both halves into the dst slots
     * ({@code e.storeV128}).
     */
    static final String V128 = "v128";

    /** The Java parameter types of arguments of these types (a v128 is two longs). */
    static List<String> paramTypes(List<Arg> args) {
        List<String> types = new ArrayList<>();
        for (Arg a : args) {
            if (a.javaType.equals(V128)) {
                types.add("long");
                types.add("long");
            } else {
                types.add(a.javaType);
            }
        }
        return types;
    }

    /** The emitter method of one instruction whose semantics instructions.def states. */
    static String emitter(Generator.Op op, Map<String, List<Declared>> declared) {
        int dot = op.call().lastIndexOf('.');
        String owner = op.call().substring(0, dot);
        String name = op.call().substring(dot + 1);
        List<Declared> candidates = declared.get(owner);
        if (candidates == null) {
            Generator.fail(op.line(), "no semantics class " + owner + " in src/main/java/dev/weft/exec");
        }
        List<Arg> args = new ArrayList<>();
        boolean v128Result = op.kind().equals("assign") && op.type().equals(V128);
        if (v128Result) {
            args.add(new Arg("long[]", "e.v128Result();"));
            args.add(new Arg("int", "")); // pushed by v128Result
        }
        for (String a : op.args()) {
            args.add(arg(op, a));
        }
        List<String> types = paramTypes(args);
        Declared d = resolve(op, candidates, name, types);
        StringBuilder b = new StringBuilder();
        b.append("\n    /** {@code ").append(op.name()).append("} (instructions.def line ").append(op.line()).append(").");
        b.append(" */\n");
        b.append("    static void ").append(op.method()).append("(FunctionEmitter e, long w, long w2, int pc) {\n");
        StringBuilder descriptor = new StringBuilder("(");
        for (int i = 0, p = 0; i < args.size(); i++, p++) {
            Arg a = args.get(i);
            if (a.javaType.equals(V128)) {
                b.append("        ").append(a.code).append("\n");
                descriptor.append("JJ");
                p++;
                continue;
            }
            String param = d.params.get(p);
            if (a.code.isEmpty()) {
                descriptor.append(descriptorOf(param));
                continue;
            }
            if (a.code.startsWith("e.constInt(") && param.equals("long")) {
                // an immediate widens at compile time, as javac widens it in the handler: one ldc2_w
                b.append("        e.constLong(").append(a.code, "e.constInt(".length(), a.code.length()).append("\n");
            } else {
                b.append("        ").append(a.code).append("\n");
            }
            if (!a.javaType.equals(param) && !(a.code.startsWith("e.constInt(") && param.equals("long"))) {
                b.append("        e.convert('").append(descriptorOf(a.javaType)).append("', '").append(descriptorOf(param))
                        .append("');\n");
            }
            descriptor.append(descriptorOf(param));
        }
        descriptor.append(")").append(descriptorOf(d.returns));
        b.append("        e.invoke(\"").append(owner).append("\", \"").append(name).append("\", \"").append(descriptor).append("\");\n");
        switch (op.kind()) {
            case "assign" -> {
                if (v128Result) {
                    requireReturn(op, d, "void");
                    b.append("        e.storeV128(").append(accessor(op, op.shape().field("dst"))).append(");\n");
                } else {
                    b.append(store(op, d.returns, op.type()));
                }
            }
            case "assign_ifnez", "assign_ifeqz" -> {
                b.append(store(op, d.returns, "i32"));
                b.append("        e.loadI32(").append(accessor(op, op.shape().field("dst"))).append(");\n");
                b.append("        e.").append(op.kind().equals("assign_ifnez") ? "branchIf" : "branchIfNot").append("(pc, ")
                        .append(accessor(op, op.shape().field("off"))).append(");\n");
            }
            case "if", "ifnot" -> {
                requireReturn(op, d, "boolean");
                b.append("        e.").append(op.kind().equals("if") ? "branchIf" : "branchIfNot").append("(pc, ")
                        .append(accessor(op, op.shape().field("off"))).append(");\n");
            }
            case "do" -> requireReturn(op, d, "void");
            default -> throw new IllegalStateException(op.kind());
        }
        b.append("    }\n");
        return b.toString();
    }

    static void requireReturn(Generator.Op op, Declared d, String type) {
        if (!d.returns.equals(type)) {
            Generator.fail(op.line(), op.call() + " returns " + d.returns + "; a '" + op.kind() + "' needs " + type);
        }
    }

    /** Stores the result the semantics method returned as the instruction's result type says, as the handler does. */
    static String store(Generator.Op op, String returns, String type) {
        String dst = accessor(op, op.shape().field("dst"));
        String expected = type.equals("bool") ? "boolean" : valueJavaType(type);
        StringBuilder b = new StringBuilder();
        if (!returns.equals(expected)) {
            if (type.equals("i64") && returns.equals("int")) {
                b.append("        e.convert('I', 'J');\n"); // as Java's assignment to the long slot widens it
            } else {
                Generator.fail(op.line(), op.call() + " returns " + returns + ", not the " + type + " the line says");
            }
        }
        String method = switch (type) {
            case "i32" -> "storeI32";
            case "i64" -> "storeI64";
            case "f32" -> "storeF32";
            case "f64" -> "storeF64";
            case "bool" -> "storeBool";
            default -> throw new IllegalStateException(type);
        };
        b.append("        e.").append(method).append("(").append(dst).append(");\n");
        return b.toString();
    }

    static String emitters(List<Generator.Op> ops, Map<String, List<Declared>> declared) {
        StringBuilder b = new StringBuilder(Generator.HEADER);
        b.append("""
                package dev.weft.compile;

                import dev.weft.code.InstructionDecoder.*;
                import dev.weft.code.Opcodes;

                /**
                 * The compiled tier's bytecode for every instruction whose semantics instructions.def states: each
                 * emitter pushes the instruction's operands (slots are JVM locals), calls the semantics method the
                 * interpreter's handler calls (C2 inlines it), and stores the result or branches, as the handler
                 * does. The {@code custom} instructions have hand-written emitters ({@link CustomEmitters}).
                 */
                final class GeneratedEmitters {
                    private GeneratedEmitters() {
                    }

                    /**
                     * Emits the instruction at {@code pc} if its semantics is stated in instructions.def.
                     *
                     * @param e the function being compiled
                     * @param opcode the instruction's opcode
                     * @param w its first 8 bytes
                     * @param w2 its next 8 bytes
                     * @param pc its offset
                     * @return false for a {@code custom} instruction (nothing emitted)
                     */
                    static boolean emit(FunctionEmitter e, int opcode, long w, long w2, int pc) {
                        return switch (opcode / %d) {
                """.formatted(Generator.COLD_GROUP));
        int groups = (ops.size() + Generator.COLD_GROUP - 1) / Generator.COLD_GROUP;
        for (int g = 0; g < groups; g++) {
            b.append("            case ").append(g).append(" -> emit").append(g).append("(e, opcode, w, w2, pc);\n");
        }
        b.append("            default -> false;\n        };\n    }\n");
        for (int g = 0; g < groups; g++) {
            b.append("\n    private static boolean emit").append(g).append("(FunctionEmitter e, int opcode, long w, long w2, int pc) {\n");
            b.append("        switch (opcode) {\n");
            for (Generator.Op op : ops.subList(g * Generator.COLD_GROUP, Math.min(ops.size(), (g + 1) * Generator.COLD_GROUP))) {
                if (!op.kind().equals("custom")) {
                    b.append("            case Opcodes.").append(op.constant()).append(" -> ").append(op.method()).append("(e, w, w2, pc);\n");
                }
            }
            b.append("            default -> {\n                return false;\n            }\n        }\n        return true;\n    }\n");
        }
        b.append("""

                    /**
                     * @param opcode an opcode
                     * @return the interpreter's handler of a {@code custom} instruction, as {@code Class.method}
                     *     in dev.weft.exec, or null if instructions.def states the instruction's semantics
                     */
                    static String handler(int opcode) {
                        return opcode >= 0 && opcode < HANDLERS.length ? HANDLERS[opcode] : null;
                    }

                    private static final String[] HANDLERS = {
                """);
        for (Generator.Op op : ops) {
            b.append("        ").append(op.kind().equals("custom") ? "\"" + op.call() + "\"" : "null").append(", // ")
                    .append(op.name()).append("\n");
        }
        b.append("    };\n");
        b.append("""

                    /**
                     * @param opcode an opcode
                     * @return whether its semantics method (stated in instructions.def) accesses linear memory: the
                     *     code C2 inlines for it, the memory segment's accessor chain and bounds check, is many
                     *     times an arithmetic instruction's (FunctionPlan weighs it so)
                     */
                    static boolean accessesMemory(int opcode) {
                        return opcode >= 0 && opcode < Opcodes.COUNT && (MEMORY[opcode >>> 6] & 1L << opcode) != 0;
                    }

                    private static final long[] MEMORY = {
                """);
        long[] memory = new long[(ops.size() + 63) / 64];
        for (Generator.Op op : ops) {
            String owner = op.call() == null ? "" : op.call().substring(0, Math.max(0, op.call().lastIndexOf('.')));
            if (!op.kind().equals("custom") && (owner.equals("MemoryOps") || owner.equals("SimdMemoryOps"))) {
                memory[op.code() >>> 6] |= 1L << op.code();
            }
        }
        for (long word : memory) {
            b.append("        0x").append(Long.toHexString(word)).append("L,\n");
        }
        b.append("    };\n");
        for (Generator.Op op : ops) {
            if (!op.kind().equals("custom")) {
                b.append(emitter(op, declared));
            }
        }
        b.append("}\n");
        return b.toString();
    }
}
