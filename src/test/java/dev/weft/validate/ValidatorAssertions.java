package dev.weft.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.InvalidModuleException;
import dev.weft.MalformedModuleException;
import dev.weft.ModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.DecodedModule;

/** Assertions on the validator's verdict: the exception class and the spec test suite's text. */
final class ValidatorAssertions {
    private ValidatorAssertions() {
    }

    static void assertValid(DecodedModule m) {
        assertDoesNotThrow(() -> ModuleValidator.validate(m));
    }

    static InvalidModuleException assertInvalid(DecodedModule m, String text) {
        return expect(InvalidModuleException.class, m, text);
    }

    static MalformedModuleException assertMalformed(DecodedModule m, String text) {
        return expect(MalformedModuleException.class, m, text);
    }

    static UnsupportedFeatureException assertUnsupported(DecodedModule m, String text) {
        return expect(UnsupportedFeatureException.class, m, text);
    }

    private static <T extends ModuleException> T expect(Class<T> type, DecodedModule m, String text) {
        T e = assertThrows(type, () -> ModuleValidator.validate(m));
        assertTrue(e.reason().contains(text), () -> "expected \"" + text + "\" in \"" + e.reason() + "\"");
        return e;
    }
}
