package dev.weft.text;

import dev.weft.TextFormatException;

import java.util.Arrays;

/**
 * A text being parsed: its UTF-8 bytes and a name for messages, and the table that turns byte
 * offsets into lines and columns.
 */
final class Source {
    private final String name;
    private final byte[] bytes;
    private int[] lineStarts;

    /**
     * @param name what the text is, e.g. a file name (may be empty)
     * @param bytes its UTF-8 bytes (not copied)
     */
    Source(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    String name() {
        return name;
    }

    /** @return the line (from 1) of a byte offset */
    int line(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** @return the column (from 1, in bytes) of a byte offset */
    int column(int offset) {
        return offset - lineStarts()[line(offset) - 1] + 1;
    }

    /** @return an error at a byte offset */
    TextFormatException error(String reason, int offset) {
        return new TextFormatException(reason, line(offset), column(offset), offset);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int n = 1;
            for (byte b : bytes) {
                if (b == '\n') {
                    n++;
                }
            }
            int[] starts = new int[n];
            int k = 1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    starts[k++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }
}
