package dev.weft.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The {@code path_*} calls other than {@code path_open} ({@link OpenCalls}). Every path goes
 * through {@link PathResolver} relative to its directory descriptor; the call then acts on the
 * result through the directory handle the resolver holds open ({@code /proc/self/fd/N/name}, or
 * an {@code *at} call on the handle), never on a host path the host could change meanwhile, and
 * never following a final symbolic link on its own (the resolver has already followed it when the
 * call asks to).
 */
final class PathCalls {
    /** {@code lookupflags}: follow a final symbolic link. */
    static final int SYMLINK_FOLLOW = 1;

    private final FdTable fds;

    PathCalls(FdTable fds) {
        this.fds = fds;
    }

    /** Reads a guest path, limited to {@value PathResolver#MAX_PATH_BYTES} bytes. */
    static String path(GuestMemory m, int pointer, int length) {
        m.check(pointer, Integer.toUnsignedLong(length));
        if (Integer.compareUnsigned(length, PathResolver.MAX_PATH_BYTES) > 0) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        return m.string(pointer, length);
    }

    int createDirectory(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_CREATE_DIRECTORY);
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false)) {
            if (r.isDirectoryItself()) {
                throw new WasiError(Errno.EXIST);
            }
            Files.createDirectory(r.host());
        }
        return Errno.SUCCESS;
    }

    int removeDirectory(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_REMOVE_DIRECTORY);
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false)) {
            if (r.isDirectoryItself()) {
                throw new WasiError(Errno.INVAL); // rmdir(".")
            }
            r.dir().remove(r.name(), true);
        }
        return Errno.SUCCESS;
    }

    int unlinkFile(GuestMemory m, int dirFd, int pathPointer, int pathLength) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_UNLINK_FILE);
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false)) {
            if (r.isDirectoryItself()) {
                throw new WasiError(Errno.ISDIR);
            }
            r.dir().remove(r.name(), false); // a directory is EISDIR, as on Linux; wasi-libc's remove() then tries rmdir
        }
        return Errno.SUCCESS;
    }

    int rename(GuestMemory m, int oldFd, int oldPointer, int oldLength, int newFd, int newPointer, int newLength)
            throws IOException {
        OpenDirectory oldDir = fds.directory(oldFd);
        OpenDirectory newDir = fds.directory(newFd);
        oldDir.require(Rights.PATH_RENAME_SOURCE);
        newDir.require(Rights.PATH_RENAME_TARGET);
        String oldPath = path(m, oldPointer, oldLength);
        String newPath = path(m, newPointer, newLength);
        try (PathResolver.Resolved from = PathResolver.resolve(oldDir, oldPath, false);
                PathResolver.Resolved to = PathResolver.resolve(newDir, newPath, false)) {
            if (from.isDirectoryItself() || to.isDirectoryItself()) {
                throw new WasiError(Errno.BUSY);
            }
            BasicFileAttributes source = PathResolver.lstat(from.host());
            if (source == null) {
                throw new WasiError(Errno.NOENT);
            }
            if (to.trailingSlash() && !source.isDirectory()) {
                throw new WasiError(Errno.NOTDIR);
            }
            BasicFileAttributes target = PathResolver.lstat(to.host());
            // the checks rename(2) makes, done here because the JDK reports most of them only as text
            if (target != null) {
                if (source.fileKey() != null && source.fileKey().equals(target.fileKey())) {
                    return Errno.SUCCESS; // the same file: rename does nothing
                }
                if (source.isDirectory() && !target.isDirectory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
                if (!source.isDirectory() && target.isDirectory()) {
                    throw new WasiError(Errno.ISDIR);
                }
                if (target.isDirectory() && !isEmpty(to.dir(), to.name())) {
                    throw new WasiError(Errno.NOTEMPTY);
                }
            }
            // ATOMIC_MOVE is rename(2) of the two handles' entries, i.e. renameat: it replaces an
            // existing target as POSIX rename does, and refuses to move a directory into itself (EINVAL)
            Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE);
        }
        return Errno.SUCCESS;
    }

    /** Whether the subdirectory {@code name} is empty, looked at through a handle of its own (never through a link). */
    private static boolean isEmpty(HostHandle dir, String name) throws IOException {
        try (HostHandle directory = dir.openDirectory(name); Stream<Path> entries = Files.list(directory.path())) {
            return entries.findAny().isEmpty();
        }
    }

    int link(GuestMemory m, int oldFd, int oldFlags, int oldPointer, int oldLength, int newFd, int newPointer,
            int newLength) throws IOException {
        OpenDirectory oldDir = fds.directory(oldFd);
        OpenDirectory newDir = fds.directory(newFd);
        oldDir.require(Rights.PATH_LINK_SOURCE);
        newDir.require(Rights.PATH_LINK_TARGET);
        String oldPath = path(m, oldPointer, oldLength);
        String newPath = path(m, newPointer, newLength);
        try (PathResolver.Resolved from = PathResolver.resolve(oldDir, oldPath, (oldFlags & SYMLINK_FOLLOW) != 0);
                PathResolver.Resolved to = PathResolver.resolve(newDir, newPath, false)) {
            BasicFileAttributes source = from.isDirectoryItself() ? null : PathResolver.lstat(from.host());
            if (from.isDirectoryItself() || (source != null && source.isDirectory())) {
                throw new WasiError(Errno.PERM); // no hard links to directories
            }
            if (source == null) {
                throw new WasiError(Errno.NOENT);
            }
            requireNewName(to);
            // link(2) does not follow a final link of the source: the link itself gets a second name
            Files.createLink(to.host(), from.host());
        }
        return Errno.SUCCESS;
    }

    /**
     * The checks for a name that a call creates as something other than a directory: it must not
     * exist, and a trailing slash (which asks for a directory) is {@code ENOENT} when it does not.
     */
    private static void requireNewName(PathResolver.Resolved r) throws IOException {
        if (r.isDirectoryItself() || PathResolver.lstat(r.host()) != null) {
            throw new WasiError(Errno.EXIST);
        }
        if (r.trailingSlash()) {
            throw new WasiError(Errno.NOENT);
        }
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
        try (PathResolver.Resolved link = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false)) {
            if (target.isEmpty()) {
                throw new WasiError(Errno.NOENT);
            }
            if (target.indexOf('\0') >= 0) {
                throw new WasiError(Errno.INVAL);
            }
            if (target.startsWith("/")) {
                throw new WasiError(Errno.NOTCAPABLE);
            }
            requireNewName(link);
            int depth = link.depth();
            for (String name : target.split("/")) {
                if (name.equals("..")) {
                    if (--depth < 0) {
                        throw new WasiError(Errno.NOTCAPABLE);
                    }
                } else if (!name.isEmpty() && !name.equals(".")) {
                    depth++;
                }
            }
            Files.createSymbolicLink(link.host(), Path.of(target));
        }
        return Errno.SUCCESS;
    }

    int readlink(GuestMemory m, int dirFd, int pathPointer, int pathLength, int buffer, int bufferLength,
            int usedPointer) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_READLINK);
        byte[] target;
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength), false)) {
            m.check(buffer, Integer.toUnsignedLong(bufferLength));
            m.check(usedPointer, 4);
            if (r.isDirectoryItself()) {
                throw new WasiError(Errno.INVAL);
            }
            // readlink of the handle's entry is readlinkat; not a link is NotLinkException, EINVAL
            target = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        }
        int n = (int) Math.min(target.length, Integer.toUnsignedLong(bufferLength)); // truncated, as readlink(2)
        m.write(buffer, target, 0, n);
        m.setI32(usedPointer, n);
        return Errno.SUCCESS;
    }

    int filestatGet(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, int pointer)
            throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_FILESTAT_GET);
        FileStat stat;
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength),
                (lookupFlags & SYMLINK_FOLLOW) != 0)) {
            m.check(pointer, FileStat.SIZE);
            stat = FileStat.of(r.host(), r.isDirectoryItself());
        }
        stat.write(m, pointer);
        return Errno.SUCCESS;
    }

    int filestatSetTimes(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, long atim,
            long mtim, int flags) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_FILESTAT_SET_TIMES);
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path(m, pathPointer, pathLength),
                (lookupFlags & SYMLINK_FOLLOW) != 0)) {
            if (!r.isDirectoryItself() && PathResolver.lstat(r.host()) == null) {
                throw new WasiError(Errno.NOENT);
            }
            FileTimes.set(r.host(), r.isDirectoryItself(), atim, mtim, flags);
        }
        return Errno.SUCCESS;
    }
}
