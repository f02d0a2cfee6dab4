package io.orgscan.bench;

import java.util.List;

/**
 * One measured {@code orgscan scan}: the process from outside, the simulator's count of the calls it
 * answered, and what the organization needed.
 *
 * @param parallel     the {@code --max-parallel} in effect (the default when none was given)
 * @param jvm          the scanner's JVM options as the tables name them ({@code default} for none)
 * @param simulatorCpu CPU seconds the simulator process used during the run
 * @param mismatches   differences between the calls made and the calls needed; empty when exact
 * @param otherCores   CPU the rest of the machine used meanwhile (not scanner, simulator or benchmark), in cores
 */
record ScanMeasurement(String label, BenchOrg org, int latencyMs, int parallel, boolean defaultParallel, String jvm,
                       MeasuredProcess.Result process, SimulatorProcess.Stats stats, ExpectedCalls expected,
                       double simulatorCpu, List<String> mismatches, String load,
                       double otherCores) {
    long callsMade() {
        return stats.total();
    }

    boolean exact() {
        return mismatches.isEmpty();
    }

    double floorSeconds() {
        return expected.floorSeconds(latencyMs, parallel);
    }

    /** Wall time over the floor; NaN when the floor is zero (no latency). */
    double ratio() {
        double floor = floorSeconds();
        return floor > 0 ? process.wallSeconds() / floor : Double.NaN;
    }

    /**
     * From the start to the simulator's last AWS answer: JVM start and every AWS call, what the network
     * and the scheduling decide. NaN if the simulator gave no answer.
     */
    double scanSeconds() {
        return stats.lastAnswerEpochMillis() == 0 ? Double.NaN
                : (stats.lastAnswerEpochMillis() - process.startEpochMillis()) / 1000.0;
    }

    /** After the last answer: judging the cells, writing the run folder, the JVM's exit. */
    double reportSeconds() {
        return process.wallSeconds() - scanSeconds();
    }

    /**
     * What this machine's CPU allows: the scanner's and the simulator's CPU time spread over every
     * core. A run whose wall time is near it was bound by CPU, not by the network.
     */
    double cpuFloorSeconds(int cores) {
        return (process.cpuSeconds() + simulatorCpu) / cores;
    }

    double scanRatio() {
        double floor = floorSeconds();
        return floor > 0 ? scanSeconds() / floor : Double.NaN;
    }

    /** Calls over the scan time (the wall time when the reports were not seen being written). */
    double callsPerSecond() {
        double seconds = Double.isNaN(scanSeconds()) ? process.wallSeconds() : scanSeconds();
        return callsMade() / seconds;
    }

    double cpuPerThousandCalls() {
        return process.cpuSeconds() / callsMade() * 1000;
    }

    double simulatorCpuPerThousandCalls() {
        return simulatorCpu / callsMade() * 1000;
    }

    String parallelText() {
        return parallel + (defaultParallel ? " (default)" : "");
    }
}
