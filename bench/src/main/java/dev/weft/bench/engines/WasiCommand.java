package dev.weft.bench.engines;

import java.io.OutputStream;
import java.util.List;

/**
 * A WASI command module parsed (and, where the engine does so, translated or compiled) once, run
 * any number of times: each run is what a command-line runner does after loading the module.
 */
@FunctionalInterface
public interface WasiCommand {
    /**
     * Makes a WASI preview 1 context (these arguments, no environment, no directories), instantiates
     * the module with it, calls {@code _start} and ends the instance.
     *
     * @param argv the guest's arguments, the program name first
     * @param stdout receives the guest's standard output
     * @param stderr receives the guest's standard error
     * @return the exit code: 0 if {@code _start} returned, else the code passed to {@code proc_exit}
     */
    int run(List<String> argv, OutputStream stdout, OutputStream stderr);
}
