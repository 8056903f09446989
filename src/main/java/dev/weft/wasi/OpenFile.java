package dev.weft.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file opened with {@code path_open}: a host {@link FileChannel} (whose position is the
 * descriptor's offset) and the host path it was opened at, used for {@code fd_filestat_*}
 * (the JDK cannot stat an open channel). If the file is renamed or removed while open,
 * {@code fd_filestat_get} falls back to what the channel knows (size, regular file).
 */
final class OpenFile extends Descriptor {
    final FileChannel channel;
    final Path path;
    private final int filetype;

    OpenFile(FileChannel channel, Path path, int filetype, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.channel = channel;
        this.path = path;
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
        try {
            return FileStat.of(path, false);
        } catch (NoSuchFileException gone) {
            return new FileStat(0, 0, filetype, 0, channel.size(), 0, 0, 0);
        }
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
