package dev.weft.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox: resolves a guest path relative to a directory descriptor, one component at a
 * time, each relative to a directory Weft holds open ({@link HostHandle}), never by handing the
 * host a path to walk.
 *
 * <p>The walk keeps a stack of open directory handles, starting at the descriptor's. A
 * directory component is opened relative to the top handle with {@code O_NOFOLLOW} and pushed;
 * {@code .} is skipped; {@code ..} pops (closing the handle) and is refused when the stack is
 * at the descriptor's directory: it would leave it. A symbolic link met on the way (and the last
 * component's, when the call follows links or the path ends in {@code /}) is read relative to
 * its directory's handle and its target's components take its place, under the same rules: an
 * absolute target is refused, {@code ..} pops Weft's own stack, at most {@value #MAX_LINKS} links
 * per path. Refusals are {@code ENOTCAPABLE}. The last component is not opened: the result is the
 * handle of the directory that holds it and its name, on which the call then acts through the
 * handle ({@code /proc/self/fd/N/name}).
 *
 * <p>So what another process does meanwhile (rename a directory, swap it for a link to
 * elsewhere) changes at most which file beneath the descriptor's directory a call reaches: every
 * directory was opened relative to the one above it without following a link, and the host is
 * never asked to look a name up anywhere but in a directory Weft holds.
 */
final class PathResolver {
    /** The most symbolic links one path may pass through; more fail with {@code ELOOP}. */
    static final int MAX_LINKS = 40;
    /** The longest path accepted, in bytes; longer fail with {@code ENAMETOOLONG}. */
    static final int MAX_PATH_BYTES = 4096;
    /**
     * The most directories one resolution holds open at once, i.e. how deep below the
     * descriptor's directory a path may go; deeper fail with {@code ENAMETOOLONG}. It bounds the
     * host descriptors a call uses (they are all closed when the call ends).
     */
    static final int MAX_DEPTH = 256;

    private PathResolver() {
    }

    /**
     * A resolved path: a directory held open and, unless the path names that directory itself,
     * a name in it. Closing it closes the directories the walk opened.
     */
    static final class Resolved implements AutoCloseable {
        private final HostHandle dir;
        private final String name;
        private final boolean trailingSlash;
        private final List<HostHandle> opened;

        private Resolved(HostHandle dir, String name, boolean trailingSlash, List<HostHandle> opened) {
            this.dir = dir;
            this.name = name;
            this.trailingSlash = trailingSlash;
            this.opened = opened;
        }

        /** @return the directory that holds {@link #name()}, or that the path names itself */
        HostHandle dir() {
            return dir;
        }

        /** @return the last component, which may not exist; null when the path names {@link #dir()} itself */
        String name() {
            return name;
        }

        /** @return whether the path names the directory itself ({@code .}, {@code a/..}) */
        boolean isDirectoryItself() {
            return name == null;
        }

        /** @return whether the path ended in {@code /}: the last component must then be a directory */
        boolean trailingSlash() {
            return trailingSlash;
        }

        /** @return how many directories below the descriptor's the last component's directory is */
        int depth() {
            return opened.size();
        }

        /**
         * @return the path of the result for the JDK's file API: the entry ({@code /proc/self/fd/N/name},
         *     to be used without following a final link), or the directory itself (to be followed)
         */
        Path host() {
            return name == null ? dir.path() : dir.entry(name);
        }

        @Override
        public void close() {
            closeAll(opened);
        }
    }

    /**
     * @param start the directory descriptor the path is relative to
     * @param path the guest path
     * @param followFinal whether a symbolic link in the last component is followed
     * @return the result, to be closed by the caller
     * @throws WasiError NOENT (empty path, missing directory on the way), NOTDIR (a file on the way,
     *     or a trailing slash after one), NOTCAPABLE (absolute, or leaving the directory), LOOP,
     *     INVAL (NUL), NAMETOOLONG (deeper than {@value #MAX_DEPTH}), or what the host reported
     * @throws IOException if the host fails otherwise
     */
    static Resolved resolve(OpenDirectory start, String path, boolean followFinal) throws IOException {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (path.charAt(0) == '/') {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>();
        pushFront(pending, path);
        List<HostHandle> stack = new ArrayList<>();
        int links = 0;
        boolean resolved = false;
        try {
            while (true) {
                HostHandle current = stack.isEmpty() ? start.handle : stack.get(stack.size() - 1);
                if (pending.isEmpty()) {
                    resolved = true; // the path ended in "." or "..": it names this directory
                    return new Resolved(current, null, trailingSlash, stack);
                }
                String name = pending.removeFirst();
                boolean last = pending.isEmpty();
                if (name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (stack.isEmpty()) {
                        throw new WasiError(Errno.NOTCAPABLE);
                    }
                    stack.remove(stack.size() - 1).close();
                    continue;
                }
                if (last && !followFinal && !trailingSlash) {
                    resolved = true;
                    return new Resolved(current, name, false, stack);
                }
                String target;
                if (!last) {
                    if (stack.size() >= MAX_DEPTH) {
                        throw new WasiError(Errno.NAMETOOLONG);
                    }
                    try {
                        stack.add(current.openDirectory(name));
                        continue;
                    } catch (WasiError e) {
                        if (e.errno != Errno.NOTDIR) {
                            throw e;
                        }
                    }
                    target = readLink(current, name); // not a directory: a link, or a file on the way
                    if (target == null) {
                        throw new WasiError(Errno.NOTDIR);
                    }
                } else {
                    BasicFileAttributes attributes = lstat(current.entry(name));
                    if (attributes == null || !attributes.isSymbolicLink()) {
                        if (attributes != null && !attributes.isDirectory() && trailingSlash) {
                            throw new WasiError(Errno.NOTDIR);
                        }
                        resolved = true;
                        return new Resolved(current, name, trailingSlash, stack);
                    }
                    target = readLink(current, name);
                    if (target == null) {
                        throw new WasiError(Errno.NOENT); // the link was removed meanwhile
                    }
                }
                if (++links > MAX_LINKS) {
                    throw new WasiError(Errno.LOOP);
                }
                if (target.isEmpty()) {
                    throw new WasiError(Errno.NOENT);
                }
                if (target.charAt(0) == '/') {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                pushFront(pending, target);
            }
        } finally {
            if (!resolved) {
                closeAll(stack);
            }
        }
    }

    /** Puts the components of {@code path} in front of what is pending, in order. */
    private static void pushFront(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                pending.addFirst(parts[i]);
            }
        }
    }

    /** @return the target of the link {@code name} in {@code dir}, or null if it is not a link */
    private static String readLink(HostHandle dir, String name) throws IOException {
        try {
            return Files.readSymbolicLink(dir.entry(name)).toString();
        } catch (NotLinkException e) {
            return null;
        }
    }

    /** @return the attributes of the entry itself (a link is not followed), or null if nothing is there */
    static BasicFileAttributes lstat(Path entry) throws IOException {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void closeAll(List<HostHandle> handles) {
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).close();
        }
        handles.clear();
    }
}
