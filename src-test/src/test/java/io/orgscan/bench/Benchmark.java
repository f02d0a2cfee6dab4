package io.orgscan.bench;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.AccountState;
import io.orgscan.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark of {@code orgscan scan} at organization scale (docs/BENCHMARKS.md is its output).
 * Every scan runs through {@code scanner/target/orgscan}, the launcher users run (a few with a plain
 * {@code java -jar}, for comparison), in a JVM of its own against the simulator jar in another, on
 * synthetic organizations, and is measured from outside: wall time from start to
 * exit (JVM start and report writing included), CPU and peak memory of the scanner process, and the
 * calls the simulator answered, next to the calls the organization needs (C) and the floor
 * {@code max(C x L / P, D x L)}.
 *
 * <pre>./mvnw -Pbenchmark -DskipTests verify</pre>
 *
 * Options (through {@code -Dbench.args="..."}): {@code --only simulator,manual,scale,throttle,exports}
 * runs some sections and writes {@code src-test/target/bench/BENCHMARKS.partial.md} instead of
 * docs/BENCHMARKS.md; {@code --out FILE} writes elsewhere.
 */
public final class Benchmark {
    static final String COMMAND = "./mvnw -Pbenchmark -DskipTests verify";
    static final int LATENCY_MS = 50;
    /** The simulator's throughput is measured once its CPU per call settles ({@link SimulatorLoad#settle}): rounds, and the limit. */
    static final double SETTLE_ROUND_SECONDS = 2;
    static final double SETTLE_MAX_SECONDS = 30;
    /** A simulator serving scans is warmed the same way, for at most this long. */
    static final double SCAN_WARM_UP_MAX_SECONDS = 10;
    static final BenchOrg MANUAL_ORG = new BenchOrg(10, 3, BenchOrg.SEED);
    static final List<BenchOrg> SCALE_ORGS = List.of(new BenchOrg(100, 8, BenchOrg.SEED),
            new BenchOrg(1_000, 40, BenchOrg.SEED), new BenchOrg(10_000, 200, BenchOrg.SEED));
    static final BenchOrg SWEEP_ORG = SCALE_ORGS.get(1);
    static final List<Integer> SWEEP = List.of(64, 128, 256);
    /** Runs of each value: CPU speed on a shared machine drifts by more than the differences sought; the best run is the least disturbed. */
    static final int SWEEP_ROUNDS = 3;
    /** Runs of orgscan's default next to the single run of the AWS CLI procedure, which takes minutes. */
    static final int MANUAL_ROUNDS = 2;
    static final List<Integer> LATENCIES = List.of(0, LATENCY_MS);
    /** A latency at which this machine's CPU is not the limit: where the scheduling alone is measured. */
    static final int SLOW_NETWORK_MS = 200;
    /** Organizations at least this large are scanned with the heap capped at 512 MB. */
    static final int CAPPED_HEAP_FROM = 10_000;
    /** The option that makes a scan read the organization's SCPs. */
    static final String SCP_OPTION = "--scp-denied-regions not-applicable";
    static final List<String> SECTIONS = List.of("simulator", "manual", "scale", "throttle", "exports");
    /** The report formats of before the exports for other tools, and all of them: rendered alternately, in pairs. */
    static final String FORMATS_BEFORE = "json,csv,xlsx";
    static final String FORMATS_ALL = "json,csv,xlsx,ocsf,asff,junit";
    static final int EXPORT_PAIRS = 5;
    static final int THROTTLE_ROUNDS = 2;
    static final int THROTTLE_LATENCY_MS = SLOW_NETWORK_MS;

    private final Path root;
    private final Path work;
    private final Path awsCli;
    private final int defaultParallel;
    private final BenchmarkReport report;
    private int runs;

