package dev.weft.wasi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox: resolves a guest path relative to a directory descriptor to a host path that is
 * guaranteed to lie beneath that directory.
 *
 * <p>The path is walked one component at a time, never handed to the host as a whole:
 * absolute paths are refused; {@code .} is skipped; {@code ..} pops a component and is refused
 * when there is none left to pop (it would leave the directory); every component that is
 * looked through, and the last one when the call follows symbolic links, is checked with
 * {@link LinkOption#NOFOLLOW_LINKS}, and a symbolic link is replaced by its target's components,
 * which go through the same rules (an absolute target is refused, at most {@value #MAX_LINKS}
 * links per path). So {@code ..}, absolute paths and symbolic links cannot leave the directory;
 * all such attempts fail with {@code ENOTCAPABLE}.
 *
 * <p>Because the host file system can change between this walk and the operation (another
 * process swapping a directory for a symbolic link), the result is also checked with
 * {@link Path#toRealPath}: the real path of the final component (when followed) or of its parent
 * must still lie beneath the directory. Calls then open the final component with
 * {@code NOFOLLOW_LINKS} where the JDK allows it.
 */
final class PathResolver {
    /** The most symbolic links one path may pass through; more fail with {@code ELOOP}. */
    static final int MAX_LINKS = 40;
    /** The longest path accepted, in bytes; longer fail with {@code ENAMETOOLONG}. */
    static final int MAX_PATH_BYTES = 4096;

    private static final String SEPARATOR = FileSystems.getDefault().getSeparator();

    private PathResolver() {
    }

    /**
     * A resolved path.
     *
     * @param host the host path (may not exist)
     * @param isBase whether it is the directory itself (e.g. {@code "."} or {@code "a/.."})
     */
    record Resolved(Path host, boolean isBase) {
    }

    /**
     * @param dir the directory the path is relative to
     * @param path the guest path
     * @param followFinal whether a symbolic link in the last component is followed
     * @return the host path beneath {@code dir}
     * @throws WasiError NOENT (empty path, missing directory on the way), NOTDIR (a file on the way, or a
     *     trailing slash after a file), NOTCAPABLE (absolute, or leaving the directory), LOOP, INVAL (NUL)
     */
    static Resolved resolve(OpenDirectory dir, String path, boolean followFinal) throws IOException {
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
        List<String> names = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (names.isEmpty()) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                names.remove(names.size() - 1);
                continue;
            }
            checkName(name);
            boolean last = pending.isEmpty();
            if (last && !followFinal && !trailingSlash) {
                names.add(name);
                break;
            }
            Path host = join(dir.path, names).resolve(name);
            BasicFileAttributes attributes = attributes(host);
            if (attributes == null) {
                if (!last) {
                    throw new WasiError(Errno.NOENT);
                }
                names.add(name);
                break;
            }
            if (attributes.isSymbolicLink()) {
                if (++links > MAX_LINKS) {
                    throw new WasiError(Errno.LOOP);
                }
                String target = Files.readSymbolicLink(host).toString();
                if (target.isEmpty()) {
                    throw new WasiError(Errno.NOENT);
                }
                if (target.startsWith("/") || Path.of(target).isAbsolute()) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                pushFront(pending, target);
                continue;
            }
            if (!attributes.isDirectory() && (!last || trailingSlash)) {
                throw new WasiError(Errno.NOTDIR);
            }
            names.add(name);
        }
        Path host = join(dir.path, names);
        verifyContained(dir.path, host, names.isEmpty(), followFinal);
        return new Resolved(host, names.isEmpty());
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

    /** On hosts whose separator is not {@code /}, a guest name must not smuggle one in. */
    private static void checkName(String name) {
        if (!SEPARATOR.equals("/") && (name.contains(SEPARATOR) || name.indexOf(':') >= 0)) {
            throw new WasiError(Errno.INVAL);
        }
    }

    private static Path join(Path base, List<String> names) {
        Path p = base;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p;
    }

    /** @return the attributes without following a final link, or null if nothing is there */
    private static BasicFileAttributes attributes(Path host) throws IOException {
        try {
            return Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The second line of defence: real paths must still lie beneath the directory. */
    private static void verifyContained(Path base, Path host, boolean isBase, boolean followFinal) throws IOException {
        Path check = isBase ? host : followFinal && Files.exists(host, LinkOption.NOFOLLOW_LINKS) ? host : host.getParent();
        try {
            if (!check.toRealPath().startsWith(base)) {
                throw new WasiError(Errno.NOTCAPABLE);
            }
        } catch (NoSuchFileException e) {
            throw new WasiError(Errno.NOENT);
        }
    }
}
