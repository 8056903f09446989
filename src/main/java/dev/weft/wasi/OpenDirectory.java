package dev.weft.wasi;

import java.io.IOException;
import java.util.List;

/**
 * A directory descriptor: a preopened directory or one opened with {@code path_open}. It is a
 * capability: paths given with it resolve beneath the directory its {@link #handle} holds open
 * and never above it ({@link PathResolver}). Holds the listing {@code fd_readdir} is paging
 * through, so cookies stay valid between calls; cookie 0 takes a fresh listing.
 */
final class OpenDirectory extends Descriptor {
    /** The host directory, held open: it stays the same directory whatever is renamed meanwhile. */
    final HostHandle handle;
    /** The name the guest sees for a preopened directory ({@code fd_prestat_dir_name}), else null. */
    final String preopenName;
    /** Entries of the listing in progress, or null before the first {@code fd_readdir}. */
    List<DirectoryEntry> listing;

    OpenDirectory(HostHandle handle, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting, 0);
        this.handle = handle;
        this.preopenName = preopenName;
    }

    @Override
    int filetype() {
        return FileType.DIRECTORY;
    }

    @Override
    FileStat stat() throws IOException {
        return FileStat.of(handle.path(), true);
    }

    @Override
    void close() {
        listing = null;
        handle.close();
    }

    /**
     * One entry of a listing: what a {@code dirent} tells.
     *
     * @param name the name, UTF-8 encoded
     * @param inode the inode number (never 0: some libcs skip entries with inode 0)
     * @param filetype a {@link FileType}
     */
    record DirectoryEntry(byte[] name, long inode, int filetype) {
    }
}
