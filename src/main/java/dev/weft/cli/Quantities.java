package dev.weft.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes and durations as the command line writes them: {@code 64M}, {@code 2G}; {@code 500ms}, {@code 2s}, {@code 1m}. */
final class Quantities {
    private Quantities() {
    }

    /**
     * @param option the option, for messages
     * @param text a byte count with an optional suffix K, M or G (powers of 1024)
     * @return the bytes
     * @throws IllegalArgumentException if it is not one
     */
    static long bytes(String option, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1); // 64MB, 2GB
        }
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit != 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a size in bytes, with an optional suffix K, M or G"
                    + " (e.g. 64M), not '" + text + "'");
        }
    }

    /**
     * @param option the option, for messages
     * @param text a duration: a number with a unit ms, s, m or h (e.g. {@code 500ms}, {@code 2s})
     * @return it
     * @throws IllegalArgumentException if it is not one
     */
    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && (Character.isDigit(t.charAt(digits)) || t.charAt(digits) == '.')) {
            digits++;
        }
        String unit = t.substring(digits);
        try {
            double n = Double.parseDouble(t.substring(0, digits));
            double nanos = n * switch (unit) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m", "min" -> 60e9;
                case "h" -> 3600e9;
                default -> throw new NumberFormatException();
            };
            if (!(nanos > 0) || nanos > Long.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos((long) nanos);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a duration with a unit: ms, s, m or h (e.g. 500ms,"
                    + " 2s), not '" + text + "'");
        }
    }

    /**
     * @param option the option, for messages
     * @param text a non-negative whole number
     * @return it
     */
    static long count(String option, String text) {
        try {
            long n = Long.parseLong(text.trim().replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of at least 0, not '" + text + "'");
        }
    }
}
