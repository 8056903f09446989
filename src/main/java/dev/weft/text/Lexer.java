package dev.weft.text;

import dev.weft.TextFormatException;
import dev.weft.decode.Utf8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits WebAssembly text (UTF-8 bytes) into tokens, as the reference interpreter's lexer does:
 * parentheses, keywords, identifiers ({@code $x}, {@code $"x"}), strings, numbers, and
 * annotations ({@code (@name …)}), which are set aside with their own tokens. Comments
 * ({@code ;;} to the end of the line, nested {@code (; ;)}) and white space separate tokens.
 *
 * <p>A token is a maximal run of identifier characters and strings; one that is none of the
 * above ({@code 0drop}, {@code "a"x}) is reported as an {@code unknown operator}, as are keywords
 * outside the language (see {@link Keywords}), when the parser meets them. Errors carry the line and
 * column and the reference interpreter's wording ({@code unclosed string literal},
 * {@code malformed UTF-8 encoding}, {@code unclosed comment}, {@code empty identifier}…).
 */
final class Lexer {
    static final byte LPAR = 1;
    static final byte RPAR = 2;
    static final byte KEYWORD = 3;
    static final byte ID = 4;
    static final byte STRING = 5;
    static final byte NAT = 6;
    static final byte INT = 7;
    static final byte FLOAT = 8;
    /** A token that is no keyword, number, identifier or string (an error where the parser meets it). */
    static final byte RESERVED = 9;
    static final byte EOF = 10;

    /** An annotation {@code (@name items…)}: its name, where it starts, and its items' tokens. */
    record Annotation(String name, int offset, Tokens items) {
    }

    /** A list of tokens: kind, and start and end offsets in the source. */
    static final class Tokens {
        byte[] kind = new byte[256];
        int[] start = new int[256];
        int[] end = new int[256];
        int count;

        void add(byte k, int s, int e) {
            if (count == kind.length) {
                kind = java.util.Arrays.copyOf(kind, count * 2);
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            kind[count] = k;
            start[count] = s;
            end[count] = e;
            count++;
        }
    }

    private final byte[] src;
    private final Source source;
    private int pos;
    private final List<Annotation> annotations = new ArrayList<>();

    private Lexer(Source source) {
        this.source = source;
        this.src = source.bytes();
    }

    /**
     * @param source the text
     * @return its tokens, ending with {@link #EOF}
     * @throws TextFormatException on a lexical error
     */
    static Lexed lex(Source source) {
        Lexer l = new Lexer(source);
        Tokens t = new Tokens();
        l.tokens(t, false);
        return new Lexed(source, t, List.copyOf(l.annotations));
    }

    /** The result of lexing: the source, its tokens and its annotations. */
    record Lexed(Source source, Tokens tokens, List<Annotation> annotations) {
    }

    /** Lexes until the end of the input, or (inside an annotation) until its closing parenthesis. */
    private void tokens(Tokens out, boolean annotation) {
        int depth = 0;
        int annotationStart = pos;
        while (true) {
            skipSpace(annotation, annotationStart);
            if (pos >= src.length) {
                if (annotation) {
                    throw error("unclosed annotation", annotationStart);
                }
                out.add(EOF, pos, pos);
                return;
            }
            int c = src[pos] & 0xFF;
            int start = pos;
            if (c == '(') {
                if (pos + 1 < src.length && src[pos + 1] == '@' && (!annotation || pos + 2 < src.length
                        && (isIdChar(src[pos + 2] & 0xFF) || src[pos + 2] == '"'))) {
                    annotation(out, annotation);
                    continue;
                }
                pos++;
                out.add(LPAR, start, pos);
                depth++;
            } else if (c == ')') {
                pos++;
                if (annotation && depth == 0) {
                    return;
                }
                out.add(RPAR, start, pos);
                depth--;
            } else if (isIdChar(c) || c == '"') {
                atom(out, annotation);
            } else if (c == ',' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}') {
                pos++;
                out.add(RESERVED, start, pos);
            } else if (c < 0x20 || c == 0x7F) {
                throw error(annotation ? "illegal character" : "misplaced control character", start);
            } else if (c >= 0x80) {
                int n = Utf8.sequenceLength(src, pos, src.length);
                if (n < 0) {
                    throw error("malformed UTF-8 encoding", start);
                }
                throw error(annotation ? "illegal character" : "misplaced unicode character", start);
            } else {
                throw error("malformed UTF-8 encoding", start);
            }
        }
    }

