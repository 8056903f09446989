package dev.weft.docs;

// The program of docs/getting-started.md, step 3, as the page shows it (DocSnippetsTest checks
// that the page and this file agree; GettingStartedTest runs it).

import dev.weft.Engine;
import dev.weft.Instance;
import dev.weft.WasmModule;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;

public class Main {
    public static void main(String[] args) throws Throwable {
        WasmModule module;
        try (InputStream in = Main.class.getResourceAsStream("add.wasm")) {
            module = WasmModule.parse(in);                      // decode, validate, translate: once
        }
        Engine engine = Engine.create();                        // thread-safe: one for the application
        try (Instance instance = engine.instantiate(module)) {  // cheap: one per task, user, thread...
            MethodHandle add = instance.function("add").handle();
            int sum = (int) add.invokeExact(1, 2);              // (int, int) int: no boxing
            System.out.println("1 + 2 = " + sum);
            Object[] results = instance.function("add").call(40, 2);   // or boxed, for convenience
            System.out.println("40 + 2 = " + results[0]);
        }
    }
}
