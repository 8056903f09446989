package dev.weft.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.text.TextFormat;

/**
 * One command of a spec test script (see the suite's README for the JSON format).
 *
 * @param script the script it belongs to
 * @param line its line in the {@code .wast} source
 * @param kind the command type: {@code module}, {@code assert_return}, {@code assert_malformed}, ...
 * @param json the whole command, for the fields a mode needs ({@code action}, {@code expected}, ...)
 */
public record SpecCommand(SpecScript script, int line, String kind, JsonNode json) {
    /** @return the module file named by the command (relative to the script's folder), or null */
    public String filename() {
        return text("filename");
    }

    /** @return true if the command's module is in the text format ({@code .wat}) */
    public boolean isTextModule() {
        return "text".equals(text("module_type"));
    }

    /**
     * The command's module as a binary: the {@code .wasm} file, or the {@code .wat} file compiled by
     * Weft's text format parser.
     *
     * @return the module binary
     * @throws dev.weft.TextFormatException if the text does not parse
     */
    public byte[] module() {
        byte[] bytes = script.readModule(filename());
        return isTextModule() ? TextFormat.compile(bytes, location()) : bytes;
    }

    /** @return the expected error or trap text of an assertion, or null */
    public String expectedText() {
        return text("text");
    }

    /** @return e.g. {@code core/binary.wast:123 assert_malformed} */
    public String displayName() {
        return script.displayName() + ":" + line + " " + kind;
    }

    /** @return e.g. {@code core/binary.wast:123}, where to look the command up */
    public String location() {
        return script.displayName() + ":" + line;
    }

    private String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