    private void annotation(Tokens out, boolean nested) {
        int start = pos;
        pos += 2;
        String name;
        if (pos < src.length && src[pos] == '"') {
            int s = pos;
            byte[] bytes = string();
            if (bytes.length == 0) {
                throw error("empty annotation id", s);
            }
            name = utf8(bytes, s);
        } else {
            int s = pos;
            while (pos < src.length && isIdChar(src[pos] & 0xFF)) {
                pos++;
            }
            if (pos == s) {
                throw error("empty annotation id", start);
            }
            name = new String(src, s, pos - s, StandardCharsets.UTF_8);
        }
        Tokens items = new Tokens();
        tokens(items, true);
        if (nested) {
            // an annotation inside an annotation is one of its items
            out.add(RESERVED, start, pos);
        } else {
            annotations.add(new Annotation(name, start, items));
        }
    }

    /** A maximal run of identifier characters and strings. */
    private void atom(Tokens out, boolean annotation) {
        int start = pos;
        boolean strings = false;
        boolean other = false;
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == '"') {
                string();
                strings = true;
            } else if (isIdChar(c)) {
                pos++;
                other = true;
            } else {
                break;
            }
        }
        if (strings) {
            boolean quotedId = src[start] == '$' && pos - start > 1 && src[start + 1] == '"'
                    && endsWithString(start + 1);
            if (!other && endsWithString(start)) {
                out.add(STRING, start, pos);
            } else if (quotedId) {
                byte[] name = stringValue(start + 1, pos);
                if (name.length == 0) {
                    throw error("empty identifier", start);
                }
                utf8(name, start);
                out.add(ID, start, pos);
            } else {
                out.add(RESERVED, start, pos);
            }
            return;
        }
        out.add(classify(start, pos), start, pos);
    }

    /** Whether the run from {@code from} to {@link #pos} is exactly one string. */
    private boolean endsWithString(int from) {
        int save = pos;
        int end = pos;
        pos = from;
        string();
        boolean one = pos == end;
        pos = save;
        return one;
    }

    private byte classify(int s, int e) {
        int c = src[s] & 0xFF;
        if (c == '$') {
            if (e - s == 1) {
                throw error("empty identifier", s);
            }
            return ID;
        }
        String text = new String(src, s, e - s, StandardCharsets.ISO_8859_1);
        byte number = Numbers.classify(text);
        if (number != 0) {
            return number;
        }
        if (c >= 'a' && c <= 'z' && e - s >= 2 && isKeywordText(s, e)) {
            return KEYWORD;
        }
        if (text.startsWith("offset=") || text.startsWith("align=")) {
            return Numbers.classify(text.substring(text.indexOf('=') + 1)) == NAT ? KEYWORD : RESERVED;
        }
        return RESERVED;
    }

    private boolean isKeywordText(int s, int e) {
        for (int i = s + 1; i < e; i++) {
            int c = src[i] & 0xFF;
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Reads a string literal at {@link #pos}, checking it; @return its bytes. */
    private byte[] string() {
        int start = pos;
        pos++;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            if (pos >= src.length) {
                throw error("unclosed string literal", start);
            }
            int c = src[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return b.toByteArray();
            }
            if (c == '\n') {
                throw error("unclosed string literal", start);
            }
            if (c < 0x20 || c == 0x7F) {
                throw error("illegal control character in string literal", pos);
            }
            if (c == '\\') {
                escape(b);
                continue;
            }
            if (c >= 0x80) {
                int n = Utf8.sequenceLength(src, pos, src.length);
                if (n < 0) {
                    throw error("malformed UTF-8 encoding", pos);
                }
                b.write(src, pos, n);
                pos += n;
                continue;
            }
            b.write(c);
            pos++;
        }
    }

    private void escape(ByteArrayOutputStream b) {
        int at = pos;
        pos++;
        if (pos >= src.length) {
            throw error("unclosed string literal", at);
        }
        int c = src[pos] & 0xFF;
        pos++;
        switch (c) {
            case 'n' -> b.write('\n');
            case 'r' -> b.write('\r');
            case 't' -> b.write('\t');
            case '\\' -> b.write('\\');
            case '\'' -> b.write('\'');
            case '"' -> b.write('"');
            case 'u' -> {
                if (pos >= src.length || src[pos] != '{') {
                    throw error("illegal escape", at);
                }
                int close = pos + 1;
                while (close < src.length && src[close] != '}') {
                    close++;
                }
                String digits = close < src.length ? new String(src, pos + 1, close - pos - 1, StandardCharsets.ISO_8859_1)
                        : "";
                long cp = Numbers.hexDigits(digits);
                if (cp < 0 || cp > 0x10FFFF || cp >= 0xD800 && cp < 0xE000) {
                    throw error("illegal escape", at);
                }
                pos = close + 1;
                byte[] enc = new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8);
                b.write(enc, 0, enc.length);
            }
            default -> {
                int d = pos < src.length ? src[pos] & 0xFF : -1;
                if (Character.digit(c, 16) < 0 || Character.digit(d, 16) < 0) {
                    throw error("illegal escape", at);
                }
                pos++;
                b.write(Character.digit(c, 16) << 4 | Character.digit(d, 16));
            }
        }
    }

    private void skipSpace(boolean annotation, int annotationStart) {
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == ';' && pos + 1 < src.length && src[pos + 1] == ';') {
                while (pos < src.length && src[pos] != '\n' && src[pos] != '\r') {
                    int n = (src[pos] & 0xFF) < 0x80 ? 1 : Utf8.sequenceLength(src, pos, src.length);
                    if (n < 0) {
                        throw error("malformed UTF-8 encoding", pos);
                    }
                    pos += n;
                }
            } else if (c == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int start = pos;
        pos += 2;
        int depth = 1;
        while (depth > 0) {
            if (pos >= src.length) {
                throw error("unclosed comment", start);
            }
            int c = src[pos] & 0xFF;
            if (c == ';' && pos + 1 < src.length && src[pos + 1] == ')') {
                pos += 2;
                depth--;
            } else if (c == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                pos += 2;
                depth++;
            } else if (c >= 0x80) {
                int n = Utf8.sequenceLength(src, pos, src.length);
                if (n < 0) {
                    throw error("malformed UTF-8 encoding", pos);
                }
                pos += n;
            } else {
                pos++;
            }
        }
    }

    static boolean isIdChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                || "+-*/\\^~=<>!?@#$%&|:`.'".indexOf(c) >= 0 && c != 0;
    }

    /** @return the bytes of the string token spanning {@code [s, e)} */
    byte[] stringValue(int s, int e) {
        int save = pos;
        pos = s;
        byte[] b = string();
        pos = save;
        return b;
    }

    private String utf8(byte[] bytes, int at) {
        if (Utf8.firstInvalid(bytes, 0, bytes.length) >= 0) {
            throw error("malformed UTF-8 encoding", at);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private TextFormatException error(String reason, int offset) {
        return source.error(reason, offset);
    }

    /** Decodes string tokens of a lexed source. */
    static byte[] stringBytes(Source source, int start, int end) {
        return new Lexer(source).stringValue(start, end);
    }
}
