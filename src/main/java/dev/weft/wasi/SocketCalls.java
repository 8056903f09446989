package dev.weft.wasi;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}: Weft grants
 * no sockets (preview 1 cannot create them, only use preopened ones), so every open descriptor is
 * not a socket ({@code ENOTSOCK}) and a closed one is {@code EBADF}.
 */
final class SocketCalls {
    private final FdTable fds;

    SocketCalls(FdTable fds) {
        this.fds = fds;
    }

    int notASocket(int fd) {
        fds.get(fd);
        return Errno.NOTSOCK;
    }
}
