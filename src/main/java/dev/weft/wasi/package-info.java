/**
 * WASI preview 1 ({@code wasi_snapshot_preview1}): run WebAssembly programs compiled for WASI,
 * such as C with wasi-libc or Rust's {@code wasm32-wasip1} target.
 *
 * <h2>Running a WASI command</h2>
 * <pre>{@code
 * WasmModule module = WasmModule.parse(Path.of("app.wasm"));
 * try (Wasi wasi = Wasi.builder()
 *         .args("app.wasm", "input.txt")         // argv, program name first
 *         .env("HOME", "/data")                  // or .inheritEnv()
 *         .preopen(Path.of("work"), "/data")     // host directory, guest name
 *         .stdin(System.in).stdout(System.out).stderr(System.err)
 *         .build()) {
 *     Instance instance = Engine.create().instantiate(module, wasi.imports());
 *     int exitCode = wasi.runStart(instance);    // _start, proc_exit turned into the code
 * }
 * }</pre>
 * {@link dev.weft.wasi.Wasi#imports()} can be combined with other imports through
 * {@code Imports.builder().addAll(wasi.imports())}. A guest's {@code proc_exit} throws
 * {@link dev.weft.wasi.WasiExitException}, which {@code runStart} turns into the exit code; traps
 * propagate as {@link dev.weft.TrapException}.
 *
 * <h2>What the guest can reach</h2>
 * Nothing by default: no arguments, no environment, no directories, an empty stdin and
 * discarding stdout and stderr. A preopened directory is a capability: paths are resolved
 * beneath it one component at a time; absolute paths, {@code ..} above it and symbolic links
 * leading out of it (absolute targets, or too many {@code ..}) fail with {@code ENOTCAPABLE}.
 * Each directory descriptor opened through it is the root of what it grants in turn. Rights
 * only shrink from the preopen's down.
 *
 * <p>The sandbox holds even while other processes change the host directories (swapping a
 * directory for a link to elsewhere): Weft holds every directory it resolves through open and
 * acts relative to it, never by a host path. That needs Linux (x86-64 or AArch64) with
 * {@code /proc}, and three C library calls through the Foreign Function API: on JDK 25 they print
 * a warning unless native access is enabled for Weft ({@code --enable-native-access=ALL-UNNAMED}
 * on the class path, {@code --enable-native-access=dev.weft} on the module path); a JVM that denies
 * native access, or another operating system, cannot preopen directories
 * ({@link dev.weft.wasi.Wasi.Builder#preopen} throws {@code UnsupportedOperationException}).
 *
 * <h2>Errors</h2>
 * Every failure is returned to the guest as a WASI errno: host I/O errors are mapped to the
 * closest errno, a guest pointer or length outside its memory is {@code EFAULT}. No Java
 * exception reaches the host from a WASI call except {@code WasiExitException}.
 *
 * <p>The call-by-call reference is {@code docs/wasi.md}.
 */
package dev.weft.wasi;
