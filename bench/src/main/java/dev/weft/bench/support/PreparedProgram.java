package dev.weft.bench.support;

import dev.weft.bench.engines.EngineKind;
import dev.weft.bench.engines.WasiCommand;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ProgramRuns.Run} prepared for one engine (module parsed once): each {@link #run()}
 * runs the WASI command on a fresh instance and WASI context, captures its stdout and stderr,
 * and throws unless the exit code and every byte of stdout are the recorded ones.
 */
public final class PreparedProgram {
    private final EngineKind engine;
    private final ProgramRuns.Run spec;
    private final WasiCommand command;
    private final List<String> argv;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream(4096);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream(256);

    /**
     * @param engine the engine
     * @param spec the run
     */
    public PreparedProgram(EngineKind engine, ProgramRuns.Run spec) {
        this.engine = engine;
        this.spec = spec;
        this.command = engine.compileCommand(spec.program().wasm());
        this.argv = spec.argv();
    }

    /**
     * Runs the program once and checks its output.
     *
     * @return the number of stdout bytes (for JMH to consume)
     * @throws WrongResultException if the exit code or the output differ from the recorded ones
     */
    public int run() {
        stdout.reset();
        stderr.reset();
        int exit = command.run(argv, stdout, stderr);
        byte[] out = stdout.toByteArray();
        if (exit != spec.exitCode() || !Arrays.equals(out, spec.stdout())) {
            throw new WrongResultException(engine.id() + ": " + spec.describe() + " exited " + exit + " (expected "
                    + spec.exitCode() + ") and printed\n" + new String(out, StandardCharsets.UTF_8) + "expected\n"
                    + new String(spec.stdout(), StandardCharsets.UTF_8) + "stderr: " + stderr.toString(StandardCharsets.UTF_8));
        }
        return out.length;
    }

    /** @return what this runs */
    public ProgramRuns.Run spec() {
        return spec;
    }
}
