package dev.weft.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code path_*} calls. Every path goes through {@link PathResolver} relative to its
 * directory descriptor; the operation then acts on the resolved host path, never following a
 * final symbolic link on its own (the resolver has already followed it when the call asks to).
 */
final class PathCalls {
    /** {@code lookupflags}: follow a final symbolic link. */
    static final int SYMLINK_FOLLOW = 1;

    static final int O_CREAT = 1 << 0;
    static final int O_DIRECTORY = 1 << 1;
    static final int O_EXCL = 1 << 2;
    static final int O_TRUNC = 1 << 3;

    private final FdTable fds;

    PathCalls(FdTable fds) {
        this.fds = fds;
    }

    /** Reads a guest path, limited to {@value PathResolver#MAX_PATH_BYTES} bytes. */
    private static String path(GuestMemory m, int pointer, int length) {
        m.check(pointer, Integer.toUnsignedLong(length));
        if (Integer.compareUnsigned(length, PathResolver.MAX_PATH_BYTES) > 0) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        return m.string(pointer, length);
    }

    /** @return attributes of the host path itself (not following a link), or null if nothing is there */
    private static BasicFileAttributes lstat(Path host) throws IOException {
        try {
            return Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    int open(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, int oflags,
            long rightsBase, long rightsInheriting, int fdflags, int fdPointer) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_OPEN);
        String path = path(m, pathPointer, pathLength);
        m.check(fdPointer, 4);
        if ((oflags & ~(O_CREAT | O_DIRECTORY | O_EXCL | O_TRUNC)) != 0 || (fdflags & ~FdFlags.ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        boolean create = (oflags & O_CREAT) != 0;
        boolean exclusive = create && (oflags & O_EXCL) != 0;
        boolean directory = (oflags & O_DIRECTORY) != 0;
        boolean truncate = (oflags & O_TRUNC) != 0;
        if (directory && (create || truncate)) {
            throw new WasiError(Errno.INVAL);
        }
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        // O_EXCL never follows a final link: the link itself makes the name exist
        boolean follow = (lookupFlags & SYMLINK_FOLLOW) != 0 && !exclusive;
        PathResolver.Resolved resolved = PathResolver.resolve(dir, path, follow);
        Path host = resolved.host();
        BasicFileAttributes attributes = lstat(host);
        if (attributes != null && exclusive) {
            throw new WasiError(Errno.EXIST);
        }
        if (attributes != null && attributes.isSymbolicLink()) {
            throw new WasiError(Errno.LOOP); // a final link the call did not ask to follow, as O_NOFOLLOW
        }
        // rights only shrink: what the directory passes on, and what makes sense for the file type
        long base = rightsBase & dir.rightsInheriting;
        long inheriting = rightsInheriting & dir.rightsInheriting;
        Descriptor opened;
        if (attributes != null && attributes.isDirectory()) {
            // asking to write a directory is EISDIR, as open(2) says; with O_DIRECTORY the guest
            // clearly wants the directory, and rights it cannot have are simply not granted
            if (truncate || (!directory && (base & Rights.FD_WRITE) != 0)) {
                throw new WasiError(Errno.ISDIR);
            }
            opened = new OpenDirectory(host.toRealPath(), null, base & Rights.DIRECTORY, inheriting);
        } else {
            if (directory) {
                throw new WasiError(attributes == null ? Errno.NOENT : Errno.NOTDIR);
            }
            if (attributes == null && !create) {
                throw new WasiError(Errno.NOENT);
            }
            int filetype = attributes == null ? FileType.REGULAR_FILE : FileStat.of(host, false).filetype();
            FileChannel channel = FileChannel.open(host, openOptions(base, create, exclusive, truncate));
            opened = new OpenFile(channel, host, filetype, base & Rights.FILE, inheriting, fdflags);
        }
        int fd;
        try {
            fd = fds.add(opened);
        } catch (WasiError e) {
            opened.close();
            throw e;
        }
        m.setI32(fdPointer, fd);
        return Errno.SUCCESS;
    }

    private static Set<OpenOption> openOptions(long rights, boolean create, boolean exclusive, boolean truncate) {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean write = (rights & Rights.NEEDS_WRITE) != 0 || truncate;
        if ((rights & Rights.FD_READ) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if (exclusive) {
            options.add(StandardOpenOption.CREATE_NEW);
        } else if (create) {
            options.add(StandardOpenOption.CREATE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        return options;
    }

    int createDirectory(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_CREATE_DIRECTORY);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false);
        if (r.isBase()) {
            throw new WasiError(Errno.EXIST);
        }
        Files.createDirectory(r.host());
        return Errno.SUCCESS;
    }

    int removeDirectory(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_REMOVE_DIRECTORY);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false);
        if (r.isBase()) {
            throw new WasiError(Errno.INVAL); // rmdir(".")
        }
        BasicFileAttributes a = lstat(r.host());
        if (a == null) {
            throw new WasiError(Errno.NOENT);
        }
        if (!a.isDirectory()) {
            throw new WasiError(Errno.NOTDIR);
        }
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    int unlinkFile(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_UNLINK_FILE);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false);
        BasicFileAttributes a = r.isBase() ? null : lstat(r.host());
        if (r.isBase() || (a != null && a.isDirectory())) {
            throw new WasiError(Errno.ISDIR); // as Linux; wasi-libc's remove() then tries rmdir
        }
        if (a == null) {
            throw new WasiError(Errno.NOENT);
        }
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    int rename(GuestMemory m, int oldFd, int oldPointer, int oldLength, int newFd, int newPointer, int newLength)
            throws IOException {
        OpenDirectory oldDir = fds.directory(oldFd);
        OpenDirectory newDir = fds.directory(newFd);
        oldDir.require(Rights.PATH_RENAME_SOURCE);
        newDir.require(Rights.PATH_RENAME_TARGET);
        PathResolver.Resolved from = PathResolver.resolve(oldDir, path(m, oldPointer, oldLength), false);
        PathResolver.Resolved to = PathResolver.resolve(newDir, path(m, newPointer, newLength), false);
        if (from.isBase() || to.isBase()) {
            throw new WasiError(Errno.BUSY);
        }
        BasicFileAttributes source = lstat(from.host());
        if (source == null) {
            throw new WasiError(Errno.NOENT);
        }
        BasicFileAttributes target = lstat(to.host());
        // the checks rename(2) makes, done here because the JDK reports most of them only as text
        if (target != null) {
            if (Files.isSameFile(from.host(), to.host())) {
                return Errno.SUCCESS;
            }
            if (source.isDirectory() && !target.isDirectory()) {
                throw new WasiError(Errno.NOTDIR);
            }
            if (!source.isDirectory() && target.isDirectory()) {
                throw new WasiError(Errno.ISDIR);
            }
            if (target.isDirectory() && !isEmpty(to.host())) {
                throw new WasiError(Errno.NOTEMPTY);
            }
        }
        if (source.isDirectory() && to.host().startsWith(from.host())) {
            throw new WasiError(Errno.INVAL); // into itself
        }
        // ATOMIC_MOVE is rename(2): it replaces an existing target, as POSIX rename does
        Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE);
        return Errno.SUCCESS;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    int link(GuestMemory m, int oldFd, int oldFlags, int oldPointer, int oldLength, int newFd, int newPointer,
            int newLength) throws IOException {
        OpenDirectory oldDir = fds.directory(oldFd);
        OpenDirectory newDir = fds.directory(newFd);
        oldDir.require(Rights.PATH_LINK_SOURCE);
        newDir.require(Rights.PATH_LINK_TARGET);
        PathResolver.Resolved from = PathResolver.resolve(oldDir, path(m, oldPointer, oldLength),
                (oldFlags & SYMLINK_FOLLOW) != 0);
        PathResolver.Resolved to = PathResolver.resolve(newDir, path(m, newPointer, newLength), false);
        BasicFileAttributes source = from.isBase() ? null : lstat(from.host());
        if (from.isBase() || (source != null && source.isDirectory())) {
            throw new WasiError(Errno.PERM); // no hard links to directories
        }
        if (source == null) {
            throw new WasiError(Errno.NOENT);
        }
        if (to.isBase() || lstat(to.host()) != null) {
            throw new WasiError(Errno.EXIST);
        }
        Files.createLink(to.host(), from.host());
        return Errno.SUCCESS;
    }

    /**
     * Creates a symbolic link. Its target is only text, resolved when used (through the sandbox
     * again), but a target that could never resolve inside the directory (absolute, or with more
     * {@code ..} than the link is deep) is refused up front with {@code ENOTCAPABLE}.
     */
    int symlink(GuestMemory m, int targetPointer, int targetLength, int dirFd, int pathPointer, int pathLength)
            throws IOException {
        String target = path(m, targetPointer, targetLength);
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_SYMLINK);
        PathResolver.Resolved link = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false);
        if (target.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (target.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (target.startsWith("/")) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        if (link.isBase()) {
            throw new WasiError(Errno.EXIST);
        }
        Path parent = dir.path.relativize(link.host().getParent());
        int depth = parent.toString().isEmpty() ? 0 : parent.getNameCount();
        for (String name : target.split("/")) {
            if (name.equals("..")) {
                if (--depth < 0) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
            } else if (!name.isEmpty() && !name.equals(".")) {
                depth++;
            }
        }
        try {
            Files.createSymbolicLink(link.host(), Path.of(target));
        } catch (FileAlreadyExistsException e) {
            throw new WasiError(Errno.EXIST);
        }
        return Errno.SUCCESS;
    }

    int readlink(GuestMemory m, int dirFd, int pathPointer, int pathLength, int buffer, int bufferLength,
            int usedPointer) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_READLINK);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false);
        m.check(buffer, Integer.toUnsignedLong(bufferLength));
        m.check(usedPointer, 4);
        BasicFileAttributes a = r.isBase() ? null : lstat(r.host());
        if (!r.isBase() && a == null) {
            throw new WasiError(Errno.NOENT);
        }
        if (a == null || !a.isSymbolicLink()) {
            throw new WasiError(Errno.INVAL);
        }
        byte[] target = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, Integer.toUnsignedLong(bufferLength)); // truncated, as readlink(2)
        m.write(buffer, target, 0, n);
        m.setI32(usedPointer, n);
        return Errno.SUCCESS;
    }

    int filestatGet(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, int pointer)
            throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_FILESTAT_GET);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength),
                (lookupFlags & SYMLINK_FOLLOW) != 0);
        m.check(pointer, FileStat.SIZE);
        FileStat.of(r.host(), false).write(m, pointer);
        return Errno.SUCCESS;
    }

    int filestatSetTimes(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, long atim,
            long mtim, int flags) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_FILESTAT_SET_TIMES);
        PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength),
                (lookupFlags & SYMLINK_FOLLOW) != 0);
        if (lstat(r.host()) == null) {
            throw new WasiError(Errno.NOENT);
        }
        FileTimes.set(r.host(), atim, mtim, flags);
        return Errno.SUCCESS;
    }
}
