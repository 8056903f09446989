package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host descriptors the sandbox holds: a resolution never keeps more than
 * {@link PathResolver#MAX_DEPTH} directories open, and every call gives back all it opened; only
 * the guest's own descriptors hold host descriptors, until they or the context are closed.
 */
class HostHandleTest {
    private static final int DIR = 3;

    @TempDir
    Path tmp;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
    }

    /** @return how many of this process's descriptors lead beneath the test's directory */
    private long openBeneathTmp() throws IOException {
        Path real = tmp.toRealPath();
        long n = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).startsWith(real)) {
                        n++;
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor of another thread, gone already
                }
            }
        }
        return n;
    }

    @Test
    void callsGiveBackEveryDescriptorTheyOpen() throws IOException {
        Path deep = Files.createDirectories(root.resolve("a/b/c/d"));
        Files.writeString(deep.resolve("f.txt"), "deep");
        Files.createSymbolicLink(root.resolve("up"), Path.of("a/b/../b/c"));
        Files.createSymbolicLink(root.resolve("a/out"), Path.of("../../.."));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop/x"));
        try (Probe p = new Probe(Wasi.builder().preopen(root, "/r"))) {
            long preopenOnly = openBeneathTmp();
            assertEquals(1, preopenOnly, "the preopen holds one descriptor");
            for (int i = 0; i < 200; i++) {
                int fd = p.open(DIR, "a/b/../b/c/./d/f.txt", 0, Probe.READ_RIGHTS, 0);
                assertEquals("deep", p.read(fd, 10));
                assertErrno(Errno.SUCCESS, p.call("fd_close", fd));
                assertErrno(Errno.NOTCAPABLE, p.openErrno(DIR, 0, "a/out/x", 0, Probe.READ_RIGHTS, 0));
                assertErrno(Errno.LOOP, p.openErrno(DIR, 0, "loop/y", 0, Probe.READ_RIGHTS, 0));
                assertErrno(Errno.NOENT, p.openErrno(DIR, 0, "a/b/missing/f", 0, Probe.READ_RIGHTS, 0));
                assertErrno(Errno.NOTDIR, p.openErrno(DIR, 0, "a/b/c/d/f.txt/x", 0, Probe.READ_RIGHTS, 0));
                assertErrno(Errno.SUCCESS, p.pathCall("path_create_directory", DIR, "up/d/new"));
                assertErrno(Errno.SUCCESS, p.pathCall("path_remove_directory", DIR, "up/d/new"));
            }
            assertEquals(preopenOnly, openBeneathTmp(), "descriptors left open by the calls");
            int dir = p.open(DIR, "a/b", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
            int file = p.open(dir, "c/d/f.txt", 0, Probe.READ_RIGHTS, 0);
            assertEquals(preopenOnly + 3, openBeneathTmp(), "a directory holds one, a file two (channel and handle)");
            assertErrno(Errno.SUCCESS, p.call("fd_close", file));
            assertErrno(Errno.SUCCESS, p.call("fd_close", dir));
            assertEquals(preopenOnly, openBeneathTmp());
        }
        assertEquals(0, openBeneathTmp(), "closing the context closes the preopen");
    }

    @Test
    void aResolutionHoldsAtMostMaxDepthDirectories() throws IOException {
        String deepest = "d/".repeat(PathResolver.MAX_DEPTH);
        Files.createDirectories(root.resolve(deepest + "d"));
        Files.writeString(root.resolve(deepest + "f.txt"), "at the limit");
        Files.writeString(root.resolve(deepest + "d/f.txt"), "beyond");
        try (Probe p = new Probe(Wasi.builder().preopen(root, "/r"))) {
            assertEquals("at the limit", p.read(p.open(DIR, deepest + "f.txt", 0, Probe.READ_RIGHTS, 0), 20),
                    PathResolver.MAX_DEPTH + " directories deep");
            assertErrno(Errno.NAMETOOLONG, p.openErrno(DIR, deepest + "d/f.txt", 0, Probe.READ_RIGHTS, 0),
                    "one deeper");
            assertErrno(Errno.SUCCESS, p.openErrno(DIR, "d/".repeat(300).replace("d/d/", "d/../d/") + "..",
                    0, Probe.READ_RIGHTS, 0), "going up frees what going down took");
        }
    }
}
