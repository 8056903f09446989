package dev.weft.wasi;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * Turns what the JDK throws into WASI errno values. The JDK reports most POSIX errors as a
 * plain {@link FileSystemException} whose reason is the C library's {@code strerror} text, so
 * those are matched by text; anything unrecognised is {@code EIO}.
 */
final class IoErrors {
    private IoErrors() {
    }

    /**
     * @param e an I/O failure
     * @return the errno that describes it best
     */
    static int errno(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> Errno.NOENT;
            case FileAlreadyExistsException x -> Errno.EXIST;
            case DirectoryNotEmptyException x -> Errno.NOTEMPTY;
            case AccessDeniedException x -> Errno.ACCES;
            case NotDirectoryException x -> Errno.NOTDIR;
            case NotLinkException x -> Errno.INVAL;
            case FileSystemLoopException x -> Errno.LOOP;
            case ClosedChannelException x -> Errno.BADF;
            case FileSystemException x -> fromReason(x.getReason());
            default -> fromReason(e.getMessage());
        };
    }

    /**
     * @param e an unchecked exception a JDK file or channel operation threw
     * @return its errno
     */
    static int errno(RuntimeException e) {
        return switch (e) {
            case NonReadableChannelException x -> Errno.BADF;
            case NonWritableChannelException x -> Errno.BADF;
            case InvalidPathException x -> Errno.INVAL;
            case SecurityException x -> Errno.ACCES;
            case UnsupportedOperationException x -> Errno.NOTSUP;
            case IllegalArgumentException x -> Errno.INVAL;
            default -> Errno.IO;
        };
    }

    private static int fromReason(String reason) {
        if (reason == null) {
            return Errno.IO;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("is a directory")) {
            return Errno.ISDIR;
        } else if (r.contains("not a directory")) {
            return Errno.NOTDIR;
        } else if (r.contains("directory not empty")) {
            return Errno.NOTEMPTY;
        } else if (r.contains("no such file")) {
            return Errno.NOENT;
        } else if (r.contains("file exists")) {
            return Errno.EXIST;
        } else if (r.contains("permission denied")) {
            return Errno.ACCES;
        } else if (r.contains("operation not permitted")) {
            return Errno.PERM;
        } else if (r.contains("too many levels of symbolic links")) {
            return Errno.LOOP;
        } else if (r.contains("file name too long")) {
            return Errno.NAMETOOLONG;
        } else if (r.contains("no space left")) {
            return Errno.NOSPC;
        } else if (r.contains("read-only file system")) {
            return Errno.ROFS;
        } else if (r.contains("cross-device link")) {
            return Errno.XDEV;
        } else if (r.contains("file too large")) {
            return Errno.FBIG;
        } else if (r.contains("too many open files")) {
            return Errno.MFILE;
        } else if (r.contains("too many links")) {
            return Errno.MLINK;
        } else if (r.contains("broken pipe")) {
            return Errno.PIPE;
        } else if (r.contains("device or resource busy")) {
            return Errno.BUSY;
        } else if (r.contains("invalid argument")) {
            return Errno.INVAL;
        } else if (r.contains("resource temporarily unavailable")) {
            return Errno.AGAIN;
        }
        return Errno.IO;
    }
}
