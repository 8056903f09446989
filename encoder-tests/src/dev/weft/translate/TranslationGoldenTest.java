package dev.weft.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.DispatchMode;
import dev.weft.Engine;
import dev.weft.Tier;
import dev.weft.TrapException;
import dev.weft.TrapKind;
import dev.weft.Instance;
import dev.weft.V128;
import dev.weft.WasmModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden translation tests: each case in {@code encoder-tests/cases} is a readable {@code .wat}
 * (with its {@code .wasm} next to it, built by {@code wat2wasm --debug-names}) whose translated
 * code must equal the {@code .expected} disassembly, and whose {@code ;; assert f(args) = results}
 * lines (or {@code = trap KIND}, a {@link TrapKind} name) must hold in both dispatch modes and
 * compiled. Kept few and focused: one per fusion rule or tricky case.
 *
 * <p>After a deliberate translator change, regenerate with {@code -Dweft.golden.update=true}
 * and review the diff.
 */
class TranslationGoldenTest {
    private static final Path CASES = Path.of(System.getProperty("weft.encoder.cases", "encoder-tests/cases"));
    private static final boolean UPDATE = Boolean.getBoolean("weft.golden.update");
    private static final Pattern ASSERT = Pattern.compile(";; assert (\\w+)\\((.*)\\) = (.*)");
    /** The asserts run in both dispatch modes and compiled (every function compiled up front). */
    private static final List<Engine> ENGINES = List.of(
            Engine.builder().tier(Tier.INTERPRETER).dispatch(DispatchMode.SWITCH).build(),
            Engine.builder().tier(Tier.INTERPRETER).dispatch(DispatchMode.HANDLES).build(),
            Engine.builder().tier(Tier.COMPILED).build());

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> wats;
        try (Stream<Path> s = Files.list(CASES)) {
            wats = s.filter(p -> p.toString().endsWith(".wat")).sorted().toList();
        }
        assertTrue(wats.size() >= 10, "translation cases found in " + CASES);
        return wats.stream().map(wat -> DynamicTest.dynamicTest(wat.getFileName().toString(), () -> check(wat)));
    }

    private static void check(Path wat) throws IOException {
        String base = wat.getFileName().toString().replace(".wat", "");
        WasmModule module = WasmModule.parse(wat.resolveSibling(base + ".wasm"));
        String listing = listing(module);
        Path expected = wat.resolveSibling(base + ".expected");
        if (UPDATE) {
            Files.writeString(expected, listing, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), listing, "translation of " + base);
        int asserts = 0;
        for (String line : Files.readAllLines(wat)) {
            Matcher m = ASSERT.matcher(line);
            if (m.matches()) {
                for (Engine engine : ENGINES) {
                    Instance instance = engine.instantiate(module);
                    Object[] args = values(m.group(2));
                    if (m.group(3).startsWith("trap ")) {
                        TrapKind kind = TrapKind.valueOf(m.group(3).substring(5).strip());
                        TrapException trap = assertThrows(TrapException.class, () -> instance.function(m.group(1)).call(args),
                                line + " on " + engine);
                        assertEquals(kind, trap.kind(), line + " on " + engine);
                    } else {
                        assertArrayEquals(values(m.group(3)), instance.function(m.group(1)).call(args), line + " on " + engine);
                    }
                }
                asserts++;
            }
        }
        assertTrue(asserts > 0, base + ".wat has no ;; assert lines");
    }

    static String listing(WasmModule module) {
        StringBuilder b = new StringBuilder();
        for (int f = module.functionCount() - module.definedFunctionCount(); f < module.functionCount(); f++) {
            b.append("func ").append(f).append(module.functionName(f).map(n -> " <" + n + ">").orElse(""))
                    .append(' ').append(module.functionType(f)).append('\n');
            b.append(module.disassemble(f));
        }
        return b.toString();
    }

    /** Parses "i32:1, f64:2.5, i64:-3, v128:0x(32 hex digits)" into boxed values. */
    private static Object[] values(String text) {
        List<Object> out = new ArrayList<>();
        for (String v : text.split(",")) {
            v = v.strip();
            if (v.isEmpty()) {
                continue;
            }
            String[] tv = v.split(":", 2);
            out.add(switch (tv[0]) {
                case "i32" -> Integer.parseInt(tv[1]);
                case "i64" -> Long.parseLong(tv[1]);
                case "f32" -> tv[1].equals("nan") ? Float.NaN : Float.parseFloat(tv[1]);
                case "f64" -> tv[1].equals("nan") ? Double.NaN : Double.parseDouble(tv[1]);
                case "v128" -> V128.parseHex(tv[1]);
                default -> throw new IllegalArgumentException("bad value " + v);
            });
        }
        return out.toArray();
    }
}
