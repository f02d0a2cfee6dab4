package io.orgscan.report.evidence;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.report.exceptions.WorkbookRegister;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The completeness and accuracy checks an auditor would otherwise re-perform by hand: each with the
 * expected and actual count and PASS or FAIL. Counts on the two sides come from different sources
 * (account states against cells, the scan against the CSV records counted as they were written,
 * CSV records against sheet rows counted as they were streamed), so a FAIL means the outputs of this
 * render do not agree with each other or with the scan.
 */
public final class Reconciliation {
    /** Workbook sheets whose data rows are counted as they are written. */
    public static final String FINDINGS_SHEET = "Findings";
    public static final String ACCOUNTS_SHEET = "Accounts";
    public static final String ERRORS_SHEET = "Errors";
    public static final String EXCEPTIONS_SHEET = WorkbookRegister.SHEET;
    public static final String MATRIX_SHEET = "Matrix";

    /** One check. {@code difference} is actual minus expected. */
    public record Check(String id, String description, long expected, long actual) {
        public long difference() {
            return actual - expected;
        }

        public boolean passed() {
            return expected == actual;
        }

        public String result() {
            return passed() ? "PASS" : "FAIL";
        }
    }

    private final List<Check> checks;

    private Reconciliation(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * The checks of one render.
     *
     * @param sheetRows data rows per sheet as the workbook wrote them (see the constants); empty when
     *                  no workbook was written
     */
    public static Reconciliation of(RenderInput input, Map<String, Long> sheetRows) {
        CoverageCounts counts = input.counts();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("accounts", "Accounts listed = accounts evaluated + accounts not ACTIVE + accounts "
                + "excluded by the scope parameters",
                counts.accountsListed(),
                counts.accountsEvaluated() + counts.accountsNotActive() + counts.accountsExcluded()));
        checks.add(new Check("population", "Findings rows = sum over the accounts listed of the region universe "
                + "(accounts x regions)",
                counts.accountsListed() * counts.regions(),
                input.scan().matrix().cells().size()));
        long byStatus = 0;
        for (ComplianceStatus status : ComplianceStatus.values()) {
            byStatus += counts.rows(status);
        }
        checks.add(new Check("statuses", "Rows by status (COMPLIANT + NON_COMPLIANT + NOT_APPLICABLE + "
                + "INSUFFICIENT_DATA) = findings rows", input.scan().matrix().cells().size(), byStatus));
        checks.add(new Check("errors", "INSUFFICIENT_DATA rows with an error row (errors.csv / Errors sheet) = "
                + "INSUFFICIENT_DATA rows", counts.rows(ComplianceStatus.INSUFFICIENT_DATA),
                input.errorLinks().linkedCells()));

        csv(checks, input, RunFile.FINDINGS_CSV, "findings", counts.rows());
        csv(checks, input, RunFile.ACCOUNTS_CSV, "accounts listed", counts.accountsListed());
        csv(checks, input, RunFile.ERRORS_CSV, "failed AWS calls in scan.json", counts.errors());
        input.file(RunFile.FINDINGS_OCSF_JSON).ifPresent(f -> checks.add(new Check("ocsf:" + f.name(),
                f.name() + " events = findings", counts.rows(), f.rows() == null ? -1 : f.rows())));
        input.file(RunFile.ASFF_JSON).ifPresent(f -> checks.add(new Check("asff:" + f.name(),
                f.name() + " findings = findings rows not NOT_APPLICABLE",
                counts.rows() - counts.rows(ComplianceStatus.NOT_APPLICABLE), f.rows() == null ? -1 : f.rows())));
        input.file(RunFile.JUNIT_XML).ifPresent(f -> checks.add(new Check("junit:" + f.name(),
                f.name() + " test cases = findings", counts.rows(), f.rows() == null ? -1 : f.rows())));

        sheet(checks, input, sheetRows, FINDINGS_SHEET, RunFile.FINDINGS_CSV, "findings", counts.rows());
        sheet(checks, input, sheetRows, ACCOUNTS_SHEET, RunFile.ACCOUNTS_CSV, "accounts listed",
                counts.accountsListed());
        sheet(checks, input, sheetRows, ERRORS_SHEET, RunFile.ERRORS_CSV, "failed AWS calls in scan.json",
                counts.errors());
        if (sheetRows.containsKey(EXCEPTIONS_SHEET)) {
            checks.add(new Check("sheet:" + EXCEPTIONS_SHEET, "Exceptions sheet rows = NON_COMPLIANT + "
                    + "INSUFFICIENT_DATA rows", counts.rows(ComplianceStatus.NON_COMPLIANT)
                    + counts.rows(ComplianceStatus.INSUFFICIENT_DATA), sheetRows.get(EXCEPTIONS_SHEET)));
        }
        if (sheetRows.containsKey(MATRIX_SHEET)) {
            checks.add(new Check("sheet:" + MATRIX_SHEET, "Matrix sheet account rows = accounts listed",
                    counts.accountsListed(), sheetRows.get(MATRIX_SHEET)));
        }
        return new Reconciliation(checks);
    }

    private static void csv(List<Check> checks, RenderInput input, RunFile file, String what, long expected) {
        Optional<WrittenFile> written = input.file(file);
        written.ifPresent(f -> checks.add(new Check("csv:" + file.fileName(),
                file.fileName() + " rows = " + what, expected, f.rows() == null ? -1 : f.rows())));
    }

    private static void sheet(List<Check> checks, RenderInput input, Map<String, Long> sheetRows, String sheet,
                              RunFile csv, String what, long fromScan) {
        Long rows = sheetRows.get(sheet);
        if (rows == null) {
            return;
        }
        Optional<WrittenFile> written = input.file(csv);
        if (written.isPresent() && written.get().rows() != null) {
            checks.add(new Check("sheet:" + sheet, sheet + " sheet rows = " + csv.fileName() + " rows",
                    written.get().rows(), rows));
        } else {
            checks.add(new Check("sheet:" + sheet, sheet + " sheet rows = " + what, fromScan, rows));
        }
    }

    public List<Check> checks() {
        return checks;
    }

    /** True when every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** {@code PASS} or {@code FAIL}, for control_result.csv. */
    public String result() {
        return passed() ? "PASS" : "FAIL";
    }
}
