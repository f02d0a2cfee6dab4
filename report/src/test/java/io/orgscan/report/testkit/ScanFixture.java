package io.orgscan.report.testkit;

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
import io.orgscan.report.json.ScanJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds ScanResults for tests: every cell not set explicitly is NON_COMPLIANT, no analyzer. */
public final class ScanFixture {
    public static final String MANAGEMENT = "000000000001";
    public static final String DELEGATED_ADMIN = "000000000002";
    public static final Instant STARTED = Instant.parse("2025-09-30T22:00:05.123456789Z");
    public static final Instant FINISHED = Instant.parse("2025-09-30T22:07:41.900Z");

    /** Names an account owner could choose to attack whoever opens the report in a spreadsheet. */
    public static final List<String> HOSTILE_TEXT = List.of(
            "=HYPERLINK(\"http://x\",\"y\")",
            "+SUM(1,2)",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "\n=1+1",
            "Quote \"inside\", and a comma",
            "Line\nbreak and\r\nCRLF inside",
            "Zürich Ålesund 東京 Ñandú 🙂",
            "  leading spaces",
            "'already quoted",
            "=cmd|' /C calc'!A0",
            "plain");

    private final List<String> regions = new ArrayList<>();
    private final Map<String, AccountRef> accounts = new LinkedHashMap<>();
    private final Map<CellKey, Cell> cells = new LinkedHashMap<>();
    private final List<ErrorRecord> errors = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>(List.of(
            new Parameter("policy", "ORG", ParameterSource.DEFAULT),
            new Parameter("role-name", "OrgScanReadOnly", ParameterSource.COMMAND_LINE),
            new Parameter("regions", "", ParameterSource.DEFAULT),
            // The home region, as scan records it: findings.asff.json's default Security Hub region.
            new Parameter("--region", "eu-west-1", ParameterSource.DEFAULT)));
    private String scanId = "3f2b9c1e-7d4a-4e0b-9a51-2c6d8e0f1a7b";
    private String partition = "aws";

    public static ScanFixture builder() {
        return new ScanFixture();
    }

    /** Three accounts (leading zeros, suspended, hostile names) x three regions, every reason. */
    public static ScanResult rich() {
        return builder()
                .regions("us-east-1", "eu-central-1", "ap-southeast-7")
                .account(new AccountRef(MANAGEMENT, "Management", "root@example.com", AccountState.ACTIVE, "Root",
                        true, false))
                .account(new AccountRef(DELEGATED_ADMIN, "=HYPERLINK(\"http://x\",\"y\")", "sec@example.com",
                        AccountState.ACTIVE, "Root/Security, \"core\"", false, true))
                .account(new AccountRef("123456789012", "Zürich-Ñandú 東京", "old@example.com", AccountState.SUSPENDED,
                        "Root/Suspended", false, false))
                .cell(MANAGEMENT, "us-east-1", Reason.ACTIVE_ACCOUNT_ANALYZER)
                .cell(MANAGEMENT, "eu-central-1", Reason.ACTIVE_ORGANIZATION_ANALYZER)
                .cell(MANAGEMENT, "ap-southeast-7", Reason.REGION_NOT_ENABLED)
                .cell(DELEGATED_ADMIN, "us-east-1", Reason.ANALYZER_NOT_ACTIVE)
                .cell(DELEGATED_ADMIN, "eu-central-1", Reason.ACCESS_DENIED)
                .cell(DELEGATED_ADMIN, "ap-southeast-7", Reason.EXCLUDED, "-excluded by --exclude-regions")
                .cell("123456789012", "us-east-1", Reason.ACCOUNT_NOT_ACTIVE)
                .cell("123456789012", "eu-central-1", Reason.ACCOUNT_NOT_ACTIVE)
                .cell("123456789012", "ap-southeast-7", Reason.ACCOUNT_NOT_ACTIVE)
                .error(null, null, new Failure("ListDelegatedAdministrators", "TooManyRequestsException",
                        "Rate exceeded", 5))
                .build();
    }

    /** One account per hostile text, used as its name, OU path and cell detail. */
    public static ScanResult hostile() {
        ScanFixture fixture = builder().regions("eu-west-1");
        for (int i = 0; i < HOSTILE_TEXT.size(); i++) {
            String id = String.format("%012d", 100 + i);
            String text = HOSTILE_TEXT.get(i);
            fixture.account(new AccountRef(id, text, "a" + i + "@example.com", AccountState.ACTIVE, text, false, false))
                    .cell(id, "eu-west-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER, text);
        }
        return fixture.build();
    }

    /** {@code accounts} x {@code regionCount} cells, a mix of every status. */
    public static ScanResult large(int accountCount, int regionCount) {
        ScanFixture fixture = builder();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            names.add("xx-region" + (char) ('a' + r / 10) + "-" + (r % 10 + 1));
        }
        fixture.regions(names.toArray(String[]::new));
        Reason[] reasons = Reason.values();
        for (int a = 0; a < accountCount; a++) {
            String id = String.format("%012d", 10_000 + a);
            fixture.account(new AccountRef(id, "Account " + a, "a" + a + "@example.com", AccountState.ACTIVE,
                    "Root/Workloads/Team " + (a % 40), false, false));
            for (int r = 0; r < regionCount; r++) {
                fixture.cell(id, names.get(r), reasons[(a + r) % reasons.length]);
            }
        }
        return fixture.build();
    }

