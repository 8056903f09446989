package dev.weft.validate;

import java.io.ByteArrayOutputStream;

/** Small helpers to write WebAssembly bytes in tests. */
final class Bytes {
    private Bytes() {
    }

    /** The low byte of each int, so opcodes and immediates can be listed as hex literals. */
    static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Unsigned LEB128 of a 32-bit value. */
    static int[] u32(long v) {
        int[] tmp = new int[5];
        int n = 0;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            tmp[n++] = v != 0 ? b | 0x80 : b;
        } while (v != 0);
        return java.util.Arrays.copyOf(tmp, n);
    }

    /** Joins int arrays and single ints into one int array (for building code sequences). */
    static int[] seq(Object... parts) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                out.add(i);
            } else if (p instanceof int[] a) {
                for (int x : a) {
                    out.add(x);
                }
            } else if (p instanceof byte[] a) {
                for (byte x : a) {
                    out.add(x & 0xFF);
                }
            } else {
                throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
