package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way out of a preopened directory is closed: {@code ..}, absolute paths, symbolic links
 * (relative, absolute, to directories, chained), through every call that takes a path. The
 * host directory next to the preopen holds a secret that must stay unread and untouched.
 */
class SandboxTest {
    private static final int DIR = 3;
    private static final int FOLLOW = PathCalls.SYMLINK_FOLLOW;

    @TempDir
    Path tmp;
    private Path root;
    private Path outside;
    private Probe p;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(root.resolve("file.txt"), "inside");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/file2.txt"), "inside too");
        Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("abs"), outside);
        Files.createSymbolicLink(root.resolve("abs-inside"), root.resolve("file.txt"));
        Files.createSymbolicLink(root.resolve("rel-out"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("deep-out"), Path.of("sub/../../outside"));
        Files.createSymbolicLink(root.resolve("dirlink"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("chain1"), Path.of("sub/chain2"));
        Files.createSymbolicLink(root.resolve("sub/chain2"), Path.of("../../outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("inside"), Path.of("sub/file2.txt"));
        Files.createSymbolicLink(root.resolve("sub/back"), Path.of("../file.txt"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        p = new Probe(Wasi.builder().preopen(root, "/sandbox"));
    }

    @AfterEach
    void outsideIsUntouched() throws IOException {
        p.close();
        try (Stream<Path> list = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret.txt")), list.toList(), "nothing created outside");
        }
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        try (Stream<Path> list = Files.list(tmp)) {
            assertEquals(2, list.count(), "nothing created next to the preopen");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/secret.txt", "../..", "../../../../../../etc/passwd",
        "sub/../../outside/secret.txt", "sub/../..", "./../outside", "sub/./../../root/file.txt",
        "/etc/passwd", "/sandbox/file.txt", "/", "up/outside/secret.txt", "abs/secret.txt", "abs-inside",
        "rel-out", "deep-out/secret.txt", "dirlink/secret.txt", "chain1", "sub/chain2", "dirlink/../root/file.txt"})
    void escapesThroughPathOpenAreNotCapable(String path) {
        assertErrno(Errno.NOTCAPABLE, p.openErrno(DIR, FOLLOW, path, 0, Probe.READ_RIGHTS, 0), path);
        assertErrno(Errno.NOTCAPABLE, p.openErrno(DIR, FOLLOW, path, OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0), path);
        Probe.Str s = p.str(path);
        assertErrno(Errno.NOTCAPABLE, p.call("path_filestat_get", DIR, FOLLOW, s.pointer(), s.length(),
                p.alloc(FileStat.SIZE)), path);
    }

    @Test
    void linksThatStayInsideWork() {
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, FOLLOW, "inside", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, FOLLOW, "sub/back", 0, Probe.READ_RIGHTS, 0));
        assertErrno(Errno.SUCCESS, p.openErrno(DIR, FOLLOW, "sub/../file.txt", 0, Probe.READ_RIGHTS, 0));
        assertEquals(FileType.REGULAR_FILE, p.stat(DIR, "inside", true).filetype());
    }

    @Test
    void linksPointingOutCanBeSeenButNotFollowed() {
        assertEquals(FileType.SYMBOLIC_LINK, p.stat(DIR, "rel-out", false).filetype(), "lstat of the link itself");
        assertErrno(Errno.LOOP, p.openErrno(DIR, 0, "rel-out", 0, Probe.READ_RIGHTS, 0), "O_NOFOLLOW-like");
        Probe.Str s = p.str("abs");
        int buf = p.alloc(256);
        int used = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call("path_readlink", DIR, s.pointer(), s.length(), buf, 256, used),
                "its text is just text");
        assertEquals(outside.toString(), p.string(buf, p.i32(used)));
        assertErrno(Errno.LOOP, p.openErrno(DIR, FOLLOW, "loop", 0, Probe.READ_RIGHTS, 0));
    }

    @Test
    void directoryChangingCallsCannotReachOutside() {
        for (String path : List.of("../made", "dirlink/made", "up/made", "abs/made", "/made")) {
            assertErrno(Errno.NOTCAPABLE, p.pathCall("path_create_directory", DIR, path), path);
        }
        for (String path : List.of("../outside/secret.txt", "dirlink/secret.txt", "abs/secret.txt",
                "up/outside/secret.txt", "/sandbox/file.txt")) {
            assertErrno(Errno.NOTCAPABLE, p.pathCall("path_unlink_file", DIR, path), path);
        }
        for (String path : List.of("../outside", "up/outside", "dirlink/..", "/sandbox")) {
            assertErrno(Errno.NOTCAPABLE, p.pathCall("path_remove_directory", DIR, path), path);
        }
    }

    private int rename(String from, String to) {
        Probe.Str a = p.str(from);
        Probe.Str b = p.str(to);
        return p.call("path_rename", DIR, a.pointer(), a.length(), DIR, b.pointer(), b.length());
    }

    private int link(int flags, String from, String to) {
        Probe.Str a = p.str(from);
        Probe.Str b = p.str(to);
        return p.call("path_link", DIR, flags, a.pointer(), a.length(), DIR, b.pointer(), b.length());
    }

    private int symlink(String target, String at) {
        Probe.Str t = p.str(target);
        Probe.Str l = p.str(at);
        return p.call("path_symlink", t.pointer(), t.length(), DIR, l.pointer(), l.length());
    }

    @Test
    void renameLinkAndSymlinkTargetsOutsideAreRefused() throws IOException {
        assertErrno(Errno.NOTCAPABLE, rename("file.txt", "../stolen.txt"));
        assertErrno(Errno.NOTCAPABLE, rename("file.txt", "dirlink/stolen.txt"));
        assertErrno(Errno.NOTCAPABLE, rename("../outside/secret.txt", "here.txt"));
        assertErrno(Errno.NOTCAPABLE, rename("dirlink/secret.txt", "here.txt"));
        assertErrno(Errno.NOTCAPABLE, rename("abs/secret.txt", "here.txt"));
        assertErrno(Errno.SUCCESS, rename("rel-out", "moved-link"), "moving the link itself is fine");
        assertTrue(Files.isSymbolicLink(root.resolve("moved-link")));

        assertErrno(Errno.NOTCAPABLE, link(0, "../outside/secret.txt", "hard"));
        assertErrno(Errno.NOTCAPABLE, link(FOLLOW, "moved-link", "hard"), "following a link out");
        assertErrno(Errno.NOTCAPABLE, link(FOLLOW, "dirlink/secret.txt", "hard"));
        assertErrno(Errno.NOTCAPABLE, link(0, "file.txt", "../hard"));
        assertErrno(Errno.NOTCAPABLE, link(0, "file.txt", "dirlink/hard"));

        assertErrno(Errno.NOTCAPABLE, symlink("../outside", "s1"));
        assertErrno(Errno.NOTCAPABLE, symlink("/etc/passwd", "s2"));
        assertErrno(Errno.NOTCAPABLE, symlink(outside.toString(), "s3"));
        assertErrno(Errno.NOTCAPABLE, symlink("sub/../..", "s4"));
        assertErrno(Errno.NOTCAPABLE, symlink("../../outside", "sub/s5"));
        assertErrno(Errno.NOTCAPABLE, symlink("file.txt", "../s6"), "the link itself outside");
        assertErrno(Errno.SUCCESS, symlink("../file.txt", "sub/s7"), "up one from sub is still inside");
        assertErrno(Errno.SUCCESS, symlink("sub/..", "s8"));
    }

    @Test
    void timesOutsideCannotBeSet() {
        for (String path : List.of("../outside/secret.txt", "rel-out", "dirlink/secret.txt")) {
            Probe.Str s = p.str(path);
            assertErrno(Errno.NOTCAPABLE, p.call("path_filestat_set_times", DIR, FOLLOW, s.pointer(), s.length(), 0L,
                    0L, FileTimes.MTIM_NOW), path);
        }
    }

    @Test
    void aDirectoryDescriptorIsItselfTheRoot() {
        int sub = p.open(DIR, "sub", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        assertErrno(Errno.NOTCAPABLE, p.openErrno(sub, 0, "../file.txt", 0, Probe.READ_RIGHTS, 0),
                ".. above a descriptor, even inside the preopen");
        assertErrno(Errno.NOTCAPABLE, p.openErrno(sub, FOLLOW, "back", 0, Probe.READ_RIGHTS, 0),
                "a link above the descriptor");
        assertErrno(Errno.SUCCESS, p.openErrno(sub, 0, "file2.txt", 0, Probe.READ_RIGHTS, 0));
    }

    @Test
    void aDirectoryDescriptorKeepsItsDirectoryWhenTheHostSwapsItForALink() throws IOException {
        int sub = p.open(DIR, "sub", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        // another process moves the open directory away and puts a link to the outside in its place
        Files.move(root.resolve("sub"), root.resolve("sub-moved"));
        Files.createSymbolicLink(root.resolve("sub"), outside);
        // the descriptor holds the directory itself, not its old name: it still reaches sub-moved
        assertErrno(Errno.NOENT, p.openErrno(sub, 0, "secret.txt", 0, Probe.READ_RIGHTS, 0));
        assertEquals("inside too", p.read(p.open(sub, "file2.txt", 0, Probe.READ_RIGHTS, 0), 100));
        assertErrno(Errno.NOENT, p.pathCall("path_unlink_file", sub, "secret.txt"));
        assertErrno(Errno.SUCCESS, p.pathCall("path_create_directory", sub, "made"));
        assertTrue(Files.isDirectory(root.resolve("sub-moved/made")), "made in the directory the descriptor holds");
        // and through the preopen, the new link is refused as any link leading out
        assertErrno(Errno.NOTCAPABLE, p.openErrno(DIR, FOLLOW, "sub/secret.txt", 0, Probe.READ_RIGHTS, 0));
    }

    @Test
    void nothingIsReachableWithoutAPreopen() {
        try (Probe bare = new Probe(Wasi.builder())) {
            assertErrno(Errno.BADF, bare.call("fd_prestat_get", 3, bare.alloc(8)));
            assertErrno(Errno.BADF, bare.openErrno(3, "anything", 0, Probe.READ_RIGHTS, 0));
            assertErrno(Errno.NOTDIR, bare.openErrno(0, "anything", 0, Probe.READ_RIGHTS, 0));
        }
    }
}
