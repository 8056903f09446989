package dev.weft.validate;

import static dev.weft.decode.WasmOpcodes.*;
import static dev.weft.validate.ValidatorAssertions.assertInvalid;
import static dev.weft.validate.ValidatorAssertions.assertMalformed;
import static dev.weft.validate.ValidatorAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.ValueType;
import dev.weft.decode.CodeReader;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.InstructionReader;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Deep nesting, and random bodies: whatever the bytes, only Weft's module exceptions come out,
 * and the decode-only pass used after a validation error agrees with the validator on what is
 * malformed.
 */
class RobustnessTest {
    private static final int DEPTH = 100_000;

    private static byte[] nested(int open, int close, int... middle) {
        byte[] b = new byte[1 + 2 * open + middle.length + close + 1];
        int p = 1; // no locals
        for (int i = 0; i < open; i++) {
            b[p++] = (byte) BLOCK;
            b[p++] = 0x40;
        }
        for (int m : middle) {
            b[p++] = (byte) m;
        }
        for (int i = 0; i < close; i++) {
            b[p++] = (byte) END;
        }
        b[p++] = (byte) END;
        return Arrays.copyOf(b, p);
    }

    @Test
    void hundredThousandNestedBlocksValidate() {
        TestModule m = new TestModule();
        m.func(m.type(), nested(DEPTH, DEPTH, BR, 0x9F, 0x8D, 0x06)); // br 99999: the outermost block
        assertValid(m.build());
    }

    @Test
    void deepNestingErrorsAreReported() {
        TestModule m = new TestModule();
        m.func(m.type(), nested(DEPTH, DEPTH, I32_CONST, 1));
        assertInvalid(m.build(), "type mismatch");
        TestModule open = new TestModule();
        open.func(open.type(), nested(DEPTH, DEPTH - 1));
        assertMalformed(open.build(), "unexpected end");
        TestModule label = new TestModule();
        label.func(label.type(), nested(DEPTH, DEPTH, BR, 0xA1, 0x8D, 0x06)); // br 100001
        assertInvalid(label.build(), "unknown label");
    }

    @Test
    void deeplyNestedInvalidBodyIsStillDecodedForMalformedness() {
        TestModule m = new TestModule();
        int t = m.type();
        m.func(t, nested(DEPTH, DEPTH, I32_CONST, 1));
        m.func(t, nested(DEPTH, DEPTH, 0xFF));
        assertMalformed(m.build(), "illegal opcode");
    }

