package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, writing, seeking and the descriptor calls on files in a preopened directory (fd 3). */
class FileIoTest {
    private static final int DIR = 3;
    private static final int CREATE_TRUNC = OpenCalls.O_CREAT | OpenCalls.O_TRUNC;

    @TempDir
    Path root;
    private Probe p;

    @BeforeEach
    void preopen() {
        p = new Probe(Wasi.builder().preopen(root, "/sandbox"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        p.close();
    }

    @Test
    void prestatNamesThePreopenedDirectories(@TempDir Path other) {
        int prestat = p.alloc(FdCalls.PRESTAT_SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_prestat_get", DIR, prestat));
        assertEquals(0, p.u8(prestat), "preopentype dir");
        assertEquals(8, p.i32(prestat + 4), "length of /sandbox");
        int name = p.alloc(8);
        assertErrno(Errno.SUCCESS, p.call("fd_prestat_dir_name", DIR, name, 8));
        assertEquals("/sandbox", p.string(name, 8));
        assertErrno(Errno.NAMETOOLONG, p.call("fd_prestat_dir_name", DIR, name, 7));
        assertErrno(Errno.BADF, p.call("fd_prestat_get", 4, prestat), "the scan ends at the first EBADF");
        assertErrno(Errno.BADF, p.call("fd_prestat_get", 1, prestat), "stdout is no preopen");
        int sub = p.open(DIR, ".", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        assertErrno(Errno.BADF, p.call("fd_prestat_get", sub, prestat), "an opened directory is no preopen");
        assertErrno(Errno.FAULT, p.call("fd_prestat_get", DIR, p.memorySize() - 4));

        try (Probe two = new Probe(Wasi.builder().preopen(root, ".").preopen(other, "/données"))) {
            int pre = two.alloc(8);
            assertErrno(Errno.SUCCESS, two.call("fd_prestat_get", 3, pre));
            assertEquals(1, two.i32(pre + 4));
            assertErrno(Errno.SUCCESS, two.call("fd_prestat_get", 4, pre));
            int len = two.i32(pre + 4);
            int buf = two.alloc(len);
            assertErrno(Errno.SUCCESS, two.call("fd_prestat_dir_name", 4, buf, len));
            assertEquals("/données", two.string(buf, len), "names are UTF-8");
        }
    }

    @Test
    void writeThenReadBack() throws IOException {
        int fd = p.open(DIR, "notes.txt", CREATE_TRUNC, Probe.WRITE_RIGHTS, 0);
        p.write(fd, "first line\n");
        p.write(fd, "second line\n");
        assertErrno(Errno.SUCCESS, p.close(fd));
        assertEquals("first line\nsecond line\n", Files.readString(root.resolve("notes.txt")));

        int in = p.open(DIR, "notes.txt", 0, Probe.READ_RIGHTS, 0);
        assertEquals("first", p.read(in, 5));
        assertEquals(" line\nsecond line\n", p.read(in, 100));
        assertEquals("", p.read(in, 100), "end of file");
    }

    @Test
    void seekAndTell() throws IOException {
        Files.writeString(root.resolve("f"), "0123456789");
        int fd = p.open(DIR, "f", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
        assertEquals(4, p.seek(fd, 4, ReadWriteCalls.WHENCE_SET));
        assertEquals("45", p.read(fd, 2));
        assertEquals(3, p.seek(fd, -3, ReadWriteCalls.WHENCE_CUR));
        assertEquals(8, p.seek(fd, -2, ReadWriteCalls.WHENCE_END));
        int tell = p.alloc(8);
        assertErrno(Errno.SUCCESS, p.call("fd_tell", fd, tell));
        assertEquals(8, p.i64(tell));
        int out = p.alloc(8);
        assertErrno(Errno.INVAL, p.call("fd_seek", fd, -11L, ReadWriteCalls.WHENCE_END, out), "before the start");
        assertErrno(Errno.INVAL, p.call("fd_seek", fd, 0L, 3, out), "unknown whence");
        assertErrno(Errno.OVERFLOW, p.call("fd_seek", fd, Long.MAX_VALUE, ReadWriteCalls.WHENCE_END, out));
        assertErrno(Errno.FAULT, p.call("fd_seek", fd, 0L, ReadWriteCalls.WHENCE_SET, p.memorySize() - 7));
        assertEquals(14, p.seek(fd, 14, ReadWriteCalls.WHENCE_SET), "past the end is allowed");
        p.write(fd, "x");
        assertArrayEquals("0123456789\0\0\0\0x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(root.resolve("f")),
                "the gap reads as zeros");
    }

    @Test
    void appendWritesAtTheEndWhereverTheOffsetIs() throws IOException {
        Files.writeString(root.resolve("log"), "one\n");
        int fd = p.open(DIR, "log", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, FdFlags.APPEND);
        p.seek(fd, 0, ReadWriteCalls.WHENCE_SET);
        p.write(fd, "two\n");
        assertEquals(8, p.seek(fd, 0, ReadWriteCalls.WHENCE_CUR), "the offset follows the end");
        int stat = p.alloc(FdCalls.FDSTAT_SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", fd, stat));
        assertEquals(FdFlags.APPEND, p.u16(stat + 2));
        assertEquals(FileType.REGULAR_FILE, p.u8(stat));

        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_set_flags", fd, 0), "append off");
        p.seek(fd, 0, ReadWriteCalls.WHENCE_SET);
        p.write(fd, "ONE\n");
        assertEquals("ONE\ntwo\n", Files.readString(root.resolve("log")));
    }

    @Test
    void truncateOnOpenAndSetSize() throws IOException {
        Files.writeString(root.resolve("t"), "some old content");
        int fd = p.open(DIR, "t", OpenCalls.O_TRUNC, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
        assertEquals(0, Files.size(root.resolve("t")), "O_TRUNC empties the file");
        p.write(fd, "0123456789");
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_set_size", fd, 4L));
        assertEquals("0123", Files.readString(root.resolve("t")));
        assertEquals(10, p.seek(fd, 0, ReadWriteCalls.WHENCE_CUR), "the offset stays where it was");
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_set_size", fd, 6L));
        assertArrayEquals("0123\0\0".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(root.resolve("t")),
                "growing fills with zeros");
        assertErrno(Errno.INVAL, p.call("fd_filestat_set_size", fd, -1L));
    }

    @Test
    void preadAndPwriteLeaveTheOffsetAlone() throws IOException {
        Files.writeString(root.resolve("r"), "abcdefghij");
        int fd = p.open(DIR, "r", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
        p.seek(fd, 2, ReadWriteCalls.WHENCE_SET);
        int a = p.alloc(3);
        int b = p.alloc(3);
        int n = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call("fd_pread", fd, p.iovecs(a, 3, b, 3), 2, 5L, n));
        assertEquals(5, p.i32(n), "short at the end of the file");
        assertEquals("fghij", p.string(a, 3) + p.string(b, 2));
        assertErrno(Errno.SUCCESS, p.call("fd_pread", fd, p.iovecs(a, 3), 1, 100L, n));
        assertEquals(0, p.i32(n), "past the end");
        int data = p.put("XY".getBytes(StandardCharsets.UTF_8));
        assertErrno(Errno.SUCCESS, p.call("fd_pwrite", fd, p.iovecs(data, 2), 1, 0L, n));
        assertEquals(2, p.i32(n));
        assertEquals(2, p.seek(fd, 0, ReadWriteCalls.WHENCE_CUR), "offset unchanged");
        assertEquals("XYcdefghij", Files.readString(root.resolve("r")));
        assertErrno(Errno.INVAL, p.call("fd_pread", fd, p.iovecs(a, 3), 1, -1L, n));
        assertErrno(Errno.INVAL, p.call("fd_pwrite", fd, p.iovecs(a, 3), 1, -1L, n));
    }

    @Test
    void rightsDecideWhatADescriptorMayDo() throws IOException {
        Files.writeString(root.resolve("ro"), "read only");
        int reader = p.open(DIR, "ro", 0, Probe.READ_RIGHTS, 0);
        assertErrno(Errno.NOTCAPABLE, p.writeErrno(reader, new byte[] {1}, new int[1]));
        assertErrno(Errno.NOTCAPABLE, p.call("fd_filestat_set_size", reader, 0L));
        int writer = p.open(DIR, "wo", OpenCalls.O_CREAT, Rights.FD_WRITE, 0);
        assertErrno(Errno.NOTCAPABLE, p.readErrno(writer, 4, new byte[1][]));
        int tell = p.alloc(8);
        assertErrno(Errno.NOTCAPABLE, p.call("fd_tell", writer, tell));

        int fd = p.open(DIR, "ro", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
        int stat = p.alloc(FdCalls.FDSTAT_SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", fd, stat));
        assertEquals(Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, p.i64(stat + 8) | Rights.FD_READDIR,
                "what was asked for, less what makes no sense for a file");
        assertEquals(0, p.i64(stat + 8) & Rights.FD_READDIR);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_set_rights", fd, Probe.READ_RIGHTS & ~Rights.FD_READDIR, 0L));
        assertErrno(Errno.NOTCAPABLE, p.writeErrno(fd, new byte[] {1}, new int[1]), "dropped");
        assertErrno(Errno.NOTCAPABLE, p.call("fd_fdstat_set_rights", fd, Probe.READ_RIGHTS | Rights.FD_WRITE, 0L),
                "rights never grow back");
        assertEquals("read", p.read(fd, 4));

        int dirStat = p.alloc(FdCalls.FDSTAT_SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", DIR, dirStat));
        assertEquals(FileType.DIRECTORY, p.u8(dirStat));
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_set_rights", DIR, Rights.PATH_OPEN, Rights.FD_READ));
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, "ro", 0, Probe.ALL_RIGHTS, 0), "opening is still allowed");
        int limited = p.open(DIR, "ro", 0, Probe.ALL_RIGHTS, 0);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", limited, stat));
        assertEquals(Rights.FD_READ, p.i64(stat + 8), "a file opened through it inherits at most FD_READ");
        assertErrno(Errno.NOTCAPABLE, p.openErrno(DIR, "new", OpenCalls.O_CREAT, Probe.ALL_RIGHTS, 0),
                "creating needs PATH_CREATE_FILE");
        assertErrno(Errno.NOTCAPABLE, p.pathCall("path_create_directory", DIR, "d"));
    }

    @Test
    void filestatAndTimes() throws IOException {
        Files.writeString(root.resolve("s"), "12345");
        int fd = p.open(DIR, "s", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
        int buf = p.alloc(FileStat.SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_get", fd, buf));
        FileStat s = p.readStat(buf);
        assertEquals(FileType.REGULAR_FILE, s.filetype());
        assertEquals(5, s.size());
        assertEquals(1, s.nlink());
        assertEquals(Files.getLastModifiedTime(root.resolve("s")).to(TimeUnit.NANOSECONDS), s.mtim());

        long mtim = 1_600_000_000_123_456_789L;
        long atim = 1_500_000_000_000_000_000L;
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_set_times", fd, atim, mtim,
                FileTimes.ATIM | FileTimes.MTIM));
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_get", fd, buf));
        assertEquals(mtim / 1000, p.readStat(buf).mtim() / 1000, "set to the microsecond at least");
        assertEquals(atim / 1000, p.readStat(buf).atim() / 1000);
        assertErrno(Errno.SUCCESS, p.call("fd_filestat_set_times", fd, 0L, 0L, FileTimes.MTIM_NOW));
        FileTime now = Files.getLastModifiedTime(root.resolve("s"));
        assertTrue(Math.abs(now.toMillis() - System.currentTimeMillis()) < 60_000, "now is now");
        assertErrno(Errno.INVAL, p.call("fd_filestat_set_times", fd, 0L, 0L, FileTimes.ATIM | FileTimes.ATIM_NOW));
        assertErrno(Errno.INVAL, p.call("fd_filestat_set_times", fd, 0L, 0L, 1 << 4));
        assertErrno(Errno.FAULT, p.call("fd_filestat_get", fd, p.memorySize() - 63));

        assertErrno(Errno.SUCCESS, p.call("fd_filestat_get", DIR, buf));
        assertEquals(FileType.DIRECTORY, p.readStat(buf).filetype());
    }

    @Test
    void syncAdviseAllocate() throws IOException {
        int fd = p.open(DIR, "a", OpenCalls.O_CREAT, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, FdFlags.SYNC);
        p.write(fd, "abc");
        assertErrno(Errno.SUCCESS, p.call("fd_sync", fd));
        assertErrno(Errno.SUCCESS, p.call("fd_datasync", fd));
        assertErrno(Errno.SUCCESS, p.call("fd_sync", DIR));
        assertErrno(Errno.SUCCESS, p.call("fd_advise", fd, 0L, 100L, 2));
        assertErrno(Errno.INVAL, p.call("fd_advise", fd, 0L, 100L, 6));
        assertErrno(Errno.SUCCESS, p.call("fd_allocate", fd, 10L, 90L));
        assertEquals(100, Files.size(root.resolve("a")));
        assertErrno(Errno.SUCCESS, p.call("fd_allocate", fd, 0L, 10L), "already allocated: no change");
        assertEquals(100, Files.size(root.resolve("a")));
        assertErrno(Errno.INVAL, p.call("fd_allocate", fd, 0L, 0L));
        assertErrno(Errno.ISDIR, p.call("fd_allocate", DIR, 0L, 10L));
        assertErrno(Errno.BADF, p.call("fd_advise", 42, 0L, 0L, 0));
    }

    @Test
    void directoriesAreNotFiles() {
        assertErrno(Errno.ISDIR, p.readErrno(DIR, 4, new byte[1][]));
        assertErrno(Errno.ISDIR, p.writeErrno(DIR, new byte[] {1}, new int[1]));
        assertErrno(Errno.ISDIR, p.call("fd_seek", DIR, 0L, 0, p.alloc(8)));
        assertErrno(Errno.ISDIR, p.call("fd_filestat_set_size", DIR, 0L));
    }

    @Test
    void closeAndRenumberFiles() throws IOException {
        int fd = p.open(DIR, "x", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0);
        assertEquals(4, fd, "the lowest free number");
        assertErrno(Errno.SUCCESS, p.call("fd_renumber", fd, 1));
        p.write(1, "through descriptor 1");
        assertEquals("through descriptor 1", Files.readString(root.resolve("x")));
        assertErrno(Errno.SUCCESS, p.close(1));
        assertErrno(Errno.BADF, p.close(1));
        assertErrno(Errno.BADF, p.close(-1));
        assertEquals(1, p.open(DIR, "x", 0, Probe.READ_RIGHTS, 0), "1 is free again, and lowest");
    }

    @Test
    void closingTheContextClosesTheGuestsFiles() throws IOException {
        int fd = p.open(DIR, "y", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0);
        p.write(fd, "kept");
        p.close();
        assertEquals("kept", Files.readString(root.resolve("y")));
        assertErrno(Errno.BADF, p.writeErrno(fd, new byte[] {1}, new int[1]));
        assertErrno(Errno.BADF, p.openErrno(DIR, "y", 0, Probe.READ_RIGHTS, 0));
    }
}
