package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Descriptors 0, 1 and 2 on host streams. */
class StdioTest {
    @Test
    void writesGatherEveryBufferInOrderAndReachTheHostStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Probe p = new Probe(Wasi.builder().stdout(out).stderr(err))) {
            int a = p.put("Hello, ".getBytes(StandardCharsets.UTF_8));
            int b = p.put("world".getBytes(StandardCharsets.UTF_8));
            int c = p.put("!\n".getBytes(StandardCharsets.UTF_8));
            int iov = p.iovecs(a, 7, b, 0, b, 5, c, 2);
            int n = p.alloc(4);
            assertErrno(Errno.SUCCESS, p.call("fd_write", 1, iov, 4, n));
            assertEquals(14, p.i32(n));
            p.write(2, "oops\n");
            assertErrno(Errno.SUCCESS, p.call("fd_write", 1, iov, 0, n), "no buffers");
            assertEquals(0, p.i32(n));
        }
        assertEquals("Hello, world!\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void largeWritesArriveWhole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Probe p = new Probe(Wasi.builder().stdout(out))) {
            p.instance.memory("memory").grow(3);
            byte[] data = new byte[200_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31);
            }
            int[] n = new int[1];
            assertErrno(Errno.SUCCESS, p.writeErrno(1, data, n));
            assertEquals(data.length, n[0]);
            assertArrayEquals(data, out.toByteArray());
        }
    }

    @Test
    void readsScatterIntoBuffersAndReturnZeroAtEnd() {
        byte[] input = "abcdefgh".getBytes(StandardCharsets.UTF_8);
        try (Probe p = new Probe(Wasi.builder().stdin(new ByteArrayInputStream(input)))) {
            int a = p.alloc(3);
            int b = p.alloc(10);
            int iov = p.iovecs(a, 3, b, 10);
            int n = p.alloc(4);
            assertErrno(Errno.SUCCESS, p.call("fd_read", 0, iov, 2, n));
            assertEquals(8, p.i32(n));
            assertEquals("abc", p.string(a, 3));
            assertEquals("defgh", p.string(b, 5));
            assertErrno(Errno.SUCCESS, p.call("fd_read", 0, iov, 2, n));
            assertEquals(0, p.i32(n), "end of input");
        }
    }

    @Test
    void stdinIsEmptyByDefault() {
        try (Probe p = new Probe(Wasi.builder())) {
            assertEquals("", p.read(0, 16));
        }
    }

    @Test
    void streamsUsedTheWrongWayRoundAreEbadf() {
        try (Probe p = new Probe(Wasi.builder())) {
            assertErrno(Errno.BADF, p.writeErrno(0, new byte[] {1}, new int[1]), "writing stdin");
            assertErrno(Errno.BADF, p.readErrno(1, 4, new byte[1][]), "reading stdout");
            assertErrno(Errno.BADF, p.writeErrno(3, new byte[] {1}, new int[1]), "no descriptor 3");
        }
    }

    @Test
    void streamsLookLikeTerminalsWithoutSeeking() {
        try (Probe p = new Probe(Wasi.builder())) {
            int stat = p.alloc(FdCalls.FDSTAT_SIZE);
            for (int fd = 0; fd <= 2; fd++) {
                assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", fd, stat));
                assertEquals(FileType.CHARACTER_DEVICE, p.u8(stat), "filetype of " + fd);
                long rights = p.i64(stat + 8);
                assertEquals(0, rights & (Rights.FD_SEEK | Rights.FD_TELL), "no seek or tell: isatty() is true");
                assertEquals(fd == 0 ? Rights.FD_READ : Rights.FD_WRITE, rights & (Rights.FD_READ | Rights.FD_WRITE));
            }
            int offset = p.alloc(8);
            assertErrno(Errno.SPIPE, p.call("fd_seek", 1, 0L, ReadWriteCalls.WHENCE_CUR, offset));
            assertErrno(Errno.SPIPE, p.call("fd_tell", 0, offset));
            assertErrno(Errno.SPIPE, p.call("fd_pread", 0, p.iovecs(), 0, 0L, offset));
            int filestat = p.alloc(FileStat.SIZE);
            assertErrno(Errno.SUCCESS, p.call("fd_filestat_get", 2, filestat));
            assertEquals(FileType.CHARACTER_DEVICE, p.readStat(filestat).filetype());
            assertErrno(Errno.INVAL, p.call("fd_filestat_set_size", 1, 0L));
            assertErrno(Errno.SUCCESS, p.call("fd_sync", 1), "sync flushes");
        }
    }

    @Test
    void hostStreamFailuresBecomeErrnos() {
        OutputStream brokenPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        OutputStream buggy = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("a bug in the host's stream");
            }
        };
        try (Probe p = new Probe(Wasi.builder().stdout(brokenPipe).stderr(buggy))) {
            assertErrno(Errno.PIPE, p.writeErrno(1, new byte[] {1}, new int[1]));
            assertErrno(Errno.IO, p.writeErrno(2, new byte[] {1}, new int[1]), "no Java exception reaches the host");
        }
    }

    @Test
    void closedAndRenumberedStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Probe p = new Probe(Wasi.builder().stdout(out).stderr(err))) {
            assertErrno(Errno.SUCCESS, p.call("fd_renumber", 2, 1), "stderr becomes descriptor 1");
            p.write(1, "to stderr\n");
            assertErrno(Errno.BADF, p.writeErrno(2, new byte[] {1}, new int[1]), "2 is free now");
            assertErrno(Errno.BADF, p.call("fd_renumber", 1, 7), "the target must be open");
            assertErrno(Errno.BADF, p.call("fd_renumber", 7, 1), "the source must be open");
            assertErrno(Errno.SUCCESS, p.call("fd_renumber", 1, 1), "onto itself: nothing happens");
            assertErrno(Errno.SUCCESS, p.close(1));
            assertErrno(Errno.BADF, p.close(1));
            assertErrno(Errno.BADF, p.writeErrno(1, new byte[] {1}, new int[1]));
        }
        assertEquals("", out.toString());
        assertEquals("to stderr\n", err.toString());
    }

    @Test
    void badIovecsAreRejectedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Probe p = new Probe(Wasi.builder().stdout(out))) {
            int end = p.memorySize();
            int good = p.put(new byte[] {'x'});
            int n = p.alloc(4);
            assertErrno(Errno.FAULT, p.call("fd_write", 1, end - 4, 1, n), "iovec array past the end");
            int badBuffer = p.iovecs(good, 1, end - 2, 3);
            assertErrno(Errno.FAULT, p.call("fd_write", 1, badBuffer, 2, n), "second buffer past the end");
            int fine = p.iovecs(good, 1);
            assertErrno(Errno.FAULT, p.call("fd_write", 1, fine, 1, end - 2), "nwritten past the end");
            assertErrno(Errno.FAULT, p.call("fd_write", 1, fine, 1, -4));
            assertErrno(Errno.INVAL, p.call("fd_write", 1, fine, Iovecs.MAX_COUNT + 1, n), "too many buffers");
            assertErrno(Errno.FAULT, p.call("fd_read", 0, end - 4, 1, n));
            assertEquals(0, out.size(), "nothing was written by the failed calls");
            assertErrno(Errno.SUCCESS, p.call("fd_write", 1, fine, 1, n));
            assertEquals("x", out.toString());
        }
    }

    @Test
    void fdstatFlagsCanBeSetButUnknownFlagsAreInvalid() {
        try (Probe p = new Probe(Wasi.builder())) {
            assertErrno(Errno.SUCCESS, p.call("fd_fdstat_set_flags", 1, FdFlags.NONBLOCK));
            int stat = p.alloc(FdCalls.FDSTAT_SIZE);
            assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", 1, stat));
            assertEquals(FdFlags.NONBLOCK, p.u16(stat + 2));
            assertErrno(Errno.INVAL, p.call("fd_fdstat_set_flags", 1, 1 << 5));
            assertErrno(Errno.BADF, p.call("fd_fdstat_set_flags", 9, 0));
        }
    }
}