    /** Opcode-heavy random bytes, biased towards instructions with immediates and blocks. */
    private static byte[] randomBody(Random rnd) {
        int[] pool = {UNREACHABLE, NOP, BLOCK, LOOP, IF, ELSE, END, END, END, BR, BR_IF, BR_TABLE, RETURN, CALL,
            CALL_INDIRECT, DROP, SELECT, SELECT_T, LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, TABLE_GET,
            TABLE_SET, I32_LOAD, I64_STORE, MEMORY_SIZE, MEMORY_GROW, I32_CONST, I64_CONST, F32_CONST, F64_CONST,
            I32_ADD, I64_EQZ, F64_MUL, REF_NULL, REF_IS_NULL, REF_FUNC, PREFIX_FC, PREFIX_FD, 0x40, 0x7F, 0x7B, 0x70,
            0x00, 0x01, 0x80, 0xFF, 0x0C, 0x10};
        int n = 1 + rnd.nextInt(40);
        byte[] b = new byte[n + 1 + n + 1];
        b[0] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0); // local groups
        int open = 1;
        for (int i = 1; i <= n; i++) {
            int op = rnd.nextInt(3) == 0 ? rnd.nextInt(256) : pool[rnd.nextInt(pool.length)];
            b[i] = (byte) op;
            open += op == BLOCK || op == LOOP || op == IF ? 1 : op == END ? -1 : 0;
        }
        // close what looks open, so that many bodies get past decoding into validation
        int p = n + 1;
        for (int i = 0; i < open && p < b.length; i++) {
            b[p++] = (byte) END;
        }
        return Arrays.copyOf(b, p);
    }

    private static DecodedModule randomModule(byte[] body, byte[] second) {
        TestModule m = new TestModule();
        int t = m.type(new ValueType[] {ValueType.I32, ValueType.V128}, new ValueType[] {ValueType.I32});
        m.type();
        m.memory(1, -1).table(ValueType.FUNCREF, 1, -1).global(ValueType.I32, true, I32_CONST, 0, END);
        m.passiveData(1).dataCount(1);
        m.func(t, body);
        m.func(1, second);
        return m.build();
    }

    @Test
    void randomBodiesOnlyThrowModuleExceptions() {
        Random rnd = new Random(42);
        int malformed = 0;
        int invalid = 0;
        for (int i = 0; i < 200_000; i++) {
            DecodedModule m = randomModule(randomBody(rnd), Bytes.of(0, END));
            try {
                ModuleValidator.validate(m);
            } catch (MalformedModuleException e) {
                malformed++;
            } catch (InvalidModuleException e) {
                invalid++;
            } catch (ModuleException e) {
                // unsupported: fine
            } catch (RuntimeException | Error e) {
                fail("escaped for body " + Arrays.toString(Arrays.copyOfRange(m.bytes, m.bodies[0].offset(),
                        m.bodies[0].offset() + m.bodies[0].length())), e);
            }
        }
        assertTrue(malformed > 1000 && invalid > 1000, malformed + " malformed, " + invalid + " invalid");
    }

    @Test
    void decodeOnlyPassAgreesWithTheValidatorOnMalformedness() {
        Random rnd = new Random(7);
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] body = randomBody(rnd);
            DecodedModule m = randomModule(body, Bytes.of(0, END));
            int off = m.bodies[0].offset();
            int len = m.bodies[0].length();
            ModuleContext c = new ModuleContext(m);
            Arrays.fill(c.declaredFunctions, true);
            FunctionValidator v = new FunctionValidator(c, ModuleValidator.Scope.EXECUTABLE);
            ModuleException byValidator = null;
            try {
                v.validate(0, off, len);
            } catch (ModuleException e) {
                byValidator = e;
            }
            MalformedModuleException byDecoder = null;
            try {
                InstructionReader decoder = new InstructionReader(m.bytes);
                decoder.beginBody(off, len);
                ModuleValidator.skipLocals(decoder.input());
                decoder.readCode(CodeReader.SKIP);
            } catch (MalformedModuleException e) {
                byDecoder = e;
            }
            if (byValidator == null) {
                assertEquals(null, byDecoder, () -> "decoder rejects a valid body " + Arrays.toString(body));
            } else if (byValidator instanceof MalformedModuleException) {
                compared++;
                if (byDecoder == null) {
                    fail("decoder accepts a malformed body " + Arrays.toString(body) + ": " + byValidator);
                }
                assertEquals(byValidator.offset(), byDecoder.offset(), () -> Arrays.toString(body));
                assertEquals(byValidator.reason(), byDecoder.reason(), () -> Arrays.toString(body));
            }
        }
        assertTrue(compared > 1000, compared + " malformed bodies compared");
    }

    private static ValueType[] thousandI32() {
        ValueType[] t = new ValueType[1000];
        Arrays.fill(t, ValueType.I32);
        return t;
    }

    @Test
    void operandStackIsBounded() {
        TestModule m = new TestModule();
        m.importFunction(m.type(new ValueType[0], thousandI32()));
        int[] calls = new int[2 * 2000];
        for (int i = 0; i < calls.length; i += 2) {
            calls[i] = CALL; // each call leaves 1000 values
        }
        m.code(m.type(), Bytes.seq(calls, END));
        ValidatorAssertions.assertUnsupported(m.build(), "operand stack");
    }

    @Test
    void wideMultiValueCodeStaysLinear() {
        // 200,000 times: call a function with 1000 results, then br_table over three labels
        // of 1000 values each; and the same amount of work on a polymorphic stack
        TestModule m = new TestModule();
        int wide = m.type(new ValueType[0], thousandI32());
        m.importFunction(wide);
        int n = 200_000;
        int[] code = new int[n * 9 + 1];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int b : new int[] {CALL, 0, I32_CONST, 0, BR_TABLE, 2, 0, 0, 0}) {
                code[p++] = b;
            }
        }
        code[p] = END;
        m.code(wide, code);
        int[] poly = new int[n * 2 + 2];
        poly[0] = UNREACHABLE;
        for (int i = 1; i <= 2 * n; i += 2) {
            poly[i] = RETURN;
            poly[i + 1] = DROP;
        }
        poly[poly.length - 1] = END;
        m.code(wide, poly);
        DecodedModule module = m.build();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertValid(module));
    }
}
