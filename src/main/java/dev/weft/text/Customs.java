package dev.weft.text;

import dev.weft.decode.Utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code (@custom "name" (before|after SECTION)? "content"*)} annotations: custom sections of the
 * module they stand in (between its fields, not inside one), placed before or after the section
 * they name ({@code first} is before the type section; the default, {@code last}, after the data
 * section). Other annotations are ignored.
 */
final class Customs {
    private Customs() {
    }

    static void place(Cursor c, int start, int end, List<int[]> fields, ModuleWriter w) {
        Source source = c.source();
        for (Lexer.Annotation a : c.lexed().annotations()) {
            if (!a.name().equals("custom") || a.offset() < start || a.offset() >= end) {
                continue;
            }
            for (int[] f : fields) {
                if (a.offset() > f[0] && a.offset() < f[1]) {
                    throw source.error("misplaced @custom annotation", a.offset());
                }
            }
            w.customs.add(parse(source, a));
        }
    }

    private static ModuleWriter.Custom parse(Source source, Lexer.Annotation a) {
        Lexer.Tokens t = a.items();
        int i = 0;
        if (i >= t.count || t.kind[i] != Lexer.STRING) {
            throw source.error("@custom annotation: missing section name", a.offset());
        }
        byte[] name = Lexer.stringBytes(source, t.start[i], t.end[i]);
        if (Utf8.firstInvalid(name, 0, name.length) >= 0) {
            throw source.error("@custom annotation: malformed UTF-8 encoding", t.start[i]);
        }
        i++;
        boolean before = false;
        int section = ModuleWriter.DATA;
        if (i < t.count && t.kind[i] == Lexer.LPAR) {
            int at = t.start[i];
            String direction = i + 1 < t.count ? text(source, t, i + 1) : "";
            String kind = i + 2 < t.count ? text(source, t, i + 2) : "";
            if (!direction.equals("before") && !direction.equals("after")) {
                throw source.error("@custom annotation: malformed placement", at);
            }
            before = direction.equals("before");
            section = switch (kind) {
                case "type" -> ModuleWriter.TYPE;
                case "import" -> ModuleWriter.IMPORT;
                case "func" -> ModuleWriter.FUNCTION;
                case "table" -> ModuleWriter.TABLE;
                case "memory" -> ModuleWriter.MEMORY;
                case "tag" -> ModuleWriter.TAG;
                case "global" -> ModuleWriter.GLOBAL;
                case "export" -> ModuleWriter.EXPORT;
                case "start" -> ModuleWriter.START;
                case "elem" -> ModuleWriter.ELEMENT;
                case "code" -> ModuleWriter.CODE;
                case "data" -> ModuleWriter.DATA;
                case "datacount" -> ModuleWriter.DATA_COUNT;
                case "first" -> ModuleWriter.TYPE;
                case "last" -> ModuleWriter.DATA;
                default -> throw source.error("@custom annotation: malformed section kind", at);
            };
            if (i + 3 >= t.count || t.kind[i + 3] != Lexer.RPAR) {
                throw source.error("@custom annotation: unexpected token", at);
            }
            i += 4;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (; i < t.count; i++) {
            if (t.kind[i] != Lexer.STRING) {
                throw source.error("@custom annotation: unexpected token", t.start[i]);
            }
            content.writeBytes(Lexer.stringBytes(source, t.start[i], t.end[i]));
        }
        return new ModuleWriter.Custom(new String(name, StandardCharsets.UTF_8), content.toByteArray(), before,
                section);
    }

    private static String text(Source source, Lexer.Tokens t, int i) {
        return new String(source.bytes(), t.start[i], t.end[i] - t.start[i], StandardCharsets.UTF_8);
    }
}
