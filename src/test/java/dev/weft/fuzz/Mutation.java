package dev.weft.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * One damaged copy of a module: either the module cut short, or a few seeded random byte edits.
 * Every case is reproducible from its description: {@link #truncate} from the length,
 * {@link #mutate} from the seed.
 *
 * @param bytes the damaged module
 * @param description what was done, for failure messages (e.g. {@code seed 123: overwrite@40=0x80})
 */
record Mutation(byte[] bytes, String description) {
    /** Byte values that mean something in the format: ends, block types, type codes, LEB128 continuations. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x05, 0x0B, 0x40, 0x60, 0x6F, 0x70, 0x7F, 0x80, 0xFF};
    private static final byte[] HUGE = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
    private static final int HEADER = 8;

    /**
     * @param module the original
     * @param length how many bytes to keep
     * @return the first {@code length} bytes
     */
    static Mutation truncate(byte[] module, int length) {
        return new Mutation(Arrays.copyOf(module, length), "truncated to " + length + " bytes");
    }

    /**
     * Applies one to four random edits (overwrite, bit flip, interesting value, insert, insert a
     * huge LEB128, delete),
     * mostly after the header so that the sections are what gets damaged.
     *
     * @param module the original
     * @param seed the seed that determines every edit
     * @return the damaged copy
     */
    static Mutation mutate(byte[] module, long seed) {
        Random random = new Random(seed);
        byte[] b = module.clone();
        StringBuilder what = new StringBuilder("seed ").append(seed).append(':');
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = position(random, b.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (b.length == 0) {
                        continue;
                    }
                    b[at] = (byte) random.nextInt(256);
                    what.append(" overwrite@").append(at).append("=0x").append(Integer.toHexString(b[at] & 0xFF));
                }
                case 1 -> {
                    if (b.length == 0) {
                        continue;
                    }
                    int bit = random.nextInt(8);
                    b[at] ^= (byte) (1 << bit);
                    what.append(" flip@").append(at).append(".bit").append(bit);
                }
                case 2 -> {
                    if (b.length == 0) {
                        continue;
                    }
                    b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                    what.append(" set@").append(at).append("=0x").append(Integer.toHexString(b[at] & 0xFF));
                }
                case 3 -> {
                    int value = random.nextInt(256);
                    int where = Math.min(at, b.length);
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, where);
                    longer[where] = (byte) value;
                    System.arraycopy(b, where, longer, where + 1, b.length - where);
                    b = longer;
                    what.append(" insert@").append(where).append("=0x").append(Integer.toHexString(value));
                }
                case 4 -> { // a maximal 5-byte LEB128: a huge count, length or index
                    int where = Math.min(at, b.length);
                    byte[] longer = new byte[b.length + HUGE.length];
                    System.arraycopy(b, 0, longer, 0, where);
                    System.arraycopy(HUGE, 0, longer, where, HUGE.length);
                    System.arraycopy(b, where, longer, where + HUGE.length, b.length - where);
                    b = longer;
                    what.append(" insert-huge-leb@").append(where);
                }
                default -> {
                    if (b.length == 0) {
                        continue;
                    }
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                    what.append(" delete@").append(at);
                }
            }
        }
        return new Mutation(b, what.toString());
    }

    private static int position(Random random, int length) {
        if (length <= HEADER) {
            return length == 0 ? 0 : random.nextInt(length);
        }
        // one edit in 16 may hit the header; the rest damage the sections
        return random.nextInt(16) == 0 ? random.nextInt(HEADER) : HEADER + random.nextInt(length - HEADER);
    }
}
