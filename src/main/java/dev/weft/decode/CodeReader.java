package dev.weft.decode;

import dev.weft.MalformedModuleException;

import java.util.Arrays;

/**
 * The hand-written half of {@link InstructionReader}: the immediates that are more than a LEB128
 * (types, memory arguments, vectors) and the block structure. The generated half is the opcode
 * switch.
 *
 * <p>Structure: every {@code block}, {@code loop}, {@code if}, {@code try_table} and legacy
 * {@code try} opens a block that an {@code end} (or, for {@code try}, a {@code delegate}) closes;
 * {@code else} must follow an {@code if}, {@code catch}/{@code catch_all} a {@code try}. Code ends
 * with the {@code end} that closes its outermost block (the function or constant expression).
 *
 * <p>A function body whose bytes end before that {@code end} is read on into what follows, as the
 * reference interpreter does (it does not stop at the body's size), with no visitor, to report
 * what it meets there: usually {@code END opcode expected}, or {@code section size mismatch} when
 * an {@code end} comes, {@code unexpected end of section or function} at the end of the module.
 * Nothing beyond the body is ever handed to a visitor.
 */
public abstract sealed class CodeReader permits InstructionReader {
    static final byte BLOCK = 0;
    static final byte IF = 1;
    static final byte ELSE = 2;
    static final byte TRY = 3;
    static final byte TRY_CATCH = 4;
    static final byte TRY_CATCH_ALL = 5;

    /** Reads every byte; the position is where the next instruction starts. */
    final BinaryReader in;
    /** Offset of the instruction being read (what errors point at). */
    int instrStart;

    // immediates that are lists or groups, read into reused storage
    private int[] labelList = new int[16];
    private int[] typeList = new int[4];
    private int[] catchList = new int[12];
    private int memAlign;
    private int memIndex;
    private long memOffset;
    private boolean memIndexEncoded;
    private boolean memIndexWide;

    private byte[] open = new byte[32];
    private int depth;
    /** Whether a function body is being read (else a constant expression). */
    private boolean body;
    /** Where the body's bytes ran out if reading went on past them, else -1. */
    private int overrunAt = -1;

    CodeReader(byte[] bytes) {
        this.in = new BinaryReader(bytes, 0, 0);
    }

    /**
     * Positions the reader on a function body, for its local declarations to be read from
     * {@link #input()} before {@link #readCode}.
     *
     * @param offset the body's first byte
     * @param length its length
     */
    public final void beginBody(int offset, int length) {
        in.limit(offset + length);
        in.pos(offset);
        body = true;
    }

    /**
     * Reads a function body's instructions, from the input's position up to and including the
     * {@code end} that closes the body, which must be its last byte.
     *
     * @param v what to call for each instruction
     * @throws MalformedModuleException if the code is malformed
     */
    public final void readCode(InstructionVisitor v) {
        start(true);
        runCode(v);
    }

    /**
     * {@link #readCode}, for the translator: the same reading, in a copy of the instruction loop
     * of its own, so that the JIT compiles each copy for one visitor.
     *
     * @param v the translator
     * @throws MalformedModuleException if the code is malformed (never, for validated code)
     */
    public final void readCodeForTranslation(InstructionVisitor v) {
        start(true);
        runTranslation(v);
    }

    /**
     * Reads a constant expression, up to and including the {@code end} that closes it.
     *
     * @param offset its first byte
     * @param limit one past the last byte it may take
     * @param v what to call for each instruction
     * @return the offset after its {@code end}
     * @throws MalformedModuleException if the code is malformed or runs past {@code limit}
     */
    public final int readExpression(int offset, int limit, InstructionVisitor v) {
        in.limit(limit);
        in.pos(offset);
        start(false);
        runExpression(v);
        return in.pos();
    }

    private void start(boolean isBody) {
        body = isBody;
        overrunAt = -1;
        depth = 1;
        open[0] = BLOCK;
    }

    /** @return the reader of the bytes (for the local declarations of a body) */
    public final BinaryReader input() {
        return in;
    }

    /** @return the offset of the instruction the visitor is being called for */
    public final int instructionStart() {
        return instrStart;
    }

    /** @return whether the last memory argument encoded its memory index (multi-memory's form) */
    public final boolean memoryIndexEncoded() {
        return memIndexEncoded;
    }

    /**
     * Whether a memory index immediate of the current instruction took more than one byte, which
     * WebAssembly 2.0 reserved as a single zero byte; reading it clears the flag.
     *
     * @return true if one did since the last call
     */
    public final boolean takeWideMemoryIndex() {
        boolean wide = memIndexWide;
        memIndexWide = false;
        return wide;
    }

