package dev.weft.wasi;

import java.nio.ByteBuffer;

/**
 * A guest's array of {@code iovec}s ({@code buf: u32, buf_len: u32}, 8 bytes each), read and
 * bounds-checked in full before any I/O starts, so a bad buffer fails the call with
 * {@code EFAULT} without a partial effect. The total is capped at {@value #MAX_TOTAL} bytes per
 * call (later buffers are shortened; reads and writes may be short anyway).
 */
final class Iovecs {
    /** The most buffers one call may pass, as POSIX's {@code IOV_MAX} on Linux; more fail with {@code EINVAL}. */
    static final int MAX_COUNT = 1024;
    /** The most bytes one call transfers (what one Java buffer can address). */
    static final int MAX_TOTAL = Integer.MAX_VALUE - 8;

    private final long[] addresses;
    private final int[] lengths;
    private final int total;

    private Iovecs(long[] addresses, int[] lengths, int total) {
        this.addresses = addresses;
        this.lengths = lengths;
        this.total = total;
    }

    /**
     * @param memory guest memory
     * @param pointer the array
     * @param count its length (unsigned)
     * @return the checked buffers
     * @throws WasiError FAULT for an array or buffer outside memory, INVAL for more than {@value #MAX_COUNT}
     */
    static Iovecs read(GuestMemory memory, int pointer, int count) {
        if (Integer.compareUnsigned(count, MAX_COUNT) > 0) {
            throw new WasiError(Errno.INVAL);
        }
        memory.check(pointer, 8L * count);
        long[] addresses = new long[count];
        int[] lengths = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int buf = memory.i32(pointer + 8 * i);
            long len = Integer.toUnsignedLong(memory.i32(pointer + 8 * i + 4));
            addresses[i] = memory.check(buf, len);
            len = Math.min(len, MAX_TOTAL - total);
            lengths[i] = (int) len;
            total += len;
        }
        return new Iovecs(addresses, lengths, (int) total);
    }

    int count() {
        return lengths.length;
    }

    long address(int i) {
        return addresses[i];
    }

    int length(int i) {
        return lengths[i];
    }

    /** @return the sum of the lengths (capped) */
    int total() {
        return total;
    }

    /** @return byte buffers over the guest's buffers, for channel I/O */
    ByteBuffer[] buffers(GuestMemory memory) {
        ByteBuffer[] b = new ByteBuffer[lengths.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = memory.buffer(addresses[i], lengths[i]);
        }
        return b;
    }

    /** Copies {@code length} bytes of {@code from} into the buffers, in order. */
    void scatter(GuestMemory memory, byte[] from, int length) {
        int done = 0;
        for (int i = 0; i < lengths.length && done < length; i++) {
            int n = Math.min(lengths[i], length - done);
            memory.writeAt(addresses[i], from, done, n);
            done += n;
        }
    }
}
