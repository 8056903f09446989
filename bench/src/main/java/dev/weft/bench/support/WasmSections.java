package dev.weft.bench.support;

/**
 * Reads a module binary's section headers, independently of the engines measured: the code
 * section's size (for MB/s) and the function section's count (to check that a parse saw every
 * function).
 *
 * @param codeSectionBytes size of the code section's contents
 * @param definedFunctions entries in the function section
 */
public record WasmSections(long codeSectionBytes, int definedFunctions) {
    private static final int FUNCTION = 3;
    private static final int CODE = 10;

    /**
     * @param wasm a module binary
     * @return its section facts
     */
    public static WasmSections of(byte[] wasm) {
        int[] pos = {8};
        long code = 0;
        int functions = 0;
        while (pos[0] < wasm.length) {
            int id = wasm[pos[0]++] & 0xff;
            int size = (int) leb(wasm, pos);
            int start = pos[0];
            if (id == CODE) {
                code = size;
            } else if (id == FUNCTION) {
                functions = (int) leb(wasm, pos);
            }
            pos[0] = start + size;
        }
        return new WasmSections(code, functions);
    }

    private static long leb(byte[] b, int[] pos) {
        long result = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++] & 0xff;
            result |= (long) (x & 0x7f) << shift;
            if (x < 0x80) {
                return result;
            }
            shift += 7;
        }
    }
}
