package dev.weft.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox holds while the host file system changes under the guest: a guest opens, reads,
 * stats, lists and writes beneath {@code box/sub} tens of thousands of times, through the real
 * guest path (the probe module's exports calling the WASI host functions), while a Java thread
 * keeps swapping {@code box/sub} between a real directory and a symbolic link to a directory
 * outside the preopen whose files have distinctive content. Not one byte, name or inode from
 * outside may reach the guest, and nothing outside may be created or changed.
 *
 * <p>Each run is bounded by {@link #ITERATIONS} guest iterations and {@link #MAX_MILLIS}; the
 * numbers (opens, swaps, time) are printed.
 */
class SandboxRaceTest {
    private static final int DIR = 3;
    /** Guest iterations per test (each performs one or more path calls). */
    private static final int ITERATIONS = 25_000;
    /** Upper bound on a test's duration, whatever the machine's speed. */
    private static final long MAX_MILLIS = 4_000;
    private static final String SECRET = "OUTSIDE-SECRET-4f1d9c";
    /**
     * How long the swapper leaves {@code box/sub} a link, and the real directory (at least: a park
     * takes longer on most systems). Calls fail fast on the link, so it needs less time to be met
     * as often; the real directory lasts longer so that calls also succeed.
     */
    private static final long LINK_NANOS = 20_000;
    private static final long DIRECTORY_NANOS = 100_000;

    @TempDir
    Path tmp;
    private Path box;
    private Path sub;
    private Path outside;
    private long outsideSecretInode;
    private Map<String, String> outsideBefore;
    private Probe p;
    private Swapper swapper;

    @BeforeEach
    void setUp() throws IOException {
        box = Files.createDirectories(tmp.resolve("box"));
        sub = Files.createDirectories(box.resolve("sub"));
        Files.writeString(sub.resolve("secret.txt"), "inside");
        Files.createDirectories(sub.resolve("dir"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("outside-only.txt"), SECRET);
        Files.createDirectories(outside.resolve("dir"));
        Files.setLastModifiedTime(outside.resolve("secret.txt"), FileTime.fromMillis(1_000_000));
        outsideSecretInode = ((Number) Files.getAttribute(outside.resolve("secret.txt"), "unix:ino")).longValue();
        outsideBefore = snapshot(outside);
        p = new Probe(Wasi.builder().preopen(box, "/data"));
        swapper = new Swapper();
        swapper.start();
    }

    @AfterEach
    void outsideIsUntouched() throws Exception {
        swapper.finish();
        p.close();
        assertEquals(outsideBefore, snapshot(outside), "the directory outside the preopen changed");
    }

    @Test
    void readsStatsAndListingsNeverSeeOutside() {
        Probe.Str[] paths = {p.str("sub/secret.txt"), p.str("sub/./secret.txt"), p.str("sub/../sub/secret.txt"),
            p.str("sub/dir/../secret.txt")};
        Probe.Str subDir = p.str("sub");
        int fdOut = p.alloc(4);
        int buffer = p.alloc(256);
        int iov = p.iovecs(buffer, 256);
        int count = p.alloc(4);
        int stat = p.alloc(FileStat.SIZE);
        long opens = 0;
        long reads = 0;
        long start = System.nanoTime();
        int i = 0;
        for (; i < ITERATIONS && elapsedMillis(start) < MAX_MILLIS; i++) {
            Probe.Str path = paths[i % paths.length];
            int lookup = (i / paths.length) % 2 == 0 ? 0 : PathCalls.SYMLINK_FOLLOW;
            opens++;
            if (p.call("path_open", DIR, lookup, path.pointer(), path.length(), 0, Probe.READ_RIGHTS, 0L, 0, fdOut)
                    == Errno.SUCCESS) {
                int fd = p.i32(fdOut);
                assertEquals(Errno.SUCCESS, p.call("fd_read", fd, iov, 1, count));
                String read = p.string(buffer, p.i32(count));
                assertEquals("inside", read, "read through the preopen, iteration " + i);
                reads++;
                p.call("fd_close", fd);
            }
            if (p.call("path_filestat_get", DIR, lookup, path.pointer(), path.length(), stat) == Errno.SUCCESS) {
                assertTrue(p.i64(stat + 8) != outsideSecretInode, "stat of the file outside, iteration " + i);
            }
            if (i % 8 == 0) {
                opens++;
                if (p.call("path_open", DIR, 0, subDir.pointer(), subDir.length(), OpenCalls.O_DIRECTORY,
                        Probe.READ_RIGHTS, 0L, 0, fdOut) == Errno.SUCCESS) {
                    int fd = p.i32(fdOut);
                    if (p.call("fd_readdir", fd, buffer, 256, 0L, count) == Errno.SUCCESS) {
                        String names = new String(p.bytes(buffer, p.i32(count)), StandardCharsets.ISO_8859_1);
                        assertTrue(!names.contains("outside-only"), "listed the directory outside, iteration " + i);
                    }
                    p.call("fd_close", fd);
                }
            }
        }
        report("read", i, opens, reads, start);
        assertTrue(reads > 0, "no open succeeded: the test proved nothing");
    }

    @Test
    void writesNeverReachOutside() {
        Probe.Str secret = p.str("sub/secret.txt");
        Probe.Str created = p.str("sub/created.txt");
        Probe.Str newDir = p.str("sub/new-dir");
        Probe.Str link = p.str("sub/new-link");
        Probe.Str linkTarget = p.str("secret.txt");
        Probe.Str renamed = p.str("sub/renamed.txt");
        Probe.Str hardLink = p.str("sub/hard-link");
        Probe.Str dir = p.str("sub/dir");
        int fdOut = p.alloc(4);
        int data = p.put("written".getBytes(StandardCharsets.UTF_8));
        int iov = p.iovecs(data, 7);
        int count = p.alloc(4);
        long writeRights = Probe.WRITE_RIGHTS;
        long opens = 0;
        long writes = 0;
        long start = System.nanoTime();
        int i = 0;
        for (; i < ITERATIONS && elapsedMillis(start) < MAX_MILLIS; i++) {
            Probe.Str target = i % 2 == 0 ? secret : created;
            int oflags = OpenCalls.O_CREAT | OpenCalls.O_TRUNC;
            opens++;
            if (p.call("path_open", DIR, PathCalls.SYMLINK_FOLLOW, target.pointer(), target.length(), oflags,
                    writeRights, 0L, 0, fdOut) == Errno.SUCCESS) {
                int fd = p.i32(fdOut);
                if (p.call("fd_write", fd, iov, 1, count) == Errno.SUCCESS) {
                    writes++;
                }
                p.call("fd_close", fd);
            }
            switch (i % 6) {
                case 0 -> {
                    p.call("path_create_directory", DIR, newDir.pointer(), newDir.length());
                    p.call("path_remove_directory", DIR, newDir.pointer(), newDir.length());
                }
                case 1 -> {
                    p.call("path_symlink", linkTarget.pointer(), linkTarget.length(), DIR, link.pointer(),
                            link.length());
                    p.call("path_unlink_file", DIR, link.pointer(), link.length());
                }
                case 2 -> {
                    p.call("path_rename", DIR, created.pointer(), created.length(), DIR, renamed.pointer(),
                            renamed.length());
                    p.call("path_rename", DIR, renamed.pointer(), renamed.length(), DIR, created.pointer(),
                            created.length());
                }
                case 3 -> {
                    p.call("path_link", DIR, 0, created.pointer(), created.length(), DIR, hardLink.pointer(),
                            hardLink.length());
                    p.call("path_unlink_file", DIR, hardLink.pointer(), hardLink.length());
                }
                case 4 -> p.call("path_filestat_set_times", DIR, 0, secret.pointer(), secret.length(), 0L, 0L,
                        FileTimes.MTIM_NOW);
                default -> p.call("path_remove_directory", DIR, dir.pointer(), dir.length());
            }
        }
        report("write", i, opens, writes, start);
        assertTrue(writes > 0, "no write succeeded: the test proved nothing");
    }

    private void report(String what, int iterations, long opens, long done, long start) {
        System.out.printf("SandboxRaceTest %s: %d iterations, %d path_open calls (%d succeeded and %s), "
                + "%d swaps of box/sub, %d ms%n", what, iterations, opens, done,
                what.equals("read") ? "read only inside" : "wrote only inside", swapper.swaps.get(),
                elapsedMillis(start));
        assertTrue(swapper.swaps.get() > 0, "the directory was never swapped: the test proved nothing");
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Names, contents (files) and modification times of everything beneath {@code dir}, links not followed. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                String content = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Files.readString(f) : "(dir)";
                all.put(dir.relativize(f).toString(), content + " @" + Files.getLastModifiedTime(f,
                        LinkOption.NOFOLLOW_LINKS));
            }
        }
        return all;
    }

    /** Swaps {@code box/sub} between the real directory and a link to the directory outside, until told to stop. */
    private final class Swapper extends Thread {
        final AtomicLong swaps = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Throwable> failures = new ArrayList<>();

        Swapper() {
            super("sandbox swapper");
            setDaemon(true);
        }

        @Override
        public void run() {
            Path aside = box.resolve("sub.real");
            try {
                while (!stop.get()) {
                    Files.move(sub, aside);
                    Files.createSymbolicLink(sub, outside);
                    LockSupport.parkNanos(LINK_NANOS);
                    Files.delete(sub);
                    Files.move(aside, sub);
                    swaps.incrementAndGet();
                    LockSupport.parkNanos(DIRECTORY_NANOS);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }

        void finish() throws Exception {
            stop.set(true);
            join(10_000);
            if (!failures.isEmpty()) {
                throw new AssertionError("the swapper failed", failures.get(0));
            }
        }
    }
}
