package dev.weft.wasi;

import static dev.weft.wasi.Probe.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Engine;
import dev.weft.Instance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guest pointers and lengths outside memory are {@code EFAULT}, whatever the call. */
class FaultTest {
    @Test
    void everyPointerParameterIsBoundsChecked(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("f"), "data");
        Files.createSymbolicLink(root.resolve("l"), Path.of("f"));
        try (Probe p = new Probe(Wasi.builder().preopen(root, "/r"))) {
            int end = p.memorySize();
            int far = -16; // 0xFFFFFFF0: far past any memory
            Probe.Str f = p.str("f");
            Probe.Str l = p.str("l");
            Probe.Str n = p.str("new");
            int fd = p.open(3, "f", 0, Probe.READ_RIGHTS | Probe.WRITE_RIGHTS, 0);
            int ok = p.alloc(64);
            Map<String, IntSupplier> calls = new LinkedHashMap<>();
            calls.put("environ_sizes_get", () -> p.call("environ_sizes_get", far, ok));
            calls.put("fd_fdstat_get", () -> p.call("fd_fdstat_get", fd, end - 23));
            calls.put("fd_filestat_get", () -> p.call("fd_filestat_get", fd, far));
            calls.put("fd_prestat_dir_name", () -> p.call("fd_prestat_dir_name", 3, end - 1, 2));
            calls.put("fd_tell", () -> p.call("fd_tell", fd, end - 4));
            calls.put("fd_pread", () -> p.call("fd_pread", fd, p.iovecs(end - 1, 2), 1, 0L, ok));
            calls.put("fd_pwrite", () -> p.call("fd_pwrite", fd, p.iovecs(ok, 1), 1, 0L, far));
            calls.put("fd_read", () -> p.call("fd_read", fd, p.iovecs(far, 1), 1, ok));
            calls.put("path_open path", () -> p.call("path_open", 3, 0, far, 1, 0, Probe.READ_RIGHTS, 0L, 0, ok));
            calls.put("path_create_directory", () -> p.call("path_create_directory", 3, end - 2, 3));
            calls.put("path_remove_directory", () -> p.call("path_remove_directory", 3, far, 4));
            calls.put("path_unlink_file", () -> p.call("path_unlink_file", 3, f.pointer(), -1));
            calls.put("path_filestat_get", () -> p.call("path_filestat_get", 3, 0, f.pointer(), f.length(), end - 8));
            calls.put("path_filestat_set_times", () -> p.call("path_filestat_set_times", 3, 0, far, 1, 0L, 0L, 0));
            calls.put("path_readlink buffer", () -> p.call("path_readlink", 3, l.pointer(), l.length(), end - 1, 8, ok));
            calls.put("path_readlink used", () -> p.call("path_readlink", 3, l.pointer(), l.length(), ok, 8, far));
            calls.put("path_rename", () -> p.call("path_rename", 3, f.pointer(), f.length(), 3, far, 3));
            calls.put("path_link", () -> p.call("path_link", 3, 0, far, 1, 3, n.pointer(), n.length()));
            calls.put("path_symlink", () -> p.call("path_symlink", far, 2, 3, n.pointer(), n.length()));
            calls.put("fd_readdir", () -> p.call("fd_readdir", 3, far, 64, 0L, ok));
            calls.put("random_get", () -> p.call("random_get", end, 1));
            for (Map.Entry<String, IntSupplier> c : calls.entrySet()) {
                assertErrno(Errno.FAULT, c.getValue().getAsInt(), c.getKey());
            }
            assertEquals("data", Files.readString(root.resolve("f")), "nothing was written");
            try (Stream<Path> entries = Files.list(root)) {
                assertEquals(2, entries.count(), "nothing was created");
            }
        }
    }

    @Test
    void memoryThatGrewIsUsableAtOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Probe p = new Probe(Wasi.builder().stdout(out))) {
            int end = p.memorySize();
            int n = p.alloc(4);
            assertErrno(Errno.FAULT, p.call("fd_write", 1, n, 1, end));
            assertEquals(1, p.instance.memory("memory").grow(1), "grown from 1 page");
            p.setI32(end, 'z');
            int iov = p.iovecs(end, 1);
            assertErrno(Errno.SUCCESS, p.call("fd_write", 1, iov, 1, end + 4), "the new page is in bounds");
            assertEquals("z", out.toString());
        }
    }

    @Test
    void aGuestWithoutMemoryGetsEfaultForPointersButOtherCallsWork() {
        try (Wasi wasi = Wasi.builder().build()) {
            Instance guest = Engine.create().instantiate(Probe.module("nomemory.wasm"), wasi.imports());
            assertEquals(Errno.FAULT, guest.function("fd_write").call(1, 0, 0, 0)[0]);
            assertEquals(Errno.SUCCESS, guest.function("sched_yield").call()[0]);
        }
    }
}