    private Benchmark(Path root, Path awsCli) throws IOException, InterruptedException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("src-test/target/bench"));
        this.awsCli = awsCli;
        this.defaultParallel = readDefaultParallel();
        this.report = new BenchmarkReport(Machine.describe(awsCli), defaultParallel);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Set<String> only = new LinkedHashSet<>(options.containsKey("--only")
                ? Arrays.asList(options.get("--only").split(",")) : SECTIONS);
        only.removeIf(String::isBlank);
        for (String section : only) {
            if (!SECTIONS.contains(section)) {
                throw new IllegalArgumentException("unknown section " + section + "; use " + SECTIONS);
            }
        }
        boolean complete = only.containsAll(SECTIONS);
        Path out = options.containsKey("--out") ? Path.of(options.get("--out"))
                : complete ? root.resolve("docs/BENCHMARKS.md") : root.resolve("src-test/target/bench/BENCHMARKS.partial.md");
        for (String jar : List.of("scanner/target/orgscan", "scanner/target/orgscan.jar", "simulator/target/orgscan-simulator.jar")) {
            if (!Files.isRegularFile(root.resolve(jar))) {
                throw new IllegalStateException(jar + " is missing: build first (" + COMMAND + " does)");
            }
        }
        if (!ProcStat.available()) {
            throw new IllegalStateException("the benchmark reads CPU and memory from /proc: it runs on Linux only");
        }
        Benchmark benchmark = new Benchmark(root, AwsCliProcedure.locate());
        long started = System.nanoTime();
        benchmark.report.loadAtStart(Machine.load());
        if (only.contains("simulator")) {
            benchmark.simulatorThroughput();
        }
        if (only.contains("manual")) {
            benchmark.manualProcedure();
        }
        if (only.contains("scale")) {
            benchmark.scale();
        }
        if (only.contains("throttle")) {
            benchmark.throttling();
        }
        if (only.contains("exports")) {
            benchmark.exports();
        }
        benchmark.report.loadAtEnd(Machine.load(), (System.nanoTime() - started) / 1e9);
        String markdown = benchmark.report.markdown(complete);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(benchmark.report.verdicts());
        System.out.println("wrote " + out);
    }

    // ---------------------------------------------------------------------------------- sections

    private void simulatorThroughput() throws Exception {
        section("simulator throughput");
        BenchOrg org = SWEEP_ORG;
        String key = org.scenario().credentials().get(0).accessKeyId();
        for (int latency : LATENCIES) {
            try (SimulatorProcess simulator = startSimulator(org, latency, null)) {
                int connections = latency == 0 ? 64 : 256;
                double warmUp = SimulatorLoad.settle(simulator, key, connections, SETTLE_ROUND_SECONDS, SETTLE_MAX_SECONDS);
                SimulatorLoad.Result result = SimulatorLoad.run(simulator, key, connections, 0, 6);
                System.out.printf("  %d ms, %d connections, after %.0f s of warm-up: %,.0f calls/s, simulator CPU %.2f s per 1,000 calls%n",
                        latency, connections, warmUp, result.callsPerSecond(), result.simulatorCpuPerThousand());
                report.simulatorThroughput(latency, warmUp, result);
            }
        }
    }

    private void manualProcedure() throws Exception {
        section("the manual procedure (AWS CLI) and orgscan on " + MANUAL_ORG.label() + ", " + LATENCY_MS + " ms");
        Scenario scenario = MANUAL_ORG.scenario();
        ExpectedCalls expected = expected(scenario);
        try (SimulatorProcess simulator = startSimulator(MANUAL_ORG, LATENCY_MS, null)) {
            warm(simulator, scenario);
            simulator.resetStats();
            double cpuBefore = simulator.cpuSeconds();
            double machineBefore = ProcStat.machineBusySeconds();
            double selfBefore = ProcStat.selfCpuSeconds();
            AwsCliProcedure.Result cli = new AwsCliProcedure(awsCli, work.resolve("aws-cli"))
                    .run(simulator.endpoint(), scenario.credentials().get(0));
            SimulatorProcess.Stats stats = simulator.stats(false);
            double simulatorCpu = simulator.cpuSeconds() - cpuBefore;
            double others = (ProcStat.machineBusySeconds() - machineBefore) - cli.process().cpuSeconds() - simulatorCpu
                    - (ProcStat.selfCpuSeconds() - selfBefore);
            System.out.printf("  AWS CLI procedure: %.1f s, %d calls (one CLI process each), %d account-region lines (needed %d), exit %d%n",
                    cli.process().wallSeconds(), stats.total(), cli.lines(), expected.enabledRegions(), cli.process().exitCode());
            report.manual(cli, stats, expected, simulatorCpu, Math.max(0, others) / cli.process().wallSeconds());
            report.manualScan(scan(simulator, MANUAL_ORG, expected, LATENCY_MS, 1, Launch.DEFAULT, "orgscan --max-parallel 1"));
            for (int round = 1; round <= MANUAL_ROUNDS; round++) {
                report.manualScan(scan(simulator, MANUAL_ORG, expected, LATENCY_MS, null, Launch.DEFAULT,
                        "orgscan (default), run " + round));
            }
            if (defaultParallel != 64) {
                report.manualScan(scan(simulator, MANUAL_ORG, expected, LATENCY_MS, 64, Launch.DEFAULT, "orgscan --max-parallel 64"));
            }
            report.plainJar(scan(simulator, MANUAL_ORG, expected, LATENCY_MS, null, Launch.PLAIN_JAR,
                    "orgscan (default), java -jar"));
        }
    }

    private void scale() throws Exception {
        for (BenchOrg org : SCALE_ORGS) {
            Scenario scenario = org.scenario();
            ExpectedCalls expected = expected(scenario);
            Launch jvm = org.accounts() >= CAPPED_HEAP_FROM ? Launch.HEAP_CAP : Launch.DEFAULT;
            for (int latency : LATENCIES) {
                section(org.label() + ", " + latency + " ms");
                try (SimulatorProcess simulator = startSimulator(org, latency, null)) {
                    warm(simulator, scenario);
                    report.scale(scan(simulator, org, expected, latency, null, jvm, "default"));
                    if (org.equals(SWEEP_ORG) && latency == LATENCY_MS) {
                        // Every value SWEEP_ROUNDS times, interleaved (the default row above is its first run).
                        // With the SCP reads, after each round's --max-parallel 64, so the two are compared side by side.
                        ExpectedCalls withPolicies = ExpectedCalls.of(scenario, scenario.credentials().get(0).accountId(), true);
                        for (int round = 1; round <= SWEEP_ROUNDS; round++) {
                            for (int parallel : SWEEP) {
                                if (round > 1 || parallel != defaultParallel) {
                                    report.sweep(scan(simulator, org, expected, latency, parallel, jvm,
                                            "--max-parallel " + parallel + ", run " + round));
                                }
                                if (parallel == 64) {
                                    report.scpRead(scan(simulator, org, withPolicies, latency, 64, jvm,
                                            "--max-parallel 64 " + SCP_OPTION + ", run " + round, null, SCP_OPTION.split(" ")));
                                }
                            }
                        }
                        report.plainJar(scan(simulator, org, expected, latency, 64, Launch.PLAIN_JAR,
                                "--max-parallel 64, java -jar"));
                    }
                }
            }
            if (org.equals(SWEEP_ORG)) {
                section(org.label() + ", " + SLOW_NETWORK_MS + " ms (network-bound)");
                try (SimulatorProcess simulator = startSimulator(org, SLOW_NETWORK_MS, null)) {
                    warm(simulator, scenario);
                    report.networkBound(scan(simulator, org, expected, SLOW_NETWORK_MS, 64, Launch.DEFAULT, "--max-parallel 64"));
                }
            }
        }
    }

    /**
     * The same scan at the default parallelism, fault-free and with one ordinary account's
     * ListAnalyzers in one region throttled for every call, alternately, twice each (the machine is
     * shared: the better of two runs is the less disturbed). The rest of the scan (every other
     * account's calls) is timed in each from the simulator's counts, polled every 100 ms. At a
     * latency where the network, not this machine's CPU, sets the pace: a thread held up in back-off
     * costs throughput only there (on a CPU-bound run it costs nothing, and run-to-run noise in CPU
     * speed would hide any effect).
     */
    private void throttling() throws Exception {
        BenchOrg org = SWEEP_ORG;
        Scenario scenario = org.scenario();
        ExpectedCalls expected = expected(scenario);
        Account victim = scenario.accounts().stream()
                .filter(a -> a.state() == AccountState.ACTIVE && !a.id().equals(scenario.managementAccountId())
                        && !scenario.isDelegatedAdministrator(a.id()))
                .skip(scenario.accounts().size() / 3)
                .findFirst().orElseThrow();
        String region = "eu-west-1";
        int throttledCalls = 1_000_000;
        section("throttling: " + org.label() + ", " + THROTTLE_LATENCY_MS + " ms, account " + victim.id() + " " + region
                + " ListAnalyzers throttled");
        long victimCalls = expected.byAccount().entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + victim.id()))
                .mapToLong(Map.Entry::getValue).sum();
        long restCalls = expected.total() - victimCalls;
        List<ThrottleRun> runs = new ArrayList<>();
        for (int round = 1; round <= THROTTLE_ROUNDS; round++) {
            for (boolean throttled : List.of(false, true)) {
                String rule = throttled ? victim.id() + ":" + region + ":access-analyzer:" + throttledCalls : null;
                try (SimulatorProcess simulator = startSimulator(org, THROTTLE_LATENCY_MS, rule)) {
                    warm(simulator, scenario);
                    StatsTimeline timeline = new StatsTimeline(simulator, victim.id());
                    ScanMeasurement scan = scan(simulator, org, expected, THROTTLE_LATENCY_MS, null, Launch.DEFAULT,
                            (throttled ? "one account-region throttled" : "fault-free") + ", run " + round, timeline);
                    double restDone = timeline.firstTimeOthersReached(restCalls);
                    runs.add(new ThrottleRun(scan, throttled, restCalls, restDone, timeline.victimCalls()));
                    System.out.printf("  %s: the other accounts' %,d calls done after %.2f s (%,.0f calls/s); the throttled account made %d calls%n",
                            scan.label(), restCalls, restDone, restCalls / restDone, timeline.victimCalls());
                }
            }
        }
        report.throttle(victim.id(), region, throttledCalls, runs);
    }

    /**
     * What the exports for other tools (findings.ocsf.json, findings.asff.json, junit.xml) add to
     * {@code orgscan report} at 10,000 accounts with the heap capped: one scan of the organization
     * (scan.json only, not timed), then {@code orgscan report} of it with the formats of before and
     * with every format, alternately, {@link #EXPORT_PAIRS} times, so that drift of the machine's
     * speed hits both alike. Judged on the median of the per-pair ratios.
     */
    private void exports() throws Exception {
        BenchOrg org = SCALE_ORGS.get(SCALE_ORGS.size() - 1);
        Scenario scenario = org.scenario();
        section("exports: " + org.label() + ", orgscan report " + FORMATS_BEFORE + " and " + FORMATS_ALL
                + ", launcher, JAVA_OPTS=-Xmx512m");
        Path dir = work.resolve("exports");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path scanDir = dir.resolve("scan");
        Map<String, String> env = AwsEnvironment.of(dir, scenario.credentials().get(0),
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Launch.HEAP_CAP.environment(env);
        try (SimulatorProcess simulator = startSimulator(org, 0, null)) {
            List<String> command = scanCommand(simulator, Launch.HEAP_CAP, scanDir, null);
            command.addAll(List.of("--format", "json"));
            MeasuredProcess.Result scan = MeasuredProcess.run(command, env, dir.resolve("scan-stdout.txt"),
                    dir.resolve("scan-stderr.txt"), 30, null);
            if (scan.exitCode() != 0 && scan.exitCode() != 3 && scan.exitCode() != 4) {
                throw new IllegalStateException("the scan for the exports benchmark exited " + scan.exitCode()
                        + " (see " + dir.resolve("scan-stderr.txt") + ")");
            }
        }
        Path scanJson = scanDir.resolve("scan.json");
        List<ExportsRun> runs = new ArrayList<>();
        for (int pair = 1; pair <= EXPORT_PAIRS; pair++) {
            for (String formats : List.of(FORMATS_BEFORE, FORMATS_ALL)) {
                Path outDir = dir.resolve("reports");
                deleteTree(outDir);
                List<String> command = new ArrayList<>(Launch.HEAP_CAP.command(root));
                command.addAll(List.of("report", scanJson.toString(), "--out-dir", outDir.toString(), "--format", formats));
                MeasuredProcess.Result result = MeasuredProcess.run(command, env, dir.resolve("stdout.txt"),
                        dir.resolve("stderr.txt"), 30, null);
                if (result.exitCode() != 0 && result.exitCode() != 3 && result.exitCode() != 4) {
                    throw new IllegalStateException("orgscan report exited " + result.exitCode() + " (see "
                            + dir.resolve("stderr.txt") + ")");
                }
                Map<String, Long> sizes = new java.util.TreeMap<>();
                try (Stream<Path> files = Files.list(outDir)) {
                    for (Path file : files.toList()) {
                        sizes.put(file.getFileName().toString(), Files.size(file));
                    }
                }
                ExportsRun run = new ExportsRun(pair, formats, result, sizes);
                runs.add(run);
                System.out.printf("  pair %d, --format %-32s wall %6.2f s  cpu %6.1f s  rss %,.0f MB  exit %d%n", pair,
                        formats, result.wallSeconds(), result.cpuSeconds(), result.peakRssMb(), result.exitCode());
            }
        }
        deleteTree(dir);
        report.exports(org, expected(scenario).regions(), runs);
    }

    /** One {@code orgscan report} of the exports benchmark, and the size of each file it wrote. */
    record ExportsRun(int pair, String formats, MeasuredProcess.Result process, Map<String, Long> sizes) {
    }

    // ---------------------------------------------------------------------------------- one scan

    private ScanMeasurement scan(SimulatorProcess simulator, BenchOrg org, ExpectedCalls expected, int latency,
                                 Integer parallel, Launch jvm, String label) throws Exception {
        return scan(simulator, org, expected, latency, parallel, jvm, label, null);
    }

    private ScanMeasurement scan(SimulatorProcess simulator, BenchOrg org, ExpectedCalls expected, int latency,
                                 Integer parallel, Launch jvm, String label, StatsTimeline timeline) throws Exception {
        return scan(simulator, org, expected, latency, parallel, jvm, label, timeline, new String[0]);
    }

    private ScanMeasurement scan(SimulatorProcess simulator, BenchOrg org, ExpectedCalls expected, int latency,
                                 Integer parallel, Launch jvm, String label, StatsTimeline timeline, String... options)
            throws Exception {
        int run = ++runs;
        Path dir = Files.createDirectories(work.resolve(String.format("run-%02d", run)));
        Path outDir = dir.resolve("reports");
        deleteTree(outDir);
        List<String> command = scanCommand(simulator, jvm, outDir, parallel);
        command.addAll(List.of(options));
        Map<String, String> env = AwsEnvironment.of(dir, org.scenario().credentials().get(0),
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        jvm.environment(env);

        simulator.resetStats();
        String load = Machine.load();
        double simulatorBefore = simulator.cpuSeconds();
        double machineBefore = ProcStat.machineBusySeconds();
        double selfBefore = ProcStat.selfCpuSeconds();
        if (timeline != null) {
            timeline.start();
        }
        MeasuredProcess.Result result;
        try {
            result = MeasuredProcess.run(command, env, dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), 30, outDir);
        } finally {
            if (timeline != null) {
                timeline.stop();
            }
        }
        double simulatorCpu = simulator.cpuSeconds() - simulatorBefore;
        double others = (ProcStat.machineBusySeconds() - machineBefore) - result.cpuSeconds() - simulatorCpu
                - (ProcStat.selfCpuSeconds() - selfBefore);
        SimulatorProcess.Stats stats = simulator.stats(true);
        List<String> differences = new ArrayList<>(expected.differences(stats));
        if (result.exitCode() != 3 && result.exitCode() != 0 && result.exitCode() != 4) {
            differences.add(0, "orgscan exited " + result.exitCode() + " (see " + dir.resolve("stderr.txt") + ")");
        }
        String reportCheck = checkReports(outDir, expected, org);
        if (reportCheck != null) {
            differences.add(0, reportCheck);
        }
        int effective = parallel != null ? parallel : defaultParallel;
        ScanMeasurement measurement = new ScanMeasurement(label, org, latency, effective, parallel == null, jvm.label(),
                result, stats, expected, simulatorCpu, List.copyOf(differences), load, Math.max(0, others) / result.wallSeconds());
        System.out.printf("  %-30s P=%-3d wall %7.2f s (scan %.2f, reports %.2f)  floor %6.2f s  ratio %5s  calls %,d / C %,d %s  cpu %.1f s (%.2f s/1k calls)  rss %,.0f MB  exit %d  others %.2f cores%n",
                label, effective, result.wallSeconds(), measurement.scanSeconds(), measurement.reportSeconds(), measurement.floorSeconds(),
                Double.isNaN(measurement.ratio()) ? "-" : String.format("%.2f", measurement.ratio()),
                stats.total(), expected.total(), measurement.exact() ? "exact" : "DIFFERENT " + differences,
                result.cpuSeconds(), measurement.cpuPerThousandCalls(), result.peakRssMb(), result.exitCode(), measurement.otherCores());
        deleteTree(outDir);
        return measurement;
    }

    private List<String> scanCommand(SimulatorProcess simulator, Launch launch, Path outDir, Integer parallel) {
        List<String> command = new ArrayList<>(launch.command(root));
        command.addAll(List.of("scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", outDir.toString()));
        if (parallel != null) {
            command.addAll(List.of("--max-parallel", parallel.toString()));
        }
        return command;
    }

    /** The reports must be complete: findings.csv has one row per account x region. */
    private static String checkReports(Path outDir, ExpectedCalls expected, BenchOrg org) throws IOException {
        for (String name : List.of("scan.json", "findings.csv", "coverage.xlsx")) {
            if (!Files.isRegularFile(outDir.resolve(name)) || Files.size(outDir.resolve(name)) == 0) {
                return "report " + name + " was not written";
            }
        }
        long rows;
        try (Stream<String> lines = Files.lines(outDir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
            rows = lines.count() - 1;
        }
        long cells = (long) org.accounts() * expected.regions();
        return rows == cells ? null : "findings.csv has " + rows + " rows, expected " + cells;
    }

    // ---------------------------------------------------------------------------------- helpers

    private SimulatorProcess startSimulator(BenchOrg org, int latency, String throttle) throws IOException {
        List<String> command = new ArrayList<>(List.of(Machine.javaLauncher()));
        if (throttle == null) {
            command.addAll(List.of("-jar", root.resolve("simulator/target/orgscan-simulator.jar").toString()));
        } else {
            command.addAll(List.of("-cp", root.resolve("simulator/target/orgscan-simulator.jar") + java.io.File.pathSeparator
                    + root.resolve("src-test/target/test-classes"), ThrottledSimulatorMain.class.getName()));
        }
        command.addAll(List.of("--synthetic", Integer.toString(org.accounts()), "--ous", Integer.toString(org.ous()),
                "--seed", Long.toString(org.seed()), "--latency-ms", Integer.toString(latency)));
        if (throttle == null) {
            command.addAll(List.of("--port", "0"));
        } else {
            command.addAll(List.of("--throttle", throttle));
        }
        return SimulatorProcess.start(command, work.resolve("simulator.log"));
    }

    /**
     * A fresh simulator JVM answers its first calls slowly and keeps getting faster for seconds: warm
     * it up before anything is timed, so that its JIT does not compete with the scanner's for the CPU.
     */
    private static void warm(SimulatorProcess simulator, Scenario scenario) throws IOException, InterruptedException {
        SimulatorLoad.settle(simulator, scenario.credentials().get(0).accessKeyId(), 256, SETTLE_ROUND_SECONDS,
                SCAN_WARM_UP_MAX_SECONDS);
        simulator.resetStats();
    }

    private static ExpectedCalls expected(Scenario scenario) {
        return ExpectedCalls.of(scenario, scenario.credentials().get(0).accountId());
    }

    /** The default of {@code --max-parallel}, as {@code orgscan scan --help} states it. */
    private int readDefaultParallel() throws IOException, InterruptedException {
        Process help = new ProcessBuilder(Machine.javaLauncher(), "-jar", root.resolve("scanner/target/orgscan.jar").toString(), "scan", "--help")
                .redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        help.waitFor();
        Matcher matcher = Pattern.compile("--max-parallel.{0,200}?default (\\d+)", Pattern.DOTALL).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot find the default of --max-parallel in `orgscan scan --help`:\n" + text);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title + "  [" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load " + Machine.load() + "]");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: Benchmark [--root DIR] [--only " + String.join(",", SECTIONS) + "] [--out FILE]");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A throttling comparison run: when the other accounts' calls were all answered. */
    record ThrottleRun(ScanMeasurement scan, boolean throttled, long restCalls, double restSeconds, long victimCalls) {
        double restCallsPerSecond() {
            return restCalls / restSeconds;
        }
    }
}
