package dev.weft.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fd_readdir}: a directory's entries as {@code dirent}s (24-byte header: {@code d_next}
 * u64, {@code d_ino} u64, {@code d_namlen} u32, {@code d_type} u8; then the name, not
 * NUL-terminated).
 *
 * <p>Cookie 0 takes a listing of the directory ({@code .}, {@code ..}, then the entries sorted
 * by name, so the order is the same on every host) and keeps it in the descriptor; cookie
 * <i>n</i> continues at entry <i>n</i> of that listing and each entry's {@code d_next} is
 * <i>n</i>+1. So cookies stay valid while the directory changes, and changes show after a
 * rewind (cookie 0). As the ABI asks, the buffer is filled completely when more entries remain,
 * the last one cut short; fewer bytes than the buffer's size means the end of the directory.
 */
final class DirectoryCalls {
    /** Size of a {@code dirent} header. */
    static final int DIRENT_SIZE = 24;

    private final FdTable fds;

    DirectoryCalls(FdTable fds) {
        this.fds = fds;
    }

    int readdir(GuestMemory m, int fd, int buffer, int bufferLength, long cookie, int usedPointer)
            throws IOException {
        OpenDirectory dir = fds.directory(fd);
        dir.require(Rights.FD_READDIR);
        m.check(buffer, Integer.toUnsignedLong(bufferLength));
        m.check(usedPointer, 4);
        if (cookie == 0 || dir.listing == null) {
            dir.listing = list(dir);
        }
        long capacity = Integer.toUnsignedLong(bufferLength);
        long used = 0;
        // a cookie is unsigned: from 2^63 on it is past any listing
        for (long i = cookie; i >= 0 && i < dir.listing.size() && used < capacity; i++) {
            byte[] entry = encode(dir.listing.get((int) i), i + 1);
            int n = (int) Math.min(entry.length, capacity - used);
            m.writeAt(Integer.toUnsignedLong(buffer) + used, entry, 0, n);
            used += n;
        }
        m.setI32(usedPointer, (int) used);
        return Errno.SUCCESS;
    }

    private static byte[] encode(OpenDirectory.DirectoryEntry e, long next) {
        byte[] b = new byte[DIRENT_SIZE + e.name().length];
        putLong(b, 0, next);
        putLong(b, 8, e.inode());
        putLong(b, 16, e.name().length); // d_namlen u32, then d_type and padding, zeroed below
        b[20] = (byte) e.filetype();
        b[21] = 0;
        b[22] = 0;
        b[23] = 0;
        System.arraycopy(e.name(), 0, b, DIRENT_SIZE, e.name().length);
        return b;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static List<OpenDirectory.DirectoryEntry> list(OpenDirectory dir) throws IOException {
        List<String> names = new ArrayList<>();
        // opening the handle's /proc/self/fd link opens exactly the directory the descriptor holds
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.handle.path())) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        List<OpenDirectory.DirectoryEntry> entries = new ArrayList<>(names.size() + 2);
        FileStat self = FileStat.of(dir.handle.path(), true);
        entries.add(entry(".", self.ino(), FileType.DIRECTORY));
        // every directory descriptor is the root of what it grants ("x/.." is refused through it), so its ".."
        // is itself, as "/.." is "/": nothing is read above it
        entries.add(entry("..", self.ino(), FileType.DIRECTORY));
        for (String name : names) {
            try {
                FileStat s = FileStat.of(dir.handle.entry(name), false);
                entries.add(entry(name, s.ino(), s.filetype()));
            } catch (NoSuchFileException removedMeanwhile) {
                // listed but gone: leave it out
            }
        }
        return entries;
    }

    private static OpenDirectory.DirectoryEntry entry(String name, long inode, int filetype) {
        return new OpenDirectory.DirectoryEntry(name.getBytes(StandardCharsets.UTF_8), inode == 0 ? 1 : inode,
                filetype);
    }
}
