import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/**
 * Writes the tables of WebAssembly's instructions from the definition {@link WasmGenerator}
 * parsed: {@code WasmOpcodes} (opcode constants and names) and {@code WasmInstructions} (dense
 * ids, immediates, signatures, features). Part of the generator run by Maven (see
 * WasmGenerator.java); everything it writes is generated.
 */
final class WasmTablesEmitter {
    private WasmTablesEmitter() {
    }

    // ---------------------------------------------------------------- WasmOpcodes

    static String opcodes() {
        StringBuilder b = new StringBuilder(WasmGenerator.HEADER);
        b.append("""
                package dev.weft.decode;

                /**
                 * The binary opcodes of every WebAssembly instruction: single-byte opcodes, and the sub-opcodes
                 * that follow the prefixes {@code 0xFB} (GC), {@code 0xFC} (saturating truncation, bulk memory,
                 * tables, wide arithmetic), {@code 0xFD} (SIMD) and {@code 0xFE} (atomics), numbered as in the
                 * binary format.
                 *
                 * <p>Naming: the mnemonic in upper case with {@code .} replaced by {@code _}; sub-opcodes carry
                 * their prefix ({@code FC_MEMORY_INIT}, {@code FD_I8X16_SHUFFLE}). Where one mnemonic has two
                 * encodings the definition names them ({@link #SELECT_T}, the typed {@code select}). A
                 * sub-opcode follows its prefix byte as an unsigned LEB128 {@code u32}. Dense instruction
                 * numbers, names, features and types are in {@link WasmInstructions}.
                 */
                public final class WasmOpcodes {
                    private WasmOpcodes() {
                    }

                    /** Prefix of the GC instructions ({@code FB_*}). */
                    public static final int PREFIX_FB = 0xFB;
                    /** Prefix of the saturating-truncation, bulk-memory, table and wide-arithmetic instructions ({@code FC_*}). */
                    public static final int PREFIX_FC = 0xFC;
                    /** Prefix of the SIMD instructions ({@code FD_*}). */
                    public static final int PREFIX_FD = 0xFD;
                    /** Prefix of the atomic instructions ({@code FE_*}). */
                    public static final int PREFIX_FE = 0xFE;

                """);
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            String where = in.prefix() == 0 ? "" : " ({@code " + WasmGenerator.hex(in.prefix()) + " " + WasmGenerator.hex(in.code()) + "})";
            b.append("    /** {@code ").append(in.name()).append("}").append(where).append(". */\n");
            b.append("    public static final int ").append(in.opConstant()).append(" = ").append(WasmGenerator.hex(in.code()))
                    .append(";\n");
        }
        b.append("""

                    /**
                     * The mnemonic of a single-byte opcode.
                     *
                     * @param opcode a single-byte opcode (0..255)
                     * @return its mnemonic, e.g. {@code i32.add}; null if the byte is no instruction or is a prefix
                     */
                    public static String name(int opcode) {
                        int id = WasmInstructions.single(opcode);
                        return id < 0 ? null : WasmInstructions.name(id);
                    }

                    /**
                     * The mnemonic of a prefixed opcode.
                     *
                     * @param prefix one of the {@code PREFIX_*} bytes
                     * @param subOpcode the sub-opcode that follows the prefix
                     * @return its mnemonic, e.g. {@code memory.init}; null if there is no such instruction
                     */
                    public static String name(int prefix, int subOpcode) {
                        int id = WasmInstructions.prefixed(prefix, subOpcode);
                        return id < 0 ? null : WasmInstructions.name(id);
                    }

                    /**
                     * A readable name for error messages: the mnemonic if there is one, else the hex bytes.
                     *
                     * @param prefix one of the {@code PREFIX_*} bytes, or -1 for a single-byte opcode
                     * @param opcode the opcode or sub-opcode
                     * @return e.g. {@code "i32.add"} or {@code "0xfd 0x9a"}
                     */
                    public static String describe(int prefix, int opcode) {
                        String n = prefix < 0 ? name(opcode) : name(prefix, opcode);
                        if (n != null) {
                            return n;
                        }
                        return prefix < 0 ? String.format("0x%02x", opcode)
                                : String.format("0x%02x 0x%x", prefix, opcode);
                    }
                }
                """);
        return b.toString();
    }

    // ---------------------------------------------------------------- WasmInstructions

    static String instructions() {
        StringBuilder b = new StringBuilder(WasmGenerator.HEADER);
        b.append("""
                package dev.weft.decode;

                import java.util.HashMap;
                import java.util.Map;

                /**
                 * Every WebAssembly instruction under a dense number ({@code 0 .. COUNT-1}, in definition order),
                 * with what the definition says about it: mnemonic, encoding, immediates, feature, and the
                 * operand and result types of the instructions whose typing is fixed. The visitor's group
                 * methods ({@link InstructionVisitor#operator}) receive these numbers.
                 */
                public final class WasmInstructions {
                    private WasmInstructions() {
                    }

                    /** Number of instructions. */
                    public static final int COUNT = %d;

                """.formatted(WasmGenerator.INSTRS.size()));
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            b.append("    /** {@code ").append(in.name()).append("}. */\n");
            b.append("    public static final int ").append(in.idConstant()).append(" = ").append(in.id()).append(";\n");
        }
        b.append("\n    // ---- features (the proposal that introduced an instruction)\n\n");
        int f = 0;
        for (String feature : WasmGenerator.FEATURES) {
            b.append("    /** Feature {@code ").append(feature).append("}. */\n");
            b.append("    public static final int FEATURE_").append(WasmGenerator.featureConstant(feature)).append(" = ").append(f++)
                    .append(";\n");
        }
        b.append("\n    // ---- immediate kinds, in the order of wasm-instructions.def's legend\n\n");
        for (int k = 0; k < WasmGenerator.KINDS.size(); k++) {
            b.append("    /** Immediate {@code ").append(WasmGenerator.KINDS.get(k)).append("}. */\n");
            b.append("    public static final byte IMM_").append(WasmGenerator.KINDS.get(k).toUpperCase(Locale.ROOT)).append(" = ")
                    .append(k).append(";\n");
        }
        b.append("""

                    // ---- operand and result types of typed instructions: the binary type codes, and ADDR
                    /** The address type of the accessed memory ({@code i32}, or {@code i64} for a 64-bit memory). */
                    public static final byte ADDR = 1;

                """);
        b.append("    private static final String[] FEATURE_NAMES = \"")
                .append(String.join(" ", WasmGenerator.FEATURES)).append("\".split(\" \");\n");
        StringBuilder names = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        StringBuilder feats = new StringBuilder();
        StringBuilder imms = new StringBuilder();
        StringBuilder sigs = new StringBuilder();
        List<String> featureList = new ArrayList<>(WasmGenerator.FEATURES);
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            names.append(in.id() == 0 ? "" : " ").append(in.name());
            codes.append(in.id() == 0 ? "" : ",").append(in.prefix() << 16 | in.code());
            feats.append((char) ('a' + featureList.indexOf(in.feature())));
            StringBuilder im = new StringBuilder();
            for (WasmGenerator.Imm i : in.imms()) {
                im.append((char) ('a' + WasmGenerator.KINDS.indexOf(i.kind())));
                if (i.arg() >= 0) {
                    im.append(i.arg());
                }
            }
            imms.append(in.id() == 0 ? "" : ",").append(im);
            sigs.append(in.id() == 0 ? "" : ",").append(in.custom() ? "*"
                    : sigCode(in.params()) + ">" + sigCode(in.results()));
        }
        b.append("    private static final String[] NAMES = \"").append(names).append("\".split(\" \");\n");
        b.append("    private static final String CODES = \"").append(codes).append("\";\n");
        b.append("    private static final String FEATURES = \"").append(feats).append("\";\n");
        b.append("    private static final String IMMEDIATES = \"").append(imms).append("\";\n");
        b.append("    private static final String SIGNATURES = \"").append(sigs).append("\";\n");
        b.append("""
                    private static final int[] CODE = new int[COUNT];
                    private static final byte[] FEATURE = new byte[COUNT];
                    private static final byte[][] KINDS = new byte[COUNT][];
                    private static final byte[] ALIGN = new byte[COUNT];
                    private static final byte[] LANES = new byte[COUNT];
                    private static final byte[][] PARAMS = new byte[COUNT][];
                    private static final byte[][] RESULTS = new byte[COUNT][];
                    /** The instruction of each single-byte opcode, or -1 (read by the reader's loop; do not modify). */
                    static final int[] SINGLE = new int[256];
                    private static final int[][] PREFIXED = new int[4][];
                    private static final Map<String, int[]> BY_NAME = new HashMap<>();

                    static {
                        java.util.Arrays.fill(SINGLE, -1);
                        String[] codes = CODES.split(",");
                        String[] imms = IMMEDIATES.split(",", -1);
                        String[] sigs = SIGNATURES.split(",", -1);
                        int[] sizes = new int[4];
                        for (int id = 0; id < COUNT; id++) {
                            int c = Integer.parseInt(codes[id]);
                            CODE[id] = c;
                            if (c > 0xFFFF) {
                                int p = (c >>> 16) - 0xFB;
                                sizes[p] = Math.max(sizes[p], (c & 0xFFFF) + 1);
                            }
                        }
                        for (int p = 0; p < 4; p++) {
                            PREFIXED[p] = new int[sizes[p]];
                            java.util.Arrays.fill(PREFIXED[p], -1);
                        }
                        for (int id = 0; id < COUNT; id++) {
                            int c = CODE[id];
                            if (c > 0xFFFF) {
                                PREFIXED[(c >>> 16) - 0xFB][c & 0xFFFF] = id;
                            } else {
                                SINGLE[c] = id;
                            }
                            FEATURE[id] = (byte) (FEATURES.charAt(id) - 'a');
                            String im = imms[id];
                            byte[] kinds = new byte[im.length()];
                            int n = 0;
                            for (int i = 0; i < im.length(); i++) {
                                char ch = im.charAt(i);
                                if (ch >= 'a') {
                                    kinds[n++] = (byte) (ch - 'a');
                                } else if (kinds[n - 1] == IMM_LANE) {
                                    LANES[id] = (byte) (LANES[id] * 10 + (ch - '0'));
                                } else {
                                    ALIGN[id] = (byte) (ch - '0');
                                }
                            }
                            KINDS[id] = java.util.Arrays.copyOf(kinds, n);
                            String sig = sigs[id];
                            if (!sig.equals("*")) {
                                int gt = sig.indexOf('>');
                                PARAMS[id] = types(sig.substring(0, gt));
                                RESULTS[id] = types(sig.substring(gt + 1));
                            }
                            int[] same = BY_NAME.get(NAMES[id]);
                            if (same == null) {
                                BY_NAME.put(NAMES[id], new int[] {id});
                            } else {
                                int[] more = java.util.Arrays.copyOf(same, same.length + 1);
                                more[same.length] = id;
                                BY_NAME.put(NAMES[id], more);
                            }
                        }
                    }

                    private static byte[] types(String s) {
                        byte[] t = new byte[s.length()];
                        for (int i = 0; i < t.length; i++) {
                            t[i] = switch (s.charAt(i)) {
                                case 'i' -> (byte) 0x7F;
                                case 'I' -> (byte) 0x7E;
                                case 'f' -> (byte) 0x7D;
                                case 'F' -> (byte) 0x7C;
                                case 'v' -> (byte) 0x7B;
                                default -> ADDR;
                            };
                        }
                        return t;
                    }

                    /** @return the mnemonic of instruction {@code id} */
                    public static String name(int id) {
                        return NAMES[id];
                    }

                    /** @return the prefix byte of instruction {@code id}, or 0 for a single-byte opcode */
                    public static int prefix(int id) {
                        return CODE[id] >>> 16;
                    }

                    /** @return the opcode of instruction {@code id}, or its sub-opcode if it has a prefix */
                    public static int opcode(int id) {
                        return CODE[id] & 0xFFFF;
                    }

                    /** @return the feature ({@code FEATURE_*}) that introduced instruction {@code id} */
                    public static int feature(int id) {
                        return FEATURE[id];
                    }

                    /** @return the name of a feature, as in the definition (e.g. {@code "simd"}) */
                    public static String featureName(int feature) {
                        return FEATURE_NAMES[feature];
                    }

                    /** @return the number of features */
                    public static int featureCount() {
                        return FEATURE_NAMES.length;
                    }

                    /** @return the immediate kinds ({@code IMM_*}) of instruction {@code id}, in binary order (do not modify) */
                    public static byte[] immediates(int id) {
                        return KINDS[id];
                    }

                    /** @return log2 of the natural alignment of a memory access ({@code memarg}/{@code atomarg}) */
                    public static int naturalAlignment(int id) {
                        return ALIGN[id];
                    }

                    /** @return the exclusive bound of a lane immediate, or 0 */
                    public static int lanes(int id) {
                        return LANES[id];
                    }

                    /**
                     * @return the operand types of a typed instruction (binary type codes or {@link #ADDR}),
                     *     or null for one validated by a rule of its own (do not modify)
                     */
                    public static byte[] params(int id) {
                        return PARAMS[id];
                    }

                    /** @return {@link #params} of every instruction, indexed by number (do not modify) */
                    public static byte[][] paramsTable() {
                        return PARAMS;
                    }

                    /** @return {@link #results} of every instruction, indexed by number (do not modify) */
                    public static byte[][] resultsTable() {
                        return RESULTS;
                    }

                    /** @return the result types of a typed instruction, or null (do not modify) */
                    public static byte[] results(int id) {
                        return RESULTS[id];
                    }

                    /** @return the instruction of a single-byte opcode, or -1 */
                    public static int single(int opcode) {
                        return opcode >= 0 && opcode < 256 ? SINGLE[opcode] : -1;
                    }

                    /** @return the instruction of a prefixed opcode, or -1 */
                    public static int prefixed(int prefix, int subOpcode) {
                        int p = prefix - 0xFB;
                        if (p < 0 || p > 3) {
                            return -1;
                        }
                        int[] t = PREFIXED[p];
                        return subOpcode >= 0 && subOpcode < t.length ? t[subOpcode] : -1;
                    }

                    /**
                     * @param mnemonic a text-format mnemonic
                     * @return the instructions with that mnemonic (one, or two where the encoding depends on the
                     *     immediates, as for {@code select} and {@code ref.test}); null if none (do not modify)
                     */
                    public static int[] byName(String mnemonic) {
                        return BY_NAME.get(mnemonic);
                    }
                }
                """);
        return b.toString();
    }

    static String sigCode(List<String> types) {
        StringBuilder b = new StringBuilder();
        for (String t : types) {
            b.append(switch (t) {
                case "i32" -> 'i';
                case "i64" -> 'I';
                case "f32" -> 'f';
                case "f64" -> 'F';
                case "v128" -> 'v';
                default -> 'a';
            });
        }
        return b.toString();
    }
}
