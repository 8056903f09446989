package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.TextFormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Scripts parse into their commands, and run as the suite's scripts do. */
class ScriptTest {
    private static final String SCRIPT = """
            (module $m
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
              (global (export "g") i64 (i64.const -1)))
            (register "lib" $m)
            (module (import "lib" "add" (func $add (param i32 i32) (result i32)))
              (func (export "twice") (param i32) (result i32) (call $add (local.get 0) (local.get 0))))
            (assert_return (invoke "twice" (i32.const 21)) (i32.const 42))
            (assert_return (invoke $m "nan") (f32.const nan:arithmetic))
            (assert_return (get $m "g") (either (i64.const 0) (i64.const -1)))
            (assert_trap (invoke $m "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
            (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
            (assert_unlinkable (module (import "lib" "nothing" (func))) "unknown import")
            (module binary "\\00asm" "\\01\\00\\00\\00")
            (assert_return (invoke $m "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            """;

    private static Script parse(String text) {
        return ScriptParser.parse(text.getBytes(StandardCharsets.UTF_8), "test.wast");
    }

    @Test
    void commandsAreParsedInOrder() {
        List<Script.Command> c = parse(SCRIPT).commands();
        assertEquals(List.of("module", "register", "module", "assert_return", "assert_return", "assert_return",
                "assert_trap", "assert_malformed", "assert_invalid", "assert_unlinkable", "module", "assert_return"),
                c.stream().map(Script.Command::kind).toList());
        assertEquals(1, c.get(0).line());
        Script.AssertReturn twice = (Script.AssertReturn) c.get(3);
        assertEquals(new Script.Invoke(null, "twice", List.of(new Script.I32(21))), twice.action());
        assertInstanceOf(Script.NanPattern.class, ((Script.AssertReturn) c.get(4)).results().get(0));
        assertInstanceOf(Script.Either.class, ((Script.AssertReturn) c.get(5)).results().get(0));
    }

    @Test
    void everyCommandButTheLastPassesWhenExecuted() {
        for (DispatchMode mode : DispatchMode.values()) {
            List<ScriptRunner.Status> statuses = new ArrayList<>();
            try (ScriptRunner r = ScriptRunner.executing(Engine.builder().dispatch(mode).build())) {
                for (Script.Command command : parse(SCRIPT).commands()) {
                    statuses.add(r.run(command).status());
                }
            }
            List<ScriptRunner.Status> expected = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                expected.add(ScriptRunner.Status.PASSED);
            }
            expected.add(ScriptRunner.Status.FAILED); // 1 + 2 is not 4
            assertEquals(expected, statuses, mode.id());
        }
    }

    @Test
    void validatingSkipsWhatNeedsExecution() {
        List<ScriptRunner.Status> statuses = new ArrayList<>();
        try (ScriptRunner r = ScriptRunner.validating()) {
            for (Script.Command command : parse(SCRIPT).commands()) {
                statuses.add(r.run(command).status());
            }
        }
        ScriptRunner.Status p = ScriptRunner.Status.PASSED;
        ScriptRunner.Status s = ScriptRunner.Status.SKIPPED;
        assertEquals(List.of(p, s, p, s, s, s, s, p, p, s, p, s), statuses);
    }

    @Test
    void aModuleThatDoesNotParseFailsOnlyItsCommand() {
        Script script = parse("(module (func (i32.bogus))) (assert_return (invoke \"f\"))");
        try (ScriptRunner r = ScriptRunner.validating()) {
            ScriptRunner.Outcome o = r.run(script.commands().get(0));
            assertEquals(ScriptRunner.Status.FAILED, o.status());
            assertInstanceOf(TextFormatException.class, o.cause());
        }
        assertThrows(TextFormatException.class, () -> parse("(assert_return (invoke \"f\") (i32.const))"));
    }
}
