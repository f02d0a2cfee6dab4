package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ACCOUNT_ID;
import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.FREE_TEXT;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INPUT;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Changes;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.exceptions.WorkbookRegister;
import io.orgscan.report.table.FindingsTable.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * The Exceptions sheet (workbook only): every NON_COMPLIANT and INSUFFICIENT_DATA finding, with the
 * error row that left an undecided one so, and columns for people: owner, disposition (a dropdown),
 * ticket, target date, comment, approver. With an exceptions register they come filled from the entry
 * that applies to the finding (an expired entry fills nothing: it must be decided again), so next
 * quarter's people start from this quarter's decisions; {@link WorkbookRegister} reads the sheet back.
 * Dispositions never change a finding's status.
 */
public final class ExceptionsTable implements Table<Row> {
    private final RenderInput input;
    private final List<Column<Row>> columns;

    private ExceptionsTable(RenderInput input) {
        this.input = input;
        ScanMetadata scan = input.scan().metadata();
        List<Column<Row>> list = new ArrayList<>(List.of(
                Column.<Row>of("finding_id", 52, IDENTIFIER, r -> FindingsTable.findingId(scan.partition(),
                        r.cell().key().accountId(), r.cell().key().region())).meaning("findings.csv's key."),
                Column.<Row>of("account_id", 15, ACCOUNT_ID, r -> r.account().id()),
                Column.<Row>of("account_name", 30, FREE_TEXT, r -> r.account().name()).optional(),
                Column.<Row>of("ou_path", 30, FREE_TEXT, r -> r.account().ouPath()).optional(),
                Column.<Row>of("region", 16, IDENTIFIER, r -> r.cell().key().region()),
                Column.<Row>of("status", 19, ENUM, r -> r.cell().status().name()).allowing(ComplianceStatus.class),
                Column.<Row>of("reason", 30, ENUM, r -> r.cell().reason().name()).allowing(Reason.class),
                Column.<Row>of("detail", 50, FREE_TEXT, r -> r.cell().detail()).optional(),
                Column.<Row>of("error_id", 9, IDENTIFIER, r -> input.errorLinks().errorIdOf(r.cell().key())
                        .orElse("")).optional().meaning("The Errors sheet's row for an INSUFFICIENT_DATA finding.")));
        if (input.changes() != null) {
            Changes changes = input.changes();
            list.add(Column.<Row>of("previous_status", 19, ENUM, r -> changes.previousStatus(r.cell().key())
                    .map(Enum::name).orElse("")).optional().allowing(ComplianceStatus.class));
        }
        ExceptionMatches exceptions = input.exceptions();
        list.add(input(WorkbookRegister.OWNER, 20, exceptions, ExceptionEntry::owner));
        list.add(input(WorkbookRegister.DISPOSITION, 16, exceptions, e -> e.disposition().name())
                .allowing(Disposition.class));
        list.add(input(WorkbookRegister.TICKET, 16, exceptions, ExceptionEntry::ticket));
        list.add(input(WorkbookRegister.TARGET_DATE, 14, exceptions,
                e -> e.expires() == null ? "" : e.expires().toString()).meaning("YYYY-MM-DD"));
        list.add(input(WorkbookRegister.COMMENT, 40, exceptions, ExceptionEntry::justification));
        // Appended, so the columns people knew keep their places.
        list.add(input(WorkbookRegister.APPROVER, 20, exceptions, ExceptionEntry::approver));
        this.columns = List.copyOf(list);
    }

    /** A column for people, filled from the register entry that applies to the row, if any. */
    private static Column<Row> input(String name, int width, ExceptionMatches exceptions,
                                     Function<ExceptionEntry, String> value) {
        return Column.of(name, width, INPUT, r -> exceptions.applying(r.cell().key()).map(value).orElse(""));
    }

    public static ExceptionsTable of(RenderInput input) {
        return new ExceptionsTable(input);
    }

    @Override
    public List<Column<Row>> columns() {
        return columns;
    }

    @Override
    public Iterable<Row> rows() {
        Iterable<Row> findings = FindingsTable.of(input.scan()).rows();
        return () -> StreamSupport.stream(findings.spliterator(), false)
                .filter(r -> r.cell().status() == ComplianceStatus.NON_COMPLIANT
                        || r.cell().status() == ComplianceStatus.INSUFFICIENT_DATA)
                .iterator();
    }
}
