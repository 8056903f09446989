package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Instance;
import dev.weft.WasmModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A guest that re-exports every WASI function ({@code probe.wat}), instantiated with a
 * {@link Wasi} context, plus helpers to put arguments into its memory and read results back.
 * Every call goes guest-ward first: Java calls the export, the export calls the host function.
 * Scratch memory is handed out from address 1024 upwards.
 */
final class Probe implements AutoCloseable {
    /** Every right there is: what wasi-libc asks for, masked by the directory. */
    static final long ALL_RIGHTS = Rights.FILE | Rights.DIRECTORY;
    /** Every right a directory can have (asking a directory for writing rights is EISDIR). */
    static final long DIRECTORY_RIGHTS = Rights.DIRECTORY;
    static final long READ_RIGHTS = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_TELL | Rights.FD_FILESTAT_GET
            | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_READDIR | Rights.POLL_FD_READWRITE;
    static final long WRITE_RIGHTS = Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_TELL | Rights.FD_FILESTAT_GET
            | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_FILESTAT_SET_SIZE | Rights.FD_ALLOCATE | Rights.FD_SYNC
            | Rights.FD_DATASYNC | Rights.FD_ADVISE | Rights.FD_FILESTAT_SET_TIMES;

    private static final WasmModule PROBE = module("probe.wasm");

    final Wasi wasi;
    final Instance instance;
    private int next = 1024;

    Probe(Wasi.Builder config) {
        this(config, DispatchMode.SWITCH);
    }

    Probe(Wasi.Builder config, DispatchMode dispatch) {
        this.wasi = config.build();
        this.instance = Engine.builder().dispatch(dispatch).build().instantiate(PROBE, wasi.imports());
    }

    static WasmModule module(String resource) {
        try (InputStream in = Probe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return WasmModule.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        wasi.close();
    }

    /** Calls a WASI function through the guest and returns its errno. */
    int call(String function, Object... args) {
        return (Integer) instance.function(function).call(args)[0];
    }

    MemorySegment memory() {
        return instance.memory("memory").segment();
    }

    int memorySize() {
        return (int) memory().byteSize();
    }

    /** Reserves {@code size} bytes of zeroed scratch memory, 8-aligned. */
    int alloc(int size) {
        int p = (next + 7) & ~7;
        next = p + size;
        memory().asSlice(p, size).fill((byte) 0);
        return p;
    }

    int put(byte[] bytes) {
        int p = alloc(bytes.length);
        MemorySegment.copy(bytes, 0, memory(), ValueLayout.JAVA_BYTE, p, bytes.length);
        return p;
    }

    /** A string in guest memory: its pointer and UTF-8 length. */
    record Str(int pointer, int length) {
    }

    Str str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new Str(put(b), b.length);
    }

    /** Writes an iovec array for the given (pointer, length) pairs and returns its address. */
    int iovecs(int... pointerLengthPairs) {
        int p = alloc(pointerLengthPairs.length * 4);
        for (int i = 0; i < pointerLengthPairs.length; i++) {
            setI32(p + 4 * i, pointerLengthPairs[i]);
        }
        return p;
    }

    int u8(int p) {
        return memory().get(ValueLayout.JAVA_BYTE, p) & 0xFF;
    }

    int u16(int p) {
        return memory().get(ValueLayout.JAVA_SHORT_UNALIGNED, p) & 0xFFFF;
    }

    int i32(int p) {
        return memory().get(ValueLayout.JAVA_INT_UNALIGNED, p);
    }

    long i64(int p) {
        return memory().get(ValueLayout.JAVA_LONG_UNALIGNED, p);
    }

    void setI32(int p, int v) {
        memory().set(ValueLayout.JAVA_INT_UNALIGNED, p, v);
    }

    void setI64(int p, long v) {
        memory().set(ValueLayout.JAVA_LONG_UNALIGNED, p, v);
    }

    void setU8(int p, int v) {
        memory().set(ValueLayout.JAVA_BYTE, p, (byte) v);
    }

