package dev.weft.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's file descriptors: numbers to {@link Descriptor}s. New descriptors take the lowest
 * free number, as POSIX does (so preopens are 3, 4, ... in order, which is how wasi-libc finds
 * them). At most {@value #MAX_OPEN} may be open at once.
 */
final class FdTable {
    /** The most descriptors open at once; more fail with {@code EMFILE}. */
    static final int MAX_OPEN = 4096;

    private final List<Descriptor> slots = new ArrayList<>();

    /**
     * @param fd a descriptor number
     * @return what it refers to
     * @throws WasiError BADF if it is not open
     */
    Descriptor get(int fd) {
        Descriptor d = fd >= 0 && fd < slots.size() ? slots.get(fd) : null;
        if (d == null) {
            throw new WasiError(Errno.BADF);
        }
        return d;
    }

    /** @return the descriptor, or null if {@code fd} is not open */
    Descriptor find(int fd) {
        return fd >= 0 && fd < slots.size() ? slots.get(fd) : null;
    }

    /**
     * @return the open file {@code fd} refers to
     * @throws WasiError BADF if not open, ISDIR for a directory, SPIPE for a stream
     */
    OpenFile file(int fd) {
        return switch (get(fd)) {
            case OpenFile f -> f;
            case OpenDirectory d -> throw new WasiError(Errno.ISDIR);
            case StdioStream s -> throw new WasiError(Errno.SPIPE);
        };
    }

    /**
     * @return the directory {@code fd} refers to
     * @throws WasiError BADF if not open, NOTDIR if not a directory
     */
    OpenDirectory directory(int fd) {
        if (get(fd) instanceof OpenDirectory d) {
            return d;
        }
        throw new WasiError(Errno.NOTDIR);
    }

    /**
     * @param d a new descriptor
     * @return its number, the lowest free one
     * @throws WasiError MFILE if too many are open
     */
    int add(Descriptor d) {
        for (int fd = 0; fd < slots.size(); fd++) {
            if (slots.get(fd) == null) {
                slots.set(fd, d);
                return fd;
            }
        }
        if (slots.size() >= MAX_OPEN) {
            throw new WasiError(Errno.MFILE);
        }
        slots.add(d);
        return slots.size() - 1;
    }

    /**
     * Closes a descriptor and frees its number.
     *
     * @throws WasiError BADF if it is not open
     */
    void close(int fd) throws IOException {
        Descriptor d = get(fd);
        slots.set(fd, null);
        d.close();
    }

    /**
     * Moves {@code from} to number {@code to}, closing what {@code to} referred to.
     *
     * @throws WasiError BADF unless both are open
     */
    void renumber(int from, int to) throws IOException {
        Descriptor d = get(from);
        Descriptor old = get(to);
        if (from == to) {
            return;
        }
        slots.set(to, d);
        slots.set(from, null);
        old.close();
    }

    /** Closes every descriptor; reports the first failure after trying them all. */
    void closeAll() throws IOException {
        IOException first = null;
        for (int fd = 0; fd < slots.size(); fd++) {
            Descriptor d = slots.get(fd);
            if (d != null) {
                slots.set(fd, null);
                try {
                    d.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Flushes the output streams (stdout, stderr, wherever the guest moved them). */
    void flushStreams() throws IOException {
        for (Descriptor d : slots) {
            if (d instanceof StdioStream s) {
                s.flush();
            }
        }
    }
}