    /** @return the number of open blocks, the outermost (function or expression) included */
    public final int depth() {
        return depth;
    }

    abstract void runCode(InstructionVisitor v);

    abstract void runExpression(InstructionVisitor v);

    abstract void runTranslation(InstructionVisitor v);

    // ---------------------------------------------------------------- structure

    /** {@code block}, {@code loop}, {@code try_table}: opens a block. */
    final void openBlock() {
        open(BLOCK);
    }

    /** {@code if}: opens a block that may have an {@code else}. */
    final void openIf() {
        open(IF);
    }

    /** Legacy {@code try}: opens a block that may have handlers. */
    final void openTry() {
        open(TRY);
    }

    private void open(byte kind) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = kind;
    }

    /** {@code end}: closes the innermost block. @return true if it closed the outermost one */
    final boolean closeBlock() {
        return --depth == 0;
    }

    /** {@code delegate}: closes a {@code try} that has no handler (never the outermost block). */
    final void closeTry() {
        if (open[depth - 1] != TRY) {
            throw malformed("delegate must close a try without catch");
        }
        depth--;
    }

    /** {@code else}: only directly in an {@code if}. */
    final void elseOpcode() {
        if (open[depth - 1] != IF) {
            throw malformed("END opcode expected");
        }
        open[depth - 1] = ELSE;
    }

    /** Legacy {@code catch}/{@code catch_all}: only directly in a {@code try}. */
    final void catchOpcode() {
        byte kind = open[depth - 1];
        if (kind != TRY && kind != TRY_CATCH) {
            throw malformed("END opcode expected");
        }
        open[depth - 1] = in.bytes()[instrStart] == WasmOpcodes.CATCH_ALL ? TRY_CATCH_ALL : TRY_CATCH;
    }

    /** After the outermost {@code end}: a body must end there. */
    final void finish() {
        if (overrunAt >= 0) {
            throw new MalformedModuleException("section size mismatch: function body has no end", overrunAt);
        }
        if (body && in.pos() != in.limit()) {
            throw new MalformedModuleException("section size mismatch: bytes after the end of the function body",
                    in.pos());
        }
    }

    /**
     * The code's bytes ran out at {@code at} before its final {@code end}.
     *
     * @return the visitor to go on with (none: only malformedness is looked for past a body)
     */
    final InstructionVisitor outOfBytes(int at) {
        byte[] bytes = in.bytes();
        if (!body || overrunAt >= 0 || at >= bytes.length) {
            throw new MalformedModuleException("unexpected end of section or function", at);
        }
        overrunAt = at;
        in.limit(bytes.length);
        return SKIP;
    }

    /** A visitor that does nothing: reading with it only checks that the code is well-formed. */
    public static final InstructionVisitor SKIP = instr -> {
    };

    // ---------------------------------------------------------------- immediates
    // (the lists are reused: valid until the next instruction)

    /** @return br_table's targets, read by {@link #labels} */
    final int[] labelList() {
        return labelList;
    }

    /** @return a typed select's types, read by {@link #valTypes} */
    final int[] typeList() {
        return typeList;
    }

    /** @return try_table's catch clauses (kind, tag, label each), read by {@link #catches} */
    final int[] catchList() {
        return catchList;
    }

    /** @return the alignment (log2) of the memory argument read last */
    final int memAlign() {
        return memAlign;
    }

    /** @return the memory index of the memory argument read last */
    final int memIndex() {
        return memIndex;
    }

    /** @return the offset of the memory argument read last */
    final long memOffset() {
        return memOffset;
    }

    /** Reads br_table's target labels. @return how many (the default label follows) */
    final int labels() {
        int n = in.u32();
        // grown as targets are read, never to the declared count: each takes at least one byte,
        // so a bogus count runs out of bytes first
        for (int i = 0; i != n; i++) {
            int target = in.u32();
            if (i == labelList.length) {
                labelList = Arrays.copyOf(labelList, i * 2);
            }
            labelList[i] = target;
        }
        return n;
    }

    /** Reads a typed select's value types. @return how many */
    final int valTypes() {
        int n = in.u32();
        for (int i = 0; i != n; i++) {
            int t = valType();
            if (i == typeList.length) {
                typeList = Arrays.copyOf(typeList, i * 2);
            }
            typeList[i] = t;
        }
        return n;
    }

    /** Reads try_table's catch clauses. @return how many */
    final int catches() {
        int n = in.u32();
        for (int i = 0; i != n; i++) {
            int at = in.pos();
            int kind = in.u8();
            if (kind > 3) {
                throw new MalformedModuleException("malformed catch clause", at);
            }
            int tag = kind < 2 ? in.u32() : -1;
            int label = in.u32();
            if (3 * i + 3 > catchList.length) {
                catchList = Arrays.copyOf(catchList, catchList.length * 2);
            }
            catchList[3 * i] = kind;
            catchList[3 * i + 1] = tag;
            catchList[3 * i + 2] = label;
        }
        return n;
    }

    /** @return br_on_cast's nullability flags */
    final int castFlags() {
        int at = in.pos();
        int flags = in.u8();
        if ((flags & ~3) != 0) {
            throw new MalformedModuleException("malformed br_on_cast flags", at);
        }
        return flags;
    }

    /** Reads a memory argument: see {@link #memAlign()}, {@link #memIndex()}, {@link #memOffset()}. */
    final void memarg() {
        int at = in.pos();
        int flags = in.u32();
        if (Integer.compareUnsigned(flags, 0x80) >= 0) {
            throw new MalformedModuleException("malformed memop flags", at);
        }
        memIndexEncoded = (flags & 0x40) != 0;
        memIndex = memIndexEncoded ? in.u32() : 0;
        memAlign = flags & 0x3F;
        memOffset = in.u64();
    }

    /** A memory index immediate ({@code memory.size}, {@code memory.copy}…). */
    final int memoryIndex() {
        int at = in.pos();
        int x = in.u32();
        memIndexWide |= in.pos() - at != 1;
        return x;
    }

    /** Reads a reserved zero byte. */
    final void zeroByte() {
        int at = in.pos();
        if (in.u8() != 0) {
            throw new MalformedModuleException("zero byte expected", at);
        }
    }

    /** @return a block type code (see {@link TypeCodes}) */
    final int blockType() {
        int b = in.peekU8();
        if (b == TypeCodes.BLOCK_EMPTY) {
            in.u8();
            return TypeCodes.BLOCK_EMPTY;
        }
        if ((b & 0xC0) == 0x40) {
            return valType();
        }
        long x = in.s33();
        return TypeCodes.blockType((int) (x < 0 ? Integer.MAX_VALUE : Math.min(x, Integer.MAX_VALUE)));
    }

    /**
     * Reads a value type, with the reference interpreter's messages for bad bytes.
     *
     * @return its code (see {@link TypeCodes})
     */
    public final int valType() {
        return readValType(in);
    }

    /**
     * Reads a value type from any reader (local declarations, module fields).
     *
     * @param r positioned at the type
     * @return its code (see {@link TypeCodes})
     */
    public static int readValType(BinaryReader r) {
        int at = r.pos();
        int b = r.u8();
        switch (b) {
            case TypeCodes.I32, TypeCodes.I64, TypeCodes.F32, TypeCodes.F64, TypeCodes.V128:
                return b;
            case TypeCodes.REF_PREFIX:
                return TypeCodes.REF | readHeapType(r);
            case TypeCodes.REF_NULL_PREFIX:
                return TypeCodes.REF | TypeCodes.NULLABLE | readHeapType(r);
            default:
                if (TypeCodes.isAbstractHeapType(b)) {
                    return TypeCodes.REF | TypeCodes.NULLABLE | b;
                }
                // a continuation bit makes the one-byte LEB128 type code too long
                throw new MalformedModuleException(b >= 0x80 ? "integer representation too long"
                        : b >= 0x75 ? "malformed value type" : "malformed reference type", at);
        }
    }

    /** @return a heap type code (see {@link TypeCodes}) */
    final int heapType() {
        return readHeapType(in);
    }

    /**
     * Reads a heap type: an abstract heap type's byte or a type index (s33).
     *
     * @param r positioned at the type
     * @return its code (see {@link TypeCodes})
     */
    public static int readHeapType(BinaryReader r) {
        int at = r.pos();
        int b = r.peekU8();
        if (TypeCodes.isAbstractHeapType(b)) {
            r.u8();
            return b;
        }
        long x = r.s33();
        if (x < 0) {
            throw new MalformedModuleException("malformed heap type", at);
        }
        return TypeCodes.indexHeapType(x);
    }

    // ---------------------------------------------------------------- errors

    final MalformedModuleException malformed(String reason) {
        return new MalformedModuleException(reason, instrStart);
    }

    final MalformedModuleException illegalOpcode(int prefix, int op) {
        return new MalformedModuleException("illegal opcode " + WasmOpcodes.describe(prefix, op), instrStart);
    }
}
