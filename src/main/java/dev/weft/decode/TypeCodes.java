package dev.weft.decode;

/**
 * Value types, heap types and block types as the instruction reader hands them to visitors: one
 * {@code int} each, so no instruction allocates.
 *
 * <ul>
 *   <li>Number, vector and packed types are their binary type byte ({@link #I32} is {@code 0x7F}).</li>
 *   <li>A reference type is {@link #REF}, plus {@link #NULLABLE} if it admits null, plus its heap
 *       type.</li>
 *   <li>A heap type is an abstract heap type's byte ({@link #FUNC} is {@code 0x70}), or
 *       {@link #INDEX} plus a type index (indices too large for 27 bits become {@link #INDEX_MAX},
 *       which no module can define).</li>
 *   <li>A block type is {@link #BLOCK_EMPTY}, a value type, or {@code -1 - typeIndex} (see
 *       {@link #blockTypeIndex}).</li>
 * </ul>
 */
public final class TypeCodes {
    private TypeCodes() {
    }

    /** {@code i32}. */
    public static final int I32 = 0x7F;
    /** {@code i64}. */
    public static final int I64 = 0x7E;
    /** {@code f32}. */
    public static final int F32 = 0x7D;
    /** {@code f64}. */
    public static final int F64 = 0x7C;
    /** {@code v128}. */
    public static final int V128 = 0x7B;
    /** {@code i8}, a packed storage type. */
    public static final int I8 = 0x78;
    /** {@code i16}, a packed storage type. */
    public static final int I16 = 0x77;

    /** Heap type {@code noexn}. */
    public static final int NOEXN = 0x74;
    /** Heap type {@code nofunc}. */
    public static final int NOFUNC = 0x73;
    /** Heap type {@code noextern}. */
    public static final int NOEXTERN = 0x72;
    /** Heap type {@code none}. */
    public static final int NONE = 0x71;
    /** Heap type {@code func}. */
    public static final int FUNC = 0x70;
    /** Heap type {@code extern}. */
    public static final int EXTERN = 0x6F;
    /** Heap type {@code any}. */
    public static final int ANY = 0x6E;
    /** Heap type {@code eq}. */
    public static final int EQ = 0x6D;
    /** Heap type {@code i31}. */
    public static final int I31 = 0x6C;
    /** Heap type {@code struct}. */
    public static final int STRUCT = 0x6B;
    /** Heap type {@code array}. */
    public static final int ARRAY = 0x6A;
    /** Heap type {@code exn}. */
    public static final int EXN = 0x69;

    /** Marks a reference type. */
    public static final int REF = 1 << 30;
    /** Marks a reference type that admits null. */
    public static final int NULLABLE = 1 << 29;
    /** Marks a concrete heap type: the low bits are a type index. */
    public static final int INDEX = 1 << 27;
    /** The largest type index a heap type can carry; larger indices are clamped to it. */
    public static final int INDEX_MAX = INDEX - 1;
    /** Binary byte of the non-null reference type prefix {@code (ref ht)}. */
    public static final int REF_PREFIX = 0x64;
    /** Binary byte of the nullable reference type prefix {@code (ref null ht)}. */
    public static final int REF_NULL_PREFIX = 0x63;

    /** {@code funcref}, i.e. {@code (ref null func)}. */
    public static final int FUNCREF = REF | NULLABLE | FUNC;
    /** {@code externref}, i.e. {@code (ref null extern)}. */
    public static final int EXTERNREF = REF | NULLABLE | EXTERN;
    /** {@code exnref}, i.e. {@code (ref null exn)}. */
    public static final int EXNREF = REF | NULLABLE | EXN;

    /** The empty block type. */
    public static final int BLOCK_EMPTY = 0x40;

    /**
     * @param heapType a heap type code
     * @param nullable whether null is admitted
     * @return the reference type
     */
    public static int ref(int heapType, boolean nullable) {
        return REF | (nullable ? NULLABLE : 0) | heapType;
    }

    /** @return true if {@code type} is a reference type */
    public static boolean isRef(int type) {
        return (type & REF) != 0;
    }

    /** @return true if the reference type admits null */
    public static boolean isNullable(int type) {
        return (type & NULLABLE) != 0;
    }

    /** @return the heap type of a reference type */
    public static int heapType(int refType) {
        return refType & (INDEX | INDEX_MAX | 0xFF);
    }

    /** @return true if the heap type is a type index */
    public static boolean isIndex(int heapType) {
        return (heapType & INDEX) != 0;
    }

    /** @return the type index of a concrete heap type */
    public static int index(int heapType) {
        return heapType & INDEX_MAX;
    }

    /**
     * @param index a type index (non-negative; larger than {@link #INDEX_MAX} is clamped)
     * @return the concrete heap type
     */
    public static int indexHeapType(long index) {
        return INDEX | (int) Math.min(index, INDEX_MAX);
    }

    /** @return true if {@code blockType} names a type index */
    public static boolean isBlockTypeIndex(int blockType) {
        return blockType < 0;
    }

    /** @return the type index of a block type for which {@link #isBlockTypeIndex} holds */
    public static int blockTypeIndex(int blockType) {
        return -1 - blockType;
    }

    /**
     * @param typeIndex a type index (non-negative)
     * @return the block type naming it
     */
    public static int blockType(int typeIndex) {
        return -1 - typeIndex;
    }

    /**
     * @param code a value, packed, heap or block type code
     * @return its text-format name, e.g. {@code i32}, {@code funcref}, {@code (ref null 3)}
     */
    public static String name(int code) {
        if (isRef(code)) {
            int ht = heapType(code);
            if (isNullable(code) && !isIndex(ht)) {
                String shorthand = switch (ht) {
                    case FUNC -> "funcref";
                    case EXTERN -> "externref";
                    case ANY -> "anyref";
                    case EQ -> "eqref";
                    case I31 -> "i31ref";
                    case STRUCT -> "structref";
                    case ARRAY -> "arrayref";
                    case EXN -> "exnref";
                    case NONE -> "nullref";
                    case NOFUNC -> "nullfuncref";
                    case NOEXTERN -> "nullexternref";
                    case NOEXN -> "nullexnref";
                    default -> null;
                };
                if (shorthand != null) {
                    return shorthand;
                }
            }
            return "(ref " + (isNullable(code) ? "null " : "") + heapTypeName(ht) + ")";
        }
        return switch (code) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            case I8 -> "i8";
            case I16 -> "i16";
            default -> "0x" + Integer.toHexString(code);
        };
    }

    /**
     * @param heapType a heap type code
     * @return its text-format name, e.g. {@code func} or the type index
     */
    public static String heapTypeName(int heapType) {
        if (isIndex(heapType)) {
            return Integer.toString(index(heapType));
        }
        return switch (heapType) {
            case NOEXN -> "noexn";
            case NOFUNC -> "nofunc";
            case NOEXTERN -> "noextern";
            case NONE -> "none";
            case FUNC -> "func";
            case EXTERN -> "extern";
            case ANY -> "any";
            case EQ -> "eq";
            case I31 -> "i31";
            case STRUCT -> "struct";
            case ARRAY -> "array";
            case EXN -> "exn";
            default -> "0x" + Integer.toHexString(heapType);
        };
    }

    /** @return true if {@code b} is the binary byte of an abstract heap type */
    public static boolean isAbstractHeapType(int b) {
        return b >= EXN && b <= NOEXN;
    }
}
