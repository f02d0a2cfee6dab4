package io.orgscan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the benchmark ran on, and how busy the machine was. */
record Machine(String cpuModel, int cores, String totalMemory, String os, String jvm, String awsCli) {
    static Machine describe(Path awsCli) {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), readTotalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                awsCli == null ? "not found" : AwsCliProcedure.version(awsCli));
    }

    /** The java launcher of the JVM running the benchmark; scanner and simulator use the same one. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute load averages. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String readCpuModel() {
        return grep("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    private static String readTotalMemory() {
        return grep("/proc/meminfo", "MemTotal")
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static Optional<String> grep(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII);
            return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
