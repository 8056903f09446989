package dev.weft.wasi;

import dev.weft.FunctionType;
import dev.weft.HostCall;
import dev.weft.HostFunction;
import dev.weft.Imports;
import dev.weft.TrapException;
import dev.weft.ValueType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every function of {@code wasi_snapshot_preview1} with its exact core-WebAssembly signature
 * (as wasi-libc imports them), bound to one context's calls. This is the boundary where errors
 * become errno values: a {@link WasiError}, an {@link IOException} or any other exception of the
 * JDK is returned to the guest as an errno and never reaches the host. Only
 * {@link WasiExitException} ({@code proc_exit}) and traps pass.
 *
 * <p>The calls of one context run one at a time (under the context's lock, which
 * {@link Wasi#close()} takes too): a host that misuses a context from two threads cannot make one
 * call use a directory handle that another has closed, whose number may already name something
 * outside the sandbox.
 */
final class Preview1 {
    /** The import module name. */
    static final String MODULE = "wasi_snapshot_preview1";

    /** A call returning an errno. */
    @FunctionalInterface
    private interface Call {
        int run(HostCall c) throws IOException;
    }

    private final Map<String, FunctionType> types = new LinkedHashMap<>();
    private final Map<String, HostFunction> functions = new LinkedHashMap<>();
    private final Object lock;

    private Preview1(Object lock) {
        this.lock = lock;
    }

    /** @return every function name and its type, in the witx's order */
    static Map<String, FunctionType> signatures() {
        // the functions bound to no calls are never run: only their types are read
        return Collections.unmodifiableMap(bind(new Object(), null, null, null, null, null, null, null, null).types);
    }

    /** @return imports binding every function to the given calls, each run while holding {@code lock} */
    static Imports imports(Object lock, ProcessCalls process, FdCalls fd, ReadWriteCalls io,
            DirectoryCalls directories, PathCalls paths, OpenCalls open, PollCalls poll, SocketCalls sockets) {
        Preview1 p = bind(lock, process, fd, io, directories, paths, open, poll, sockets);
        Imports.Builder b = Imports.builder();
        p.functions.forEach((name, f) -> b.function(MODULE, name, p.types.get(name), f));
        return b.build();
    }

    private static GuestMemory mem(HostCall c) {
        return GuestMemory.of(c);
    }

    private static Preview1 bind(Object lock, ProcessCalls pr, FdCalls fd, ReadWriteCalls io, DirectoryCalls dir,
            PathCalls path, OpenCalls open, PollCalls poll, SocketCalls sock) {
        Preview1 p = new Preview1(lock);
        p.def("args_get", "ii", c -> pr.argsGet(mem(c), c.i32(0), c.i32(1)));
        p.def("args_sizes_get", "ii", c -> pr.argsSizesGet(mem(c), c.i32(0), c.i32(1)));
        p.def("environ_get", "ii", c -> pr.environGet(mem(c), c.i32(0), c.i32(1)));
        p.def("environ_sizes_get", "ii", c -> pr.environSizesGet(mem(c), c.i32(0), c.i32(1)));
        p.def("clock_res_get", "ii", c -> pr.clockResGet(mem(c), c.i32(0), c.i32(1)));
        p.def("clock_time_get", "iIi", c -> pr.clockTimeGet(mem(c), c.i32(0), c.i32(2)));
        p.def("fd_advise", "iIIi", c -> fd.advise(c.i32(0), c.i64(1), c.i64(2), c.i32(3)));
        p.def("fd_allocate", "iII", c -> fd.allocate(c.i32(0), c.i64(1), c.i64(2)));
        p.def("fd_close", "i", c -> fd.close(c.i32(0)));
        p.def("fd_datasync", "i", c -> fd.sync(c.i32(0), false));
        p.def("fd_fdstat_get", "ii", c -> fd.fdstatGet(mem(c), c.i32(0), c.i32(1)));
        p.def("fd_fdstat_set_flags", "ii", c -> fd.fdstatSetFlags(c.i32(0), c.i32(1)));
        p.def("fd_fdstat_set_rights", "iII", c -> fd.fdstatSetRights(c.i32(0), c.i64(1), c.i64(2)));
        p.def("fd_filestat_get", "ii", c -> fd.filestatGet(mem(c), c.i32(0), c.i32(1)));
        p.def("fd_filestat_set_size", "iI", c -> fd.filestatSetSize(c.i32(0), c.i64(1)));
        p.def("fd_filestat_set_times", "iIIi", c -> fd.filestatSetTimes(c.i32(0), c.i64(1), c.i64(2), c.i32(3)));
        p.def("fd_pread", "iiiIi", c -> io.pread(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i64(3), c.i32(4)));
        p.def("fd_prestat_get", "ii", c -> fd.prestatGet(mem(c), c.i32(0), c.i32(1)));
        p.def("fd_prestat_dir_name", "iii", c -> fd.prestatDirName(mem(c), c.i32(0), c.i32(1), c.i32(2)));
        p.def("fd_pwrite", "iiiIi", c -> io.pwrite(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i64(3), c.i32(4)));
        p.def("fd_read", "iiii", c -> io.read(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3)));
        p.def("fd_readdir", "iiiIi", c -> dir.readdir(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i64(3), c.i32(4)));
        p.def("fd_renumber", "ii", c -> fd.renumber(c.i32(0), c.i32(1)));
        p.def("fd_seek", "iIii", c -> io.seek(mem(c), c.i32(0), c.i64(1), c.i32(2), c.i32(3)));
        p.def("fd_sync", "i", c -> fd.sync(c.i32(0), true));
        p.def("fd_tell", "ii", c -> io.tell(mem(c), c.i32(0), c.i32(1)));
        p.def("fd_write", "iiii", c -> io.write(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3)));
        p.def("path_create_directory", "iii", c -> path.createDirectory(mem(c), c.i32(0), c.i32(1), c.i32(2)));
        p.def("path_filestat_get", "iiiii",
                c -> path.filestatGet(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4)));
        p.def("path_filestat_set_times", "iiiiIIi", c -> path.filestatSetTimes(mem(c), c.i32(0), c.i32(1),
                c.i32(2), c.i32(3), c.i64(4), c.i64(5), c.i32(6)));
        p.def("path_link", "iiiiiii", c -> path.link(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4),
                c.i32(5), c.i32(6)));
        p.def("path_open", "iiiiiIIii", c -> open.open(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4),
                c.i64(5), c.i64(6), c.i32(7), c.i32(8)));
        p.def("path_readlink", "iiiiii",
                c -> path.readlink(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4), c.i32(5)));
        p.def("path_remove_directory", "iii", c -> path.removeDirectory(mem(c), c.i32(0), c.i32(1), c.i32(2)));
        p.def("path_rename", "iiiiii",
                c -> path.rename(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4), c.i32(5)));
        p.def("path_symlink", "iiiii", c -> path.symlink(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3), c.i32(4)));
        p.def("path_unlink_file", "iii", c -> path.unlinkFile(mem(c), c.i32(0), c.i32(1), c.i32(2)));
        p.def("poll_oneoff", "iiii", c -> poll.pollOneoff(mem(c), c.i32(0), c.i32(1), c.i32(2), c.i32(3)));
        p.types.put("proc_exit", type("i", false));
        p.functions.put("proc_exit", c -> pr.procExit(c.i32(0)));
        p.def("proc_raise", "i", c -> pr.procRaise(c.i32(0)));
        p.def("sched_yield", "", c -> pr.schedYield());
        p.def("random_get", "ii", c -> pr.randomGet(mem(c), c.i32(0), c.i32(1)));
        p.def("sock_accept", "iii", c -> sock.notASocket(c.i32(0)));
        p.def("sock_recv", "iiiiii", c -> sock.notASocket(c.i32(0)));
        p.def("sock_send", "iiiii", c -> sock.notASocket(c.i32(0)));
        p.def("sock_shutdown", "ii", c -> sock.notASocket(c.i32(0)));
        return p;
    }

    /** Defines a function returning an errno; {@code params} spells the parameters, {@code i} i32, {@code I} i64. */
    private void def(String name, String params, Call call) {
        types.put(name, type(params, true));
        functions.put(name, c -> c.setI32(0, errno(call, c)));
    }

    private static FunctionType type(String params, boolean returnsErrno) {
        ValueType[] p = new ValueType[params.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = params.charAt(i) == 'I' ? ValueType.I64 : ValueType.I32;
        }
        return FunctionType.of(p, returnsErrno ? new ValueType[] {ValueType.I32} : new ValueType[0]);
    }

    /** Runs a call and turns every failure into an errno: nothing but exits and traps reaches the host. */
    private int errno(Call call, HostCall c) {
        try {
            synchronized (lock) {
                return call.run(c);
            }
        } catch (WasiError e) {
            return e.errno;
        } catch (IOException e) {
            return IoErrors.errno(e);
        } catch (UncheckedIOException e) {
            return IoErrors.errno(e.getCause());
        } catch (WasiExitException | TrapException e) {
            throw e;
        } catch (RuntimeException e) {
            return IoErrors.errno(e);
        }
    }
}
