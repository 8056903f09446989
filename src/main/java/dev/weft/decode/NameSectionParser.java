package dev.weft.decode;

import dev.weft.MalformedModuleException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses the {@code name} custom section (spec appendix 7.4): the module name (subsection 0),
 * function names (1) and local names (2); other subsections are skipped. The section is only
 * debugging information, so a malformed one never makes the module malformed: it is ignored.
 */
final class NameSectionParser {
    private static final int MODULE_NAME = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    private final byte[] bytes;
    private final BinaryReader in;

    private NameSectionParser(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.in = new BinaryReader(bytes, offset, end);
    }

    /**
     * @param bytes the module binary
     * @param offset first byte of the section's content (after the name "name")
     * @param end one past the section's last byte
     * @return what the section names, or {@link NameSection#EMPTY} if it is malformed
     */
    static NameSection parse(byte[] bytes, int offset, int end) {
        try {
            return new NameSectionParser(bytes, offset, end).section();
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private NameSection section() {
        String moduleName = null;
        Map<Integer, String> functionNames = Map.of();
        Map<Integer, Map<Integer, String>> localNames = Map.of();
        int lastKnownId = -1;
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.u32();
            if (size < 0 || size > in.remaining()) {
                throw malformed();
            }
            int end = in.pos() + size;
            if (id > LOCAL_NAMES) {
                in.skip(size); // extended-name-section subsections: not used
                continue;
            }
            if (id <= lastKnownId) {
                throw malformed(); // each known subsection at most once, in order
            }
            lastKnownId = id;
            int sectionLimit = in.limit();
            in.limit(end);
            switch (id) {
                case MODULE_NAME -> moduleName = name();
                case FUNCTION_NAMES -> functionNames = nameMap();
                default -> localNames = indirectNameMap();
            }
            if (!in.atEnd()) {
                throw malformed();
            }
            in.limit(sectionLimit);
        }
        return new NameSection(moduleName, functionNames, localNames);
    }

    private Map<Integer, String> nameMap() {
        int n = count();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = in.u32();
            names.put(index, name());
        }
        return Collections.unmodifiableMap(names);
    }

    private Map<Integer, Map<Integer, String>> indirectNameMap() {
        int n = count();
        Map<Integer, Map<Integer, String>> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = in.u32();
            names.put(index, nameMap());
        }
        return Collections.unmodifiableMap(names);
    }

    // Every entry takes at least two bytes; a count beyond what is left is malformed.
    private int count() {
        int n = in.u32();
        if (n < 0 || n > in.remaining()) {
            throw malformed();
        }
        return n;
    }

    private String name() {
        int n = count();
        int start = in.pos();
        in.skip(n);
        if (Utf8.firstInvalid(bytes, start, n) >= 0) {
            throw malformed();
        }
        return new String(bytes, start, n, StandardCharsets.UTF_8);
    }

    private MalformedModuleException malformed() {
        return BinaryReader.malformed("malformed name section", in.pos());
    }
}
