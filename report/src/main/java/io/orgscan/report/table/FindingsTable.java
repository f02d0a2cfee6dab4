package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ACCOUNT_ID;
import static io.orgscan.report.table.ColumnType.ARN;
import static io.orgscan.report.table.ColumnType.BOOLEAN;
import static io.orgscan.report.table.ColumnType.DATE;
import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.FREE_TEXT;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INTEGER;
import static io.orgscan.report.table.ColumnType.LIST;
import static io.orgscan.report.table.ColumnType.TIMESTAMP;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.Changes;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.exceptions.ExceptionMatches;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings: one row per account x region, in the matrix's order (account id, then region). It is
 * both findings.csv and the workbook's Findings sheet. The header is a contract GRC imports rely on:
 * new columns are only ever appended, and any other change bumps {@link #SCHEMA_VERSION}. Its 18
 * columns are always there; {@code previous_status} and {@code status_changed} are appended only when
 * the render compares with a previous scan ({@code orgscan report --previous}), then the four
 * {@code exception_*} columns only when it applies an exceptions register ({@code --exceptions}).
 */
public final class FindingsTable implements Table<FindingsTable.Row> {
    /** The version of the findings.csv columns, carried in each row's {@code schema_version}. */
    public static final int SCHEMA_VERSION = 1;

    /** The stable prefix of {@code finding_id}. */
    public static final String FINDING_ID_PREFIX = "iam-aa-coverage";

    /** A list inside one value (analyzer ARNs, types, statuses) is joined with this. */
    public static final String LIST_SEPARATOR = "|";

    /** One account x region: the cell and the account it belongs to. */
    public record Row(AccountRef account, Cell cell) {
    }

    private final ScanResult result;
    private final List<Column<Row>> columns;

    private FindingsTable(ScanResult result, Changes changes, boolean comparisonColumns, ExceptionMatches exceptions,
                          boolean exceptionColumns) {
        this.result = result;
        ScanMetadata scan = result.metadata();
        String schemaVersion = Integer.toString(SCHEMA_VERSION);
        String evaluatedAt = timestamp(scan.finishedAt());
        List<Column<Row>> list = new ArrayList<>(List.of(
                Column.<Row>of("schema_version", 9, INTEGER, r -> schemaVersion).allowing(schemaVersion)
                        .meaning("Version of these columns; a change other than appending a column increases it."),
                Column.<Row>of("scan_id", 38, IDENTIFIER, r -> scan.scanId()).allowing("UUID")
                        .meaning("The scan (scan.json's scan.scan_id): the run this row comes from."),
                Column.<Row>of("finding_id", 52, IDENTIFIER, r -> findingId(scan.partition(), r.cell().key().accountId(),
                                r.cell().key().region()))
                        .allowing(FINDING_ID_PREFIX + ":<partition>:<account_id>:<region>")
                        .meaning("Stable key for upserts: the same account and region give the same id in every run; "
                                + "no time, no names, no CIS number."),
                Column.<Row>of("organization_id", 16, IDENTIFIER, r -> scan.organizationId()).allowing("o-...")
                        .meaning("The AWS Organization."),
                Column.<Row>of("account_id", 15, ACCOUNT_ID, r -> r.account().id()).allowing("12 digits")
                        .meaning("The account; import as text (leading zeros are part of it)."),
                Column.<Row>of("account_name", 30, FREE_TEXT, r -> r.account().name()).optional()
                        .meaning("The account name as Organizations lists it; neutralised (a leading = + - @ tab CR LF "
                                + "or NUL gets a leading ')."),
                Column.<Row>of("account_state", 14, ENUM, r -> r.account().state().name()).allowing(AccountState.class)
                        .meaning("The account's State in Organizations; UNKNOWN for a state this version does not know."),
                Column.<Row>of("ou_path", 40, FREE_TEXT, r -> r.account().ouPath()).optional()
                        .meaning("OU names from the root to the account's parent, joined by /; neutralised."),
                Column.<Row>of("region", 16, IDENTIFIER, r -> r.cell().key().region()).allowing("e.g. eu-central-1")
                        .meaning("The region."),
                Column.<Row>of("region_opt_status", 20, ENUM, r -> r.cell().regionOptStatus().awsValue())
                        .allowing(Arrays.stream(RegionOptStatus.values()).map(RegionOptStatus::awsValue)
                                .collect(Collectors.joining(LIST_SEPARATOR)))
                        .meaning("The region's opt-in status for the account as DescribeRegions reports it; unknown when "
                                + "not read (account not scanned, regions unreadable, or not listed)."),
                Column.<Row>of("status", 19, ENUM, r -> r.cell().status().name()).allowing(ComplianceStatus.class)
                        .meaning("The finding, in AWS Config's vocabulary. INSUFFICIENT_DATA is never a pass."),
                Column.<Row>of("reason", 30, ENUM, r -> r.cell().reason().name()).allowing(Reason.class)
                        .meaning("Why the row has its status; each reason belongs to one status (Legend sheet)."),
                Column.<Row>of("detail", 60, FREE_TEXT, r -> r.cell().detail()).optional()
                        .meaning("Human-readable detail: the failed call's code and message, the inactive analyzer's "
                                + "status, why the row is not applicable; neutralised."),
                Column.<Row>of("analyzer_arns", 60, LIST, r -> joined(r.cell(), Analyzer::arn)).optional()
                        .allowing("|-joined ARNs")
                        .meaning("The analyzers the account owns in the region, as listed."),
                Column.<Row>of("analyzer_types", 16, LIST, r -> joined(r.cell(), a -> a.type().name())).optional()
                        .allowing(AnalyzerType.class)
                        .meaning("One type per ARN, same order; only ACCOUNT and ORGANIZATION analyze external access."),
                Column.<Row>of("analyzer_statuses", 18, LIST, r -> joined(r.cell(), a -> a.status().name())).optional()
                        .allowing(AnalyzerStatus.class)
                        .meaning("One status per ARN, same order; only ACTIVE counts."),
                Column.<Row>of("covered_by_arn", 60, ARN, r -> r.cell().coveredByArn()).optional()
                        .meaning("The analyzer that makes the row compliant (set exactly when status is COMPLIANT); an "
                                + "organization analyzer may belong to another account."),
                Column.<Row>of("evaluated_at", 21, TIMESTAMP, r -> evaluatedAt)
                        .meaning("When the scan finished (UTC, to the second).")));
        if (comparisonColumns) {
            list.add(Column.<Row>of("previous_status", 19, ENUM, r -> changes.previousStatus(r.cell().key())
                            .map(Enum::name).orElse("")).optional().allowing(ComplianceStatus.class)
                    .meaning("Only with orgscan report --previous: the status of the same finding_id in the previous "
                            + "scan; empty if it was not in it."));
            list.add(Column.<Row>of("status_changed", 15, BOOLEAN, r -> Boolean.toString(changes.changed(r.cell())))
                    .allowing("true|false")
                    .meaning("Only with orgscan report --previous: true if status differs from previous_status "
                            + "(a finding new since the previous scan counts as changed)."));
        }
        if (exceptionColumns) {
            list.addAll(exceptionColumns(exceptions));
        }
        this.columns = List.copyOf(list);
    }

    /** findings.csv's 18 columns. */
    public static FindingsTable of(ScanResult result) {
        return new FindingsTable(result, null, false, null, false);
    }

    /**
     * findings.csv of the evidence: the 18 columns, plus the comparison columns when it compares, plus
     * the exception columns when it has a register.
     */
    public static FindingsTable of(RenderInput input) {
        return new FindingsTable(input.scan(), input.changes(), input.changes() != null, input.exceptions(),
                input.exceptions().register().isPresent());
    }

    /** Every column findings.csv can have, for documentation only: its rows must not be read. */
    static FindingsTable documentation(ScanResult result) {
        return new FindingsTable(result, null, true, null, true);
    }

    /** The four columns of the register entry that applies to the row (empty when none does). */
    private static List<Column<Row>> exceptionColumns(ExceptionMatches exceptions) {
        Function<Row, Optional<ExceptionEntry>> entry = r -> exceptions.applying(r.cell().key());
        String only = "Only with --exceptions (columns 21-24 after the two --previous ones, else 19-22): ";
        return List.of(
                Column.<Row>of("exception_disposition", 16, ENUM, r -> entry.apply(r).map(e -> e.disposition().name())
                                .orElse("")).optional().allowing(Disposition.class)
                        .meaning(only + "the disposition of the register entry that applies to the row (unexpired on "
                                + "the scan's end day; the most specific one); empty if none. It never changes status, "
                                + "reason or the exit code."),
                Column.<Row>of("exception_owner", 24, FREE_TEXT, r -> entry.apply(r).map(ExceptionEntry::owner)
                                .orElse("")).optional()
                        .meaning(only + "that entry's owner, as the register has it; neutralised."),
                Column.<Row>of("exception_ticket", 18, FREE_TEXT, r -> entry.apply(r).map(ExceptionEntry::ticket)
                                .orElse("")).optional()
                        .meaning(only + "that entry's ticket; neutralised."),
                Column.<Row>of("exception_expires", 12, DATE, r -> entry.apply(r).map(ExceptionEntry::expires)
                                .map(Object::toString).orElse("")).optional().allowing("YYYY-MM-DD")
                        .meaning(only + "the last day that entry applies (UTC); empty if it has no end or none applies."));
    }

    /** {@code iam-aa-coverage:<partition>:<account_id>:<region>}: stable across runs, no time, no names. */
    public static String findingId(String partition, String accountId, String region) {
        return FINDING_ID_PREFIX + ":" + partition + ":" + accountId + ":" + region;
    }

    /** ISO-8601 UTC to the second, as every CSV writes times. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public List<Column<Row>> columns() {
        return columns;
    }

    @Override
    public Iterable<Row> rows() {
        List<AccountRef> accounts = result.matrix().accounts();
        int regions = result.matrix().regions().size();
        List<Cell> cells = result.matrix().cells();
        // Cells are sorted by account then region, so cell i belongs to account i / regions.
        return () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < cells.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Cell cell = cells.get(next);
                return new Row(accounts.get(next++ / regions), cell);
            }
        };
    }

    private static String joined(Cell cell, Function<Analyzer, String> part) {
        List<Analyzer> analyzers = cell.analyzers();
        if (analyzers.isEmpty()) {
            return "";
        }
        return analyzers.stream().map(part).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
