package io.orgscan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and peak resident memory of a process, read from Linux's {@code /proc}: what the process
 * itself used, all its threads included, and nothing of the benchmark's own JVM.
 *
 * @param ownCpuSeconds      user + system time of the process itself so far
 * @param childrenCpuSeconds user + system time of its children that have ended and been waited for
 * @param peakRssKb          {@code VmHWM}, the largest resident set so far
 */
record ProcStat(double ownCpuSeconds, double childrenCpuSeconds, long peakRssKb) {
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    /** Empty once the process is gone. */
    static Optional<ProcStat> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name in parentheses may hold spaces; the fields after it do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // utime, stime, cutime, cstime (fields 14 to 17): the process, and its children that have ended
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return Optional.of(new ProcStat(own / TICKS_PER_SECOND, children / TICKS_PER_SECOND, hwm));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** CPU seconds the whole machine spent busy so far (every core; {@code /proc/stat}), NaN if unknown. */
    static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Everything the process used: its own time and its ended children's (a script's commands). */
    double cpuSeconds() {
        return ownCpuSeconds + childrenCpuSeconds;
    }

    /**
     * The benchmark's own JVM, without its children: the scanner and simulator processes it started
     * and waited for are counted on their own.
     */
    static double selfCpuSeconds() {
        return of(ProcessHandle.current().pid()).map(ProcStat::ownCpuSeconds).orElse(Double.NaN);
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
