package dev.weft.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A file opened with {@code path_open}: a host {@link FileChannel} (whose position is the
 * descriptor's offset) and a {@link HostHandle} of the same file, through which
 * {@code fd_filestat_get} and {@code fd_filestat_set_times} reach exactly this file (the JDK cannot
 * stat a channel), even after it was renamed or removed.
 */
final class OpenFile extends Descriptor {
    final FileChannel channel;
    final HostHandle handle;
    private final int filetype;

    OpenFile(FileChannel channel, HostHandle handle, int filetype, long rightsBase, long rightsInheriting,
            int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.channel = channel;
        this.handle = handle;
        this.filetype = filetype;
    }

    boolean append() {
        return (fdflags & FdFlags.APPEND) != 0;
    }

    /** Forces written data to storage when the descriptor asks for synchronous writes. */
    void afterWrite() throws IOException {
        if ((fdflags & FdFlags.SYNC) != 0) {
            channel.force(true);
        } else if ((fdflags & FdFlags.DSYNC) != 0) {
            channel.force(false);
        }
    }

    @Override
    int filetype() {
        return filetype;
    }

    @Override
    FileStat stat() throws IOException {
        return FileStat.of(handle.path(), true);
    }

    @Override
    void close() throws IOException {
        try {
            channel.close();
        } finally {
            handle.close();
        }
    }
}
