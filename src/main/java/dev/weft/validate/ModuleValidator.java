package dev.weft.validate;

import dev.weft.decode.DecodedModule;

/** Validates a decoded module. (Placeholder: being written.) */
public final class ModuleValidator {
    private ModuleValidator() {
    }

    /** @param module the decoded module */
    public static void validate(DecodedModule module) {
        throw new UnsupportedOperationException("validator not written yet");
    }
}
