package dev.weft.text;

import dev.weft.TextFormatException;

import java.nio.charset.StandardCharsets;

/**
 * The WebAssembly text format: compiles a module written as text ({@code .wat}) to the binary
 * format, which then goes through Weft's decoder and validator like any binary. The text is
 * either {@code (module $id? field*)} or its fields alone.
 */
public final class TextFormat {
    private TextFormat() {
    }

    /**
     * @param text the module's text
     * @return the module binary
     * @throws TextFormatException if the text is not a module in the text format
     */
    public static byte[] compile(String text) {
        return compile(text.getBytes(StandardCharsets.UTF_8), "");
    }

    /**
     * @param utf8 the module's text, UTF-8
     * @param name what the text is (a file name), for messages; may be empty
     * @return the module binary
     * @throws TextFormatException if the text is not a module in the text format
     */
    public static byte[] compile(byte[] utf8, String name) {
        Cursor c = new Cursor(Lexer.lex(new Source(name, utf8)));
        byte[] binary = module(c);
        if (c.kind() != Lexer.EOF) {
            throw c.unexpected();
        }
        return binary;
    }

    /** A module at the cursor: {@code (module $id? field*)}, or fields up to a closing parenthesis or the end. */
    static byte[] module(Cursor c) {
        int start = c.offset();
        if (c.atField("module")) {
            c.enterField("module");
            c.optionalId();
            byte[] binary = ModuleParser.fields(c, start);
            c.expectRpar();
            return binary;
        }
        return ModuleParser.fields(c, 0);
    }
}
