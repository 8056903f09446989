package dev.weft;

import java.util.OptionalLong;

/**
 * Size limits of a table (in elements) or memory (in 64 KiB pages).
 *
 * @param min the initial and minimum size
 * @param max the maximum size, if declared
 */
public record Limits(long min, OptionalLong max) {
    /** Checks the components. */
    public Limits {
        if (min < 0 || max == null || (max.isPresent() && max.getAsLong() < 0)) {
            throw new IllegalArgumentException("limits must be non-negative");
        }
    }

    /**
     * Limits without a maximum, e.g. {@code Limits.of(1)} for a memory of one page that may grow to 4 GiB.
     *
     * @param min minimum
     * @return limits with no maximum
     */
    public static Limits of(long min) {
        return new Limits(min, OptionalLong.empty());
    }

    /**
     * Limits with a maximum, e.g. {@code Limits.of(1, 16)}.
     *
     * @param min minimum
     * @param max maximum
     * @return limits with a maximum
     */
    public static Limits of(long min, long max) {
        return new Limits(min, OptionalLong.of(max));
    }

    @Override
    public String toString() {
        return max.isPresent() ? min + ".." + max.getAsLong() : min + "..";
    }
}
