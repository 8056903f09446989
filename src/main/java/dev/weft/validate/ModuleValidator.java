package dev.weft.validate;

import dev.weft.ExternKind;
import dev.weft.GlobalType;
import dev.weft.InvalidModuleException;
import dev.weft.Limits;
import dev.weft.MalformedModuleException;
import dev.weft.MemoryType;
import dev.weft.ModuleException;
import dev.weft.TableType;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.CodeReader;
import dev.weft.decode.DataSegment;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ElementSegment;
import dev.weft.decode.Export;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.Import;
import dev.weft.decode.InstructionReader;
import dev.weft.decode.SegmentMode;
import dev.weft.decode.WasmInstructions;

import java.util.HashSet;
import java.util.Set;

/**
 * Validates a decoded module against every rule of WebAssembly 2.0, and finishes decoding its
 * function bodies, which the decoder leaves as bytes.
 *
 * <p>Order and priority follow the reference interpreter, which decodes the whole module
 * before validating it: imports, function types, globals, tables, memories, element and data
 * segments, then the function bodies, then the start function, exports and the one-memory
 * rule. The first broken rule is remembered, but the remaining bodies are still decoded; if
 * one of them is malformed that {@link MalformedModuleException} is thrown instead, otherwise
 * the remembered {@link InvalidModuleException} (or {@link UnsupportedFeatureException} for an
 * implementation limit). A missing data count section is reported only for a module that is
 * otherwise valid (see {@link #validate}).
 */
public final class ModuleValidator {
    /** Largest memory size in 64 KiB pages (4 GiB). */
    private static final long MAX_PAGES = 65536;
    /** Largest table size in elements. */
    private static final long MAX_TABLE = 0xFFFF_FFFFL;

    private ModuleValidator() {
    }

    /**
     * What the validator accepts. It always applies every rule it knows (so an invalid module is
     * invalid whatever its features); a valid module using what the scope leaves out is then
     * rejected as unsupported. Instructions of features whose rules the validator does not know
     * yet (typed references, GC, exception handling) are unsupported in every scope.
     */
    public enum Scope {
        /**
         * What Weft can run: WebAssembly 2.0 with extended constant expressions, and relaxed SIMD.
         * The default.
         */
        EXECUTABLE(false, "mvp", "sign-extension", "nontrapping-fptoint", "bulk-memory", "reference-types", "simd",
                "relaxed-simd"),
        /**
         * Everything the validator knows, including features Weft cannot run yet (wide arithmetic,
         * atomics, tail calls, multiple memories). Used to measure the validator against the spec
         * test suite.
         */
        SPEC(true, VALIDATED.toArray(new String[0]));

        /** Support of an instruction: no validation rules yet. */
        static final byte NO_RULES = 0;
        /** Support of an instruction: validated, but outside the scope (unsupported once the module is valid). */
        static final byte OUT_OF_SCOPE = 1;
        /** Support of an instruction: validated and accepted. */
        static final byte SUPPORTED = 2;

        private final boolean multiMemory;
        private final byte[] support = new byte[WasmInstructions.COUNT];

        Scope(boolean multiMemory, String... features) {
            this.multiMemory = multiMemory;
            java.util.List<String> names = java.util.List.of(features);
            for (int i = 0; i < support.length; i++) {
                String f = WasmInstructions.featureName(WasmInstructions.feature(i));
                support[i] = !VALIDATED.contains(f) ? NO_RULES : names.contains(f) ? SUPPORTED : OUT_OF_SCOPE;
            }
        }

        /** @return per instruction of {@link WasmInstructions}: its support in this scope (do not modify) */
        byte[] support() {
            return support;
        }

        /** @return whether a module may use several memories and explicit memory indices */
        boolean multiMemory() {
            return multiMemory;
        }
    }

    /** The features whose validation rules the validator knows. */
    private static final java.util.List<String> VALIDATED = java.util.List.of("mvp", "sign-extension",
            "nontrapping-fptoint", "bulk-memory", "reference-types", "simd", "relaxed-simd", "wide-arithmetic",
            "threads", "tail-call");

    /**
     * Validates the module.
     *
     * @param module the decoded module
     * @throws MalformedModuleException if a function body does not decode, or a body uses a
     *     data segment index without a data count section
     * @throws InvalidModuleException if a validation rule is broken
     * @throws UnsupportedFeatureException if a function exceeds {@link #maxLocals()} or
     *     {@link #maxOperandStack()}
     */
    public static void validate(DecodedModule module) {
        validate(module, Scope.EXECUTABLE);
    }

