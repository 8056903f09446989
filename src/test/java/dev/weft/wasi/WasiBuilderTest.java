package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's checks, and the independence of contexts built from it. */
class WasiBuilderTest {
    @Test
    void preopensMustBeExistingDirectoriesWithAName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(file, "/f"));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(dir.resolve("missing"), "/m"));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(dir, ""));
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopen(dir, "a\0b"));
        assertThrows(NullPointerException.class, () -> Wasi.builder().preopen(null, "/n"));
        assertThrows(NullPointerException.class, () -> Wasi.builder().stdout(null));
    }

    @Test
    void aPreopenGivenThroughALinkIsItsRealDirectory(@TempDir Path tmp) throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Files.writeString(real.resolve("f"), "via link");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        try (Probe p = new Probe(Wasi.builder().preopen(link, "/d"))) {
            int fd = p.open(3, "f", 0, Probe.READ_RIGHTS, 0);
            assertEquals("via link", p.read(fd, 100));
        }
    }

    @Test
    void eachBuildIsASeparateContext(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wasi.Builder builder = Wasi.builder().stdout(out).preopen(dir, "/d");
        try (Probe a = new Probe(builder); Probe b = new Probe(builder)) {
            assertErrno(Errno.SUCCESS, a.close(1));
            b.write(1, "b still has stdout");
            assertErrno(Errno.SUCCESS, a.openErrno(3, "x", OpenCalls.O_CREAT, Probe.WRITE_RIGHTS, 0));
            assertTrue(Files.exists(dir.resolve("x")));
        }
        assertEquals("b still has stdout", out.toString());
    }

    @Test
    void importsCombineWithOtherImports() {
        try (Wasi wasi = Wasi.builder().build()) {
            Imports all = Imports.builder().addAll(wasi.imports()).build();
            assertTrue(all.lookup("wasi_snapshot_preview1", "fd_write") != null);
            assertTrue(wasi.imports() == wasi.imports(), "the same imports each time");
        }
    }
}
