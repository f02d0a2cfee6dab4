package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ACCOUNT_ID;
import static io.orgscan.report.table.ColumnType.FREE_TEXT;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INTEGER;
import static io.orgscan.report.table.ColumnType.TEXT;

import io.orgscan.model.ErrorRecord;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.ErrorLinks;
import io.orgscan.report.evidence.RenderInput;
import java.util.List;
import java.util.stream.IntStream;

/**
 * errors.csv and the Errors sheet: one row per AWS call that failed after its retries, in
 * scan.json's order (by account, region, operation). A header-only file means no call failed.
 */
public final class ErrorsTable implements Table<ErrorsTable.Row> {
    public static final int SCHEMA_VERSION = 1;

    /** The i-th error (0-based) of the scan. */
    public record Row(int index, ErrorRecord error) {
    }

    private final RenderInput input;
    private final List<Column<Row>> columns;

    private ErrorsTable(RenderInput input) {
        this.input = input;
        ScanMetadata scan = input.scan().metadata();
        String schemaVersion = Integer.toString(SCHEMA_VERSION);
        ErrorLinks links = input.errorLinks();
        this.columns = List.of(
                Column.<Row>of("schema_version", 9, INTEGER, r -> schemaVersion).allowing(schemaVersion)
                        .meaning("Version of these columns; a change other than appending a column increases it."),
                Column.<Row>of("scan_id", 38, IDENTIFIER, r -> scan.scanId()).allowing("UUID")
                        .meaning("The scan this row comes from."),
                Column.<Row>of("error_id", 9, IDENTIFIER, r -> ErrorLinks.errorId(r.index())).allowing("E0001, E0002, ...")
                        .meaning("The error's number within the scan; the Exceptions sheet points to it."),
                Column.<Row>of("account_id", 15, ACCOUNT_ID, r -> r.error().accountId()).optional().allowing("12 digits")
                        .meaning("The account the call was made for; empty for organization-level calls."),
                Column.<Row>of("region", 16, IDENTIFIER, r -> r.error().region()).optional()
                        .meaning("The region of the call; empty for calls not tied to a region (AssumeRole, "
                                + "DescribeRegions, Organizations)."),
                Column.<Row>of("operation", 28, TEXT, r -> r.error().failure().operation())
                        .allowing("e.g. AssumeRole|DescribeRegions|ListAnalyzers|ListDelegatedAdministrators")
                        .meaning("The AWS operation that failed."),
                Column.<Row>of("error_code", 30, FREE_TEXT, r -> r.error().failure().errorCode())
                        .meaning("The AWS error code (e.g. AccessDeniedException), or the exception's name when AWS "
                                + "gave no answer; neutralised."),
                Column.<Row>of("error_message", 60, FREE_TEXT, r -> r.error().failure().message()).optional()
                        .meaning("The AWS error message; neutralised."),
                Column.<Row>of("attempts", 9, INTEGER, r -> Integer.toString(r.error().failure().attempts()))
                        .meaning("Attempts made, retries included."),
                Column.<Row>of("rows_affected", 10, INTEGER, r -> Long.toString(links.cellsAffected(r.index())))
                        .meaning("findings.csv rows left INSUFFICIENT_DATA by this error (0 for a call whose failure "
                                + "did not decide any row, e.g. ListDelegatedAdministrators)."));
    }

    public static ErrorsTable of(RenderInput input) {
        return new ErrorsTable(input);
    }

    @Override
    public List<Column<Row>> columns() {
        return columns;
    }

    @Override
    public Iterable<Row> rows() {
        List<ErrorRecord> errors = input.scan().errors();
        return () -> IntStream.range(0, errors.size()).mapToObj(i -> new Row(i, errors.get(i))).iterator();
    }
}
