package io.orgscan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command to its end and measures it from outside: wall time from start to exit, and the
 * CPU time and peak resident memory of the process itself, sampled from {@code /proc} every few
 * milliseconds while it runs (the last sample is at most one interval before it exits). For a scan,
 * it also notes when the first report file appears in the output folder: the scan is over then,
 * and what follows is writing the reports.
 */
final class MeasuredProcess {
    private static final long SAMPLE_MILLIS = 10;

    /**
     * @param cpuSeconds     user + system CPU of the process and of its children that ended (a script's commands);
     *                       NaN where {@code /proc} is missing
     * @param peakRssMb      its largest resident set, in MiB
     * @param outputSeconds  when the first file appeared in the watched folder; NaN if none did
     * @param startEpochMillis when the process was started, on the wall clock (to place other processes' events)
     */
    record Result(int exitCode, double wallSeconds, double cpuSeconds, double peakRssMb, double outputSeconds,
                  long startEpochMillis) {
    }

    private MeasuredProcess() {
    }

    /**
     * @param env   the whole environment of the child (nothing is inherited)
     * @param watch a folder whose first file (other than orgscan's start-up probe) to time, or null
     */
    static Result run(List<String> command, Map<String, String> env, Path stdout, Path stderr, long timeoutMinutes,
                      Path watch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        long startEpochMillis = System.currentTimeMillis();
        long started = System.nanoTime();
        Process process = builder.start();
        ProcStat last = new ProcStat(Double.NaN, 0, 0);
        long peakRssKb = 0;
        double output = Double.NaN;
        long deadline = started + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            ProcStat sample = ProcStat.of(process.pid()).orElse(null);
            if (sample != null) {
                last = sample;
                // An exiting process has released its memory and shows no VmHWM: keep the largest seen.
                peakRssKb = Math.max(peakRssKb, sample.peakRssKb());
            }
            if (watch != null && Double.isNaN(output) && hasOutput(watch)) {
                output = (System.nanoTime() - started) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IOException("timed out after " + timeoutMinutes + " min: " + String.join(" ", command));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new Result(process.exitValue(), wall, last.cpuSeconds(), peakRssKb / 1024.0, output, startEpochMillis);
    }

    private static boolean hasOutput(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> !file.getFileName().toString().startsWith(".orgscan-probe"));
        } catch (IOException e) {
            return false;
        }
    }
}