    public ScanFixture regions(String... names) {
        regions.addAll(List.of(names));
        return this;
    }

    public ScanFixture account(String id, String name) {
        return account(new AccountRef(id, name, id + "@example.com", AccountState.ACTIVE, "Root/Workloads", false, false));
    }

    public ScanFixture account(AccountRef account) {
        accounts.put(account.id(), account);
        return this;
    }

    public ScanFixture scanId(String id) {
        this.scanId = id;
        return this;
    }

    public ScanFixture partition(String name) {
        this.partition = name;
        return this;
    }

    public ScanFixture cell(String accountId, String region, Reason reason) {
        return cell(accountId, region, reason, null);
    }

    /** A cell with what its reason implies: an analyzer for COMPLIANT, a failure for INSUFFICIENT_DATA. */
    public ScanFixture cell(String accountId, String region, Reason reason, String detail) {
        CellKey key = new CellKey(accountId, region);
        String own = "arn:" + partition + ":access-analyzer:" + region + ":" + accountId + ":analyzer/ExternalAccess";
        String org = "arn:" + partition + ":access-analyzer:" + region + ":" + DELEGATED_ADMIN + ":analyzer/Org";
        Cell cell = switch (reason) {
            case ACTIVE_ACCOUNT_ANALYZER -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason, detail,
                    List.of(new Analyzer(own, "ExternalAccess", AnalyzerType.ACCOUNT, AnalyzerStatus.ACTIVE, null),
                            new Analyzer(own + "-unused", "ExternalAccess-unused", AnalyzerType.ACCOUNT_UNUSED_ACCESS,
                                    AnalyzerStatus.ACTIVE, null)),
                    own, null);
            case ACTIVE_ORGANIZATION_ANALYZER -> new Cell(key, RegionOptStatus.OPTED_IN, reason, detail, List.of(), org,
                    null);
            case ANALYZER_NOT_ACTIVE -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason,
                    detail == null ? "ExternalAccess is DISABLED: DISABLED_BY_USER" : detail,
                    List.of(new Analyzer(own, "ExternalAccess", AnalyzerType.ACCOUNT, AnalyzerStatus.DISABLED,
                            "DISABLED_BY_USER")),
                    null, null);
            case REGION_NOT_ENABLED -> new Cell(key, RegionOptStatus.NOT_OPTED_IN, reason, detail, List.of(), null, null);
            case ACCOUNT_NOT_ACTIVE, EXCLUDED -> new Cell(key, RegionOptStatus.UNKNOWN, reason, detail, List.of(), null,
                    null);
            case REGION_DENIED_BY_SCP -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason,
                    detail == null ? "region denied by SCP p-examplerd statement DenyOutsideAllowed" : detail, List.of(),
                    null, null);
            case ASSUME_ROLE_FAILED, ACCESS_DENIED, DENIED_BY_SCP, API_ERROR -> {
                Failure failure = new Failure("ListAnalyzers", "AccessDeniedException",
                        "User: arn:aws:sts::" + accountId + ":assumed-role/OrgScan/x is not authorized"
                                + (reason == Reason.DENIED_BY_SCP ? " with an explicit deny in a service control policy" : ""), 1);
                errors.add(new ErrorRecord(accountId, region, failure));
                yield new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason,
                        detail == null ? failure.describe() : detail, List.of(), null, failure);
            }
            default -> new Cell(key, RegionOptStatus.OPT_IN_NOT_REQUIRED, reason, detail, List.of(), null, null);
        };
        cells.put(key, cell);
        return this;
    }

    public ScanFixture error(String accountId, String region, Failure failure) {
        errors.add(new ErrorRecord(accountId, region, failure));
        return this;
    }

    public ScanResult build() {
        List<Cell> all = new ArrayList<>();
        for (AccountRef account : accounts.values()) {
            for (String region : regions) {
                Cell cell = cells.get(new CellKey(account.id(), region));
                all.add(cell != null ? cell : new Cell(new CellKey(account.id(), region),
                        RegionOptStatus.OPT_IN_NOT_REQUIRED, Reason.NO_EXTERNAL_ACCESS_ANALYZER, null, List.of(), null,
                        null));
            }
        }
        ScanMetadata metadata = new ScanMetadata(scanId, STARTED, FINISHED,
                "arn:" + partition + ":sts::" + DELEGATED_ADMIN + ":assumed-role/OrgScanAudit/alice", DELEGATED_ADMIN,
                "o-abc123def4", MANAGEMENT, DELEGATED_ADMIN, partition, CoveragePolicy.ORG, "orgscan", "0.1.0-test",
                parameters);
        return new ScanResult(metadata, new CoverageMatrix(new ArrayList<>(accounts.values()), regions, all), errors);
    }

    /** Saves {@code result} as a scan.json file, as a run folder holds it. */
    public static Path write(ScanResult result, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ScanJson.write(result, out);
        }
        return file;
    }
}
