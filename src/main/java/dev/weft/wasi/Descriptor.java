package dev.weft.wasi;

import java.io.IOException;

/**
 * What a guest file descriptor refers to: a host stream (stdin, stdout, stderr), an open file or
 * a directory, with the descriptor's rights and {@code fdflags}.
 */
abstract sealed class Descriptor permits StdioStream, OpenFile, OpenDirectory {
    /** Rights for operations on this descriptor. */
    long rightsBase;
    /** Rights that descriptors opened through this one (a directory) may have. */
    long rightsInheriting;
    /** The {@code fdflags} (append, dsync, nonblock, rsync, sync). */
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    /** @return the {@link FileType} reported by {@code fd_fdstat_get} */
    abstract int filetype();

    /** @return the attributes reported by {@code fd_filestat_get} */
    abstract FileStat stat() throws IOException;

    /** Releases what the descriptor holds (host streams are flushed, not closed: the host owns them). */
    abstract void close() throws IOException;

    /**
     * @param rights rights the operation needs
     * @throws WasiError NOTCAPABLE if the descriptor lacks any of them
     */
    final void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }
}
