package dev.weft.code;

/**
 * Translates one function of a module when {@link CompiledCode} first needs it (the translator
 * implements it). Called under the code's lock, one function at a time.
 */
public interface FunctionTranslator {
    /**
     * @param function a defined function's index (imports first)
     * @return its code, position-independent (branch offsets are relative), and its frame
     * @throws dev.weft.WeftException if the function cannot be translated (an unsupported feature
     *     or an implementation limit; an {@link dev.weft.InternalErrorException} for a bug)
     */
    TranslatedFunction translate(int function);
}
