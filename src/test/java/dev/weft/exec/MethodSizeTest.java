package dev.weft.exec;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot does not JIT-compile a method of more than 8000 bytes of bytecode
 * ({@code -XX:HugeMethodLimit}, and {@code DontCompileHugeMethods} is on by default): such a
 * method stays interpreted forever. The executor's methods, the generated dispatch loops first,
 * must all stay below it.
 */
class MethodSizeTest {
    /** Strictly below HotSpot's HugeMethodLimit of 8000. */
    static final int LIMIT = 8000;

    @Test
    void everyExecutorMethodIsBelowTheJitLimit() {
        List<ClassFiles.Method> methods = ClassFiles.methodsIn(ClassFiles.classDirectory(Machine.class)).stream()
                .sorted(Comparator.comparingInt(ClassFiles.Method::codeLength).reversed())
                .toList();
        System.out.println("largest methods of dev.weft.exec:");
        methods.stream().limit(5).forEach(m -> System.out.println("  " + m));
        // the dispatch loops are among those checked
        for (String loop : List.of("dev.weft.exec.SwitchInterpreter", "dev.weft.exec.HandleInterpreter")) {
            assertTrue(methods.stream().anyMatch(m -> m.className().equals(loop) && m.name().equals("dispatch") && m.codeLength() > 0),
                    loop + ".dispatch not found");
        }
        // run only loops over dispatch: the path taken when a call ends is outside the big method (see run's comment)
        for (String loop : List.of("dev.weft.exec.SwitchInterpreter", "dev.weft.exec.HandleInterpreter")) {
            ClassFiles.Method run = methods.stream().filter(m -> m.className().equals(loop) && m.name().equals("run"))
                    .findFirst().orElseThrow(() -> new AssertionError(loop + ".run not found"));
            assertTrue(run.codeLength() < 16, loop + ".run should only loop over dispatch: " + run);
        }
        List<ClassFiles.Method> huge = methods.stream().filter(m -> m.codeLength() >= LIMIT).toList();
        assertEquals(List.of(), huge, "methods HotSpot will not compile");
    }

    @Test
    void readerMeasuresKnownMethods() throws Exception {
        // the reader itself, checked against a class whose method sizes are easy to reason about
        byte[] traps;
        try (var in = Traps.class.getResourceAsStream("Traps.class")) {
            traps = in.readAllBytes();
        }
        List<ClassFiles.Method> methods = ClassFiles.methods(traps);
        ClassFiles.Method divideByZero = methods.stream().filter(m -> m.name().equals("divideByZero")).findFirst().orElseThrow();
        assertEquals("dev.weft.exec.Traps", divideByZero.className());
        assertEquals("()Ldev/weft/TrapException;", divideByZero.descriptor());
        // new, dup, getstatic, invokespecial, areturn: 3 + 1 + 3 + 3 + 1
        assertEquals(11, divideByZero.codeLength());
    }
}
