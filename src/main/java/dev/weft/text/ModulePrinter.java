package dev.weft.text;

import dev.weft.CustomSection;
import dev.weft.FunctionType;
import dev.weft.GlobalType;
import dev.weft.Limits;
import dev.weft.MemoryType;
import dev.weft.TableType;
import dev.weft.ValueType;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.CodeReader;
import dev.weft.decode.ConstExpr;
import dev.weft.decode.DataSegment;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.ElementSegment;
import dev.weft.decode.Export;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.Import;
import dev.weft.decode.InstructionReader;
import dev.weft.decode.SegmentMode;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Prints a decoded module in the text format: every field with numeric indices, function bodies
 * and constant expressions as flat instruction sequences. The output parses back to the same
 * module (custom sections become {@code @custom} annotations).
 */
public final class ModulePrinter {
    private final StringBuilder out = new StringBuilder();
    private final DecodedModule m;
    private final InstructionReader reader;
    private final InstructionPrinter instructions;

    private ModulePrinter(DecodedModule m) {
        this.m = m;
        this.reader = new InstructionReader(m.bytes);
        this.instructions = new InstructionPrinter(this);
    }

    /**
     * @param module a decoded module (its code is decoded as it is printed, so it should be valid
     *     or at least well-formed)
     * @return the module in the text format
     * @throws dev.weft.MalformedModuleException if a body or expression does not decode
     */
    public static String print(DecodedModule module) {
        return new ModulePrinter(module).module();
    }

    StringBuilder out() {
        return out;
    }

    private String module() {
        out.append("(module\n");
        for (int i = 0; i < m.types.length; i++) {
            out.append("  (type (;").append(i).append(";) (func").append(signature(m.types[i])).append("))\n");
        }
        for (Import i : m.imports) {
            out.append("  (import ").append(Strings.quote(i.module())).append(' ').append(Strings.quote(i.name()))
                    .append(' ');
            if (i.type() instanceof TableType t) {
                out.append("(table ").append(table(t)).append(')');
            } else if (i.type() instanceof MemoryType mt) {
                out.append("(memory ").append(limits(mt.limits())).append(')');
            } else if (i.type() instanceof GlobalType g) {
                out.append("(global ").append(global(g)).append(')');
            } else {
                out.append("(func (type ").append(i.typeIndex()).append("))");
            }
            out.append(")\n");
        }
        for (int t = m.importedTableCount; t < m.tables.length; t++) {
            out.append("  (table (;").append(t).append(";) ").append(table(m.tables[t])).append(")\n");
        }
        for (int i = m.importedMemoryCount; i < m.memories.length; i++) {
            out.append("  (memory (;").append(i).append(";) ").append(limits(m.memories[i].limits())).append(")\n");
        }
        for (int g = 0; g < m.globalInits.length; g++) {
            int index = m.importedGlobalCount + g;
            out.append("  (global (;").append(index).append(";) ").append(global(m.globals[index])).append(' ')
                    .append(expression(m.globalInits[g])).append(")\n");
        }
        for (Export e : m.exports) {
            out.append("  (export ").append(Strings.quote(e.name())).append(" (")
                    .append(e.kind().name().toLowerCase(java.util.Locale.ROOT).replace("function", "func"))
                    .append(' ').append(e.index()).append("))\n");
        }
        if (m.startFunction >= 0) {
            out.append("  (start ").append(m.startFunction).append(")\n");
        }
        for (ElementSegment e : m.elements) {
            element(e);
        }
        for (int f = 0; f < m.bodies.length; f++) {
            function(m.importedFunctionCount + f, m.bodies[f]);
        }
        for (DataSegment d : m.data) {
            data(d);
        }
        for (CustomSection c : m.customSections) {
            ByteBuffer content = c.content();
            byte[] bytes = new byte[content.remaining()];
            content.duplicate().get(bytes);
            out.append("  (@custom ").append(Strings.quote(c.name())).append(' ')
                    .append(Strings.quote(bytes, 0, bytes.length)).append(")\n");
        }
        out.append(")\n");
        return out.toString();
    }

    private void function(int index, FunctionBody body) {
        out.append("  (func (;").append(index).append(";) (type ").append(m.functionTypes[index]).append(')');
        reader.beginBody(body.offset(), body.length());
        BinaryReader in = reader.input();
        int groups = in.u32();
        for (int g = 0; g < groups; g++) {
            int count = in.u32();
            int type = CodeReader.readValType(in);
            if (count > 0) {
                out.append(" (local");
                String name = dev.weft.decode.TypeCodes.name(type);
                for (int i = 0; i < count; i++) {
                    out.append(' ').append(name);
                }
                out.append(')');
            }
        }
        out.append('\n');
        instructions.indent(2);
        reader.readCode(instructions);
        // the body's final end closes the func field
        out.setLength(out.length() - "  end\n".length());
        out.append("  )\n");
    }

    /** @return a constant expression as a flat instruction sequence on one line, without its end */
    private String expression(ConstExpr e) {
        int start = out.length();
        instructions.indent(0);
        reader.readExpression(e.offset(), e.offset() + e.length(), instructions);
        String text = out.substring(start).strip();
        out.setLength(start);
        text = text.substring(0, text.length() - "end".length()).strip();
        return text.replace('\n', ' ');
    }

    private void element(ElementSegment e) {
        out.append("  (elem");
        if (e.mode() == SegmentMode.ACTIVE) {
            out.append(" (table ").append(e.tableIndex()).append(") (offset ").append(expression(e.offset()))
                    .append(')');
        } else if (e.mode() == SegmentMode.DECLARATIVE) {
            out.append(" declare");
        }
        out.append(' ').append(e.type().wasmName());
        if (e.functionIndices() != null) {
            for (int f : e.functionIndices()) {
                out.append(" (item ref.func ").append(f).append(')');
            }
        } else {
            for (ConstExpr item : e.items()) {
                out.append(" (item ").append(expression(item)).append(')');
            }
        }
        out.append(")\n");
    }

    private void data(DataSegment d) {
        out.append("  (data");
        if (d.mode() == SegmentMode.ACTIVE) {
            out.append(" (memory ").append(d.memoryIndex()).append(") (offset ").append(expression(d.offset()))
                    .append(')');
        }
        out.append(' ').append(Strings.quote(m.bytes, d.dataOffset(), d.dataLength())).append(")\n");
    }

    private static String signature(FunctionType t) {
        StringBuilder b = new StringBuilder();
        types(b, " (param", t.params());
        types(b, " (result", t.results());
        return b.toString();
    }

    private static void types(StringBuilder b, String open, List<ValueType> types) {
        if (types.isEmpty()) {
            return;
        }
        b.append(open);
        for (ValueType v : types) {
            b.append(' ').append(v.wasmName());
        }
        b.append(')');
    }

    private static String table(TableType t) {
        return limits(t.limits()) + " " + t.elementType().wasmName();
    }

    private static String global(GlobalType g) {
        return g.mutable() ? "(mut " + g.valueType().wasmName() + ")" : g.valueType().wasmName();
    }

    private static String limits(Limits l) {
        return Long.toUnsignedString(l.min()) + (l.max().isPresent() ? " " + Long.toUnsignedString(l.max().getAsLong()) : "");
    }
}
