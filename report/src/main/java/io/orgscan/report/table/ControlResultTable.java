package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ACCOUNT_ID;
import static io.orgscan.report.table.ColumnType.ARN;
import static io.orgscan.report.table.ColumnType.BOOLEAN;
import static io.orgscan.report.table.ColumnType.DECIMAL;
import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INTEGER;
import static io.orgscan.report.table.ColumnType.LIST;
import static io.orgscan.report.table.ColumnType.TEXT;
import static io.orgscan.report.table.ColumnType.TIMESTAMP;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * control_result.csv: one row, the control-level result of the run, for GRC indicator imports (a
 * ServiceNow manual indicator, a CISO Assistant requirement, an Archer data feed). Written after the
 * workbook, because it carries the workbook's SHA-256.
 */
public final class ControlResultTable implements Table<ControlResultTable.Result> {
    public static final int SCHEMA_VERSION = 1;

    /** What the row reads: the evidence, its reconciliation, and the workbook if one was written. */
    public record Result(RenderInput input, Reconciliation reconciliation, WrittenFile workbook) {
    }

    private final Result result;
    private final List<Column<Result>> columns;

    private ControlResultTable(Result result, boolean exceptionColumns) {
        this.result = result;
        String schemaVersion = Integer.toString(SCHEMA_VERSION);
        List<Column<Result>> list = new ArrayList<>(List.of(
                Column.<Result>of("schema_version", 9, INTEGER, r -> schemaVersion).allowing(schemaVersion)
                        .meaning("Version of these columns; a change other than appending a column increases it."),
                scan("scan_id", 38, IDENTIFIER, ScanMetadata::scanId).allowing("UUID")
                        .meaning("The scan: key for upserts of one result per run."),
                Column.<Result>of("control_title", 60, TEXT, r -> r.input().control().title())
                        .meaning("The control, as the newest CIS version checked names it."),
                Column.<Result>of("cis_references", 40, LIST, r -> cisReferencesText(r.input().control()))
                        .allowing("<version>:<recommendation>|...")
                        .meaning("The recommendation's number in each CIS AWS Foundations Benchmark version checked "
                                + "(it is renumbered across versions; Cover sheet gives sources)."),
                Column.<Result>of("security_hub_control_id", 12, IDENTIFIER,
                                r -> r.input().control().securityHubControlId()).allowing("IAM.28")
                        .meaning("The AWS Security Hub control."),
                Column.<Result>of("config_rule", 40, IDENTIFIER, r -> r.input().control().configRuleName())
                        .allowing("iam-external-access-analyzer-enabled").meaning("The AWS Config managed rule."),
                scan("organization_id", 16, IDENTIFIER, ScanMetadata::organizationId).allowing("o-...")
                        .meaning("The AWS Organization."),
                scan("management_account_id", 15, ACCOUNT_ID, ScanMetadata::managementAccountId).allowing("12 digits")
                        .meaning("The organization's management account."),
                scan("policy", 9, ENUM, s -> s.policy().name()).allowing(CoveragePolicy.class)
                        .meaning("Which analyzers counted (Method sheet)."),
                scan("scan_started_at", 21, TIMESTAMP, s -> FindingsTable.timestamp(s.startedAt()))
                        .meaning("When the scan started (UTC)."),
                scan("scan_finished_at", 21, TIMESTAMP, s -> FindingsTable.timestamp(s.finishedAt()))
                        .meaning("When the scan finished (UTC)."),
                counts("result", 19, ENUM, p -> p.controlResult().name()).allowing(ComplianceStatus.class)
                        .meaning("The control-level result, as AWS Config rolls up a rule: NON_COMPLIANT if any row "
                                + "is; else INSUFFICIENT_DATA if any row is; else COMPLIANT if any row is; else "
                                + "NOT_APPLICABLE. INSUFFICIENT_DATA whatever the rows when the run checked nothing "
                                + "it could pass on (result_reason)."),
                counts("scan_complete", 9, BOOLEAN, p -> Boolean.toString(p.scanComplete())).allowing("true|false")
                        .meaning("True when no row is INSUFFICIENT_DATA, no AWS call failed and result_reason is empty."),
                counts("rows_total", 10, INTEGER, p -> Long.toString(p.rows()))
                        .meaning("findings.csv rows: accounts listed x regions."),
                status("rows_compliant", ComplianceStatus.COMPLIANT),
                status("rows_non_compliant", ComplianceStatus.NON_COMPLIANT),
                status("rows_not_applicable", ComplianceStatus.NOT_APPLICABLE),
                status("rows_insufficient_data", ComplianceStatus.INSUFFICIENT_DATA),
                counts("coverage_pct", 10, DECIMAL, p -> CoverageCounts.coverageText(p.coverage())).optional()
                        .allowing("0.00..100.00")
                        .meaning("rows_compliant / (rows_compliant + rows_non_compliant + rows_insufficient_data) x 100, "
                                + "two decimals; empty when no row applies."),
                counts("accounts_listed", 10, INTEGER, p -> Long.toString(p.accountsListed()))
                        .meaning("Accounts Organizations listed: the population."),
                counts("accounts_in_scope", 10, INTEGER, p -> Long.toString(p.accountsEvaluated()))
                        .meaning("Accounts whose regions were evaluated."),
                counts("accounts_fully_covered", 10, INTEGER, p -> Long.toString(p.accountsFullyCovered()))
                        .meaning("Accounts in scope with no NON_COMPLIANT or INSUFFICIENT_DATA row and at least one "
                                + "COMPLIANT row."),
                counts("errors", 9, INTEGER, p -> Integer.toString(p.errors()))
                        .meaning("errors.csv rows: AWS calls that failed after their retries."),
                Column.<Result>of("reconciliation_result", 12, ENUM, r -> r.reconciliation().result())
                        .allowing("PASS|FAIL").meaning("PASS when every check of the Reconciliation sheet passed."),
                scan("tool_name", 10, TEXT, ScanMetadata::toolName).meaning("The tool that ran the scan."),
                scan("tool_version", 16, TEXT, ScanMetadata::toolVersion).meaning("Its version."),
                scan("caller_arn", 60, ARN, ScanMetadata::callerArn)
                        .meaning("Who ran the scan (STS GetCallerIdentity)."),
                Column.<Result>of("workbook_file", 16, TEXT, r -> r.workbook() == null ? "" : r.workbook().name())
                        .optional().meaning("The workbook of this run; empty if none was written."),
                Column.<Result>of("workbook_sha256", 66, IDENTIFIER, r -> r.workbook() == null ? "" : r.workbook().sha256())
                        .optional().allowing("64 hex digits").meaning("The workbook's SHA-256."),
                Column.<Result>of("findings_csv_sha256", 66, IDENTIFIER, r -> r.input().file(RunFile.FINDINGS_CSV)
                                .map(WrittenFile::sha256).orElse("")).optional().allowing("64 hex digits")
                        .meaning("findings.csv's SHA-256."),
                counts("result_reason", 60, TEXT, p -> p.controlResultReason().orElse("")).optional()
                        .meaning("Why result is INSUFFICIENT_DATA although no row need be: the run checked nothing "
                                + "it could pass on (no applicable row, or a region no account listed: a --regions "
                                + "typo); empty otherwise.")));
        if (exceptionColumns) {
            String only = "Only with --exceptions: NON_COMPLIANT findings.csv rows ";
            list.add(Column.<Result>of("rows_non_compliant_with_exception", 12, INTEGER,
                            r -> Long.toString(r.input().exceptions().nonCompliantWithException()))
                    .meaning(only + "to which an unexpired register entry applies (any disposition); their "
                            + "status stays NON_COMPLIANT."));
            list.add(Column.<Result>of("rows_non_compliant_without_exception", 12, INTEGER,
                            r -> Long.toString(r.input().exceptions().nonCompliantWithoutException()))
                    .meaning(only + "to which no unexpired register entry applies."));
        }
        this.columns = List.copyOf(list);
    }

