package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fd_readdir}: the dirent layout, cookies, and buffers too small for everything. */
class ReaddirTest {
    private static final int DIR = 3;

    @TempDir
    Path root;
    private Probe p;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(root.resolve("b.txt"), "b");
        Files.writeString(root.resolve("a.txt"), "a");
        Files.createDirectory(root.resolve("c-dir"));
        Files.createSymbolicLink(root.resolve("d-link"), Path.of("a.txt"));
        p = new Probe(Wasi.builder().preopen(root, "."));
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    private record Dirent(long next, long ino, String name, int type) {
    }

    /** Parses complete dirents from a buffer; stops at a cut-off one. */
    private List<Dirent> parse(int buf, int used) {
        List<Dirent> out = new ArrayList<>();
        int at = 0;
        while (at + DirectoryCalls.DIRENT_SIZE <= used) {
            int namlen = p.i32(buf + at + 16);
            if (at + DirectoryCalls.DIRENT_SIZE + namlen > used) {
                break;
            }
            assertEquals(0, p.u8(buf + at + 21) | p.u8(buf + at + 22) | p.u8(buf + at + 23), "padding is zero");
            out.add(new Dirent(p.i64(buf + at), p.i64(buf + at + 8),
                    p.string(buf + at + DirectoryCalls.DIRENT_SIZE, namlen), p.u8(buf + at + 20)));
            at += DirectoryCalls.DIRENT_SIZE + namlen;
        }
        return out;
    }

    private int readdir(int fd, int buf, int size, long cookie) {
        int used = p.alloc(4);
        assertErrno(Errno.SUCCESS, p.call("fd_readdir", fd, buf, size, cookie, used));
        return p.i32(used);
    }

    @Test
    void oneBigBufferHoldsTheWholeSortedListing() throws IOException {
        int buf = p.alloc(4096);
        int used = readdir(DIR, buf, 4096, 0);
        assertTrue(used < 4096, "less than the buffer: the end of the directory");
        List<Dirent> entries = parse(buf, used);
        assertEquals(List.of(".", "..", "a.txt", "b.txt", "c-dir", "d-link"), entries.stream().map(Dirent::name).toList());
        assertEquals(List.of(FileType.DIRECTORY, FileType.DIRECTORY, FileType.REGULAR_FILE, FileType.REGULAR_FILE,
                FileType.DIRECTORY, FileType.SYMBOLIC_LINK), entries.stream().map(Dirent::type).toList());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).next(), "d_next is the next entry's cookie");
            assertTrue(entries.get(i).ino() != 0, "inodes are never 0");
        }
        assertEquals(p.stat(DIR, "a.txt", false).ino(), entries.get(2).ino());
        assertEquals(entries.get(0).ino(), entries.get(1).ino(), "at the root, .. is the root");
        int total = 0;
        for (Dirent d : entries) {
            total += DirectoryCalls.DIRENT_SIZE + d.name().getBytes(StandardCharsets.UTF_8).length;
        }
        assertEquals(total, used);
    }

    @Test
    void smallBuffersAreFilledCompletelyAndCookiesResume() {
        // read the way wasi-libc does: parse what fits, resume at the last complete entry's d_next
        List<String> names = new ArrayList<>();
        long cookie = 0;
        int size = 40; // one header and a short name fit, never two entries
        int buf = p.alloc(size);
        for (int calls = 0; calls < 50; calls++) {
            int used = readdir(DIR, buf, size, cookie);
            List<Dirent> got = parse(buf, used);
            for (Dirent d : got) {
                names.add(d.name());
                cookie = d.next();
            }
            if (used < size) {
                break;
            }
            assertEquals(size, used, "a full buffer means more entries follow");
        }
        assertEquals(List.of(".", "..", "a.txt", "b.txt", "c-dir", "d-link"), names);
    }

    @Test
    void aBufferSmallerThanAHeaderGetsThePartialBytes() {
        int buf = p.alloc(10);
        assertEquals(10, readdir(DIR, buf, 10, 0));
        assertEquals(1, p.i64(buf), "the first 8 bytes are d_next of '.'");
    }

    @Test
    void theListingIsKeptUntilRewound() throws IOException {
        int buf = p.alloc(4096);
        readdir(DIR, buf, 4096, 0);
        Files.writeString(root.resolve("0-new"), "new");
        List<Dirent> rest = parse(buf, readdir(DIR, buf, 4096, 2));
        assertEquals(List.of("a.txt", "b.txt", "c-dir", "d-link"), rest.stream().map(Dirent::name).toList(),
                "cookies keep pointing into the listing they came from");
        List<Dirent> fresh = parse(buf, readdir(DIR, buf, 4096, 0));
        assertEquals("0-new", fresh.get(2).name(), "cookie 0 lists again");
        assertEquals(0, readdir(DIR, buf, 4096, 7), "past the end");
        assertEquals(0, readdir(DIR, buf, 4096, Long.MIN_VALUE), "a cookie of 2^63 is past any end");
    }

    @Test
    void subdirectoriesListTheirOwnEntries() {
        int sub = p.open(DIR, "c-dir", OpenCalls.O_DIRECTORY, Probe.DIRECTORY_RIGHTS, 0);
        int buf = p.alloc(256);
        assertEquals(List.of(".", ".."), parse(buf, readdir(sub, buf, 256, 0)).stream().map(Dirent::name).toList());
    }

    @Test
    void errors() {
        int buf = p.alloc(64);
        int used = p.alloc(4);
        int file = p.open(DIR, "a.txt", 0, Probe.READ_RIGHTS, 0);
        assertErrno(Errno.NOTDIR, p.call("fd_readdir", file, buf, 64, 0L, used));
        assertErrno(Errno.NOTDIR, p.call("fd_readdir", 1, buf, 64, 0L, used));
        assertErrno(Errno.BADF, p.call("fd_readdir", 42, buf, 64, 0L, used));
        assertErrno(Errno.FAULT, p.call("fd_readdir", DIR, p.memorySize() - 10, 64, 0L, used));
        assertErrno(Errno.FAULT, p.call("fd_readdir", DIR, buf, 64, 0L, p.memorySize() - 1));
        int limited = p.open(DIR, ".", OpenCalls.O_DIRECTORY, Rights.PATH_OPEN, 0);
        assertErrno(Errno.NOTCAPABLE, p.call("fd_readdir", limited, buf, 64, 0L, used));
    }
}
