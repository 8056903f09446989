package dev.weft.wasi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code filestat} as WASI defines it (64 bytes: dev, ino, filetype, nlink, size, atim, mtim,
 * ctim), read from the host file system. Where the JDK offers the {@code unix} attribute view
 * (Linux, macOS) device, inode, link count, change time and the exact file type come from it;
 * elsewhere those are 0 or approximated from the basic attributes.
 *
 * @param dev device id
 * @param ino inode number
 * @param filetype a {@link FileType}
 * @param nlink number of hard links
 * @param size size in bytes
 * @param atim last access, ns since the epoch
 * @param mtim last modification, ns since the epoch
 * @param ctim last status change, ns since the epoch
 */
record FileStat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {
    /** Size of the guest struct. */
    static final int SIZE = 64;

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final String UNIX_ATTRIBUTES = "unix:dev,ino,mode,nlink,size,lastAccessTime,lastModifiedTime,ctime";

    /** The stat of a stream that has no file behind it (stdio). */
    static FileStat ofStream(int filetype) {
        return new FileStat(0, 0, filetype, 1, 0, 0, 0, 0);
    }

    /**
     * @param path a host path
     * @param follow whether to follow a final symbolic link
     * @return its attributes
     * @throws IOException if it cannot be read (e.g. it does not exist)
     */
    static FileStat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (UNIX) {
            Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES, options);
            return new FileStat(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue(),
                    FileType.ofMode(((Number) a.get("mode")).intValue()), ((Number) a.get("nlink")).longValue(),
                    ((Number) a.get("size")).longValue(), nanos((FileTime) a.get("lastAccessTime")),
                    nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")));
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
        Object key = a.fileKey();
        return new FileStat(0, key == null ? 0 : Integer.toUnsignedLong(key.hashCode()), FileType.of(a), 1, a.size(),
                nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()), nanos(a.lastModifiedTime()));
    }

    /** Nanoseconds since the epoch; times before 1970 (which the u64 cannot hold) become 0. */
    private static long nanos(FileTime t) {
        return t == null ? 0 : Math.max(0, t.to(TimeUnit.NANOSECONDS));
    }

    /** Writes the 64-byte {@code filestat} struct at {@code pointer} (checked first). */
    void write(GuestMemory memory, int pointer) {
        memory.check(pointer, SIZE);
        memory.zero(pointer, SIZE);
        memory.setI64(pointer, dev);
        memory.setI64(pointer + 8, ino);
        memory.setU8(pointer + 16, filetype);
        memory.setI64(pointer + 24, nlink);
        memory.setI64(pointer + 32, size);
        memory.setI64(pointer + 40, atim);
        memory.setI64(pointer + 48, mtim);
        memory.setI64(pointer + 56, ctim);
    }
}
