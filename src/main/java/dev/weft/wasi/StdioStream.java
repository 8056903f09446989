package dev.weft.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Descriptor 0, 1 or 2: a host {@link InputStream} or {@link OutputStream}. Guests see a
 * character device without seek or tell rights (a terminal, to wasi-libc's {@code isatty}, so
 * stdout is line-buffered). Each write is flushed, so output interleaves with the host's own.
 */
final class StdioStream extends Descriptor {
    private final InputStream in;
    private final OutputStream out;

    private StdioStream(InputStream in, OutputStream out, long rights) {
        super(rights, 0, 0);
        this.in = in;
        this.out = out;
    }

    /** A readable stream; {@code null} reads as end of file at once. */
    static StdioStream input(InputStream in) {
        return new StdioStream(in == null ? InputStream.nullInputStream() : in, null, Rights.INPUT_STREAM);
    }

    /** A writable stream; {@code null} discards everything written. */
    static StdioStream output(OutputStream out) {
        return new StdioStream(null, out == null ? OutputStream.nullOutputStream() : out, Rights.OUTPUT_STREAM);
    }

    boolean readable() {
        return in != null;
    }

    InputStream in() {
        return in;
    }

    /** Writes to the host stream; {@code fd_write} flushes after the last buffer. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** @return bytes that can be read without blocking (0 for an output stream) */
    long available() throws IOException {
        return in == null ? 0 : in.available();
    }

    @Override
    int filetype() {
        return FileType.CHARACTER_DEVICE;
    }

    @Override
    FileStat stat() {
        return FileStat.ofStream(FileType.CHARACTER_DEVICE);
    }

    @Override
    void close() throws IOException {
        flush();
    }
}
