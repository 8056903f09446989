package dev.weft.wasi;

import dev.weft.FunctionType;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.WasmFunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * A WASI preview 1 context: what one guest program sees of the outside world (its arguments,
 * environment, standard streams, preopened directories, clocks and randomness) and the
 * {@code wasi_snapshot_preview1} host functions that give it access.
 *
 * <pre>{@code
 * try (Wasi wasi = Wasi.builder()
 *         .args("app.wasm", "--verbose")
 *         .env("LANG", "C.UTF-8")
 *         .preopen(Path.of("data"), "/data")
 *         .stdout(System.out)
 *         .stderr(System.err)
 *         .build()) {
 *     Instance instance = Engine.create().instantiate(WasmModule.parse(Path.of("app.wasm")), wasi.imports());
 *     int exitCode = wasi.runStart(instance);
 * }
 * }</pre>
 *
 * <p>Nothing is granted unless the builder says so: no arguments, no environment variables, no
 * directories; stdin reads as empty and stdout and stderr discard what is written.
 *
 * <p>A context serves one instance (its descriptors are that guest's), holds host files open
 * (close it when done) and is not thread-safe: use it, and the instance, from one thread at a
 * time, as WebAssembly 2.0 guests expect anyway. (Its WASI calls and {@link #close()} are
 * serialized all the same, so that misuse cannot make a call use a host directory handle that
 * another thread has closed.)
 */
public final class Wasi implements AutoCloseable {
    private final FdTable fds;
    private final Imports imports;
    private boolean closed;

    private Wasi(Builder b) {
        this.fds = new FdTable();
        fds.add(StdioStream.input(b.stdin));
        fds.add(StdioStream.output(b.stdout));
        fds.add(StdioStream.output(b.stderr));
        try {
            for (Preopen p : b.preopens) {
                fds.add(new OpenDirectory(HostHandle.openPreopen(p.host()), p.guestPath(), Rights.DIRECTORY,
                        Rights.DIRECTORY | Rights.FILE));
            }
        } catch (IOException e) {
            try {
                fds.closeAll();
            } catch (IOException ignored) {
                // the preopen's failure is what the caller needs to know
            }
            throw new UncheckedIOException("cannot open a preopened directory", e);
        }
        Clocks clocks = new Clocks();
        List<byte[]> args = b.args.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> environment = b.environment().entrySet().stream()
                .map(e -> (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8)).toList();
        this.imports = Preview1.imports(fds,
                new ProcessCalls(args, environment, clocks, b.random != null ? b.random : new SecureRandom()),
                new FdCalls(fds), new ReadWriteCalls(fds), new DirectoryCalls(fds), new PathCalls(fds),
                new OpenCalls(fds), new PollCalls(fds, clocks), new SocketCalls(fds));
    }

    /**
     * Starts a configuration.
     *
     * @return a builder that grants nothing yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code wasi_snapshot_preview1} functions, all 46 of them, bound to this context. Combine
     * them with other imports through {@link Imports.Builder#addAll(Imports)}.
     *
     * @return the imports (the same object on every call)
     */
    public Imports imports() {
        return imports;
    }

    /**
     * Runs a WASI command: calls its {@code _start} export and returns its exit code. Output the
     * guest left in the standard streams is flushed when it ends, however it ends.
     *
     * @param instance an instance created with {@link #imports()}
     * @return 0 if {@code _start} returned, else the code the guest passed to {@code proc_exit}
     * @throws IllegalArgumentException if the instance has no {@code _start} function of type {@code () -> ()}
     * @throws IllegalStateException if this context is closed
     * @throws dev.weft.TrapException if the guest traps
     */
    public int runStart(Instance instance) {
        if (closed) {
            throw new IllegalStateException("this WASI context is closed");
        }
        WasmFunction start;
        try {
            start = instance.function("_start");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a WASI command: the module exports no _start function", e);
        }
        if (!start.type().equals(FunctionType.of(List.of(), List.of()))) {
            throw new IllegalArgumentException("_start must take and return nothing, not " + start.type());
        }
        try {
            start.call();
            return 0;
        } catch (WasiExitException e) {
            return e.exitCode();
        } finally {
            try {
                fds.flushStreams();
            } catch (IOException ignored) {
                // the guest's output is lost either way; its outcome is what the caller asked for
            }
        }
    }

    /**
     * Closes every file and directory the guest has open and flushes its output streams. The
     * host's streams themselves stay open. Calls the guest makes afterwards fail with {@code EBADF}.
     *
     * @throws UncheckedIOException if a file could not be closed (all are tried)
     */
    @Override
    public void close() {
        synchronized (fds) { // the guest's calls hold it: none is using a descriptor while it closes
            if (closed) {
                return;
            }
            closed = true;
            try {
                fds.closeAll();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the WASI guest's files failed", e);
            }
        }
    }

    private record Preopen(Path host, String guestPath) {
    }

    /**
     * Builds a {@link Wasi} context. Every setting is optional; a builder grants nothing by default.
     * Not thread-safe.
     */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean inheritEnv;
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin;
        private OutputStream stdout;
        private OutputStream stderr;
        private Random random;

        private Builder() {
        }

        /**
         * Sets the guest's command line ({@code argv}), replacing any set before. By convention the
         * first is the program name; C programs expect at least that one. Default: none.
         *
         * @param args the arguments
         * @return this
         * @throws IllegalArgumentException if one contains a NUL character
         */
        public Builder args(String... args) {
            List<String> list = List.of(args);
            list.forEach(a -> noNul(a, "argument"));
            this.args.clear();
            this.args.addAll(list);
            return this;
        }

        /**
         * Sets an environment variable, replacing an earlier or inherited one of the same name.
         *
         * @param name its name (not empty, without {@code =})
         * @param value its value
         * @return this
         * @throws IllegalArgumentException if the name is empty or contains {@code =}, or either contains NUL
         */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("environment variable name must be non-empty and without '=': " + name);
            }
            env.put(noNul(name, "environment variable name"), noNul(value, "environment variable value"));
            return this;
        }

        /**
         * Gives the guest the host process's environment ({@link System#getenv()}), read when
         * {@link #build()} runs, in name order; variables set with {@link #env} take precedence.
         *
         * @return this
         */
        public Builder inheritEnv() {
            this.inheritEnv = true;
            return this;
        }

        /**
         * Grants the guest a host directory: it appears as a preopened descriptor (3, 4, ... in the
         * order of the calls) under {@code guestPath}, and everything beneath it becomes reachable
         * through it, nothing above it (see the package documentation for the sandbox).
         *
         * @param hostDirectory an existing host directory
         * @param guestPath the name the guest sees, e.g. {@code "/data"} or {@code "."}
         * @return this
         * @throws IllegalArgumentException if the host path is not a directory, the guest path is empty, or
         *     there would be more preopens than a guest can have descriptors
         * @throws UncheckedIOException if the host directory cannot be resolved
         * @throws UnsupportedOperationException if this host cannot sandbox a directory race-free: Weft
         *     needs Linux (x86-64 or AArch64) with {@code /proc}, and native access for Weft (on JDK 25
         *     it is allowed with a warning unless {@code --enable-native-access} names Weft's module;
         *     see the package documentation)
         */
        public Builder preopen(Path hostDirectory, String guestPath) {
            Objects.requireNonNull(hostDirectory, "hostDirectory");
            String unavailable = Libc.unavailableReason();
            if (unavailable != null) {
                throw new UnsupportedOperationException(unavailable);
            }
            if (preopens.size() + 3 >= FdTable.MAX_OPEN) {
                throw new IllegalArgumentException("more than " + (FdTable.MAX_OPEN - 3) + " preopened directories");
            }
            if (noNul(guestPath, "guest path").isEmpty()) {
                throw new IllegalArgumentException("guest path must not be empty");
            }
            if (!Files.isDirectory(hostDirectory)) {
                throw new IllegalArgumentException("not a directory: " + hostDirectory);
            }
            try {
                preopens.add(new Preopen(hostDirectory.toRealPath(), guestPath));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot resolve " + hostDirectory, e);
            }
            return this;
        }

        /**
         * Sets the guest's standard input (descriptor 0). Default: end of file at once.
         *
         * @param in what the guest reads (not closed by Weft)
         * @return this
         */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in, "in");
            return this;
        }

        /**
         * Sets the guest's standard output (descriptor 1). Each write is flushed. Default: discarded.
         *
         * @param out where the guest's writes go (not closed by Weft)
         * @return this
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Sets the guest's standard error (descriptor 2). Each write is flushed. Default: discarded.
         *
         * @param err where the guest's writes go (not closed by Weft)
         * @return this
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Sets the source of {@code random_get}'s bytes. Default: a new {@link SecureRandom}.
         *
         * @param random e.g. a seeded {@link Random}, for reproducible runs
         * @return this
         */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        private Map<String, String> environment() {
            Map<String, String> all = new LinkedHashMap<>();
            if (inheritEnv) {
                for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
                    if (e.getKey().indexOf('\0') < 0 && e.getValue().indexOf('\0') < 0) {
                        all.put(e.getKey(), e.getValue());
                    }
                }
            }
            all.putAll(env);
            return all;
        }

        /**
         * Creates a context with these settings. The builder may be reused: each context is separate
         * and holds its own handles of the preopened directories, opened now.
         *
         * @return the new context
         * @throws UncheckedIOException if a preopened directory can no longer be opened
         */
        public Wasi build() {
            return new Wasi(this);
        }

        private static String noNul(String s, String what) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " contains a NUL character");
            }
            return s;
        }
    }
}
