package dev.weft.bench.support;

import java.util.Map;

/**
 * Checks a fixed-workload CoreMark run. Its {@code run()} returns 0 whether or not the kernels
 * computed the right CRCs (the "ran under 10 s" check always fails there), so the result alone
 * proves nothing. Instead this looks in the instance's memory for CoreMark's result record,
 * which the run leaves on the guest stack: the u16 fields {@code crc, crclist, crcmatrix, crcstate}
 * side by side. {@code crclist/crcmatrix/crcstate} must be the performance-run values CoreMark
 * itself validates (0xe714, 0x1fd7, 0x8e3a) and {@code crc}, which chains every iteration's
 * results, must equal what V8 (Node.js 20) leaves for the same file. Neither pattern is in memory before the run.
 */
public final class CoreMarkCheck {
    private static final int CRC_LIST = 0xe714;
    private static final int CRC_MATRIX = 0x1fd7;
    private static final int CRC_STATE = 0x8e3a;
    /** Final {@code crc} per cmfix iteration count, as V8 computes it. */
    private static final Map<Long, Integer> FINAL_CRC = Map.of(310L, 0x382f, 1210L, 0x33ff, 12110L, 0x33ff);

    private CoreMarkCheck() {
    }

    /**
     * @param iterations the cmfix variant's iteration count
     * @param resultBits what {@code run()} returned, as raw f32 bits
     * @param memory the instance's memory after the run
     * @throws WrongResultException if the run did not compute CoreMark's results
     */
    public static void verify(long iterations, long resultBits, byte[] memory) {
        Integer expectedCrc = FINAL_CRC.get(iterations);
        if (expectedCrc == null) {
            throw new IllegalStateException("no reference CRC for cmfix-" + iterations);
        }
        if (resultBits != 0) {
            throw new WrongResultException("coremark run() returned " + Float.intBitsToFloat((int) resultBits) + ", expected 0.0");
        }
        int found = -1;
        for (int i = 2; i + 6 <= memory.length; i += 2) {
            if (u16(memory, i) == CRC_LIST && u16(memory, i + 2) == CRC_MATRIX && u16(memory, i + 4) == CRC_STATE) {
                if (found >= 0) {
                    throw new WrongResultException("coremark result record found twice (at " + found + " and " + i + ")");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new WrongResultException("coremark left no result record with crclist/crcmatrix/crcstate e714/1fd7/8e3a in memory");
        }
        int crc = u16(memory, found - 2);
        if (crc != expectedCrc) {
            throw new WrongResultException("coremark final crc 0x" + Integer.toHexString(crc) + ", expected 0x"
                    + Integer.toHexString(expectedCrc));
        }
    }

    private static int u16(byte[] m, int i) {
        return (m[i] & 0xff) | (m[i + 1] & 0xff) << 8;
    }
}
