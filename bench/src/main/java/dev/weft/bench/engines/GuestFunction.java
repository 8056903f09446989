package dev.weft.bench.engines;

/** An exported function of an instantiated benchmark module, whatever engine runs it. */
@FunctionalInterface
public interface GuestFunction {
    /**
     * @param arg the argument (ignored for {@link Signature#NONE_TO_F32})
     * @return the result, see {@link Signature}
     */
    long call(long arg);
}
