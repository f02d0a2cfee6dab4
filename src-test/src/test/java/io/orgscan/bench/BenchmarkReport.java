package io.orgscan.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Collects the measurements of one benchmark run and renders docs/BENCHMARKS.md from them. */
final class BenchmarkReport {
    /** The scan, to its last AWS answer, within this of the floor: what the network and the scheduling decide. */
    static final double FLOOR_BAR = 1.20;
    /** The whole run, reports and JVM start included: what a user waits for. */
    static final double WALL_BAR = 1.40;
    static final double CLI_BAR = 50;
    static final double THROTTLE_BAR = 0.10;
    /** The exports for other tools may add less than this share to {@code orgscan report}'s time. */
    static final double EXPORTS_BAR = 0.20;

    private final Machine machine;
    private final int defaultParallel;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String loadAtStart = "";
    private String loadAtEnd = "";
    private double totalSeconds;
    /** The simulator's own throughput, by latency: how long it was warmed up, then what it answered. */
    private record Throughput(double warmUpSeconds, SimulatorLoad.Result load) {
    }

    private final Map<Integer, Throughput> simulator = new LinkedHashMap<>();
    private AwsCliProcedure.Result cli;
    private SimulatorProcess.Stats cliStats;
    private ExpectedCalls cliExpected;
    private double cliSimulatorCpu;
    private double cliOtherCores;
    private final List<ScanMeasurement> manualScans = new ArrayList<>();
    private final List<ScanMeasurement> scale = new ArrayList<>();
    private final List<ScanMeasurement> sweep = new ArrayList<>();
    private final List<ScanMeasurement> plainJar = new ArrayList<>();
    private final List<ScanMeasurement> networkBound = new ArrayList<>();
    /** Scans with {@code --scp-denied-regions not-applicable}, measured against their own C. */
    private final List<ScanMeasurement> scpReads = new ArrayList<>();
    private String throttleVictim;
    private String throttleRegion;
    private int throttleCalls;
    private List<Benchmark.ThrottleRun> throttleRuns = List.of();
    /** The better of each kind of throttling run (the less disturbed by other work on the machine). */
    private Benchmark.ThrottleRun throttleBase;
    private Benchmark.ThrottleRun throttled;
    private BenchOrg exportsOrg;
    private int exportsRegions;
    private List<Benchmark.ExportsRun> exportsRuns = List.of();

    BenchmarkReport(Machine machine, int defaultParallel) {
        this.machine = machine;
        this.defaultParallel = defaultParallel;
    }

    void loadAtStart(String load) {
        this.loadAtStart = load;
    }

    void loadAtEnd(String load, double seconds) {
        this.loadAtEnd = load;
        this.totalSeconds = seconds;
    }

    /** @param warmUpSeconds how long the simulator was loaded before, until its CPU per call settled */
    void simulatorThroughput(int latencyMs, double warmUpSeconds, SimulatorLoad.Result result) {
        simulator.put(latencyMs, new Throughput(warmUpSeconds, result));
    }

    void manual(AwsCliProcedure.Result result, SimulatorProcess.Stats stats, ExpectedCalls expected, double simulatorCpu, double otherCores) {
        this.cli = result;
        this.cliStats = stats;
        this.cliExpected = expected;
        this.cliSimulatorCpu = simulatorCpu;
        this.cliOtherCores = otherCores;
    }

    void manualScan(ScanMeasurement scan) {
        manualScans.add(scan);
    }

    void scale(ScanMeasurement scan) {
        scale.add(scan);
    }

    void sweep(ScanMeasurement scan) {
        sweep.add(scan);
    }

    void scpRead(ScanMeasurement scan) {
        scpReads.add(scan);
    }

    void plainJar(ScanMeasurement scan) {
        plainJar.add(scan);
    }

    void networkBound(ScanMeasurement scan) {
        networkBound.add(scan);
    }

    void throttle(String victim, String region, int calls, List<Benchmark.ThrottleRun> runs) {
        this.throttleVictim = victim;
        this.throttleRegion = region;
        this.throttleCalls = calls;
        this.throttleRuns = List.copyOf(runs);
        java.util.Comparator<Benchmark.ThrottleRun> byThroughput = java.util.Comparator.comparingDouble(Benchmark.ThrottleRun::restCallsPerSecond);
        this.throttleBase = runs.stream().filter(r -> !r.throttled()).max(byThroughput).orElse(null);
        this.throttled = runs.stream().filter(Benchmark.ThrottleRun::throttled).max(byThroughput).orElse(null);
    }

    void exports(BenchOrg org, int regions, List<Benchmark.ExportsRun> runs) {
        this.exportsOrg = org;
        this.exportsRegions = regions;
        this.exportsRuns = List.copyOf(runs);
    }