    /** control_result.csv's columns, the two exception counts appended when the render has a register. */
    public static ControlResultTable of(Result result) {
        return new ControlResultTable(result, result.input().exceptions().register().isPresent());
    }

    /** Every column control_result.csv can have, for documentation only: its row must not be read. */
    static ControlResultTable documentation(Result result) {
        return new ControlResultTable(result, true);
    }

    private static Column<Result> scan(String name, int width, ColumnType type, Function<ScanMetadata, String> value) {
        return Column.of(name, width, type, r -> value.apply(r.input().scan().metadata()));
    }

    private static Column<Result> counts(String name, int width, ColumnType type, Function<CoverageCounts, String> value) {
        return Column.of(name, width, type, r -> value.apply(r.input().counts()));
    }

    private static Column<Result> status(String name, ComplianceStatus status) {
        return counts(name, 10, INTEGER, p -> Long.toString(p.rows(status))).meaning("findings.csv rows " + status + ".");
    }

    @Override
    public List<Column<Result>> columns() {
        return columns;
    }

    @Override
    public Iterable<Result> rows() {
        return List.of(result);
    }

    /** {@code 1.4:1.20|1.5:1.20|...}: version and recommendation per CIS version. */
    static String cisReferencesText(Control control) {
        return control.cisReferences().stream().map(r -> r.version() + ":" + r.recommendation())
                .collect(Collectors.joining(FindingsTable.LIST_SEPARATOR));
    }
}
