package dev.weft.text;

import dev.weft.decode.WasmInstructions;

import java.util.HashSet;
import java.util.Set;

/**
 * The keywords of the text format and of scripts: every instruction mnemonic of the definition,
 * and the words of types, module fields and script commands. A keyword outside this set is an
 * {@code unknown operator}, as the reference interpreter's lexer reports it.
 */
final class Keywords {
    private Keywords() {
    }

    private static final Set<String> KNOWN = new HashSet<>();

    static {
        for (int i = 0; i < WasmInstructions.COUNT; i++) {
            KNOWN.add(WasmInstructions.name(i));
        }
        String words = """
                i8 i16 i32 i64 f32 f64 v128 i8x16 i16x8 i32x4 i64x2 f32x4 f64x2
                any anyref none nullref eq eqref i31 i31ref structref arrayref nofunc funcref nullfuncref
                exn noexn exnref nullexnref extern noextern externref nullexternref ref null
                array struct field mut sub final rec shared pagesize
                then catch_ref catch_all_ref do
                type tag global memory table func param result local data elem declare offset item start
                import export module binary quote definition instance
                script register invoke get assert_malformed assert_invalid assert_malformed_custom
                assert_invalid_custom assert_unlinkable assert_return assert_trap assert_exception
                assert_exhaustion nan:canonical nan:arithmetic either input output
                ref.struct ref.array ref.exn ref.extern ref.host
                """;
        for (String w : words.split("\\s+")) {
            if (!w.isEmpty()) {
                KNOWN.add(w);
            }
        }
    }

    /** @return true if {@code k} is a keyword of the text format or of scripts */
    static boolean isKnown(String k) {
        return KNOWN.contains(k) || k.startsWith("offset=") || k.startsWith("align=");
    }
}
