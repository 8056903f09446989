package dev.weft.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the page says about the machine the report is generated on (the one that ran the benchmarks). */
final class MachineInfo {
    private MachineInfo() {
    }

    /** @return the CPU model from /proc/cpuinfo, or the OS architecture elsewhere */
    static String cpuModel() {
        return cpuinfo("model name").orElse(System.getProperty("os.arch"));
    }

    /** @return processors available to the JVM */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return total memory from /proc/meminfo, e.g. "23.4 GiB", or "unknown" */
    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "unknown";
    }

    /** @return OS name, version and architecture */
    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static java.util.Optional<String> cpuinfo(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return java.util.Optional.of(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return java.util.Optional.empty();
    }
}
