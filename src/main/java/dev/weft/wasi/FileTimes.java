package dev.weft.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** {@code fstflags} and setting access and modification times, for the two {@code *_set_times} calls. */
final class FileTimes {
    static final int ATIM = 1 << 0;
    static final int ATIM_NOW = 1 << 1;
    static final int MTIM = 1 << 2;
    static final int MTIM_NOW = 1 << 3;

    private FileTimes() {
    }

    /**
     * @param path the host file
     * @param follow whether a final symbolic link is followed (only for a handle's own path,
     *     {@code /proc/self/fd/N}, which must be followed to reach the file; an entry's final link
     *     has been resolved by the caller, if the call follows links)
     * @param atim access time in ns, used with {@link #ATIM}
     * @param mtim modification time in ns, used with {@link #MTIM}
     * @param flags which times to set, and whether to "now"
     * @throws WasiError INVAL for a time given both explicitly and as "now", unknown flags, or a
     *     timestamp beyond 2262 (which a signed 64-bit ns count cannot hold)
     */
    static void set(Path path, boolean follow, long atim, long mtim, int flags) throws IOException {
        if ((flags & ~(ATIM | ATIM_NOW | MTIM | MTIM_NOW)) != 0
                || (flags & (ATIM | ATIM_NOW)) == (ATIM | ATIM_NOW)
                || (flags & (MTIM | MTIM_NOW)) == (MTIM | MTIM_NOW)) {
            throw new WasiError(Errno.INVAL);
        }
        FileTime now = FileTime.from(Instant.now());
        FileTime access = (flags & ATIM_NOW) != 0 ? now : (flags & ATIM) != 0 ? time(atim) : null;
        FileTime modified = (flags & MTIM_NOW) != 0 ? now : (flags & MTIM) != 0 ? time(mtim) : null;
        if (access == null && modified == null) {
            return;
        }
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(modified, access, null);
    }

    private static FileTime time(long nanos) {
        if (nanos < 0) {
            throw new WasiError(Errno.INVAL);
        }
        return FileTime.from(nanos, TimeUnit.NANOSECONDS);
    }
}
