package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code path_*} calls inside a preopened directory (fd 3), their results and their errnos. */
class PathTest {
    private static final int DIR = 3;
    private static final int FOLLOW = PathCalls.SYMLINK_FOLLOW;

    @TempDir
    Path root;
    private Probe p;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(root.resolve("file.txt"), "content");
        Files.createDirectories(root.resolve("dir/sub"));
        Files.writeString(root.resolve("dir/inner.txt"), "inner");
        p = new Probe(Wasi.builder().preopen(root, "."));
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    @Test
    void openErrors() {
        assertErrno(Errno.NOENT, p.openErrno(DIR, "missing.txt", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.NOENT, p.openErrno(DIR, "missing/x.txt", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0),
                "no parent to create in");
        assertErrno(Errno.EXIST, p.openErrno(DIR, "file.txt", OpenCalls.O_CREAT | OpenCalls.O_EXCL,
                Probe.WRITE_RIGHTS, 0));
        assertErrno(Errno.NOTDIR, p.openErrno(DIR, "file.txt", OpenCalls.O_DIRECTORY, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.NOENT, p.openErrno(DIR, "missing", OpenCalls.O_DIRECTORY, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.NOTDIR, p.openErrno(DIR, "file.txt/", 0, Probe.READ_RIGHTS, 0), "trailing slash");
        assertErrno(Errno.NOTDIR, p.openErrno(DIR, "file.txt/x", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.NOTDIR, p.openErrno(DIR, "file.txt/..", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.ISDIR, p.openErrno(DIR, "dir", 0, Probe.WRITE_RIGHTS, 0), "writing a directory");
        assertErrno(Errno.ISDIR, p.openErrno(DIR, "dir", OpenCalls.O_TRUNC, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.ISDIR, p.openErrno(DIR, "dir", OpenCalls.O_DIRECTORY, Rights.FD_READ | Rights.FD_WRITE, 0),
                "writing a directory, even with O_DIRECTORY");
        assertErrno(Errno.ISDIR, p.openErrno(DIR, "dir", OpenCalls.O_CREAT, Probe.READ_RIGHTS, 0), "O_CREAT on a directory");
        assertErrno(Errno.ISDIR, p.openErrno(DIR, "new/", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0),
                "O_CREAT cannot make a directory");
        assertErrno(Errno.INVAL, p.openErrno(DIR, "d2", OpenCalls.O_CREAT | OpenCalls.O_DIRECTORY,
                Probe.READ_RIGHTS, 0));
        assertErrno(Errno.INVAL, p.openErrno(DIR, "file.txt", 1 << 4, Probe.READ_RIGHTS, 0), "unknown oflag");
        assertErrno(Errno.INVAL, p.openErrno(DIR, "file.txt", 0, Probe.READ_RIGHTS, 1 << 5), "unknown fdflag");
        assertErrno(Errno.NOENT, p.openErrno(DIR, "", 0, Probe.READ_RIGHTS, 0), "empty path");
        assertErrno(Errno.INVAL, p.openErrno(DIR, "file\0.txt", 0, Probe.READ_RIGHTS, 0), "NUL in the path");
        assertErrno(Errno.NAMETOOLONG, p.openErrno(DIR, "a".repeat(PathResolver.MAX_PATH_BYTES + 1), 0,
                Probe.READ_RIGHTS, 0));
        assertErrno(Errno.BADF, p.openErrno(9, "file.txt", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.NOTDIR, p.openErrno(1, "file.txt", 0, Probe.READ_RIGHTS, 0), "stdout is no directory");
        int file = p.open(DIR, "file.txt", 0, Probe.READ_RIGHTS, 0);
        assertErrno(Errno.NOTDIR, p.openErrno(file, "x", 0, Probe.READ_RIGHTS, 0), "a file is no directory");

        int bad = p.put(new byte[] {'a', (byte) 0xC3, '('});
        int out = p.alloc(4);
        assertErrno(Errno.ILSEQ, p.call("path_open", DIR, 0, bad, 3, 0, Probe.READ_RIGHTS, 0L, 0, out), "not UTF-8");
        assertErrno(Errno.FAULT, p.call("path_open", DIR, 0, p.memorySize() - 2, 3, 0, Probe.READ_RIGHTS, 0L, 0, out));
        Probe.Str s = p.str("file.txt");
        assertErrno(Errno.FAULT, p.call("path_open", DIR, 0, s.pointer(), s.length(), 0, Probe.READ_RIGHTS, 0L, 0,
                p.memorySize()));
    }

    @Test
    void oCreatCreatesWhateverRightsAreAsked() throws IOException {
        int fd = p.open(DIR, "read-only-created.txt", OpenCalls.O_CREAT, Probe.READ_RIGHTS, 0);
        assertTrue(Files.isRegularFile(root.resolve("read-only-created.txt")), "created without a write right");
        assertEquals("", p.read(fd, 10));
        int none = p.open(DIR, "no-rights.txt", OpenCalls.O_CREAT, 0, 0);
        assertTrue(Files.isRegularFile(root.resolve("no-rights.txt")), "created without any right");
        assertErrno(Errno.NOTCAPABLE, p.call("fd_read", none, p.iovecs(p.alloc(4), 4), 1, p.alloc(4)));
        Files.writeString(root.resolve("kept.txt"), "kept");
        int existing = p.open(DIR, "kept.txt", OpenCalls.O_CREAT, Probe.READ_RIGHTS, 0);
        assertEquals("kept", p.read(existing, 10), "O_CREAT without O_EXCL opens what is there");
    }

    @Test
    void directoriesOpenedThroughAPreopenAreBasesForMore() {
        int dir = p.open(DIR, "dir", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        int inner = p.open(dir, "inner.txt", 0, Probe.READ_RIGHTS, 0);
        assertEquals("inner", p.read(inner, 100));
        int sub = p.open(dir, "sub/.", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        int created = p.open(sub, "new.txt", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0);
        p.write(created, "deep");
        assertTrue(Files.exists(root.resolve("dir/sub/new.txt")));
        int self = p.open(DIR, ".", 0, Probe.READ_RIGHTS, 0);
        int stat = p.alloc(FdCalls.FDSTAT_SIZE);
        assertErrno(Errno.SUCCESS, p.call("fd_fdstat_get", self, stat));
        assertEquals(FileType.DIRECTORY, p.u8(stat), "a directory opened without O_DIRECTORY is still one");
    }

    @Test
    void createDirectory() {
        assertErrno(Errno.SUCCESS, p.pathCall("path_create_directory", DIR, "made"));
        assertTrue(Files.isDirectory(root.resolve("made")));
        assertErrno(Errno.SUCCESS, p.pathCall("path_create_directory", DIR, "made/deeper/"));
        assertTrue(Files.isDirectory(root.resolve("made/deeper")));
        assertErrno(Errno.EXIST, p.pathCall("path_create_directory", DIR, "made"));
        assertErrno(Errno.EXIST, p.pathCall("path_create_directory", DIR, "file.txt"));
        assertErrno(Errno.EXIST, p.pathCall("path_create_directory", DIR, "."));
        assertErrno(Errno.NOENT, p.pathCall("path_create_directory", DIR, "missing/new"));
        assertErrno(Errno.NOTDIR, p.pathCall("path_create_directory", DIR, "file.txt/new"));
    }

    @Test
    void removeDirectory() {
        assertErrno(Errno.NOTEMPTY, p.pathCall("path_remove_directory", DIR, "dir"));
        assertErrno(Errno.NOTDIR, p.pathCall("path_remove_directory", DIR, "file.txt"));
        assertErrno(Errno.NOENT, p.pathCall("path_remove_directory", DIR, "missing"));
        assertErrno(Errno.INVAL, p.pathCall("path_remove_directory", DIR, "."));
        assertErrno(Errno.SUCCESS, p.pathCall("path_remove_directory", DIR, "dir/sub"));
        assertFalse(Files.exists(root.resolve("dir/sub")));
    }

    @Test
    void unlinkFile() throws IOException {
        assertErrno(Errno.ISDIR, p.pathCall("path_unlink_file", DIR, "dir"));
        assertErrno(Errno.NOENT, p.pathCall("path_unlink_file", DIR, "missing"));
        assertErrno(Errno.NOTDIR, p.pathCall("path_unlink_file", DIR, "file.txt/"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("file.txt"));
        assertErrno(Errno.SUCCESS, p.pathCall("path_unlink_file", DIR, "link"));
        assertFalse(Files.exists(root.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(root.resolve("file.txt")), "the link goes, not its target");
        assertErrno(Errno.SUCCESS, p.pathCall("path_unlink_file", DIR, "dir/inner.txt"));
        assertFalse(Files.exists(root.resolve("dir/inner.txt")));
    }

    private int rename(int from, String a, int to, String b) {
        Probe.Str x = p.str(a);
        Probe.Str y = p.str(b);
        return p.call("path_rename", from, x.pointer(), x.length(), to, y.pointer(), y.length());
    }

    @Test
    void rename(@TempDir Path other) throws IOException {
        assertErrno(Errno.SUCCESS, rename(DIR, "file.txt", DIR, "renamed.txt"));
        assertEquals("content", Files.readString(root.resolve("renamed.txt")));
        assertFalse(Files.exists(root.resolve("file.txt")));

        Files.writeString(root.resolve("old.txt"), "old");
        assertErrno(Errno.SUCCESS, rename(DIR, "renamed.txt", DIR, "old.txt"), "replaces a file");
        assertEquals("content", Files.readString(root.resolve("old.txt")));

        Files.createDirectories(root.resolve("empty"));
        assertErrno(Errno.NOTEMPTY, rename(DIR, "empty", DIR, "dir"));
        assertErrno(Errno.ISDIR, rename(DIR, "old.txt", DIR, "dir"));
        assertErrno(Errno.NOTDIR, rename(DIR, "empty", DIR, "old.txt"));
        assertErrno(Errno.INVAL, rename(DIR, "dir", DIR, "dir/sub/moved"), "into itself");
        assertErrno(Errno.NOENT, rename(DIR, "missing", DIR, "x"));
        assertErrno(Errno.BUSY, rename(DIR, ".", DIR, "x"));
        assertErrno(Errno.SUCCESS, rename(DIR, "old.txt", DIR, "old.txt"), "onto itself");
        assertErrno(Errno.SUCCESS, rename(DIR, "dir/sub", DIR, "empty"), "replaces an empty directory");
        assertTrue(Files.isDirectory(root.resolve("empty")));
        assertFalse(Files.exists(root.resolve("dir/sub")));

        try (Probe two = new Probe(Wasi.builder().preopen(root, "/a").preopen(other, "/b"))) {
            Probe.Str x = two.str("old.txt");
            Probe.Str y = two.str("moved.txt");
            assertErrno(Errno.SUCCESS, two.call("path_rename", 3, x.pointer(), x.length(), 4, y.pointer(), y.length()),
                    "between two preopens");
            assertEquals("content", Files.readString(other.resolve("moved.txt")));
        }
    }

    @Test
    void filestatFollowsLinksOnlyWhenAsked() throws IOException {
        Files.createSymbolicLink(root.resolve("link"), Path.of("file.txt"));
        FileStat file = p.stat(DIR, "file.txt", false);
        assertEquals(FileType.REGULAR_FILE, file.filetype());
        assertEquals(7, file.size());
        assertEquals(Files.getLastModifiedTime(root.resolve("file.txt")).to(TimeUnit.NANOSECONDS), file.mtim());
        assertEquals(FileType.SYMBOLIC_LINK, p.stat(DIR, "link", false).filetype());
        FileStat followed = p.stat(DIR, "link", true);
        assertEquals(FileType.REGULAR_FILE, followed.filetype());
        assertEquals(file.ino(), followed.ino());
        assertEquals(FileType.DIRECTORY, p.stat(DIR, "dir/sub/..", false).filetype());
        assertEquals(FileType.DIRECTORY, p.stat(DIR, ".", false).filetype());
        Probe.Str missing = p.str("missing");
        assertErrno(Errno.NOENT, p.call("path_filestat_get", DIR, 0, missing.pointer(), missing.length(),
                p.alloc(FileStat.SIZE)));
    }

    @Test
    void filestatSetTimes() throws IOException {
        Files.createSymbolicLink(root.resolve("link"), Path.of("file.txt"));
        long mtim = 1_234_567_890_000_000_000L;
        Probe.Str s = p.str("link");
        assertErrno(Errno.SUCCESS, p.call("path_filestat_set_times", DIR, FOLLOW, s.pointer(), s.length(), 0L, mtim,
                FileTimes.MTIM));
        assertEquals(mtim, Files.getLastModifiedTime(root.resolve("file.txt")).to(TimeUnit.NANOSECONDS),
                "the target, through the link");
        assertErrno(Errno.SUCCESS, p.call("path_filestat_set_times", DIR, FOLLOW, s.pointer(), s.length(), 0L, 0L,
                FileTimes.MTIM_NOW | FileTimes.ATIM_NOW));
        assertTrue(Math.abs(Files.getLastModifiedTime(root.resolve("file.txt")).toMillis()
                - System.currentTimeMillis()) < 60_000);
        Probe.Str missing = p.str("missing");
        assertErrno(Errno.NOENT, p.call("path_filestat_set_times", DIR, 0, missing.pointer(), missing.length(), 0L,
                0L, FileTimes.MTIM_NOW));
        assertErrno(Errno.INVAL, p.call("path_filestat_set_times", DIR, 0, s.pointer(), s.length(), 0L, 0L,
                FileTimes.MTIM | FileTimes.MTIM_NOW));
    }

    private int symlink(String target, int dir, String path) {
        Probe.Str t = p.str(target);
        Probe.Str l = p.str(path);
        return p.call("path_symlink", t.pointer(), t.length(), dir, l.pointer(), l.length());
    }

    @Test
    void symlinkAndReadlink() throws IOException {
        assertErrno(Errno.SUCCESS, symlink("file.txt", DIR, "link"));
        assertEquals(Path.of("file.txt"), Files.readSymbolicLink(root.resolve("link")));
        assertErrno(Errno.SUCCESS, symlink("../file.txt", DIR, "dir/up"), "climbs no higher than the preopen");
        assertErrno(Errno.EXIST, symlink("x", DIR, "file.txt"));
        assertErrno(Errno.NOENT, symlink("", DIR, "empty"));

        Probe.Str l = p.str("link");
        int buf = p.alloc(64);
        int used = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call("path_readlink", DIR, l.pointer(), l.length(), buf, 64, used));
        assertEquals("file.txt", p.string(buf, p.i32(used)));
        assertErrno(Errno.SUCCESS, p.call("path_readlink", DIR, l.pointer(), l.length(), buf, 4, used));
        assertEquals(4, p.i32(used), "truncated to the buffer, as readlink(2)");
        assertEquals("file", p.string(buf, 4));
        Probe.Str f = p.str("file.txt");
        assertErrno(Errno.INVAL, p.call("path_readlink", DIR, f.pointer(), f.length(), buf, 64, used), "no link");
        Probe.Str m = p.str("missing");
        assertErrno(Errno.NOENT, p.call("path_readlink", DIR, m.pointer(), m.length(), buf, 64, used));

        int followed = p.openErrno(DIR, FOLLOW, "link", 0, Probe.READ_RIGHTS, 0);
        assertErrno(Errno.SUCCESS, followed, "opened through the link");
        assertErrno(Errno.LOOP, p.openErrno(DIR, 0, "link", 0, Probe.READ_RIGHTS, 0), "a final link not followed");
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, FOLLOW, "dir/up", 0, Probe.READ_RIGHTS, 0),
                "a link with .. that stays inside resolves");
    }

    @Test
    void openCreatesThroughADanglingLinkInsideTheSandbox() throws IOException {
        Files.createSymbolicLink(root.resolve("pointer"), Path.of("dir/target.txt"));
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, FOLLOW, "pointer", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0));
        assertTrue(Files.isRegularFile(root.resolve("dir/target.txt")), "created where the link points");
        assertErrno(Errno.EXIST, p.openErrno(DIR, FOLLOW, "pointer", OpenCalls.O_CREAT | OpenCalls.O_EXCL,
                Probe.WRITE_RIGHTS, 0), "O_EXCL: the link itself exists");
    }

    private int link(int fromDir, int flags, String from, int toDir, String to) {
        Probe.Str a = p.str(from);
        Probe.Str b = p.str(to);
        return p.call("path_link", fromDir, flags, a.pointer(), a.length(), toDir, b.pointer(), b.length());
    }

    @Test
    void hardLinks() throws IOException {
        assertErrno(Errno.SUCCESS, link(DIR, 0, "file.txt", DIR, "hard.txt"));
        assertTrue(Files.isSameFile(root.resolve("file.txt"), root.resolve("hard.txt")));
        assertEquals(2, p.stat(DIR, "file.txt", false).nlink());
        assertErrno(Errno.EXIST, link(DIR, 0, "file.txt", DIR, "hard.txt"));
        assertErrno(Errno.PERM, link(DIR, 0, "dir", DIR, "dirlink"), "no hard links to directories");
        assertErrno(Errno.NOENT, link(DIR, 0, "missing", DIR, "x"));
        Files.createSymbolicLink(root.resolve("soft"), Path.of("file.txt"));
        assertErrno(Errno.SUCCESS, link(DIR, FOLLOW, "soft", DIR, "hard2.txt"));
        assertTrue(Files.isSameFile(root.resolve("file.txt"), root.resolve("hard2.txt")), "linked to the target");
    }
}
