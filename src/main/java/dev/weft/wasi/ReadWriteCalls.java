package dev.weft.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * {@code fd_read}, {@code fd_write}, {@code fd_pread}, {@code fd_pwrite}, {@code fd_seek} and
 * {@code fd_tell}. Files go through their {@link FileChannel} straight from and into guest
 * memory; streams (stdio) through a bounded copy. A directory answers {@code EISDIR}, a stream
 * asked to seek or to read at an offset {@code ESPIPE}, a stream used the wrong way round
 * (writing stdin, reading stdout) {@code EBADF}.
 */
final class ReadWriteCalls {
    /** Chunk size for copies between guest memory and host streams. */
    private static final int STREAM_CHUNK = 64 * 1024;

    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    private final FdTable fds;

    ReadWriteCalls(FdTable fds) {
        this.fds = fds;
    }

    int read(GuestMemory m, int fd, int iovs, int iovsLen, int nreadPointer) throws IOException {
        Descriptor d = fds.get(fd);
        Iovecs buffers = Iovecs.read(m, iovs, iovsLen);
        m.check(nreadPointer, 4);
        long n = switch (d) {
            case OpenDirectory dir -> throw new WasiError(Errno.ISDIR);
            case StdioStream s -> {
                if (!s.readable()) {
                    throw new WasiError(Errno.BADF);
                }
                s.require(Rights.FD_READ);
                yield readStream(s, m, buffers);
            }
            case OpenFile f -> {
                f.require(Rights.FD_READ);
                yield Math.max(0, f.channel.read(buffers.buffers(m)));
            }
        };
        m.setI32(nreadPointer, (int) n);
        return Errno.SUCCESS;
    }

    /** One read from the stream (blocking until it has something, as a pipe read does), then scattered. */
    private static int readStream(StdioStream s, GuestMemory m, Iovecs buffers) throws IOException {
        int wanted = Math.min(buffers.total(), STREAM_CHUNK);
        if (wanted == 0) {
            return 0;
        }
        byte[] chunk = new byte[wanted];
        int n = s.in().read(chunk, 0, wanted);
        if (n <= 0) {
            return 0;
        }
        buffers.scatter(m, chunk, n);
        return n;
    }

    int write(GuestMemory m, int fd, int iovs, int iovsLen, int nwrittenPointer) throws IOException {
        Descriptor d = fds.get(fd);
        Iovecs buffers = Iovecs.read(m, iovs, iovsLen);
        m.check(nwrittenPointer, 4);
        long n = switch (d) {
            case OpenDirectory dir -> throw new WasiError(Errno.ISDIR);
            case StdioStream s -> {
                if (s.readable()) {
                    throw new WasiError(Errno.BADF);
                }
                s.require(Rights.FD_WRITE);
                yield writeStream(s, m, buffers);
            }
            case OpenFile f -> {
                f.require(Rights.FD_WRITE);
                if (f.append()) {
                    f.channel.position(f.channel.size());
                }
                long written = writeFully(f.channel, buffers.buffers(m));
                f.afterWrite();
                yield written;
            }
        };
        m.setI32(nwrittenPointer, (int) n);
        return Errno.SUCCESS;
    }

    private static long writeStream(StdioStream s, GuestMemory m, Iovecs buffers) throws IOException {
        byte[] chunk = new byte[Math.min(buffers.total(), STREAM_CHUNK)];
        long written = 0;
        for (int i = 0; i < buffers.count(); i++) {
            long address = buffers.address(i);
            int length = buffers.length(i);
            for (int done = 0; done < length; ) {
                int n = Math.min(chunk.length, length - done);
                m.read(address + done, chunk, 0, n);
                s.write(chunk, 0, n);
                done += n;
                written += n;
            }
        }
        s.flush();
        return written;
    }

    private static long writeFully(FileChannel channel, ByteBuffer[] buffers) throws IOException {
        long written = 0;
        for (ByteBuffer b : buffers) {
            while (b.hasRemaining()) {
                written += channel.write(b);
            }
        }
        return written;
    }

    int pread(GuestMemory m, int fd, int iovs, int iovsLen, long offset, int nreadPointer) throws IOException {
        OpenFile f = fds.file(fd);
        f.require(Rights.FD_READ | Rights.FD_SEEK);
        Iovecs buffers = Iovecs.read(m, iovs, iovsLen);
        m.check(nreadPointer, 4);
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long position = offset;
        long total = 0;
        for (ByteBuffer b : buffers.buffers(m)) {
            while (b.hasRemaining()) {
                int n = f.channel.read(b, position);
                if (n <= 0) {
                    m.setI32(nreadPointer, (int) total);
                    return Errno.SUCCESS;
                }
                position += n;
                total += n;
            }
        }
        m.setI32(nreadPointer, (int) total);
        return Errno.SUCCESS;
    }

    int pwrite(GuestMemory m, int fd, int iovs, int iovsLen, long offset, int nwrittenPointer) throws IOException {
        OpenFile f = fds.file(fd);
        f.require(Rights.FD_WRITE | Rights.FD_SEEK);
        Iovecs buffers = Iovecs.read(m, iovs, iovsLen);
        m.check(nwrittenPointer, 4);
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long position = offset;
        for (ByteBuffer b : buffers.buffers(m)) {
            while (b.hasRemaining()) {
                position += f.channel.write(b, position);
            }
        }
        f.afterWrite();
        m.setI32(nwrittenPointer, (int) (position - offset));
        return Errno.SUCCESS;
    }

    int seek(GuestMemory m, int fd, long offset, int whence, int newOffsetPointer) throws IOException {
        OpenFile f = fds.file(fd);
        f.require(whence == WHENCE_CUR && offset == 0 && (f.rightsBase & Rights.FD_TELL) != 0
                ? Rights.FD_TELL : Rights.FD_SEEK);
        m.check(newOffsetPointer, 8);
        long base = switch (whence) {
            case WHENCE_SET -> 0;
            case WHENCE_CUR -> f.channel.position();
            case WHENCE_END -> f.channel.size();
            default -> throw new WasiError(Errno.INVAL);
        };
        long position;
        try {
            position = Math.addExact(base, offset);
        } catch (ArithmeticException e) {
            throw new WasiError(Errno.OVERFLOW);
        }
        if (position < 0) {
            throw new WasiError(Errno.INVAL);
        }
        f.channel.position(position);
        m.setI64(newOffsetPointer, position);
        return Errno.SUCCESS;
    }

    int tell(GuestMemory m, int fd, int offsetPointer) throws IOException {
        OpenFile f = fds.file(fd);
        f.require(Rights.FD_TELL);
        m.check(offsetPointer, 8);
        m.setI64(offsetPointer, f.channel.position());
        return Errno.SUCCESS;
    }
}
