package dev.weft.cli;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.text.Script;
import dev.weft.text.ScriptParser;
import dev.weft.text.ScriptRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft wast [--validate] FILE.wast...}: runs spec-test scripts and prints every command
 * that failed, then a summary per script. With {@code --validate}, modules are only decoded and
 * validated (every rule Weft knows) and commands that need execution are skipped.
 *
 * <p>Exit codes: 0 if every command passed, {@value #FAILED} if one failed, 2 if a script does
 * not parse (the message says where), 1 for a usage error.
 */
final class WastCommand {
    /** Exit code when a command of a script failed. */
    static final int FAILED = 3;

    private WastCommand() {
    }

    static int run(List<String> args, DispatchMode dispatch, PrintStream out) {
        boolean validate = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--validate")) {
                validate = true;
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a + " of wast");
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("wast needs a script file");
        }
        long failed = 0;
        for (String file : files) {
            failed += script(Path.of(file), validate, dispatch, out);
        }
        return failed == 0 ? Main.OK : FAILED;
    }

    /** @return the number of commands that failed */
    private static long script(Path file, boolean validate, DispatchMode dispatch, PrintStream out) {
        Script script;
        try {
            script = ScriptParser.parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        try (ScriptRunner runner = validate ? ScriptRunner.validating()
                : ScriptRunner.executing(Engine.builder().dispatch(dispatch).build())) {
            for (Script.Command command : script.commands()) {
                ScriptRunner.Outcome o = runner.run(command);
                switch (o.status()) {
                    case PASSED -> passed++;
                    case SKIPPED -> skipped++;
                    case FAILED -> {
                        failed++;
                        out.println(file + ":" + command.line() + " " + command.kind() + ": " + o.detail());
                    }
                }
            }
        }
        out.println(file + ": " + passed + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : "") + " (" + (validate ? "validate" : dispatch.id()) + ")");
        return failed;
    }
}
