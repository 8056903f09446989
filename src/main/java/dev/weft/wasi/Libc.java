package dev.weft.wasi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The three C library calls the sandbox needs that the JDK does not offer: {@code openat} (to
 * hold a directory as a numbered descriptor, relative to which everything else is resolved),
 * {@code unlinkat} and {@code close}. Linux only, where {@code /proc/self/fd/N} lets the JDK's
 * own file API act relative to such a descriptor (see {@link HostHandle}); other hosts get
 * {@link #unavailableReason()} and no preopens.
 *
 * <p>Linking is a restricted operation of the Foreign Function API: on JDK 25 it prints a warning
 * unless native access is enabled for Weft ({@code --enable-native-access=ALL-UNNAMED} on the
 * class path, {@code =dev.weft} on the module path, or {@code Enable-Native-Access: ALL-UNNAMED}
 * in an executable jar's manifest), and a JVM that denies native access leaves the sandbox
 * unavailable. Nothing is linked until the first preopen is made.
 */
final class Libc {
    /** {@code AT_FDCWD}: an {@code *at} call's path is relative to the working directory. */
    static final int AT_FDCWD = -100;
    private static final int AT_REMOVEDIR = 0x200;

    // the errno values the sandbox tells apart (the same on every Linux architecture it supports)
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int ENOTDIR = 20;
    static final int ELOOP = 40;

    private Libc() {
    }

    /** The {@code open} flags of the host's architecture; null where Weft does not know them. */
    private record Flags(int directory, int noFollow) {
        static final int O_PATH = 010000000;
        static final int O_CLOEXEC = 02000000;

        static Flags ofHost() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return null;
            }
            return switch (System.getProperty("os.arch", "")) {
                case "amd64", "x86_64" -> new Flags(0200000, 0400000);
                case "aarch64" -> new Flags(040000, 0100000);
                default -> null;
            };
        }
    }

    /** The linked functions, or why there are none; initialized on first use. */
    @SuppressWarnings("restricted") // linking is the point; the class documentation says what it needs
    private static final class Linked {
        static final String UNAVAILABLE;
        static final Flags FLAGS = Flags.ofHost();
        static final MethodHandle OPENAT;
        static final MethodHandle UNLINKAT;
        static final MethodHandle CLOSE;
        static final StructLayout CALL_STATE;
        static final VarHandle ERRNO;

        static {
            String unavailable = null;
            MethodHandle openat = null;
            MethodHandle unlinkat = null;
            MethodHandle close = null;
            StructLayout state = null;
            VarHandle errno = null;
            if (FLAGS == null) {
                unavailable = "the race-free WASI sandbox needs Linux on x86-64 or AArch64, not "
                        + System.getProperty("os.name") + " on " + System.getProperty("os.arch");
            } else if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
                unavailable = "the race-free WASI sandbox needs /proc (it reaches directories through /proc/self/fd)";
            } else {
                try {
                    Linker linker = Linker.nativeLinker();
                    SymbolLookup libc = linker.defaultLookup();
                    Linker.Option captureErrno = Linker.Option.captureCallState("errno");
                    state = Linker.Option.captureStateLayout();
                    errno = state.varHandle(MemoryLayout.PathElement.groupElement("errno"));
                    openat = linker.downcallHandle(libc.find("openat").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                            captureErrno, Linker.Option.firstVariadicArg(3));
                    unlinkat = linker.downcallHandle(libc.find("unlinkat").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT), captureErrno);
                    close = linker.downcallHandle(libc.find("close").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                } catch (IllegalCallerException e) {
                    unavailable = "the race-free WASI sandbox needs native access, which this JVM denies: run it with "
                            + "--enable-native-access=ALL-UNNAMED (class path) or =dev.weft (module path)";
                } catch (RuntimeException e) {
                    unavailable = "the race-free WASI sandbox cannot link the C library: " + e;
                }
            }
            UNAVAILABLE = unavailable;
            OPENAT = openat;
            UNLINKAT = unlinkat;
            CLOSE = close;
            CALL_STATE = state;
            ERRNO = errno;
        }
    }

    /** @return null if the calls are available, else why not (a sentence for an exception message) */
    static String unavailableReason() {
        return Linked.UNAVAILABLE;
    }

    /**
     * {@code openat(dir, name, O_PATH | O_CLOEXEC | ...)}: a descriptor that names a file without
     * opening it for reading or writing, usable as the directory of further {@code *at} calls.
     *
     * @param dir a directory descriptor, or {@link #AT_FDCWD}
     * @param name the name (a single component, or an absolute host path with {@link #AT_FDCWD})
     * @param directory whether it must be a directory ({@code O_DIRECTORY})
     * @param follow whether a final symbolic link is followed (else {@code O_NOFOLLOW}: the link itself is opened)
     * @return the new descriptor (≥ 0), or minus the errno
     */
    static int openPath(int dir, String name, boolean directory, boolean follow) {
        Flags f = Linked.FLAGS;
        int flags = Flags.O_PATH | Flags.O_CLOEXEC | (directory ? f.directory() : 0) | (follow ? 0 : f.noFollow());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linked.CALL_STATE);
            MemorySegment cName = arena.allocateFrom(name);
            while (true) {
                int fd = (int) Linked.OPENAT.invokeExact(state, dir, cName, flags, 0);
                int errno = fd < 0 ? (int) Linked.ERRNO.get(state, 0L) : 0;
                if (errno != EINTR) {
                    return fd >= 0 ? fd : -errno;
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("openat failed", t); // downcalls throw nothing checked
        }
    }

    /**
     * {@code unlinkat(dir, name, directory ? AT_REMOVEDIR : 0)}.
     *
     * @return 0, or minus the errno
     */
    static int unlink(int dir, String name, boolean directory) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linked.CALL_STATE);
            int result = (int) Linked.UNLINKAT.invokeExact(state, dir, arena.allocateFrom(name),
                    directory ? AT_REMOVEDIR : 0);
            return result == 0 ? 0 : -(int) Linked.ERRNO.get(state, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unlinkat failed", t); // downcalls throw nothing checked
        }
    }

    /** {@code close(fd)}; an error (only possible for a bad descriptor) is ignored: the number is released either way. */
    static void close(int fd) {
        try {
            int ignored = (int) Linked.CLOSE.invokeExact(fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("close failed", t); // downcalls throw nothing checked
        }
    }

    /**
     * @param errno a Linux errno value
     * @return the WASI errno that means the same ({@code EIO} for any the sandbox does not expect)
     */
    static int wasiErrno(int errno) {
        return switch (errno) {
            case 1 -> Errno.PERM;
            case ENOENT -> Errno.NOENT;
            case EINTR -> Errno.INTR;
            case 9 -> Errno.BADF;
            case 11 -> Errno.AGAIN;
            case 12 -> Errno.NOMEM;
            case 13 -> Errno.ACCES;
            case 16 -> Errno.BUSY;
            case 17 -> Errno.EXIST;
            case 18 -> Errno.XDEV;
            case ENOTDIR -> Errno.NOTDIR;
            case 21 -> Errno.ISDIR;
            case 22 -> Errno.INVAL;
            case 23 -> Errno.NFILE;
            case 24 -> Errno.MFILE;
            case 28 -> Errno.NOSPC;
            case 30 -> Errno.ROFS;
            case 31 -> Errno.MLINK;
            case 36 -> Errno.NAMETOOLONG;
            case 39 -> Errno.NOTEMPTY;
            case ELOOP -> Errno.LOOP;
            case 75 -> Errno.OVERFLOW;
            case 122 -> Errno.DQUOT;
            default -> Errno.IO;
        };
    }
}
