package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A large module's function bodies are validated on several threads; the outcome must be the one
 * validating them in order gives: a malformed body anywhere wins, otherwise the first invalid body
 * in index order is reported, whichever thread found what first.
 */
class ParallelValidationTest {
    private static final int FUNCTIONS = 1500;
    /** i32.const/drop pairs per body: about 1.2 KB of body each, 1.8 MB in all (parallel from 512 KiB). */
    private static final int PAIRS = 400;

    /**
     * Every body ends with one byte, so that offsets compare across modules: kinds[i] says whether
     * body broken[i] is invalid (1: drops an empty stack) or malformed (2: an opcode that does not exist).
     */
    private static byte[] module(int[] broken, int[] kinds) {
        ModuleBuilder b = new ModuleBuilder();
        int none = b.type(List.of(), List.of());
        for (int f = 0; f < FUNCTIONS; f++) {
            ModuleBuilder.Code c = new ModuleBuilder.Code();
            for (int p = 0; p < PAIRS; p++) {
                c.i32Const(p).op(0x1A);
            }
            int last = 0x01; // nop; or, same length, a drop with nothing to drop, or no such opcode
            for (int k = 0; k < broken.length; k++) {
                if (broken[k] == f) {
                    last = kinds[k] == 1 ? 0x1A : 0xFF;
                }
            }
            c.op(last);
            b.function(none, c);
        }
        return b.build();
    }

    @Test
    void aValidLargeModuleLoads() {
        WasmModule m = WasmModule.parse(module(new int[0], new int[0]));
        assertEquals(FUNCTIONS, m.definedFunctionCount());
    }

    @Test
    void theFirstInvalidBodyInIndexOrderIsReported() {
        byte[] expected = module(new int[] {300}, new int[] {1});
        InvalidModuleException first = assertThrows(InvalidModuleException.class, () -> WasmModule.parse(expected));
        for (int attempt = 0; attempt < 5; attempt++) { // threads race differently each time
            InvalidModuleException e = assertThrows(InvalidModuleException.class,
                    () -> WasmModule.parse(module(new int[] {1400, 300, 900}, new int[] {1, 1, 1})));
            assertEquals(first.offset(), e.offset(), "the error in body 300, as in order");
            assertEquals(first.getMessage(), e.getMessage());
        }
    }

    @Test
    void aMalformedBodyAnywhereBeatsAnInvalidOne() {
        MalformedModuleException only = assertThrows(MalformedModuleException.class,
                () -> WasmModule.parse(module(new int[] {1200}, new int[] {2})));
        for (int attempt = 0; attempt < 5; attempt++) {
            MalformedModuleException e = assertThrows(MalformedModuleException.class,
                    () -> WasmModule.parse(module(new int[] {100, 1200}, new int[] {1, 2})));
            assertEquals(only.offset(), e.offset());
            assertTrue(e.getMessage().contains("illegal opcode") || e.getMessage().contains("opcode"), e.getMessage());
        }
    }
}
