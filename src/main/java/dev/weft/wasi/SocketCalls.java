package dev.weft.wasi;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}: Weft grants
 * no sockets (preview1 cannot create them, only use preopened ones), so these answer
 * {@code EBADF} for a closed descriptor and {@code ENOTSUP} for any other.
 */
final class SocketCalls {
    private final FdTable fds;

    SocketCalls(FdTable fds) {
        this.fds = fds;
    }

    int unsupported(int fd) {
        fds.get(fd);
        return Errno.NOTSUP;
    }
}
