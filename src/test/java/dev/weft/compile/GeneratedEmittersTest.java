package dev.weft.compile;

import dev.weft.code.Opcodes;
import dev.weft.exec.CompiledSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated emitters (native-layout/EmitterGenerator.java) name each semantics method by
 * class, name and descriptor, which the generator resolved from the exec package's sources:
 * every one of them must be the very method the JVM finds, or compiled code would fail to link
 * at run time. And every instruction has an emitter: generated, or hand-written for custom ones.
 */
class GeneratedEmittersTest {
    private static final Pattern INVOKE = Pattern.compile("e\\.invoke\\(\"(\\w+)\", \"(\\w+)\", \"([^\"]+)\"\\)");
    private static final Pattern CASE = Pattern.compile("case Opcodes\\.(\\w+) -> ");

    private static String generatedSource() throws IOException, URISyntaxException {
        // target/classes/dev/weft/compile -> target/generated-sources/weft/dev/weft/compile
        Path classes = Path.of(GeneratedEmitters.class.getResource("GeneratedEmitters.class").toURI()).getParent();
        Path target = classes.getParent().getParent().getParent().getParent();
        return Files.readString(target.resolve("generated-sources/weft/dev/weft/compile/GeneratedEmitters.java"));
    }

    @Test
    void everySemanticsCallResolvesToItsMethod() throws Exception {
        MethodHandles.Lookup exec = CompiledSupport.lookup();
        Matcher m = INVOKE.matcher(generatedSource());
        int calls = 0;
        while (m.find()) {
            Class<?> owner = Class.forName("dev.weft.exec." + m.group(1));
            MethodType type = MethodType.fromMethodDescriptorString(m.group(3), owner.getClassLoader());
            exec.findStatic(owner, m.group(2), type); // throws if there is no such method
            calls++;
        }
        int stated = 0;
        for (int op = 0; op < Opcodes.COUNT; op++) {
            if (GeneratedEmitters.handler(op) == null) {
                stated++;
            }
        }
        assertEquals(stated, calls, "one semantics call per instruction with stated semantics");
    }

    @Test
    void everyInstructionHasAnEmitter() throws Exception {
        Matcher m = CASE.matcher(generatedSource());
        int generated = 0;
        while (m.find()) {
            generated++;
        }
        int custom = 0;
        for (int op = 0; op < Opcodes.COUNT; op++) {
            // return_v128 ends only functions returning a v128, which stay interpreted (FunctionPlan.hasV128)
            if (GeneratedEmitters.handler(op) != null && op != Opcodes.RETURN_V128) {
                assertTrue(CustomEmitters.supports(op), Opcodes.name(op) + " has no hand-written emitter");
                custom++;
            }
        }
        assertEquals(Opcodes.COUNT, generated + custom + 1);
    }
}