    /** Per pair, the time with every format over the time with the formats of before. */
    private List<Double> exportsRatios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < exportsRuns.size(); i += 2) {
            ratios.add(exportsRuns.get(i + 1).process().wallSeconds() / exportsRuns.get(i).process().wallSeconds());
        }
        return ratios;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private double exportsMedianWall(String formats) {
        return median(exportsRuns.stream().filter(r -> r.formats().equals(formats)).map(r -> r.process().wallSeconds()).toList());
    }

    // ---------------------------------------------------------------------------------- verdicts

    private record Verdict(String bar, Boolean met, String measured) {
        String status() {
            return met == null ? "not measured" : met ? "**met**" : "**not met**";
        }
    }

    private List<ScanMeasurement> faultFreeScans() {
        List<ScanMeasurement> all = new ArrayList<>(manualScans);
        all.addAll(scale);
        all.addAll(sweep);
        all.addAll(plainJar);
        all.addAll(networkBound);
        throttleRuns.stream().filter(r -> !r.throttled()).forEach(r -> all.add(r.scan()));
        return all;
    }

    private Optional<ScanMeasurement> floorBarRun() {
        List<ScanMeasurement> candidates = new ArrayList<>(scale);
        candidates.addAll(sweep);
        return candidates.stream()
                .filter(s -> s.org().equals(Benchmark.SWEEP_ORG) && s.latencyMs() == Benchmark.LATENCY_MS && s.parallel() == 64
                        && s.jvm().equals(Launch.DEFAULT.label()))
                .min(java.util.Comparator.comparingDouble(s -> s.process().wallSeconds()));
    }

    private List<ScanMeasurement> capped() {
        return scale.stream().filter(s -> s.org().accounts() >= Benchmark.CAPPED_HEAP_FROM).toList();
    }

    private List<ScanMeasurement> parallelism() {
        List<ScanMeasurement> rows = new ArrayList<>();
        scale.stream().filter(s -> s.org().equals(Benchmark.SWEEP_ORG) && s.latencyMs() == Benchmark.LATENCY_MS).forEach(rows::add);
        rows.addAll(sweep);
        rows.sort(java.util.Comparator.comparingInt(ScanMeasurement::parallel));
        return rows;
    }

    private List<Verdict> verdictList() {
        List<Verdict> verdicts = new ArrayList<>();
        List<ScanMeasurement> faultFree = new ArrayList<>(faultFreeScans());
        faultFree.addAll(scpReads);
        long exact = faultFree.stream().filter(ScanMeasurement::exact).count();
        verdicts.add(new Verdict("Calls made equal C exactly on a fault-free organization (per operation, per calling account, "
                + "and ListAnalyzers per account and region)", faultFree.isEmpty() ? null : exact == faultFree.size(),
                faultFree.isEmpty() ? "" : exact + " of " + faultFree.size() + " fault-free scans exact"
                        + faultFree.stream().filter(s -> !s.exact()).map(s -> "; " + s.label() + ": " + s.mismatches())
                        .reduce("", String::concat)));
        Optional<ScanMeasurement> floorRun = floorBarRun();
        verdicts.add(new Verdict("1,000 accounts, 50 ms, `--max-parallel 64`: the last AWS answer within " + FLOOR_BAR
                + "x the floor, and the whole run (JVM start and reports included) within " + WALL_BAR + "x",
                floorRun.map(s -> s.scanRatio() <= FLOOR_BAR && s.ratio() <= WALL_BAR).orElse(null),
                floorRun.map(s -> f("the best of " + Benchmark.SWEEP_ROUNDS + " runs: floor %.2f s; last AWS answer at %.2f s: %.2fx;"
                                + " whole run %.2f s: %.2fx (after the last answer: %.2f s to judge, write the reports and exit)."
                                + " Scanner and simulator used %.1f CPU s, %.2f s on %d cores", s.floorSeconds(), s.scanSeconds(),
                        s.scanRatio(), s.process().wallSeconds(), s.ratio(), s.reportSeconds(),
                        s.process().cpuSeconds() + s.simulatorCpu(), s.cpuFloorSeconds(machine.cores()), machine.cores())
                        + networkBound.stream().findFirst().map(n -> f("; at %d ms, where the network is the limit, last answer %.2fx, whole run %.2fx",
                        n.latencyMs(), n.scanRatio(), n.ratio())).orElse("")
                        + plainJar.stream().filter(t -> t.org().equals(s.org()) && t.latencyMs() == s.latencyMs()).findFirst()
                        .map(t -> f("; with a plain `java -jar` (below) last answer %.2fx, whole run %.2fx", t.scanRatio(), t.ratio())).orElse(""))
                        .orElse("")));
        verdicts.add(new Verdict("Default `--max-parallel` at least 64 unless the benchmark shows a better value",
                parallelism().isEmpty() ? null : defaultParallel >= 64, defaultParallelText()));
        List<ScanMeasurement> capped = capped();
        verdicts.add(new Verdict("10,000 accounts scan and report with the JVM heap capped at 512 MB",
                capped.isEmpty() ? null : capped.stream().allMatch(s -> s.exact()
                        && (s.process().exitCode() == 0 || s.process().exitCode() == 3)),
                capped.stream().map(s -> f("%s, %d ms: exit %d, every report written, findings.csv complete (%,d rows),"
                                + " peak RSS %,.0f MB, %.0f s", s.jvm(), s.latencyMs(), s.process().exitCode(),
                        (long) s.org().accounts() * s.expected().regions(), s.process().peakRssMb(), s.process().wallSeconds()))
                        .reduce((a, b) -> a + "; " + b).orElse("")));
        Optional<ScanMeasurement> defaultManual = manualScans.stream().filter(ScanMeasurement::defaultParallel)
                .min(java.util.Comparator.comparingDouble(s -> s.process().wallSeconds()));
        verdicts.add(new Verdict("At least " + (int) CLI_BAR + "x faster than the AWS CLI procedure on the 10-account organization",
                cli == null || defaultManual.isEmpty() ? null : speedup(defaultManual.get()) >= CLI_BAR,
                cli == null || defaultManual.isEmpty() ? "" : f("AWS CLI %.1f s, `scanner/target/orgscan scan` (the better of " + Benchmark.MANUAL_ROUNDS + " runs) %.2f s: %.0fx",
                        cli.process().wallSeconds(), defaultManual.get().process().wallSeconds(), speedup(defaultManual.get()))
                        + plainJar.stream().filter(t -> t.org().equals(Benchmark.MANUAL_ORG)).findFirst()
                        .map(t -> f("; with a plain `java -jar` (below): %.2f s, %.0fx", t.process().wallSeconds(), speedup(t)))
                        .orElse("")));
        verdicts.add(new Verdict("One account's region throttled for many calls: the rest of the scan's throughput drops by less than 10%",
                throttled == null || throttleBase == null ? null : throttleDrop() < THROTTLE_BAR,
                throttled == null || throttleBase == null ? "" : f("best of %d runs each: %,.0f calls/s fault-free, %,.0f calls/s"
                                + " with the throttled region: %+.1f%%", Benchmark.THROTTLE_ROUNDS,
                        throttleBase.restCallsPerSecond(), throttled.restCallsPerSecond(), -throttleDrop() * 100)));
        List<Double> ratios = exportsRatios();
        verdicts.add(new Verdict("10,000 accounts: findings.ocsf.json, findings.asff.json and junit.xml add less than "
                + Math.round(EXPORTS_BAR * 100) + "% to `orgscan report`'s time with the heap capped at 512 MB",
                ratios.isEmpty() ? null : median(ratios) < 1 + EXPORTS_BAR,
                ratios.isEmpty() ? "" : f("median of %d pairs: `--format %s` %.2f s, `--format %s` %.2f s; median per-pair"
                                + " ratio %.3fx (+%.1f%%)", ratios.size(), Benchmark.FORMATS_BEFORE,
                        exportsMedianWall(Benchmark.FORMATS_BEFORE), Benchmark.FORMATS_ALL,
                        exportsMedianWall(Benchmark.FORMATS_ALL), median(ratios), (median(ratios) - 1) * 100)));
        Optional<Double> fastest = faultFree.stream().map(ScanMeasurement::callsPerSecond).max(Double::compare);
        SimulatorLoad.Result zero = simulator.containsKey(0) ? simulator.get(0).load() : null;
        verdicts.add(new Verdict("The simulator is not the bottleneck",
                zero == null || fastest.isEmpty() ? null : zero.callsPerSecond() > 2 * fastest.get(),
                zero == null || fastest.isEmpty() ? "" : f("it answers %,.0f calls/s at 0 ms; the fastest scan averaged %,.0f calls/s",
                        zero.callsPerSecond(), fastest.get())));
        return verdicts;
    }

    private double speedup(ScanMeasurement scan) {
        return cli.process().wallSeconds() / scan.process().wallSeconds();
    }

    private double throttleDrop() {
        return 1 - throttled.restCallsPerSecond() / throttleBase.restCallsPerSecond();
    }

    /** The best (shortest) run of each {@code --max-parallel}, in order. */
    private java.util.TreeMap<Integer, ScanMeasurement> bestByParallel() {
        java.util.TreeMap<Integer, ScanMeasurement> best = new java.util.TreeMap<>();
        for (ScanMeasurement row : parallelism()) {
            best.merge(row.parallel(), row, (a, b) -> a.process().wallSeconds() <= b.process().wallSeconds() ? a : b);
        }
        return best;
    }

    /** The largest difference between runs of the same {@code --max-parallel}, relative to the shortest. */
    private double sweepNoise() {
        double noise = 0;
        java.util.Map<Integer, List<ScanMeasurement>> runs = new java.util.TreeMap<>();
        parallelism().forEach(row -> runs.computeIfAbsent(row.parallel(), p -> new ArrayList<>()).add(row));
        for (List<ScanMeasurement> same : runs.values()) {
            double shortest = same.stream().mapToDouble(s -> s.process().wallSeconds()).min().orElse(0);
            double longest = same.stream().mapToDouble(s -> s.process().wallSeconds()).max().orElse(0);
            noise = Math.max(noise, shortest > 0 ? longest / shortest - 1 : 0);
        }
        return noise;
    }

    private String defaultParallelText() {
        java.util.TreeMap<Integer, ScanMeasurement> best = bestByParallel();
        if (best.isEmpty()) {
            return "default " + defaultParallel;
        }
        ScanMeasurement fastest = best.values().stream()
                .min(java.util.Comparator.comparingDouble(s -> s.process().wallSeconds())).orElseThrow();
        ScanMeasurement chosen = best.get(defaultParallel);
        double tolerance = Math.max(0.05, sweepNoise());
        StringBuilder text = new StringBuilder("default " + defaultParallel + "; at 1,000 accounts and 50 ms, the best of "
                + Benchmark.SWEEP_ROUNDS + " runs: ");
        int i = 0;
        for (ScanMeasurement row : best.values()) {
            text.append(i++ == 0 ? "" : ", ").append(f("%d in %.2f s", row.parallel(), row.process().wallSeconds()));
        }
        text.append(f(" (runs of the same value differed by up to %.0f%%)", sweepNoise() * 100));
        if (chosen != null && chosen.process().wallSeconds() <= fastest.process().wallSeconds() * (1 + tolerance)) {
            text.append(f(". The numbers support the default of %d", defaultParallel));
            if (fastest != chosen) {
                text.append(f(": %d was %.0f%% faster here, within that noise", fastest.parallel(),
                        (chosen.process().wallSeconds() / fastest.process().wallSeconds() - 1) * 100));
            }
        } else {
            text.append(f(". Fastest here, beyond that noise: %d", fastest.parallel()));
        }
        return text.toString();
    }

    String verdicts() {
        StringBuilder text = new StringBuilder("quality bars:\n");
        for (Verdict verdict : verdictList()) {
            text.append("  [").append(verdict.met() == null ? "n/a" : verdict.met() ? "MET" : "NOT MET").append("] ")
                    .append(verdict.bar()).append(": ").append(verdict.measured()).append('\n');
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------- markdown

    String markdown(boolean complete) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `").append(Benchmark.COMMAND).append("` (`src-test/src/test/java/io/orgscan/bench/Benchmark.java`), ")
                .append("started ").append(started).append(", ").append(f("%.0f s", totalSeconds)).append(" in all. ")
                .append("Every number below comes from that one run; do not edit them by hand, run the command again.");
        if (!complete) {
            md.append(" **Partial run: some sections were left out.**");
        }
        md.append("\n\n");

        md.append("## Quality bars\n\n| bar | result | measured |\n|---|---|---|\n");
        for (Verdict verdict : verdictList()) {
            md.append("| ").append(verdict.bar()).append(" | ").append(verdict.status()).append(" | ")
                    .append(verdict.measured().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n**Default `--max-parallel`: ").append(defaultParallel).append(".** ")
                .append(defaultParallelText()).append(".\n\n");

        md.append("## Machine\n\n");
        md.append("* CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores; memory ")
                .append(machine.totalMemory()).append("\n");
        md.append("* OS: ").append(machine.os()).append("; Java: ").append(machine.jvm()).append("\n");
        md.append("* AWS CLI: ").append(machine.awsCli()).append("\n");
        md.append("* Load averages (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ").append(loadAtEnd)
                .append(" (they count the benchmark's own processes too). The machine is shared with other work: the tables")
                .append(" say how much CPU the rest of the machine used during each run (*other work, cores*: busy time in")
                .append(" `/proc/stat` minus the scanner's, the simulator's and the benchmark's own, over the wall time; ")
                .append(machineCoresText()).append(").\n");
        md.append("* Scanner and simulator each run in a JVM of their own (default JVM options unless the JVM column says")
                .append(" otherwise), on the same machine, talking over 127.0.0.1; the simulator adds the latency as a sleep")
                .append(" before each answer. Each simulator JVM is loaded before the first timed run, until its CPU per call")
                .append(f(" settles (at most %.0f s), so that its JIT does not compete with the scanner's.\n\n",
                        Benchmark.SCAN_WARM_UP_MAX_SECONDS));

        md.append("## How to read the tables\n\n");
        md.append("* **C**: the calls the organization needs, worked out from the scenario by the benchmark itself")
                .append(" (`ExpectedCalls`), not from the scanner: GetCallerIdentity, DescribeOrganization and")
                .append(" ListDelegatedAdministrators once; ListRoots; per root and OU one ListOrganizationalUnitsForParent")
                .append(" and one ListAccountsForParent per page of 20; one AssumeRole per ACTIVE account but the one the")
                .append(" scan runs from (its own keys need none); one DescribeRegions per ACTIVE account; one ListAnalyzers")
                .append(" per page in every region enabled for an ACTIVE account.\n");
        md.append("* **calls made**: what the simulator answered (`GET /_stats`), every attempt counted. **= C** compares")
                .append(" them per operation, per operation and calling account, and ListAnalyzers per account and region.\n");
        md.append("* **D**: the longest chain that must run one after another: ListRoots, the OU listings down to the")
                .append(" account's parent, the page of the account listing that names it, AssumeRole, DescribeRegions, its")
                .append(" ListAnalyzers pages.\n");
        md.append("* **floor** = max(C x L / P, D x L) with L the simulated latency and P `--max-parallel`: no scanner")
                .append(" that keeps at most P calls in flight can finish sooner. At 0 ms the floor is 0 and the run is")
                .append(" bound by CPU.\n");
        md.append("* **peak in flight**: the most calls the simulator was answering at one time during the run")
                .append(" (`peakInFlight` of `GET /_stats`): never above max-parallel (it would be in bold), so P in the")
                .append(" floor is the limit the scan kept.\n");
        md.append("* **wall**: from starting `java -jar scanner/target/orgscan.jar scan ...` to its exit: JVM start, the")
                .append(" scan, and writing the run folder (scan.json, the CSVs, coverage.xlsx, the manifest). **scan**: from the start to the")
                .append(" simulator's last AWS answer (`lastAnswerEpochMillis` of `GET /_stats`): JVM start and every AWS call;")
                .append(" **reports**: the rest, judging the cells, writing the run folder and the JVM's exit.\n");
        md.append("* **CPU floor**: the scanner's and the simulator's CPU time over the machine's cores: what this")
                .append(" machine allows. Where wall time is near it and above the floor, the run was bound by CPU, not by the")
                .append(" network.\n");
        md.append("* **calls/s (scan)**: calls made over the scan time.\n");
        md.append("* **CPU**: user + system time of the scanner process (`/proc/PID/stat`), JVM start, JIT compilation and")
                .append(" report writing included; **per 1k calls** divides it by the calls made. **peak RSS**: the")
                .append(" scanner process's `VmHWM`. **sim CPU / 1k**: the simulator process's CPU during the run.\n\n");

        if (cli != null) {
            md.append("## The manual procedure and orgscan, side by side\n\n");
            md.append(f("On the same simulator and organization (%s; %d ACTIVE accounts, %d enabled account-regions), at %d ms:"
                    + " the AWS CLI procedure (`src-test/src/test/resources/bench/manual-procedure.sh`: list the accounts, then"
                    + " per account assume the role, describe its regions, list the analyzers in each enabled region; one"
                    + " CLI process per call, one after another), then `orgscan scan` at `--max-parallel 1` and at the default.\n\n",
                    Benchmark.MANUAL_ORG.label(), cliExpected.activeAccounts(), cliExpected.enabledRegions(), Benchmark.LATENCY_MS));
            md.append("| run | wall s | calls made | C | floor s | speed-up over the AWS CLI | CPU s | peak RSS MB | sim CPU s / 1k | other work, cores |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(f("| AWS CLI procedure (%d account-region lines) | %.1f | %,d | %s | %s | 1x | %.1f | %s | %.2f | %s |\n",
                    cli.lines(), cli.process().wallSeconds(), cliStats.total(), "-", "-", cli.process().cpuSeconds(),
                    "-", cliSimulatorCpu / cliStats.total() * 1000, f("%.2f", cliOtherCores)));
            for (ScanMeasurement scan : manualScans) {
                md.append(f("| `orgscan scan --max-parallel %s` | %.2f | %,d | %,d%s | %.2f | %.0fx | %.1f | %,.0f | %.2f | %s |\n",
                        scan.parallelText(), scan.process().wallSeconds(), scan.callsMade(), scan.expected().total(),
                        scan.exact() ? "" : " (differs)", scan.floorSeconds(), speedup(scan), scan.process().cpuSeconds(),
                        scan.process().peakRssMb(), scan.simulatorCpuPerThousandCalls(), f("%.2f", scan.otherCores())));
            }
            md.append("\nThe AWS CLI's CPU is that of the whole script (bash and every CLI process). Its calls are not C:")
                    .append(" it lists the accounts with ListAccounts instead of walking the tree, and asks GetCallerIdentity.\n\n");
        }

        if (!scale.isEmpty()) {
            md.append("## Scale\n\n");
            md.append("Synthetic organizations (`SyntheticOrganization.generate(seed, accounts, OUs)`): all 34 commercial")
                    .append(" regions, 17 of them opt-in; about 70% of accounts opted into none, 20% into one, 10% into two or")
                    .append(" three; 94% of accounts ACTIVE. `orgscan scan` at its default `--max-parallel` (").append(defaultParallel)
                    .append(f("); organizations of %,d accounts with the heap capped (%s).\n\n", Benchmark.CAPPED_HEAP_FROM, Launch.HEAP_CAP.label()));
            table(md, scale);
        }
        if (!networkBound.isEmpty()) {
            md.append("\n## When the network is the limit\n\n");
            md.append(f("At %d ms this machine's two cores are not the limit, so the scan's scheduling alone is measured"
                    + " against the floor:\n\n", networkBound.get(0).latencyMs()));
            table(md, networkBound);
        }
        List<ScanMeasurement> parallelism = parallelism();
        if (parallelism.size() > 1) {
            md.append("\n## Parallelism\n\n");
            md.append(f("%s, %d ms, by `--max-parallel`:\n\n", Benchmark.SWEEP_ORG.label(), Benchmark.LATENCY_MS));
            table(md, parallelism);
            md.append("\n").append(defaultParallelText()).append(".\n\n");
            md.append("On this machine more calls in flight also hide latency while the JVM warms up (compare *CPU floor*).")
                    .append(" Where the network is the limit, the scan keeps at most about")
                    .append(" 16 x (1 + regions per account / 2), some 150, calls busy: AssumeRole is capped at 16 in flight (STS")
                    .append(" throttles on the calling account), and each account opened (two round trips) yields about 17")
                    .append(" region listings. Beyond that, more parallelism waits for accounts to be opened.\n");
        }
        if (!scpReads.isEmpty()) {
            md.append("\n## Reading the service control policies\n\n");
            ExpectedCalls with = scpReads.get(0).expected();
            md.append(f("%s, %d ms, `--max-parallel 64`, with `%s`, each run right after the same scan without it."
                    + " Every synthetic organization has a Control Tower-style region deny at its root (`%s`), which exempts"
                    + " Access Analyzer and DescribeRegions, so no call fails because of it. The option adds %d calls, all"
                    + " before any account is opened: %d ListPolicies page(s), %d DescribePolicy, %d ListTargetsForPolicy"
                    + " page(s) (only the region-deny policy's; FullAWSAccess is attached everywhere and costs none).\n\n",
                    Benchmark.SWEEP_ORG.label(), Benchmark.LATENCY_MS, Benchmark.SCP_OPTION,
                    io.orgscan.simulator.scenario.SyntheticOrganization.REGION_DENY_ID,
                    with.expected(ExpectedCalls.LIST_POLICIES) + with.expected(ExpectedCalls.DESCRIBE_POLICY)
                            + with.expected(ExpectedCalls.LIST_TARGETS),
                    with.expected(ExpectedCalls.LIST_POLICIES), with.expected(ExpectedCalls.DESCRIBE_POLICY),
                    with.expected(ExpectedCalls.LIST_TARGETS)));
            List<ScanMeasurement> pairs = new ArrayList<>();
            for (ScanMeasurement s : scpReads) {
                parallelism().stream().filter(p -> p.parallel() == 64 && p.label().endsWith(s.label()
                        .substring(s.label().lastIndexOf(", run")))).findFirst().ifPresent(pairs::add);
                pairs.add(s);
            }
            md.append("| run | wall s | scan s | reports s | floor s | wall / floor | scan / floor | calls made | C | = C |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (ScanMeasurement s : pairs) {
                md.append(f("| %s | %.2f | %.2f | %.2f | %.2f | %s | %s | %,d | %,d | %s |\n", s.label(), s.process().wallSeconds(),
                        s.scanSeconds(), s.reportSeconds(), s.floorSeconds(), ratio(s.ratio()), ratio(s.scanRatio()),
                        s.callsMade(), s.expected().total(), s.exact() ? "yes" : "**no**"));
            }
        }
        if (!plainJar.isEmpty()) {
            md.append("\n## What the launcher gains\n\n");
            md.append("`scanner/target/orgscan`, the launcher users run, starts the JVM with `-XX:TieredStopAtLevel=1` (the")
                    .append(" quick compiler only), `-XX:+UseSerialGC` and the class-data archive the build records from a demo")
                    .append(" run (`-XX:SharedArchiveFile=scanner/target/orgscan.jsa`). A plain `java -jar` runs with the JVM's")
                    .append(" defaults: it parses and verifies some 6,000 classes (the AWS SDK, POI), compiles hot code twice (C1,")
                    .append(" then C2) and collects with G1; on two cores the optimising compiler alone takes a core for most of")
                    .append(" a 20-second scan. The same scans both ways:\n\n");
            md.append("| organization | latency | max-parallel | started with | wall s | scan s | reports s | CPU s | peak RSS MB | other work, cores |\n");
            md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (ScanMeasurement t : plainJar) {
                List<ScanMeasurement> pair = new ArrayList<>();
                faultFreeScans().stream().filter(s -> s.org().equals(t.org()) && s.latencyMs() == t.latencyMs()
                        && s.parallel() == t.parallel() && s.jvm().equals(Launch.DEFAULT.label())).findFirst().ifPresent(pair::add);
                pair.add(t);
                for (ScanMeasurement s : pair) {
                    md.append(f("| %,d accounts | %d ms | %s | %s | %.2f | %.2f | %.2f | %.1f | %,.0f | %s |\n", s.org().accounts(),
                            s.latencyMs(), s.parallelText(), s.jvm(), s.process().wallSeconds(), s.scanSeconds(), s.reportSeconds(),
                            s.process().cpuSeconds(), s.process().peakRssMb(), f("%.2f", s.otherCores())));
                }
            }
        }
        if (!faultFreeScans().isEmpty()) {
            md.append("\n## Calls by operation\n\n");
            md.append("C next to the simulator's `/_stats` totals by operation, for every scan of each organization.\n");
            List<BenchOrg> orgs = new ArrayList<>();
            faultFreeScans().forEach(s -> {
                if (!orgs.contains(s.org())) {
                    orgs.add(s.org());
                }
            });
            for (BenchOrg org : orgs) {
                List<ScanMeasurement> runs = faultFreeScans().stream().filter(s -> s.org().equals(org)).toList();
                ExpectedCalls expected = runs.get(0).expected();
                md.append("\n").append(org.label()).append(f(" (D = %d)\n\n", expected.chain()));
                md.append("| operation | C |");
                runs.forEach(r -> md.append(f(" %d ms, P %d%s |", r.latencyMs(), r.parallel(),
                        r.jvm().equals(Launch.DEFAULT.label()) ? "" : ", " + r.jvm())));
                md.append("\n|---|---:|");
                runs.forEach(r -> md.append("---:|"));
                md.append("\n");
                for (String operation : ExpectedCalls.OPERATIONS) {
                    md.append("| ").append(operation).append(f(" | %,d |", expected.expected(operation)));
                    runs.forEach(r -> md.append(f(" %,d |", r.stats().operation(operation))));
                    md.append("\n");
                }
                md.append(f("| **total** | **%,d** |", expected.total()));
                runs.forEach(r -> md.append(f(" **%,d** |", r.callsMade())));
                md.append("\n");
            }
        }
        if (throttled != null && throttleBase != null) {
            md.append("\n## Throttling\n\n");
            md.append(f("%s, %d ms, default `--max-parallel`, fresh simulators, alternately fault-free and with every"
                            + " ListAnalyzers call of account %s in %s throttled (the first %,d calls: the SDK's retries give up"
                            + " and the cell is INSUFFICIENT_DATA), %d runs each. The rest of the scan is every other"
                            + " account's calls (%,d); the benchmark polls the simulator's counts every 100 ms and times when"
                            + " they were all answered. The better run of each kind is compared (the machine is shared). The"
                            + " latency is one at which the network, not this machine's CPU, sets the pace: a thread held up in"
                            + " back-off costs throughput only then.\n\n",
                    Benchmark.SWEEP_ORG.label(), Benchmark.THROTTLE_LATENCY_MS, throttleVictim, throttleRegion, throttleCalls,
                    Benchmark.THROTTLE_ROUNDS, throttleBase.restCalls()));
            md.append("| run | wall s | other accounts' calls done at s | their calls/s | throttled account's calls | exit | other work, cores |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Benchmark.ThrottleRun run : throttleRuns) {
                md.append(f("| %s | %.2f | %.2f | %,.0f | %,d | %d | %s |\n", run.scan().label(), run.scan().process().wallSeconds(),
                        run.restSeconds(), run.restCallsPerSecond(), run.victimCalls(), run.scan().process().exitCode(),
                        f("%.2f", run.scan().otherCores())));
            }
            md.append(f("\nThroughput of the rest of the scan with the throttled region, best against best: %+.1f%%.\n",
                    -throttleDrop() * 100));
        }
        if (!exportsRuns.isEmpty()) {
            md.append("\n## The exports for other tools\n\n");
            md.append(f("One scan of the %s organization (%,d accounts x %d regions = %,d findings; `--format json`, not timed),"
                            + " then `orgscan report` of its scan.json through the launcher with `JAVA_OPTS=-Xmx512m`, alternately"
                            + " with `--format %s` (the formats of before) and `--format %s`, %d times, so that drift of the"
                            + " machine's speed hits both alike. The exports are written on a thread of their own beside scan.json,"
                            + " the CSVs and the workbook (docs/ARCHITECTURE.md).\n\n", exportsOrg.label(), exportsOrg.accounts(),
                    exportsRegions, (long) exportsOrg.accounts() * exportsRegions, Benchmark.FORMATS_BEFORE,
                    Benchmark.FORMATS_ALL, Benchmark.EXPORT_PAIRS));
            md.append("| pair | --format | wall s | CPU s | peak RSS MB | exit | ratio to the pair's first |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < exportsRuns.size(); i++) {
                Benchmark.ExportsRun run = exportsRuns.get(i);
                String ratio = i % 2 == 1 ? f("%.3f", run.process().wallSeconds() / exportsRuns.get(i - 1).process().wallSeconds()) : "";
                md.append(f("| %d | `%s` | %.2f | %.1f | %,.0f | %d | %s |\n", run.pair(), run.formats(),
                        run.process().wallSeconds(), run.process().cpuSeconds(), run.process().peakRssMb(),
                        run.process().exitCode(), ratio));
            }
            Benchmark.ExportsRun all = exportsRuns.get(exportsRuns.size() - 1);
            md.append("\nThe files of the last run, in bytes: ");
            md.append(all.sizes().entrySet().stream().map(e -> f("%s %,d", e.getKey(), e.getValue()))
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            md.append(".\n");
        }
        if (!simulator.isEmpty()) {
            md.append("\n## The simulator's own throughput\n\n");
            md.append("Raw keep-alive HTTP connections (a few lines of socket code in the benchmark's JVM, far cheaper per call")
                    .append(" than an SDK client) send the same signed ListAnalyzers request as fast as the simulator answers,")
                    .append(f(" against the %s simulator, for 6 s, once its JIT has compiled the request path: before", Benchmark.SWEEP_ORG.label()))
                    .append(f(" that it is loaded in rounds of %.0f s until its CPU per call settles (two rounds within 10%%, at",
                            Benchmark.SETTLE_ROUND_SECONDS))
                    .append(f(" most %.0f s; *warm-up s*). A fresh simulator JVM keeps getting faster for that long.\n\n",
                            Benchmark.SETTLE_MAX_SECONDS));
            md.append("| latency | connections | warm-up s | calls/s | simulator CPU s / 1k calls |\n|---:|---:|---:|---:|---:|\n");
            simulator.forEach((latency, measured) -> md.append(f("| %d ms | %d | %.0f | %,.0f | %.2f |\n", latency,
                    measured.load().connections(), measured.warmUpSeconds(), measured.load().callsPerSecond(),
                    measured.load().simulatorCpuPerThousand())));
            Optional<ScanMeasurement> fastest = faultFreeScans().stream().max(java.util.Comparator.comparingDouble(ScanMeasurement::callsPerSecond));
            fastest.ifPresent(s -> md.append(f("\nThe fastest scan averaged %,.0f calls/s (%s, %d ms, P %d), so the simulator had"
                            + " room to spare; during the scans it used the CPU in the *sim CPU s / 1k* column, against the"
                            + " scanner's own in *CPU s / 1k calls*.\n", s.callsPerSecond(), s.org().label(), s.latencyMs(),
                    s.parallel())));
        }
        return md.toString();
    }

    private String machineCoresText() {
        return f("out of %d cores", machine.cores());
    }

    private void table(StringBuilder md, List<ScanMeasurement> rows) {
        md.append("| accounts | latency | max-parallel | peak in flight | started with | wall s | scan s | reports s | floor s | CPU floor s")
                .append(" | wall / floor | scan / floor | calls made | C | = C | D | calls/s (scan) | CPU s | CPU s / 1k calls | peak RSS MB")
                .append(" | sim CPU s / 1k | other work, cores |\n");
        md.append("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScanMeasurement s : rows) {
            md.append(f("| %,d | %d ms | %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %,d | %,d | %s | %d | %,.0f | %.1f | %.2f | %,.0f | %.2f | %s |\n",
                    s.org().accounts(), s.latencyMs(), s.parallelText(), peakInFlight(s), s.jvm(), s.process().wallSeconds(), s.scanSeconds(),
                    s.reportSeconds(), s.floorSeconds(), s.cpuFloorSeconds(machine.cores()), ratio(s.ratio()), ratio(s.scanRatio()), s.callsMade(),
                    s.expected().total(), s.exact() ? "yes" : "**no**", s.expected().chain(), s.callsPerSecond(),
                    s.process().cpuSeconds(), s.cpuPerThousandCalls(), s.process().peakRssMb(),
                    s.simulatorCpuPerThousandCalls(), f("%.2f", s.otherCores())));
        }
    }

    /** The simulator's count, in bold when it is above {@code --max-parallel}: the floor's P would not hold. */
    private static String peakInFlight(ScanMeasurement s) {
        int peak = s.stats().peakInFlight();
        return peak > s.parallel() ? f("**%d**", peak) : Integer.toString(peak);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : f("%.2f", ratio);
    }

    private static String first(String load) {
        return load == null ? "" : load.split(" ")[0];
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
