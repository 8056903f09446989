import java.util.ArrayList;
import java.util.List;

/**
 * Writes the text format's {@code InstructionPrinter} from the definition {@link WasmGenerator}
 * parsed. Part of the generator run by Maven (see WasmGenerator.java); everything it writes is
 * generated.
 */
final class WasmPrinterEmitter {
    private WasmPrinterEmitter() {
    }

    // ---------------------------------------------------------------- InstructionPrinter

    static String printer() {
        StringBuilder b = new StringBuilder(WasmGenerator.HEADER);
        b.append("""
                package dev.weft.text;

                import dev.weft.decode.InstructionVisitor;
                import dev.weft.decode.WasmInstructions;

                /**
                 * Prints each instruction the reader decodes in the text format's flat syntax, one per line; the
                 * immediates are formatted by {@link PrinterBase}.
                 */
                final class InstructionPrinter extends PrinterBase implements InstructionVisitor {
                    InstructionPrinter(ModulePrinter module) {
                        super(module);
                    }

                    @Override
                    public void unsupported(int instr) {
                        throw new IllegalStateException("no text form for " + WasmInstructions.name(instr));
                    }

                    @Override
                    public void operator(int instr) {
                        begin(instr);
                        finish();
                    }

                    @Override
                    public void memoryAccess(int instr, int align, int memory, long offset) {
                        begin(instr);
                        memarg(align, memory, offset, WasmInstructions.naturalAlignment(instr));
                        finish();
                    }

                    @Override
                    public void atomicAccess(int instr, int align, int memory, long offset) {
                        memoryAccess(instr, align, memory, offset);
                    }

                    @Override
                    public void laneAccess(int instr, int lane) {
                        begin(instr);
                        number(lane);
                        finish();
                    }

                    @Override
                    public void memoryLaneAccess(int instr, int align, int memory, long offset, int lane) {
                        begin(instr);
                        memarg(align, memory, offset, WasmInstructions.naturalAlignment(instr));
                        number(lane);
                        finish();
                    }

                """);
        for (WasmGenerator.Instr in : WasmGenerator.INSTRS) {
            if (in.direct()) {
                continue;
            }
            b.append("    @Override\n    public void ").append(in.method()).append("(").append(WasmReaderEmitter.decls(in))
                    .append(") {\n");
            b.append("        begin(WasmInstructions.").append(in.idConstant()).append(");\n");
            List<WasmGenerator.Imm> textOrder = new ArrayList<>(in.imms());
            if (List.of("CALL_INDIRECT", "RETURN_CALL_INDIRECT", "MEMORY_INIT", "TABLE_INIT").contains(in.constant())) {
                java.util.Collections.reverse(textOrder); // the text names the table or memory first
            }
            if (in.constant().equals("MEMORY_COPY") || in.constant().equals("TABLE_COPY")) {
                b.append("        indexPair(dst, src);\n        finish();\n    }\n\n");
                continue;
            }
            for (WasmGenerator.Imm i : textOrder) {
                String call = switch (i.kind()) {
                    case "blocktype" -> "blockType(blockType)";
                    case "catches" -> "catches(catches, count)";
                    case "labels" -> "labels(labels, count, defaultLabel)";
                    case "valtypes" -> "results(types, count)";
                    case "heaptype" -> in.constant().startsWith("REF_TEST") || in.constant().startsWith("REF_CAST")
                            ? "refType(" + (in.constant().endsWith("_NULL") ? "true" : "false") + ", heapType)"
                            : "heapType(heapType)";
                    case "castflags" -> null;
                    case "memarg", "atomarg" -> "memarg(align, memory, offset, " + i.arg() + ")";
                    case "lane", "u32", "field" -> "number(" + i.param() + ")";
                    case "i32" -> "i32(value)";
                    case "i64" -> "i64(value)";
                    case "f32" -> "f32(bits)";
                    case "f64" -> "f64(bits)";
                    case "v128" -> "v128(low, high)";
                    case "shuffle" -> "shuffle(low, high)";
                    case "zero" -> null;
                    case "label" -> "label(" + i.param() + ")";
                    case "type" -> in.constant().endsWith("CALL_INDIRECT") ? "typeUse(type)" : "index(" + i.param() + ")";
                    case "memory" -> in.imms().size() == 1 || in.constant().equals("MEMORY_COPY")
                            ? "optionalIndex(" + i.param() + ")" : "index(" + i.param() + ")";
                    case "table" -> in.imms().size() == 1 || in.constant().equals("TABLE_COPY")
                            ? "optionalIndex(" + i.param() + ")" : "index(" + i.param() + ")";
                    default -> "index(" + i.param() + ")";
                };
                if (in.constant().startsWith("BR_ON_CAST") && i.kind().equals("heaptype")) {
                    call = "refType((flags & " + (i.param().equals("from") ? 1 : 2) + ") != 0, " + i.param() + ")";
                }
                if (call != null) {
                    b.append("        ").append(call).append(";\n");
                }
            }
            b.append("        finish();\n    }\n\n");
        }
        b.setLength(b.length() - 1);
        b.append("}\n");
        return b.toString();
    }
}
