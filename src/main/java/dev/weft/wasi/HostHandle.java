package dev.weft.wasi;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A host file held open by descriptor ({@code O_PATH}: named, not opened for reading or
 * writing), usually a directory: what the sandbox resolves guest paths against.
 *
 * <p>The JDK's file API takes paths, not descriptors, so Weft hands it paths through the
 * kernel's {@code /proc/self/fd/N} links: {@link #path()} is the file itself and
 * {@link #entry(String)} is {@code /proc/self/fd/N/name}. The kernel resolves such a link to the
 * very file the descriptor holds (wherever it has been moved or whatever now lies at its old
 * path), so {@code Files.createDirectory(handle.entry("x"))} is {@code mkdirat(N, "x")} and
 * {@code FileChannel.open(handle.entry("x"), NOFOLLOW_LINKS)} is {@code openat(N, "x", O_NOFOLLOW)}:
 * every operation acts on a name in a directory Weft holds open, never on a path the host could
 * change between a check and its use. {@link #entry(String)} accepts one name only (no
 * {@code /}, {@code .} or {@code ..}), so nothing above the descriptor is ever named.
 *
 * <p>A handle is closed by its owner ({@link #close()}); one that becomes unreachable unclosed
 * (a context never closed) is closed by a {@link Cleaner}. A closed handle refuses to be used,
 * since its number may already name something else.
 */
final class HostHandle implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final int fd;
    private final Path path;
    private final Cleaner.Cleanable closer;
    private boolean closed;

    private HostHandle(int fd) {
        this.fd = fd;
        this.path = Path.of("/proc/self/fd/" + fd);
        this.closer = CLEANER.register(this, () -> Libc.close(fd));
    }

    /**
     * Opens a preopened directory, following links in the host's own path (the host chose it).
     *
     * @param directory an absolute host path
     * @return its handle
     * @throws IOException if it cannot be opened as a directory
     */
    static HostHandle openPreopen(Path directory) throws IOException {
        int fd = Libc.openPath(Libc.AT_FDCWD, directory.toString(), true, true);
        if (fd < 0) {
            throw new IOException("cannot open " + directory + " (" + Errno.name(Libc.wasiErrno(-fd)) + ")");
        }
        HostHandle handle = new HostHandle(fd);
        // everything relies on /proc/self/fd/N leading to what N holds: check it once per preopen
        Object key = identity(handle.path());
        if (key == null || !key.equals(identity(directory))) {
            handle.close();
            throw new IOException("/proc/self/fd does not lead to the directory opened (or " + directory
                    + " was replaced meanwhile): the sandbox cannot work on this host");
        }
        return handle;
    }

    private static Object identity(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /**
     * Opens the subdirectory {@code name}, never following a link: a link there, or anything
     * else that is not a directory, fails with {@code ENOTDIR}.
     *
     * @param name one name in this directory
     * @return the subdirectory's handle
     * @throws WasiError the errno the host reported ({@code NOENT}, {@code NOTDIR}, {@code ACCES}, ...)
     */
    HostHandle openDirectory(String name) {
        return open(name, true);
    }

    /**
     * Opens whatever {@code name} is, never following a link (a link's handle is the link itself).
     *
     * @param name one name in this directory
     * @return its handle
     * @throws WasiError the errno the host reported
     */
    HostHandle openEntry(String name) {
        return open(name, false);
    }

    /** @return a second handle of this same directory (for a descriptor of its own) */
    HostHandle reopen() {
        return opened(Libc.openPath(fd(), ".", true, false));
    }

    private HostHandle open(String name, boolean directory) {
        return opened(Libc.openPath(fd(), checked(name), directory, false));
    }

    private HostHandle opened(int result) {
        Reference.reachabilityFence(this);
        if (result < 0) {
            throw new WasiError(result == -Libc.ELOOP ? Errno.NOTDIR : Libc.wasiErrno(-result));
        }
        return new HostHandle(result);
    }

    /**
     * Removes {@code name}: a directory ({@code rmdir}) or anything else ({@code unlink}), exactly
     * as asked (the host reports {@code ENOTDIR}, {@code EISDIR}, {@code ENOTEMPTY}, ...).
     *
     * @param name one name in this directory
     * @param directory whether it is a directory that is to be removed
     * @throws WasiError the errno the host reported
     */
    void remove(String name, boolean directory) {
        int result = Libc.unlink(fd(), checked(name), directory);
        Reference.reachabilityFence(this);
        if (result < 0) {
            throw new WasiError(Libc.wasiErrno(-result));
        }
    }

    /** @return the path of the file itself ({@code /proc/self/fd/N}; follow it, do not {@code lstat} it) */
    Path path() {
        fd();
        return path;
    }

    /**
     * @param name one name in this directory (not {@code .} or {@code ..})
     * @return the path of that entry, for the JDK's file API ({@code /proc/self/fd/N/name})
     */
    Path entry(String name) {
        return path().resolve(checked(name));
    }

    private int fd() {
        if (closed) {
            throw new IllegalStateException("host handle used after close");
        }
        return fd;
    }

    /** A single name: the only kind of path that can never reach above its directory. */
    private static String checked(String name) {
        if (name.equals("..") || name.equals(".") || name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a single name: " + name);
        }
        return name;
    }

    /** Releases the descriptor; later calls fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closer.clean();
    }
}
