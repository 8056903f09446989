package dev.weft.bench.support;

import java.util.Arrays;

/** The median the tools without JMH report (Probe, HostCallAB, InterleavedAB). */
public final class Median {
    private Median() {
    }

    /** @return the middle value of {@code values} (the upper of the two middle ones for an even count) */
    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
