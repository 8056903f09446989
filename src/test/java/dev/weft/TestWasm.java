package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Test modules and engines. Modules are compiled from the {@code .wat} next to them under
 * {@code src/test/resources/dev/weft} ({@code wat2wasm --debug-names}, so traps name their
 * functions) and committed, because CI machines have no wat2wasm.
 */
final class TestWasm {
    private TestWasm() {
    }

    /** @return the committed module {@code dev/weft/<name>.wasm} */
    static WasmModule module(String name) {
        try (InputStream in = TestWasm.class.getResourceAsStream(name + ".wasm")) {
            if (in == null) {
                throw new IllegalStateException("no test module " + name + ".wasm (compile " + name + ".wat)");
            }
            return WasmModule.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an engine with the default limits running the given way */
    static Engine engine(RunMode mode) {
        return mode.engine();
    }

    /** @return an instance of the module without imports, on a default engine of the mode */
    static Instance instance(RunMode mode, String name) {
        return engine(mode).instantiate(module(name));
    }
}