    /**
     * Validates the module with the rules of a scope.
     *
     * @param module the decoded module
     * @param scope which features are validated; the others are unsupported
     * @throws MalformedModuleException if a function body does not decode, or a body uses a
     *     data segment index without a data count section
     * @throws InvalidModuleException if a validation rule is broken
     * @throws UnsupportedFeatureException if the module uses a feature outside the scope, or
     *     exceeds {@link #maxLocals()} or {@link #maxOperandStack()}
     */
    public static void validate(DecodedModule module, Scope scope) {
        ModuleContext c = new ModuleContext(module);
        checkBodyBounds(module);
        ModuleException rejection = null;
        try {
            checkDeclarations(module, c, scope);
        } catch (InvalidModuleException | UnsupportedFeatureException e) {
            rejection = e;
        }

        BodyValidation.Outcome bodies = BodyValidation.run(module, c, scope, rejection != null);
        if (rejection == null) {
            rejection = bodies.rejection();
        }
        if (rejection == null) {
            try {
                checkStartAndExports(module, c);
            } catch (InvalidModuleException e) {
                rejection = e;
            }
        }
        if (rejection != null) {
            throw rejection;
        }
        if (c.memoryCount > 1 && !scope.multiMemory()) {
            throw new UnsupportedFeatureException("multiple memories are not supported by Weft yet", -1);
        }
        if (bodies.unsupported() != null) {
            throw bodies.unsupported();
        }
        // The reference interpreter checks this last of all decoding rules. Unlike the other
        // malformed conditions it yields to a validation error: the suite's wabt-converted
        // binaries drop the data count section from modules that use a data index but have no
        // data segment (memory_init.wast), and those must still fail as invalid.
        if (module.dataCount < 0 && bodies.usesDataSegments()) {
            throw new MalformedModuleException("data count section required", module.bytes.length);
        }
    }

    /**
     * The locals limit.
     *
     * @return the most parameters plus declared locals one function may have, an
     *     implementation limit (the one web engines apply)
     */
    public static int maxLocals() {
        return FunctionValidator.MAX_LOCALS;
    }

    /**
     * The operand stack limit.
     *
     * @return the highest operand stack one function may build, an implementation limit
     */
    public static int maxOperandStack() {
        return FunctionValidator.MAX_OPERANDS;
    }

    /** The decoder's bookkeeping, re-checked so no body can make the validator read out of bounds. */
    private static void checkBodyBounds(DecodedModule m) {
        if (m.bodies.length != m.functionTypes.length - m.importedFunctionCount) {
            throw new MalformedModuleException("function and code section have inconsistent lengths", -1);
        }
        for (FunctionBody b : m.bodies) {
            if (b.offset() < 0 || b.length() < 0 || b.offset() > m.bytes.length - b.length()) {
                throw new MalformedModuleException("function body outside the module", Math.max(b.offset(), 0));
            }
        }
    }

    /**
     * Reads past a body's local declarations, checking that their counts and types are well-formed.
     *
     * @return how many locals they declare (below 2^32)
     */
    static long skipLocals(BinaryReader r) {
        int at = r.pos();
        long groups = r.u32() & 0xFFFFFFFFL;
        long total = 0;
        for (long g = 0; g < groups; g++) {
            total += r.u32() & 0xFFFFFFFFL;
            CodeReader.readValType(r);
        }
        if (total >= 1L << 32) {
            throw new MalformedModuleException("too many locals", at);
        }
        return total;
    }

