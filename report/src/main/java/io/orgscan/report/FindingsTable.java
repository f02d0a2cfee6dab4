package io.orgscan.report;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Analyzer;
import io.orgscan.model.Cell;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings: one row per account x region, in the matrix's order (account id, then region). It is
 * both findings.csv and the workbook's Findings sheet. The header is a contract GRC imports rely on:
 * new columns are only ever appended, and any other change bumps {@link #SCHEMA_VERSION}. Every column
 * is described in docs/OUTPUTS.md.
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

    private FindingsTable(ScanResult result) {
        this.result = result;
        ScanMetadata scan = result.metadata();
        String schemaVersion = Integer.toString(SCHEMA_VERSION);
        String evaluatedAt = DateTimeFormatter.ISO_INSTANT.format(scan.finishedAt().truncatedTo(ChronoUnit.SECONDS));
        this.columns = List.of(
                Column.of("schema_version", 9, r -> schemaVersion),
                Column.of("scan_id", 38, r -> scan.scanId()),
                Column.of("finding_id", 52, r -> findingId(scan.partition(), r.cell().key().accountId(),
                        r.cell().key().region())),
                Column.of("organization_id", 16, r -> scan.organizationId()),
                Column.of("account_id", 15, r -> r.account().id()),
                Column.freeText("account_name", 30, r -> r.account().name()),
                Column.of("account_state", 14, r -> r.account().state().name()),
                Column.freeText("ou_path", 40, r -> r.account().ouPath()),
                Column.of("region", 16, r -> r.cell().key().region()),
                Column.of("region_opt_status", 20, r -> r.cell().regionOptStatus().awsValue()),
                Column.of("status", 19, r -> r.cell().status().name()),
                Column.of("reason", 30, r -> r.cell().reason().name()),
                Column.freeText("detail", 60, r -> r.cell().detail()),
                Column.of("analyzer_arns", 60, r -> joined(r.cell(), Analyzer::arn)),
                Column.of("analyzer_types", 16, r -> joined(r.cell(), a -> a.type().name())),
                Column.of("analyzer_statuses", 18, r -> joined(r.cell(), a -> a.status().name())),
                Column.of("covered_by_arn", 60, r -> r.cell().coveredByArn()),
                Column.of("evaluated_at", 21, r -> evaluatedAt));
    }

    public static FindingsTable of(ScanResult result) {
        return new FindingsTable(result);
    }

    /** {@code iam-aa-coverage:<partition>:<account_id>:<region>}: stable across runs, no time, no names. */
    public static String findingId(String partition, String accountId, String region) {
        return FINDING_ID_PREFIX + ":" + partition + ":" + accountId + ":" + region;
    }

    @Override
    public List<Column<Row>> columns() {
        return columns;
    }

    @Override
    public Iterable<Row> rows() {
        Map<String, AccountRef> accounts = new HashMap<>();
        for (AccountRef account : result.matrix().accounts()) {
            accounts.put(account.id(), account);
        }
        return () -> result.matrix().cells().stream()
                .map(cell -> new Row(accounts.get(cell.key().accountId()), cell))
                .iterator();
    }

    private static String joined(Cell cell, Function<Analyzer, String> part) {
        return cell.analyzers().stream().map(part).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
