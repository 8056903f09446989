package dev.weft.cli;

import dev.weft.InternalErrorException;
import dev.weft.ModuleException;
import dev.weft.WasmModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Loads the module file a command names, saying plainly what went wrong: a missing file, a
 * directory, WebAssembly text, some other kind of file, or a module Weft rejects. Every
 * failure is a {@link CliFailure} with exit status 2.
 */
final class ModuleFiles {
    private ModuleFiles() {
    }

    private static final int HEAD = 64;

    static WasmModule load(Path file) {
        if (!Files.exists(file)) {
            throw new CliFailure(Main.BAD_MODULE, "no such file: " + file, null);
        }
        if (Files.isDirectory(file)) {
            throw new CliFailure(Main.BAD_MODULE, file + " is a directory, not a WebAssembly module", null);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (AccessDeniedException e) {
            throw new CliFailure(Main.BAD_MODULE, "cannot read " + file + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new CliFailure(Main.BAD_MODULE, "no such file: " + file, e);
        } catch (IOException e) {
            throw new CliFailure(Main.BAD_MODULE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean text = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wat") || looksLikeModuleText(head);
        String notWasm = text ? null : describeNonModule(file, head);
        if (notWasm != null) {
            throw new CliFailure(Main.BAD_MODULE, notWasm, null);
        }
        try {
            return text ? WasmModule.parseText(Files.readString(file)) : WasmModule.parse(file);
        } catch (IOException e) {
            throw new CliFailure(Main.BAD_MODULE, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (ModuleException | InternalErrorException e) {
            throw new CliFailure(Main.BAD_MODULE, file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CliFailure(Main.BAD_MODULE, "cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * @param file the file, for the message
     * @param head its first bytes
     * @return what the file is if it is not a WebAssembly core module, or null if it starts like one
     */
    static String describeNonModule(Path file, byte[] head) {
        if (startsWith(head, 0x00, 'a', 's', 'm')) {
            if (head.length >= 8 && head[6] != 0) {
                // the component model's layer field (bytes 6-7) is non-zero; core modules have 0
                return file + " is a WebAssembly component (component model), not a core module; Weft runs core modules";
            }
            return null;
        }
        if (head.length == 0) {
            return file + " is empty, not a WebAssembly module";
        }
        String kind = kind(head);
        if (kind != null) {
            return file + " " + kind;
        }
        return file + " is not a WebAssembly module (it does not start with the bytes 00 61 73 6d, \"\\0asm\";"
                + " it starts with " + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(4, head.length)) + ")";
    }

    /** Whether a file that is not named .wat starts like a module in the text format (read as one). */
    private static boolean looksLikeModuleText(byte[] head) {
        return isText(head) && stripLeadingComments(new String(head, StandardCharsets.ISO_8859_1)).startsWith("(module");
    }

    private static String kind(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String code = stripLeadingComments(text);
        if (code.startsWith("(component")) {
            return "is a WebAssembly component in the text format; Weft runs core modules";
        }
        if (code.startsWith("(") && isText(head)) {
            return "looks like WebAssembly text but not a module (it does not start with \"(module\");"
                    + " name it .wat to read it as a module's fields";
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return "is an ELF executable or library, not a WebAssembly module";
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return "is a ZIP archive (or a JAR), not a WebAssembly module";
        }
        if (startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "is a Java class file, not a WebAssembly module";
        }
        if (startsWith(head, 'M', 'Z')) {
            return "is a Windows executable, not a WebAssembly module";
        }
        if (startsWith(head, '#', '!')) {
            return "is a script, not a WebAssembly module";
        }
        if (isText(head)) {
            return "is a text file, not a WebAssembly module";
        }
        return null;
    }

    /** Skips whitespace, {@code ;; line} and {@code (; block ;)} comments, as in the WebAssembly text format. */
    private static String stripLeadingComments(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith(";;", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("(;", i)) {
                int end = s.indexOf(";)", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                break;
            }
        }
        return s.substring(i);
    }

    /** Printable ASCII and UTF-8 text, with the usual white space. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
            if (c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
