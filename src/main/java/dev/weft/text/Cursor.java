package dev.weft.text;

import dev.weft.TextFormatException;
import dev.weft.decode.Utf8;

import java.nio.charset.StandardCharsets;

/**
 * A position in a lexed text and the reading of single tokens: keywords, identifiers, strings,
 * numbers, names. Every parser of the text format reads through one cursor. Errors are the
 * reference interpreter's: {@code unexpected token} where the grammar wants something else,
 * {@code unknown operator} for a keyword that is no part of the language (or a malformed atom).
 */
final class Cursor {
    private final Lexer.Lexed lexed;
    private final Source source;
    private final Lexer.Tokens t;
    private int pos;

    Cursor(Lexer.Lexed lexed) {
        this.lexed = lexed;
        this.source = lexed.source();
        this.t = lexed.tokens();
    }

    Lexer.Lexed lexed() {
        return lexed;
    }

    Source source() {
        return source;
    }

    int pos() {
        return pos;
    }

    void pos(int p) {
        pos = p;
    }

    /** @return the kind of the token {@code ahead} tokens from here ({@link Lexer#EOF} past the end) */
    byte kind(int ahead) {
        int i = pos + ahead;
        return i < t.count ? t.kind[i] : Lexer.EOF;
    }

    byte kind() {
        return kind(0);
    }

    /** @return the text of the token {@code ahead} tokens from here */
    String text(int ahead) {
        int i = Math.min(pos + ahead, t.count - 1);
        return new String(source.bytes(), t.start[i], t.end[i] - t.start[i], StandardCharsets.UTF_8);
    }

    String text() {
        return text(0);
    }

    /** @return the byte offset where the current token starts */
    int offset() {
        return t.start[Math.min(pos, t.count - 1)];
    }

    /** @return the byte offset where the token before the current one ends */
    int previousEnd() {
        return pos == 0 ? 0 : t.end[pos - 1];
    }

    /** @return true if the token {@code ahead} is the keyword {@code k} */
    boolean isKeyword(int ahead, String k) {
        return kind(ahead) == Lexer.KEYWORD && text(ahead).equals(k);
    }

    boolean isKeyword(String k) {
        return isKeyword(0, k);
    }

    /** @return true if here is {@code (} followed by the keyword {@code k} */
    boolean atField(String k) {
        return kind(0) == Lexer.LPAR && isKeyword(1, k);
    }

    boolean atLpar() {
        return kind(0) == Lexer.LPAR;
    }

    boolean atRpar() {
        return kind(0) == Lexer.RPAR;
    }

    void advance() {
        pos++;
    }

    void expectLpar() {
        if (kind() != Lexer.LPAR) {
            throw unexpected();
        }
        pos++;
    }

    void expectRpar() {
        if (kind() != Lexer.RPAR) {
            throw unexpected();
        }
        pos++;
    }

    void expectKeyword(String k) {
        if (!isKeyword(k)) {
            throw unexpected();
        }
        pos++;
    }

    /** Skips {@code (} and the keyword {@code k}. */
    void enterField(String k) {
        expectLpar();
        expectKeyword(k);
    }

    /** @return the keyword here, consumed */
    String keyword() {
        if (kind() != Lexer.KEYWORD) {
            throw unexpected();
        }
        String k = text();
        pos++;
        return k;
    }

    /** Skips a balanced group starting at {@code (}, or one token. */
    void skipGroup() {
        if (kind() != Lexer.LPAR) {
            pos++;
            return;
        }
        int depth = 0;
        do {
            byte k = kind();
            if (k == Lexer.EOF) {
                throw error("unexpected end of input: unclosed parenthesis");
            }
            if (k == Lexer.LPAR) {
                depth++;
            } else if (k == Lexer.RPAR) {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    /** Skips every group from here to a closing parenthesis or the end. */
    void skipAllFields() {
        while (kind() == Lexer.LPAR) {
            skipGroup();
        }
    }

    // ---------------------------------------------------------------- identifiers, strings, numbers

    boolean atId() {
        return kind() == Lexer.ID;
    }

    /** @return the identifier here (without {@code $}), consumed */
    String id() {
        if (kind() != Lexer.ID) {
            throw unexpected();
        }
        String s = idName(pos);
        pos++;
        return s;
    }

    /** @return the optional identifier here, consumed, or null */
    String optionalId() {
        return atId() ? id() : null;
    }

    private String idName(int i) {
        int s = t.start[i];
        int e = t.end[i];
        byte[] b = source.bytes();
        if (b[s + 1] == '"') {
            return new String(Lexer.stringBytes(source, s + 1, e), StandardCharsets.UTF_8);
        }
        return new String(b, s + 1, e - s - 1, StandardCharsets.UTF_8);
    }

    boolean atString() {
        return kind() == Lexer.STRING;
    }

    /** @return the string here as bytes, consumed */
    byte[] string() {
        if (kind() != Lexer.STRING) {
            throw unexpected();
        }
        byte[] b = Lexer.stringBytes(source, t.start[pos], t.end[pos]);
        pos++;
        return b;
    }

    /** @return the string here as a name (well-formed UTF-8), consumed */
    String name() {
        int at = offset();
        byte[] b = string();
        if (Utf8.firstInvalid(b, 0, b.length) >= 0) {
            throw source.error("malformed UTF-8 encoding", at);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** @return true if here is a number token */
    boolean atNumber() {
        byte k = kind();
        return k == Lexer.NAT || k == Lexer.INT || k == Lexer.FLOAT;
    }

    boolean atNat() {
        return kind() == Lexer.NAT;
    }

    /** @return an unsigned integer of {@code bits} bits, consumed ({@code iN constant out of range} beyond) */
    long nat(int bits) {
        if (kind() != Lexer.NAT) {
            throw unexpected();
        }
        Long v = Numbers.unsigned(text(), bits);
        if (v == null) {
            throw error("i" + bits + " constant out of range");
        }
        pos++;
        return v;
    }

    /**
     * An integer constant of {@code bits} bits, signed or unsigned as the text format allows
     * ({@code constant out of range} beyond).
     *
     * @return its bits, consumed
     */
    long integer(int bits) {
        if (kind() != Lexer.NAT && kind() != Lexer.INT) {
            throw unexpected();
        }
        Long v = Numbers.signedOrUnsigned(text(), bits);
        if (v == null) {
            throw error("constant out of range");
        }
        pos++;
        return v;
    }

    /** @return a u32 index or count (at most {@code 2^32-1}), consumed */
    int nat32() {
        return (int) nat(32);
    }

    // ---------------------------------------------------------------- errors

    TextFormatException error(String reason) {
        return source.error(reason, offset());
    }

    TextFormatException error(String reason, int offset) {
        return source.error(reason, offset);
    }

    /** The error for a token the grammar does not allow here. */
    TextFormatException unexpected() {
        byte k = kind();
        if (k == Lexer.RESERVED || k == Lexer.KEYWORD && !Keywords.isKnown(text())) {
            return error("unknown operator " + text());
        }
        if (k == Lexer.EOF) {
            return error("unexpected end of input");
        }
        return error("unexpected token");
    }
}
