package dev.weft.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The descriptor-level calls that are not reads or writes: {@code fd_close}, {@code fd_renumber},
 * {@code fd_fdstat_*}, {@code fd_filestat_*}, {@code fd_prestat_*}, {@code fd_sync},
 * {@code fd_datasync}, {@code fd_advise} and {@code fd_allocate}.
 */
final class FdCalls {
    /** Size of the {@code fdstat} struct. */
    static final int FDSTAT_SIZE = 24;
    /** Size of the {@code prestat} struct. */
    static final int PRESTAT_SIZE = 8;
    /** The largest {@code advice} value ({@code noreuse}). */
    private static final int MAX_ADVICE = 5;

    private final FdTable fds;

    FdCalls(FdTable fds) {
        this.fds = fds;
    }

    int close(int fd) throws IOException {
        fds.close(fd);
        return Errno.SUCCESS;
    }

    int renumber(int from, int to) throws IOException {
        fds.renumber(from, to);
        return Errno.SUCCESS;
    }

    int fdstatGet(GuestMemory m, int fd, int pointer) {
        Descriptor d = fds.get(fd);
        m.check(pointer, FDSTAT_SIZE);
        m.zero(pointer, FDSTAT_SIZE);
        m.setU8(pointer, d.filetype());
        m.setU16(pointer + 2, d.fdflags);
        m.setI64(pointer + 8, d.rightsBase);
        m.setI64(pointer + 16, d.rightsInheriting);
        return Errno.SUCCESS;
    }

    int fdstatSetFlags(int fd, int flags) {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~FdFlags.ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        d.fdflags = flags;
        return Errno.SUCCESS;
    }

    int fdstatSetRights(int fd, long base, long inheriting) {
        Descriptor d = fds.get(fd);
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    int filestatGet(GuestMemory m, int fd, int pointer) throws IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_GET);
        m.check(pointer, FileStat.SIZE);
        d.stat().write(m, pointer);
        return Errno.SUCCESS;
    }

    int filestatSetSize(int fd, long size) throws IOException {
        OpenFile f = seekableFile(fd);
        f.require(Rights.FD_FILESTAT_SET_SIZE);
        if (size < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long current = f.channel.size();
        if (size < current) {
            long position = f.channel.position();
            f.channel.truncate(size);
            f.channel.position(position); // ftruncate leaves the offset alone; FileChannel.truncate does not
        } else if (size > current) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
        return Errno.SUCCESS;
    }

    int filestatSetTimes(int fd, long atim, long mtim, int flags) throws IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        switch (d) {
            case OpenFile f -> FileTimes.set(f.handle.path(), true, atim, mtim, flags);
            case OpenDirectory dir -> FileTimes.set(dir.handle.path(), true, atim, mtim, flags);
            case StdioStream s -> throw new WasiError(Errno.INVAL);
        }
        return Errno.SUCCESS;
    }

    int prestatGet(GuestMemory m, int fd, int pointer) {
        OpenDirectory dir = preopen(fd);
        m.check(pointer, PRESTAT_SIZE);
        m.zero(pointer, PRESTAT_SIZE);
        m.setU8(pointer, 0); // preopentype dir, the only one there is
        m.setI32(pointer + 4, dir.preopenName.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    int prestatDirName(GuestMemory m, int fd, int pointer, int length) {
        OpenDirectory dir = preopen(fd);
        byte[] name = dir.preopenName.getBytes(StandardCharsets.UTF_8);
        m.check(pointer, Integer.toUnsignedLong(length));
        if (Integer.compareUnsigned(length, name.length) < 0) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        m.write(pointer, name);
        return Errno.SUCCESS;
    }

    /** Only preopened directories have a prestat; anything else is {@code EBADF}, which ends wasi-libc's scan. */
    private OpenDirectory preopen(int fd) {
        if (fds.get(fd) instanceof OpenDirectory d && d.preopenName != null) {
            return d;
        }
        throw new WasiError(Errno.BADF);
    }

    int sync(int fd, boolean metadata) throws IOException {
        Descriptor d = fds.get(fd);
        d.require(metadata ? Rights.FD_SYNC : Rights.FD_DATASYNC);
        switch (d) {
            case OpenFile f -> f.channel.force(metadata);
            case StdioStream s -> s.flush();
            case OpenDirectory dir -> {
                // the JDK cannot fsync a directory portably; its entries are synced with the files
            }
        }
        return Errno.SUCCESS;
    }

    int advise(int fd, long offset, long length, int advice) {
        OpenFile f = seekableFile(fd);
        f.require(Rights.FD_ADVISE);
        if (offset < 0 || length < 0 || advice < 0 || advice > MAX_ADVICE) {
            throw new WasiError(Errno.INVAL);
        }
        return Errno.SUCCESS; // advice only: the JDK has no posix_fadvise, and ignoring it is always correct
    }

    int allocate(int fd, long offset, long length) throws IOException {
        OpenFile f = seekableFile(fd);
        f.require(Rights.FD_ALLOCATE);
        if (offset < 0 || length <= 0) {
            throw new WasiError(Errno.INVAL);
        }
        long end;
        try {
            end = Math.addExact(offset, length);
        } catch (ArithmeticException e) {
            throw new WasiError(Errno.FBIG);
        }
        if (end > f.channel.size()) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), end - 1);
        }
        return Errno.SUCCESS;
    }

    /** A file for calls that make no sense on a stream ({@code EINVAL}, as POSIX answers for pipes). */
    private OpenFile seekableFile(int fd) {
        if (fds.get(fd) instanceof StdioStream) {
            throw new WasiError(Errno.INVAL);
        }
        return fds.file(fd);
    }
}
