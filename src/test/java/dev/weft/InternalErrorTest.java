package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.code.CompiledCode;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.FunctionBody;
import dev.weft.decode.ModuleDecoder;
import dev.weft.runtime.InternalErrors;
import dev.weft.validate.ModuleValidator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The last line of defence: a failure inside Weft that is not a documented {@link WeftException}
 * (a bug) leaves parsing, instantiation and calls as an {@link InternalErrorException} naming
 * what failed, never as a bare Java exception; what hosts throw themselves passes unchanged.
 * Failures are injected by corrupting {@code internal_error.wasm} after validation.
 */
class InternalErrorTest {
    private static byte[] bytes() {
        try (var in = InternalErrorTest.class.getResourceAsStream("internal_error.wasm")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void translatorFailureNamesFunctionAndOffset() {
        DecodedModule decoded = ModuleDecoder.decode(bytes());
        ModuleValidator.validate(decoded);
        FunctionBody body = decoded.bodies[0];
        int drop = -1;
        for (int i = body.offset(); i < body.offset() + body.length(); i++) {
            if (decoded.bytes[i] == 0x1A) {
                drop = i;
            }
        }
        assertTrue(drop > 0, "the body has its drop");
        decoded.bytes[drop] = (byte) 0xFF; // not an opcode: the validator would never let it through
        WasmModule module = WasmModule.of(decoded); // functions are translated when first needed
        InternalErrorException e = assertThrows(InternalErrorException.class, module::translateAll);
        assertEquals("seven (func 0)", e.function());
        assertTrue(e.offset() > drop && e.offset() <= body.offset() + body.length(), "offset " + e.offset());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("internal error in Weft while translating, in seven (func 0) (at byte offset 0x"),
                e.getMessage());
    }

    @Test
    void instantiationFailureIsInternalError() {
        WasmModule module = WasmModule.parse(bytes());
        int at = module.decoded().globalInits[0].offset();
        module.decoded().bytes[at] = 0x23; // global.get 9 of a module with one global
        module.decoded().bytes[at + 1] = 0x09;
        InternalErrorException e = assertThrows(InternalErrorException.class, () -> Engine.create().instantiate(module));
        assertTrue(e.getMessage().startsWith("internal error in Weft while instantiating"), e.getMessage());
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, e.getCause());
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void callFailureIsInternalErrorAndTheEngineStaysUsable(RunMode mode) {
        WasmModule module = WasmModule.parse(bytes());
        CompiledCode code = module.compiled();
        code.functions[CompiledCode.ENTRY] = (int) code.code.byteSize() + 4096; // enter outside the code
        Engine engine = TestWasm.engine(mode);
        Instance broken = engine.instantiate(module);
        InternalErrorException e = assertThrows(InternalErrorException.class, () -> broken.function("seven").call());
        assertTrue(e.getMessage().startsWith("internal error in Weft while running WebAssembly"), e.getMessage());
        // interpreted, the fetch outside the code fails; compiled, reading the function's code does
        assertInstanceOf(RuntimeException.class, e.getCause());
        assertEquals(7, engine.instantiate(WasmModule.parse(bytes())).function("seven").call()[0]);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void hostExceptionsFromTheStartFunctionPassUnchanged(RunMode mode) {
        RuntimeException mine = new IllegalArgumentException("the host's own");
        Imports imports = Imports.builder()
                .function("env", "boom", FunctionType.of(List.of(), List.of()), c -> {
                    throw mine;
                })
                .build();
        WasmModule module = TestWasm.module("start_host");
        assertSame(mine, assertThrows(IllegalArgumentException.class, () -> TestWasm.engine(mode).instantiate(module, imports)));
    }

    @Test
    void policy() {
        TrapException trap = new TrapException(TrapKind.UNREACHABLE);
        assertSame(trap, InternalErrors.convert(trap, "testing", null, -1));
        Error error = new AssertionError("a host's");
        assertSame(error, assertThrows(AssertionError.class, () -> InternalErrors.convert(error, "testing", null, -1)));
        IllegalStateException closed = new IllegalStateException("Already closed");
        assertSame(closed, InternalErrors.convert(closed, "testing", null, -1));
        RuntimeException bug = new NullPointerException();
        InternalErrorException e = assertInstanceOf(InternalErrorException.class, InternalErrors.convert(bug, "testing", "f", 0x10));
        assertEquals("internal error in Weft while testing, in f (at byte offset 0x10): java.lang.NullPointerException"
                + " (a bug in Weft; please report it with the module)", e.getMessage());
        assertSame(bug, e.getCause());
    }
}
