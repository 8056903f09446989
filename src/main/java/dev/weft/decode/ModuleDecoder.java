package dev.weft.decode;

/** Decodes a module binary into a {@link DecodedModule}. (Placeholder: being written.) */
public final class ModuleDecoder {
    private ModuleDecoder() {
    }

    /**
     * @param bytes the module binary; the result keeps this array
     * @return the decoded module
     */
    public static DecodedModule decode(byte[] bytes) {
        throw new UnsupportedOperationException("decoder not written yet");
    }
}
