package io.orgscan.report;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders a made-up scan into a temporary folder and deletes it: a cold JVM spends seconds loading
 * and first running the report code (POI, XML, Commons CSV, Jackson: some 3,000 classes), and a
 * scan, which mostly waits on the network, can pay that while it waits instead of after its last
 * call. The sample has a thousand rows, so that the code run per row and per cell has run often
 * enough to be compiled (the JIT compiles a method after some 200 calls) before the real render:
 * with four rows, a 1,000-account render after the scan took 0.94 s, against 0.8 s warm.
 */
public final class ReportWarmUp {
    private static final String MEMBER = "111111111111";
    private static final String ADMIN = "222222222222";
    /** Further made-up accounts, two rows each, beyond the two whose four rows take every code path. */
    static final int BULK_ACCOUNTS = 500;

    private final Thread thread;

    private ReportWarmUp() {
        this.thread = new Thread(ReportWarmUp::run, "orgscan-report-warm-up");
        thread.setDaemon(true);
    }

    /** Starts a warm-up on a thread of its own. */
    public static ReportWarmUp start() {
        ReportWarmUp warmUp = new ReportWarmUp();
        warmUp.thread.start();
        return warmUp;
    }

    /**
     * Waits for the warm-up to end: before the reports are written (the two would compete) and
     * before the JVM may exit (its temporary folder must be gone).
     */
    public void await() {
        Threads.awaitQuietly(thread);
    }

    /** Renders every format once; returns false (and leaves nothing behind) if that failed. */
    public static boolean run() {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("orgscan-warm-up");
            ReportRenderer.render(sample(), folder, EnumSet.allOf(OutputFormat.class), RenderOptions.defaults());
            return true;
        } catch (IOException | ReportWriteException | RuntimeException e) {
            return false;
        } finally {
            delete(folder);
        }
    }

    /**
     * One cell of each status, an analyzer, a failure and an error record (every code path of a
     * render), then {@link #BULK_ACCOUNTS} accounts whose rows are the common ones: compliant, not
     * applicable, non-compliant.
     */
    static ScanResult sample() {
        Instant at = Instant.parse("2020-01-01T00:00:00Z");
        Failure denied = new Failure("ListAnalyzers", "AccessDeniedException", "not authorized", 1);
        String arn = "arn:aws:access-analyzer:us-east-1:" + ADMIN + ":analyzer/ExternalAccess";
        List<Cell> cells = new ArrayList<>(List.of(
                new Cell(new CellKey(ADMIN, "eu-west-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                        Reason.NO_EXTERNAL_ACCESS_ANALYZER, null, List.of(), null, null),
                new Cell(new CellKey(ADMIN, "us-east-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                        Reason.ACTIVE_ACCOUNT_ANALYZER, null,
                        List.of(new Analyzer(arn, "ExternalAccess", AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null)), arn, null),
                new Cell(new CellKey(MEMBER, "eu-west-1"), RegionOptStatus.NOT_OPTED_IN,
                        Reason.REGION_NOT_ENABLED, null, List.of(), null, null),
                new Cell(new CellKey(MEMBER, "us-east-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                        Reason.ACCESS_DENIED, denied.describe(), List.of(), null, denied)));
        List<AccountRef> accounts = new ArrayList<>(List.of(
                new AccountRef(ADMIN, "Admin", "admin@example.com", AccountState.ACTIVE, "Root", true, false),
                new AccountRef(MEMBER, "Member", "member@example.com", AccountState.ACTIVE, "Root/Workloads", false, false)));
        for (int i = 0; i < BULK_ACCOUNTS; i++) {
            String id = Long.toString(300_000_000_000L + i);
            accounts.add(new AccountRef(id, "Workload " + i, "workload-" + i + "@example.com", AccountState.ACTIVE,
                    "Root/Workloads/Team " + i % 7, false, false));
            String own = "arn:aws:access-analyzer:us-east-1:" + id + ":analyzer/ConsoleAnalyzer-" + i;
            cells.add(i % 3 == 0
                    ? new Cell(new CellKey(id, "eu-west-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                            Reason.NO_EXTERNAL_ACCESS_ANALYZER, null, List.of(), null, null)
                    : new Cell(new CellKey(id, "eu-west-1"), RegionOptStatus.NOT_OPTED_IN,
                            Reason.REGION_NOT_ENABLED, null, List.of(), null, null));
            cells.add(new Cell(new CellKey(id, "us-east-1"), RegionOptStatus.OPT_IN_NOT_REQUIRED,
                    Reason.ACTIVE_ACCOUNT_ANALYZER, null,
                    List.of(new Analyzer(own, "ConsoleAnalyzer-" + i, AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null)),
                    own, null));
        }
        ScanMetadata metadata = new ScanMetadata("warm-up", at, at, "arn:aws:iam::" + ADMIN + ":user/warm-up", ADMIN,
                "o-warmup0000", ADMIN, null, "aws", CoveragePolicy.ORG, "orgscan", "warm-up",
                List.of(new Parameter("policy", "ORG", ParameterSource.DEFAULT)));
        return new ScanResult(metadata, new CoverageMatrix(accounts, List.of("eu-west-1", "us-east-1"), cells),
                List.of(new ErrorRecord(MEMBER, "us-east-1", denied)));
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException ignored) {
            // a leftover file in the temporary folder holds only the made-up sample above
        }
    }
}
