package dev.weft.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code path_open}. The path is resolved by {@link PathResolver}; the last component is then
 * created if asked (relative to the directory handle, never following a link), opened as an
 * {@code O_PATH} {@link HostHandle} without following a link, examined through that handle, and
 * only then opened for reading or writing through the handle itself ({@code /proc/self/fd/N}),
 * so the file examined is the file opened.
 */
final class OpenCalls {
    static final int O_CREAT = 1 << 0;
    static final int O_DIRECTORY = 1 << 1;
    static final int O_EXCL = 1 << 2;
    static final int O_TRUNC = 1 << 3;

    private final FdTable fds;

    OpenCalls(FdTable fds) {
        this.fds = fds;
    }

    /** What the guest asked for. */
    private record Request(boolean create, boolean exclusive, boolean directory, boolean truncate, long base,
            long inheriting, int fdflags) {
    }

    int open(GuestMemory m, int dirFd, int lookupFlags, int pathPointer, int pathLength, int oflags,
            long rightsBase, long rightsInheriting, int fdflags, int fdPointer) throws IOException {
        OpenDirectory dir = fds.directory(dirFd);
        dir.require(Rights.PATH_OPEN);
        String path = PathCalls.path(m, pathPointer, pathLength);
        m.check(fdPointer, 4);
        if ((oflags & ~(O_CREAT | O_DIRECTORY | O_EXCL | O_TRUNC)) != 0 || (fdflags & ~FdFlags.ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        boolean create = (oflags & O_CREAT) != 0;
        boolean truncate = (oflags & O_TRUNC) != 0;
        // rights only shrink: what the directory passes on, and (below) what makes sense for the file type
        Request request = new Request(create, create && (oflags & O_EXCL) != 0, (oflags & O_DIRECTORY) != 0,
                truncate, rightsBase & dir.rightsInheriting, rightsInheriting & dir.rightsInheriting, fdflags);
        if (request.directory() && (create || truncate)) {
            throw new WasiError(Errno.INVAL);
        }
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        // O_EXCL never follows a final link: the link itself makes the name exist
        boolean follow = (lookupFlags & PathCalls.SYMLINK_FOLLOW) != 0 && !request.exclusive();
        Descriptor opened;
        try (PathResolver.Resolved r = PathResolver.resolve(dir, path, follow)) {
            opened = r.isDirectoryItself() ? openDirectory(r.dir().reopen(), request) : openEntry(r, request);
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

    private static Descriptor openEntry(PathResolver.Resolved r, Request request) throws IOException {
        if (request.create()) {
            if (r.trailingSlash()) {
                throw new WasiError(Errno.ISDIR); // "name/" asks for a directory, which O_CREAT cannot make
            }
            create(r, request.exclusive());
        }
        HostHandle handle = r.dir().openEntry(r.name());
        try {
            return open(handle, request);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * Creates the file if it is not there, relative to the directory handle and never through a
     * link ({@code O_CREAT | O_EXCL | O_NOFOLLOW}). Creating is separate from opening because the
     * JDK ignores {@code CREATE} for a file opened only for reading, and O_CREAT must create
     * whatever rights the guest asked for.
     */
    private static void create(PathResolver.Resolved r, boolean exclusive) throws IOException {
        if (!exclusive && PathResolver.lstat(r.host()) != null) {
            return;
        }
        try {
            FileChannel.open(r.host(), StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW,
                    LinkOption.NOFOLLOW_LINKS).close();
        } catch (FileAlreadyExistsException e) {
            if (exclusive) {
                throw new WasiError(Errno.EXIST);
            }
            // created by someone else meanwhile: open it, as O_CREAT without O_EXCL does
        }
    }

    /** Opens what {@code handle} holds as the guest asked; the handle then belongs to the descriptor. */
    private static Descriptor open(HostHandle handle, Request request) throws IOException {
        FileStat stat = FileStat.of(handle.path(), true); // a link's handle stats the link itself
        return switch (stat.filetype()) {
            case FileType.SYMBOLIC_LINK -> throw new WasiError(Errno.LOOP); // a final link not followed, as O_NOFOLLOW
            case FileType.DIRECTORY -> {
                if (request.create()) {
                    throw new WasiError(Errno.ISDIR);
                }
                yield openDirectory(handle, request);
            }
            default -> {
                if (request.directory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
                // the handle's /proc/self/fd link opens exactly the file the handle holds
                FileChannel channel = FileChannel.open(handle.path(), openOptions(request));
                yield new OpenFile(channel, handle, stat.filetype(), request.base() & Rights.FILE,
                        request.inheriting(), request.fdflags());
            }
        };
    }

    private static Descriptor openDirectory(HostHandle handle, Request request) {
        // asking to write a directory (fd_write) is EISDIR, as open(2) says, with O_DIRECTORY or
        // without; other rights a directory cannot have (reading, seeking) are simply not granted
        if (request.truncate() || request.create() || (request.base() & Rights.FD_WRITE) != 0) {
            handle.close();
            throw new WasiError(Errno.ISDIR);
        }
        return new OpenDirectory(handle, null, request.base() & Rights.DIRECTORY, request.inheriting());
    }

    private static Set<OpenOption> openOptions(Request request) {
        Set<OpenOption> options = new HashSet<>();
        boolean write = (request.base() & Rights.NEEDS_WRITE) != 0 || request.truncate();
        if ((request.base() & Rights.FD_READ) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if (request.truncate()) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        return options;
    }
}