    /** Everything a function body may depend on, in the reference interpreter's order. */
    private static void checkDeclarations(DecodedModule m, ModuleContext c, Scope scope) {
        for (Import i : m.imports) {
            if (i.type() instanceof TableType t) {
                checkTableLimits(t.limits(), -1);
            } else if (i.type() instanceof MemoryType mt) {
                checkMemoryLimits(mt.limits(), -1);
            } else if (!(i.type() instanceof GlobalType)) {
                checkTypeIndex(i.typeIndex(), m, -1); // a function import
            }
        }
        for (int f = m.importedFunctionCount; f < m.functionTypes.length; f++) {
            checkTypeIndex(m.functionTypes[f], m, -1);
        }
        // every function in an export is a declared reference, even if the exports are checked later
        for (Export e : m.exports) {
            if (e.kind() == ExternKind.FUNCTION && ModuleContext.inRange(e.index(), c.functionCount())) {
                c.declaredFunctions[e.index()] = true;
            }
        }

        ConstantExpressions constants = new ConstantExpressions(c, scope);
        for (int g = 0; g < m.globalInits.length; g++) {
            int index = m.importedGlobalCount + g;
            constants.check(m.globalInits[g], c.globalTypes[index], "global " + index + " initializer", index);
        }
        for (int t = m.importedTableCount; t < m.tables.length; t++) {
            checkTableLimits(m.tables[t].limits(), -1);
        }
        for (int i = m.importedMemoryCount; i < m.memories.length; i++) {
            checkMemoryLimits(m.memories[i].limits(), -1);
        }
        for (int i = 0; i < m.elements.length; i++) {
            checkElementSegment(m.elements[i], i, c, constants);
        }
        for (int i = 0; i < m.data.length; i++) {
            DataSegment d = m.data[i];
            if (d.mode() == SegmentMode.ACTIVE) {
                if (!ModuleContext.inRange(d.memoryIndex(), c.memoryCount)) {
                    throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(d.memoryIndex()),
                            d.binaryOffset());
                }
                constants.check(d.offset(), ValTypes.I32, "data segment " + i + " offset", -1);
            }
        }
    }

    private static void checkElementSegment(ElementSegment e, int index, ModuleContext c,
            ConstantExpressions constants) {
        byte type = ValTypes.of(e.type());
        if (e.functionIndices() != null) {
            for (int f : e.functionIndices()) {
                if (!ModuleContext.inRange(f, c.functionCount())) {
                    throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(f),
                            e.binaryOffset());
                }
                c.declaredFunctions[f] = true;
            }
            if (type != ValTypes.FUNCREF) {
                throw new InvalidModuleException("type mismatch: function indices in an element segment of type "
                        + ValTypes.name(type), e.binaryOffset());
            }
        } else {
            for (int i = 0; i < e.items().length; i++) {
                constants.check(e.items()[i], type, "element " + i + " of element segment " + index, -1);
            }
        }
        if (e.mode() == SegmentMode.ACTIVE) {
            int t = e.tableIndex();
            if (!ModuleContext.inRange(t, c.tableTypes.length)) {
                throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(t), e.binaryOffset());
            }
            if (c.tableTypes[t] != type) {
                throw new InvalidModuleException("type mismatch: element segment " + index + " of type "
                        + ValTypes.name(type) + " for table " + t + " of type " + ValTypes.name(c.tableTypes[t]),
                        e.binaryOffset());
            }
            constants.check(e.offset(), ValTypes.I32, "element segment " + index + " offset", -1);
        }
    }

    private static void checkStartAndExports(DecodedModule m, ModuleContext c) {
        if (m.startFunction >= 0 || m.startFunction < -1) {
            int f = m.startFunction;
            if (!ModuleContext.inRange(f, c.functionCount())) {
                throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(f), -1);
            }
            int t = c.funcTypes[f];
            if (c.typeParams[t].length != 0 || c.typeResults[t].length != 0) {
                throw new InvalidModuleException("start function must have type [] -> [], not " + m.types[t], -1);
            }
        }
        Set<String> names = new HashSet<>();
        for (Export e : m.exports) {
            int x = e.index();
            int count = switch (e.kind()) {
                case FUNCTION -> c.functionCount();
                case TABLE -> c.tableTypes.length;
                case MEMORY -> c.memoryCount;
                case GLOBAL -> c.globalTypes.length;
            };
            if (!ModuleContext.inRange(x, count)) {
                String kind = switch (e.kind()) {
                    case FUNCTION -> "function";
                    case TABLE -> "table";
                    case MEMORY -> "memory";
                    case GLOBAL -> "global";
                };
                throw new InvalidModuleException("unknown " + kind + " " + Integer.toUnsignedString(x), -1);
            }
            if (!names.add(e.name())) {
                throw new InvalidModuleException("duplicate export name \"" + e.name() + "\"", -1);
            }
        }
    }

    private static void checkTypeIndex(int t, DecodedModule m, int at) {
        if (!ModuleContext.inRange(t, m.types.length)) {
            throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(t), at);
        }
    }

    private static void checkTableLimits(Limits l, int at) {
        checkLimits(l, MAX_TABLE, "table size must be at most 2^32-1", at);
    }

    private static void checkMemoryLimits(Limits l, int at) {
        checkLimits(l, MAX_PAGES, "memory size must be at most 65536 pages (4GiB)", at);
    }

    private static void checkLimits(Limits l, long range, String tooLarge, int at) {
        if (l.min() > range) {
            throw new InvalidModuleException(tooLarge, at);
        }
        if (l.max().isPresent()) {
            long max = l.max().getAsLong();
            if (max > range) {
                throw new InvalidModuleException(tooLarge, at);
            }
            if (l.min() > max) {
                throw new InvalidModuleException("size minimum must not be greater than maximum", at);
            }
        }
    }
}
