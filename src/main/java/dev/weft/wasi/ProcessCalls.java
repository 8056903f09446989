package dev.weft.wasi;

import java.util.List;
import java.util.Random;

/**
 * The calls about the process rather than files: arguments and environment
 * ({@code args_*}, {@code environ_*}), clocks, {@code random_get}, {@code sched_yield},
 * {@code proc_exit} and {@code proc_raise}.
 */
final class ProcessCalls {
    /** Chunk size for {@code random_get}. */
    private static final int RANDOM_CHUNK = 64 * 1024;

    private final List<byte[]> args;
    private final List<byte[]> environment;
    private final Clocks clocks;
    private final Random random;

    /**
     * @param args the arguments, UTF-8, without terminating NULs
     * @param environment {@code NAME=value} strings, UTF-8, without terminating NULs
     */
    ProcessCalls(List<byte[]> args, List<byte[]> environment, Clocks clocks, Random random) {
        this.args = args;
        this.environment = environment;
        this.clocks = clocks;
        this.random = random;
    }

    int argsSizesGet(GuestMemory m, int countPointer, int sizePointer) {
        return sizes(args, m, countPointer, sizePointer);
    }

    int argsGet(GuestMemory m, int pointers, int buffer) {
        return strings(args, m, pointers, buffer);
    }

    int environSizesGet(GuestMemory m, int countPointer, int sizePointer) {
        return sizes(environment, m, countPointer, sizePointer);
    }

    int environGet(GuestMemory m, int pointers, int buffer) {
        return strings(environment, m, pointers, buffer);
    }

    private static int sizes(List<byte[]> strings, GuestMemory m, int countPointer, int sizePointer) {
        m.check(countPointer, 4);
        m.check(sizePointer, 4);
        m.setI32(countPointer, strings.size());
        m.setI32(sizePointer, (int) bufferSize(strings));
        return Errno.SUCCESS;
    }

    /** Writes the strings NUL-terminated into {@code buffer} and a pointer to each into {@code pointers}. */
    private static int strings(List<byte[]> strings, GuestMemory m, int pointers, int buffer) {
        m.check(pointers, 4L * strings.size());
        m.check(buffer, bufferSize(strings));
        int at = buffer;
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = strings.get(i);
            m.setI32(pointers + 4 * i, at);
            m.write(at, s);
            m.setU8(at + s.length, 0);
            at += s.length + 1;
        }
        return Errno.SUCCESS;
    }

    private static long bufferSize(List<byte[]> strings) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        return size;
    }

    int clockResGet(GuestMemory m, int id, int pointer) {
        long resolution = clocks.resolution(id);
        m.setI64(pointer, resolution);
        return Errno.SUCCESS;
    }

    int clockTimeGet(GuestMemory m, int id, int pointer) {
        m.check(pointer, 8);
        m.setI64(pointer, clocks.now(id)); // precision is a hint; every clock is read as precisely as it can be
        return Errno.SUCCESS;
    }

    int randomGet(GuestMemory m, int buffer, int length) {
        long address = m.check(buffer, Integer.toUnsignedLong(length));
        long remaining = Integer.toUnsignedLong(length);
        byte[] chunk = new byte[(int) Math.min(remaining, RANDOM_CHUNK)];
        for (long done = 0; remaining > 0; ) {
            int n = (int) Math.min(remaining, chunk.length);
            if (n < chunk.length) {
                chunk = new byte[n];
            }
            random.nextBytes(chunk);
            m.writeAt(address + done, chunk, 0, n);
            done += n;
            remaining -= n;
        }
        return Errno.SUCCESS;
    }

    int schedYield() {
        Thread.yield();
        return Errno.SUCCESS;
    }

    /** Ends the run: the exception unwinds the guest to whoever called into it ({@link Wasi#runStart}). */
    void procExit(int code) {
        throw new WasiExitException(code);
    }

    int procRaise(int signal) {
        return Errno.NOSYS; // there is no process to signal: the guest shares the JVM
    }
}
