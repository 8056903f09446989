package dev.weft.wasi;

/** The {@code fdflags} bits of {@code wasi_snapshot_preview1} (a u16). */
final class FdFlags {
    static final int APPEND = 1 << 0;
    static final int DSYNC = 1 << 1;
    static final int NONBLOCK = 1 << 2;
    static final int RSYNC = 1 << 3;
    static final int SYNC = 1 << 4;
    static final int ALL = APPEND | DSYNC | NONBLOCK | RSYNC | SYNC;

    private FdFlags() {
    }
}