    void setU16(int p, int v) {
        memory().set(ValueLayout.JAVA_SHORT_UNALIGNED, p, (short) v);
    }

    byte[] bytes(int p, int n) {
        byte[] b = new byte[n];
        MemorySegment.copy(memory(), ValueLayout.JAVA_BYTE, p, b, 0, n);
        return b;
    }

    String string(int p, int n) {
        return new String(bytes(p, n), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- common calls

    /** path_open without following symbolic links; the errno. */
    int openErrno(int dir, String path, int oflags, long rights, int fdflags) {
        return openErrno(dir, 0, path, oflags, rights, fdflags);
    }

    int openErrno(int dir, int lookupFlags, String path, int oflags, long rights, int fdflags) {
        Str s = str(path);
        int fdOut = alloc(4);
        return call("path_open", dir, lookupFlags, s.pointer(), s.length(), oflags, rights, ALL_RIGHTS, fdflags, fdOut);
    }

    /** path_open that must succeed; the new descriptor. */
    int open(int dir, String path, int oflags, long rights, int fdflags) {
        Str s = str(path);
        int fdOut = alloc(4);
        assertErrno(Errno.SUCCESS, call("path_open", dir, 0, s.pointer(), s.length(), oflags, rights, ALL_RIGHTS,
                fdflags, fdOut), "path_open " + path);
        return i32(fdOut);
    }

    /** fd_write of one buffer; the errno, and the count in {@code nwritten[0]}. */
    int writeErrno(int fd, byte[] data, int[] nwritten) {
        int buf = put(data);
        int iov = iovecs(buf, data.length);
        int out = alloc(4);
        int errno = call("fd_write", fd, iov, 1, out);
        nwritten[0] = i32(out);
        return errno;
    }

    /** fd_write that must succeed and write everything. */
    void write(int fd, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int[] n = new int[1];
        assertErrno(Errno.SUCCESS, writeErrno(fd, data, n), "fd_write");
        assertEquals(data.length, n[0], "bytes written");
    }

    /** fd_read into one buffer; the errno, and the bytes read in {@code read[0]}. */
    int readErrno(int fd, int max, byte[][] read) {
        int buf = alloc(max);
        int iov = iovecs(buf, max);
        int out = alloc(4);
        int errno = call("fd_read", fd, iov, 1, out);
        read[0] = bytes(buf, errno == 0 ? i32(out) : 0);
        return errno;
    }

    /** fd_read that must succeed; what it read. */
    String read(int fd, int max) {
        byte[][] r = new byte[1][];
        assertErrno(Errno.SUCCESS, readErrno(fd, max, r), "fd_read");
        return new String(r[0], StandardCharsets.UTF_8);
    }

    /** fd_seek that must succeed; the new offset. */
    long seek(int fd, long offset, int whence) {
        int out = alloc(8);
        assertErrno(Errno.SUCCESS, call("fd_seek", fd, offset, whence, out), "fd_seek");
        return i64(out);
    }

    int close(int fd) {
        return call("fd_close", fd);
    }

    /** A call on a path relative to a directory: (dir, path, len) with the path put in memory. */
    int pathCall(String function, int dir, String path) {
        Str s = str(path);
        return call(function, dir, s.pointer(), s.length());
    }

    /** path_filestat_get that must succeed. */
    FileStat stat(int dir, String path, boolean follow) {
        Str s = str(path);
        int buf = alloc(FileStat.SIZE);
        assertErrno(Errno.SUCCESS, call("path_filestat_get", dir, follow ? 1 : 0, s.pointer(), s.length(), buf),
                "path_filestat_get " + path);
        return readStat(buf);
    }

    FileStat readStat(int buf) {
        return new FileStat(i64(buf), i64(buf + 8), u8(buf + 16), i64(buf + 24), i64(buf + 32), i64(buf + 40),
                i64(buf + 48), i64(buf + 56));
    }

    static void assertErrno(int expected, int actual, String what) {
        assertEquals(Errno.name(expected), Errno.name(actual), what);
    }

    static void assertErrno(int expected, int actual) {
        assertErrno(expected, actual, "errno");
    }
}
