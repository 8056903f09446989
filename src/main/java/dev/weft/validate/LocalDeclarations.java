package dev.weft.validate;

import dev.weft.MalformedModuleException;
import dev.weft.UnsupportedFeatureException;
import dev.weft.decode.BinaryReader;
import dev.weft.decode.CodeReader;

import java.util.Arrays;

/**
 * A function body's local declarations, read into the types of all its locals (parameters
 * first), reusing one array for every body a validator reads.
 */
final class LocalDeclarations {
    private byte[] types = new byte[64];
    private int count;

    /**
     * Reads the declarations at the reader's position, leaving it after them.
     *
     * @param params the function's parameter types
     * @param r the body's reader
     * @throws MalformedModuleException if the count overflows 32 bits
     * @throws UnsupportedFeatureException beyond {@link FunctionValidator#MAX_LOCALS}
     */
    void read(byte[] params, BinaryReader r) {
        int at = r.pos();
        long groups = r.u32() & 0xFFFFFFFFL;
        int first = r.pos();
        long total = 0;
        for (long g = 0; g < groups; g++) {
            total += r.u32() & 0xFFFFFFFFL;
            CodeReader.readValType(r);
        }
        if (total >= 1L << 32) {
            throw new MalformedModuleException("too many locals", at);
        }
        long all = params.length + total;
        if (all > FunctionValidator.MAX_LOCALS) {
            throw new UnsupportedFeatureException("function has " + all
                    + " parameters and locals; Weft's limit is " + FunctionValidator.MAX_LOCALS, at);
        }
        int n = (int) all;
        if (types.length < n) {
            types = new byte[Math.max(n, types.length * 2)];
        }
        System.arraycopy(params, 0, types, 0, params.length);
        int end = r.pos();
        r.pos(first);
        int k = params.length;
        for (long g = 0; g < groups; g++) {
            int c = r.u32();
            int typeAt = r.pos();
            byte t = ValTypes.of(CodeReader.readValType(r), typeAt);
            Arrays.fill(types, k, k + c, t);
            k += c;
        }
        r.pos(end);
        count = n;
    }

    /** {@return how many locals the function has, parameters included} */
    int count() {
        return count;
    }

    /**
     * @param x a local index below {@link #count()}
     * @return its type
     */
    byte type(int x) {
        return types[x];
    }
}
