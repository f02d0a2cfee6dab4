package io.orgscan.bench;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.json.ScanJson;
import io.orgscan.report.testkit.ScanFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The workbook's performance bar: coverage.xlsx for 10,000 accounts x 35 regions in under a minute
 * with the heap capped at 512 MB. A main class, not a test: scale runs belong here, not in
 * {@code ./mvnw verify}. Run (docs/BENCHMARKS-workbook.md):
 *
 * <pre>
 * ./mvnw -q -pl scanner -am install -DskipTests
 * ./mvnw -q -pl src-test test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx512m -cp %classpath io.orgscan.bench.WorkbookBenchmark 10000 35"
 * </pre>
 *
 * <p>A third argument, a file name, also writes the synthetic scan there. It records no observations,
 * so {@code orgscan report} refuses it (it re-proves every scan.json): to time the command line on a
 * 10,000-account scan, write a real one with {@link SyntheticScanFile} (docs/bench/new-formats.sh).
 *
 * <p>It builds a scan in memory (the scanner is not involved) with a deliberately heavy mix: every
 * reason in turn, so 30% of the cells are undecided and each of those has its own failed call (the
 * Exceptions sheet gets half the cells, the Errors sheet 30%); a real organization has far fewer
 * errors. Then, each measured on its own: the workbook alone; the whole run folder (scan.json, every
 * CSV, the workbook, control_result.csv, run_manifest.json, SHA256SUMS); and what {@code orgscan
 * report} does, reading that scan.json back and rendering the workbook from it. For each it prints
 * the wall-clock time, the CPU time of the process (all threads), the peak heap use and the file sizes.
 */
public final class WorkbookBenchmark {
    private WorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int regions = args.length > 1 ? Integer.parseInt(args[1]) : 35;
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        ScanResult scan = scan(accounts, regions);
        System.out.printf(Locale.ROOT, "built a scan of %d accounts x %d regions = %d cells, %d errors in %.1f s%n",
                accounts, regions, scan.matrix().cells().size(), scan.errors().size(), seconds(System.nanoTime() - start));

        if (args.length > 2) {
            // For timing the command line itself: java -Xmx512m -jar orgscan.jar report <this file> ...
            ScanFixture.write(scan, Path.of(args[2]));
            System.out.println("wrote " + args[2]);
        }
        Path root = Files.createTempDirectory("orgscan-bench");
        try {
            measure("workbook only (--format xlsx)", () -> ReportRenderer.render(scan, root.resolve("xlsx"),
                    EnumSet.of(OutputFormat.XLSX)), root.resolve("xlsx"));
            measure("whole run folder (every format)", () -> ReportRenderer.render(scan, root.resolve("all"),
                    EnumSet.allOf(OutputFormat.class)), root.resolve("all"));
            measure("orgscan report: read scan.json, render the workbook", () -> ReportRenderer.render(
                    ScanJson.read(root.resolve("all").resolve("scan.json")), root.resolve("report"),
                    Set.of(OutputFormat.XLSX)), root.resolve("report"));
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void measure(String name, Step step, Path out) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        // The process's CPU, every thread: a render writes the CSVs on a second thread.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        step.run();
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "%s: %.1f s wall, %.1f s CPU (all threads), peak heap use %d MB (sum of pool peaks)%n",
                name, seconds(wall), seconds(cpu), peak >> 20);
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                System.out.printf(Locale.ROOT, "  %-20s %,14d bytes%n", file.getFileName(), Files.size(file));
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A synthetic scan: every reason in turn over the cells, each undecided cell with its own failed call. */
    static ScanResult scan(int accountCount, int regionCount) {
        List<String> regions = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            regions.add("xx-region" + (char) ('a' + r / 10) + "-" + (r % 10 + 1));
        }
        String management = String.format("%012d", 10_000);
        Reason[] reasons = Reason.values();
        List<AccountRef> accounts = new ArrayList<>(accountCount);
        List<Cell> cells = new ArrayList<>(accountCount * regionCount);
        List<ErrorRecord> errors = new ArrayList<>();
        for (int a = 0; a < accountCount; a++) {
            String id = String.format("%012d", 10_000 + a);
            accounts.add(new AccountRef(id, "Account " + a + " of team " + (a % 40), "a" + a + "@example.com",
                    AccountState.ACTIVE, "Root/Workloads/Team " + (a % 40), a == 0, false));
            for (int r = 0; r < regionCount; r++) {
                cells.add(cell(new CellKey(id, regions.get(r)), reasons[(a + r) % reasons.length], management, errors));
            }
        }
        ScanMetadata metadata = new ScanMetadata("00000000-0000-4000-8000-000000000000",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:42:00Z"),
                "arn:aws:sts::" + management + ":assumed-role/OrgScanAudit/bench", management, "o-bench00000",
                management, null, "aws", CoveragePolicy.ORG, "orgscan", "bench",
                List.of(new Parameter("--role-name", "OrgScanReadOnly", ParameterSource.COMMAND_LINE),
                        new Parameter("--region", "us-east-1", ParameterSource.DEFAULT)));
        return new ScanResult(metadata, new CoverageMatrix(accounts, regions, cells), errors);
    }

    private static Cell cell(CellKey key, Reason reason, String management, List<ErrorRecord> errors) {
        String own = "arn:aws:access-analyzer:" + key.region() + ":" + key.accountId() + ":analyzer/ExternalAccess";
        if (reason.status() == ComplianceStatus.INSUFFICIENT_DATA) {
            // Every undecided reason (new ones included) carries its own failed call.
            Failure failure = new Failure("ListAnalyzers", "AccessDeniedException", "User: arn:aws:sts::"
                    + key.accountId() + ":assumed-role/OrgScanReadOnly/orgscan is not authorized", 1);
            errors.add(new ErrorRecord(key.accountId(), key.region(), failure));
            return new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason, failure.describe(), List.of(), null, failure);
        }
        return switch (reason) {
            case ACTIVE_ACCOUNT_ANALYZER -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason,
                    "ACCOUNT analyzer ExternalAccess is ACTIVE", List.of(new Analyzer(own, "ExternalAccess",
                    AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null)), own, null);
            case ACTIVE_ORGANIZATION_ANALYZER -> new Cell(key, RegionOptStatus.OPTED_IN, reason,
                    "covered by ORGANIZATION analyzer org of account " + management, List.of(),
                    "arn:aws:access-analyzer:" + key.region() + ":" + management + ":analyzer/org", null);
            case ANALYZER_NOT_ACTIVE -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason,
                    "ACCOUNT analyzer ExternalAccess is DISABLED", List.of(new Analyzer(own, "ExternalAccess",
                    AnalyzerType.ACCOUNT, AnalyzerStatus.DISABLED, null)), null, null);
            case REGION_NOT_ENABLED -> new Cell(key, RegionOptStatus.NOT_OPTED_IN, reason,
                    "region is not enabled (not-opted-in) for the account", List.of(), null, null);
            default -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason, "no analyzer in the region", List.of(),
                    null, null);
        };
    }
}
