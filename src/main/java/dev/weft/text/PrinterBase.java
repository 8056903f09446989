package dev.weft.text;

import dev.weft.decode.TypeCodes;
import dev.weft.decode.WasmInstructions;

/**
 * Formats instructions for the generated {@link InstructionPrinter}: one instruction per line,
 * indented by block depth, immediates in the text format's syntax. Floats are printed as exact
 * hexadecimal literals ({@code nan:0x…} for NaNs with payloads), so printing loses nothing.
 */
abstract class PrinterBase {
    private final ModulePrinter module;
    private final StringBuilder out;
    private int indent;

    PrinterBase(ModulePrinter module) {
        this.module = module;
        this.out = module.out();
    }

    /** Sets the indentation of the next instruction (the body's, inside its function). */
    final void indent(int depth) {
        indent = depth;
    }

    final void begin(int instr) {
        if (instr == WasmInstructions.END || instr == WasmInstructions.ELSE || instr == WasmInstructions.CATCH
                || instr == WasmInstructions.CATCH_ALL || instr == WasmInstructions.DELEGATE) {
            indent--;
        }
        out.append("  ".repeat(Math.max(indent, 0))).append(WasmInstructions.name(instr));
        if (instr == WasmInstructions.BLOCK || instr == WasmInstructions.LOOP || instr == WasmInstructions.IF
                || instr == WasmInstructions.ELSE || instr == WasmInstructions.TRY || instr == WasmInstructions.CATCH
                || instr == WasmInstructions.CATCH_ALL || instr == WasmInstructions.TRY_TABLE) {
            indent++;
        }
    }

    final void finish() {
        out.append('\n');
    }

    final void index(int x) {
        out.append(' ').append(Integer.toUnsignedString(x));
    }

    /** A table or memory index that the text may leave out when it is 0. */
    final void optionalIndex(int x) {
        if (x != 0) {
            index(x);
        }
    }

    /** Two table or memory indices that the text may leave out when both are 0. */
    final void indexPair(int first, int second) {
        if (first != 0 || second != 0) {
            index(first);
            index(second);
        }
    }

    final void label(int x) {
        index(x);
    }

    final void number(int x) {
        index(x);
    }

    final void labels(int[] labels, int count, int defaultLabel) {
        for (int i = 0; i < count; i++) {
            index(labels[i]);
        }
        index(defaultLabel);
    }

    final void blockType(int blockType) {
        if (blockType == TypeCodes.BLOCK_EMPTY) {
            return;
        }
        if (TypeCodes.isBlockTypeIndex(blockType)) {
            typeUse(TypeCodes.blockTypeIndex(blockType));
        } else {
            out.append(" (result ").append(TypeCodes.name(blockType)).append(')');
        }
    }

    final void typeUse(int type) {
        out.append(" (type ").append(Integer.toUnsignedString(type)).append(')');
    }

    final void results(int[] types, int count) {
        out.append(" (result");
        for (int i = 0; i < count; i++) {
            out.append(' ').append(TypeCodes.name(types[i]));
        }
        out.append(')');
    }

    final void heapType(int heapType) {
        out.append(' ').append(TypeCodes.heapTypeName(heapType));
    }

    final void refType(boolean nullable, int heapType) {
        out.append(' ').append(TypeCodes.name(TypeCodes.ref(heapType, nullable)));
    }

    final void memarg(int align, int memory, long offset, int natural) {
        optionalIndex(memory);
        if (offset != 0) {
            out.append(" offset=").append(Long.toUnsignedString(offset));
        }
        if (align != natural) {
            out.append(" align=").append(align < 63 ? Long.toUnsignedString(1L << align) : "2^" + align);
        }
    }

    final void catches(int[] catches, int count) {
        for (int i = 0; i < count; i++) {
            int kind = catches[3 * i];
            out.append(" (").append(switch (kind) {
                case 0 -> "catch";
                case 1 -> "catch_ref";
                case 2 -> "catch_all";
                default -> "catch_all_ref";
            });
            if (kind < 2) {
                index(catches[3 * i + 1]);
            }
            index(catches[3 * i + 2]);
            out.append(')');
        }
    }

    final void i32(int value) {
        out.append(' ').append(value);
    }

    final void i64(long value) {
        out.append(' ').append(value);
    }

    final void f32(int bits) {
        out.append(' ').append(f32Text(bits));
    }

    final void f64(long bits) {
        out.append(' ').append(f64Text(bits));
    }

    final void v128(long low, long high) {
        out.append(" i32x4");
        for (long half : new long[] {low, high}) {
            out.append(" 0x").append(Integer.toHexString((int) half)).append(" 0x")
                    .append(Integer.toHexString((int) (half >>> 32)));
        }
    }

    final void shuffle(long low, long high) {
        for (int i = 0; i < 16; i++) {
            out.append(' ').append(((i < 8 ? low >>> (8 * i) : high >>> (8 * (i - 8)))) & 0xFF);
        }
    }

    /** @return the exact text of an f32 */
    static String f32Text(int bits) {
        float f = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(f)) {
            int payload = bits & 0x7FFFFF;
            return sign + (payload == 0x400000 ? "nan" : "nan:0x" + Integer.toHexString(payload));
        }
        if (Float.isInfinite(f)) {
            return sign + "inf";
        }
        return Float.toHexString(f).replace("0x1.0p", "0x1p");
    }

    /** @return the exact text of an f64 */
    static String f64Text(long bits) {
        double d = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(d)) {
            long payload = bits & 0xFFFFFFFFFFFFFL;
            return sign + (payload == 0x8000000000000L ? "nan" : "nan:0x" + Long.toHexString(payload));
        }
        if (Double.isInfinite(d)) {
            return sign + "inf";
        }
        return Double.toHexString(d).replace("0x1.0p", "0x1p");
    }

    /** @return the printer of the module being printed */
    final ModulePrinter module() {
        return module;
    }
}
