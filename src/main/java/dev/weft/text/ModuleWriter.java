package dev.weft.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a module's encoded entries, section by section, and writes the binary: the sections in
 * the binary format's order, each with its count, custom sections ({@code @custom} annotations)
 * at the places they name, and a data count section when code names a data segment.
 */
final class ModuleWriter {
    static final int CUSTOM = 0;
    static final int TYPE = 1;
    static final int IMPORT = 2;
    static final int FUNCTION = 3;
    static final int TABLE = 4;
    static final int MEMORY = 5;
    static final int GLOBAL = 6;
    static final int EXPORT = 7;
    static final int START = 8;
    static final int ELEMENT = 9;
    static final int CODE = 10;
    static final int DATA = 11;
    static final int DATA_COUNT = 12;
    static final int TAG = 13;

    /** Section ids in binary order. */
    static final int[] ORDER = {TYPE, IMPORT, FUNCTION, TABLE, MEMORY, TAG, GLOBAL, EXPORT, START, ELEMENT,
        DATA_COUNT, CODE, DATA};

    /** A custom section and where it goes: before or after a section (by id). */
    record Custom(String name, byte[] content, boolean before, int section) {
    }

    final ByteSink imports = new ByteSink();
    int importCount;
    final ByteSink functions = new ByteSink();
    int functionCount;
    final ByteSink tables = new ByteSink();
    int tableCount;
    final ByteSink memories = new ByteSink();
    int memoryCount;
    final ByteSink tags = new ByteSink();
    int tagCount;
    final ByteSink globals = new ByteSink();
    int globalCount;
    final ByteSink exports = new ByteSink();
    int exportCount;
    int start = -1;
    final ByteSink elements = new ByteSink();
    int elementCount;
    final ByteSink code = new ByteSink();
    final ByteSink data = new ByteSink();
    int dataCount;
    final List<Custom> customs = new ArrayList<>();

    /**
     * @param types the type section
     * @param dataCountSection whether to write a data count section
     * @return the module binary
     */
    byte[] write(TypeDefs types, boolean dataCountSection) {
        ByteSink out = new ByteSink();
        out.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (int id : ORDER) {
            customs(out, true, id);
            ByteSink content = new ByteSink();
            boolean present = switch (id) {
                case TYPE -> {
                    if (types.size() == 0) {
                        yield false;
                    }
                    types.encode(content);
                    yield true;
                }
                case IMPORT -> counted(content, importCount, imports);
                case FUNCTION -> counted(content, functionCount, functions);
                case TABLE -> counted(content, tableCount, tables);
                case MEMORY -> counted(content, memoryCount, memories);
                case TAG -> counted(content, tagCount, tags);
                case GLOBAL -> counted(content, globalCount, globals);
                case EXPORT -> counted(content, exportCount, exports);
                case START -> {
                    if (start < 0) {
                        yield false;
                    }
                    content.u32(start);
                    yield true;
                }
                case ELEMENT -> counted(content, elementCount, elements);
                case DATA_COUNT -> {
                    if (!dataCountSection) {
                        yield false;
                    }
                    content.u32(dataCount);
                    yield true;
                }
                case CODE -> counted(content, functionCount, code);
                default -> counted(content, dataCount, data);
            };
            if (present) {
                content.section(out, id);
            }
            customs(out, false, id);
        }
        return out.toByteArray();
    }

    private static boolean counted(ByteSink content, int count, ByteSink entries) {
        if (count == 0) {
            return false;
        }
        content.u32(count);
        content.append(entries);
        return true;
    }

    private void customs(ByteSink out, boolean before, int id) {
        for (Custom c : customs) {
            if (c.before == before && c.section == id) {
                ByteSink content = new ByteSink();
                content.name(c.name);
                content.bytes(c.content);
                content.section(out, CUSTOM);
            }
        }
    }
}
