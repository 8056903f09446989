package dev.weft.docs;

// The program of docs/getting-started.md, step 4, as the page shows it (DocSnippetsTest checks
// that the page and this file agree; GettingStartedTest runs it).

import dev.weft.Engine;
import dev.weft.Imports;
import dev.weft.Instance;
import dev.weft.Memory;
import dev.weft.WasmModule;

import java.io.InputStream;

public class Hello {
    /** The type of env.log: (i32, i32) -> (), and the caller's memory to read the string from. */
    public interface Log {
        void log(Memory memory, int ptr, int len);
    }

    public static void main(String[] args) throws Exception {
        WasmModule module;
        try (InputStream in = Hello.class.getResourceAsStream("hello.wasm")) {
            module = WasmModule.parse(in);
        }
        Imports imports = Imports.builder()
                .function("env", "log", Log.class, (memory, ptr, len) -> System.out.println(memory.readString(ptr, len)))
                .build();
        try (Instance instance = Engine.create().instantiate(module, imports)) {
            instance.function("run").call();
        }
    }
}
