package dev.weft.cli;

/** The texts of {@code weft --help} and {@code weft COMMAND --help}. */
final class Help {
    private Help() {
    }

    static final String TOOL = """
            usage: weft [--dispatch switch|handles] [--verbose] [COMMAND]
              (no command)                        run the bundled WASI example (source: example.c in the jar)
              run [OPTIONS] FILE.wasm [ARG...]    run a WASI command's _start; ARGs go to the guest (argv[0] = FILE)
              FILE.wasm [ARG...]                  the same as run FILE.wasm [ARG...]
              disasm FILE.wasm [FUNCTION]         show the internal code of every function, or one
              stats FILE.wasm [--top N]           code sizes and instruction counts before and after translation
              wast [--validate] FILE.wast...      run spec-test scripts, print failed commands and a summary
                                                  (exit 0 all passed, 3 a command failed)
              print FILE.wasm                     print a binary module in the text format
              help [COMMAND]                      this text, or a command's (also: weft COMMAND --help)
            options:
              --dispatch switch|handles           the interpreter's dispatch mode
              --verbose                           print Java stack traces of errors
              --version                           print Weft's version
              -h, --help                          print this text
            """ + RunOptionsText.OPTIONS + """
            exit codes: the guest's exit code (0-255; larger become 255), 0 after --invoke, 1 usage,
                        2 module cannot be loaded (no such file, not a module, malformed, invalid,
                        unsupported) or linked, 70 internal error in Weft, 134 trap
            """;

    static final String RUN = """
            usage: weft run [OPTIONS] FILE.wasm [ARG...]
                   weft FILE.wasm [ARG...]
            Runs a WASI command (its _start export); ARGs go to the guest, argv[0] is FILE's name.
            With --invoke NAME, calls that export instead: ARGs are its parameters (decimal or 0x hex
            integers, Java float syntax such as 1.5e3, NaN, -Infinity; a v128 as SHAPE:LANE,... such as
            i32x4:1,2,3,4 (i8x16 i16x8 i32x4 i64x2 f32x4 f64x2) or 0x and 32 hex digits); its results
            are printed one per line (a v128 as 0x and 32 hex digits).
            """ + RunOptionsText.OPTIONS + """
            exit codes: the guest's exit code (0-255; larger become 255), 0 after --invoke, 1 usage,
                        2 module cannot be loaded or linked, 70 internal error in Weft, 134 trap
            """;

    static final String DISASM = """
            usage: weft disasm FILE.wasm [FUNCTION]
            Shows the internal code Weft translated every function to, or one function (by index,
            export name or name-section name).
            """;

    static final String STATS = """
            usage: weft stats FILE.wasm [--top N]
            Loads a module and prints how many functions it has, the size and instruction count of its
            WebAssembly code and of the internal code Weft translated it to (and their ratio), how long
            loading took in this fresh JVM, and the N largest functions (default 10).
            """;

    /** The options of run, shared by both texts. */
    private static final class RunOptionsText {
        static final String OPTIONS = """
                run options (before FILE; everything after FILE goes to the guest):
                  --dir HOST[::GUEST]                 give the guest a host directory (as GUEST, default HOST)
                  --env NAME=VALUE                    set a guest environment variable
                  --env NAME                          pass the host's NAME (if set) to the guest
                  --invoke NAME                       call export NAME instead of _start
                  --dispatch switch|handles           the interpreter's dispatch mode
                  --tier interpreter|auto|compiled    run interpreted only, compile hot functions (default),
                                                      or compile every function first
                  --fuel N                            stop the guest after N units of fuel (about N
                                                      WebAssembly instructions; see docs/embedding.md)
                  --timeout DURATION                  stop the guest after DURATION (500ms, 2s, 1m)
                  --max-memory BYTES                  cap the guest's memory (suffixes K, M, G; default 1G)
                  --max-call-depth N                  cap the guest's call depth (default 50000)
                  --verbose                           print Java stack traces of errors
                """;
    }

    /**
     * @param command a command name
     * @return its help text
     * @throws IllegalArgumentException if there is no such command
     */
    static String of(String command) {
        return switch (command) {
            case "run" -> RUN;
            case "disasm" -> DISASM;
            case "stats" -> STATS;
            case "help" -> TOOL;
            default -> throw new IllegalArgumentException("unknown command '" + command + "'");
        };
    }
}
