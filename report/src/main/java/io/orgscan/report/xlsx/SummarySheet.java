package io.orgscan.report.xlsx;

import io.orgscan.model.AccountRef;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.report.evidence.Changes;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.CoverageCounts.Tally;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.table.FindingsTable;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary: the result, the population counts, findings per status with a bar chart of them, the
 * changes since a previous run when compared, the exceptions review when a register applies, and a
 * table per OU and per region.
 *
 * <p>The chart lives on the streamed sheet's underlying XSSF sheet (SXSSF has no chart API); its
 * series carry cached values and point at the status table's cells, so it shows the same numbers in
 * every spreadsheet program, and it is written byte for byte the same for the same scan.
 */
public final class SummarySheet implements SheetWriter {
    public static final String NAME = "Summary";

    private static final int LAST_TABLE_COLUMN = 8;

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        CoverageCounts counts = input.counts();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        WorkbookContext.setWidth(sheet, 0, 44);
        for (int c = 1; c <= LAST_TABLE_COLUMN; c++) {
            WorkbookContext.setWidth(sheet, c, 20);
        }
        SheetBlocks blocks = new SheetBlocks(workbook, sheet);
        blocks.title("Summary");

        blocks.section("Result");
        int chartTop = blocks.nextRow() - 1;
        blocks.pair("Control result", counts.controlResult().name());
        counts.controlResultReason().ifPresent(why -> blocks.pair("Control result reason", why));
        blocks.pair("Scan complete", Boolean.toString(counts.scanComplete()));
        blocks.pair("Coverage (%)", counts.coverage());
        blocks.pair("Accounts listed (population)", counts.accountsListed());
        blocks.pair("Accounts in scope (evaluated)", counts.accountsEvaluated());
        blocks.pair("Accounts not ACTIVE", counts.accountsNotActive());
        blocks.pair("Accounts excluded by parameters", counts.accountsExcluded());
        blocks.pair("Accounts fully covered", counts.accountsFullyCovered());
        blocks.pair("Regions (matrix columns)", counts.regions());
        blocks.pair("Findings rows (accounts x regions)", counts.rows());
        blocks.pair("Failed AWS calls", counts.errors());

        blocks.section("Findings by status");
        blocks.header("Status", "Code", "Rows");
        int firstStatusRow = blocks.nextRow();
        for (ComplianceStatus status : ComplianceStatus.values()) {
            blocks.values(status.name(), status.shortCode(), counts.rows(status));
        }
        int lastStatusRow = blocks.nextRow() - 1;
        blocks.values("Total", null, counts.rows());
        MatrixSheet.colourByStatus(sheet, new CellRangeAddress[] {
                new CellRangeAddress(firstStatusRow, lastStatusRow, 1, 1)});
        chart(workbook, counts, firstStatusRow, lastStatusRow, chartTop, blocks.nextRow());
        blocks.note("Coverage = COMPLIANT / (COMPLIANT + NON_COMPLIANT + INSUFFICIENT_DATA). Scan complete: no "
                + "INSUFFICIENT_DATA row, no failed AWS call, and something checked: a run with no applicable row, "
                + "or with a region no account listed, is INSUFFICIENT_DATA (no evidence is not a pass). "
                + "Fully covered: in scope, no NON_COMPLIANT or "
                + "INSUFFICIENT_DATA region, at least one COMPLIANT region.");

        input.comparison().ifPresent(changes -> changes(blocks, changes));
        if (input.exceptions().register().isPresent()) {
            exceptionsReview(blocks, input.exceptions());
        }

        blocks.section("By OU");
        tallyHeader(blocks, "OU path", true);
        for (Tally tally : counts.byOu()) {
            tallyRow(blocks, tally, true);
        }

        blocks.section("By region");
        tallyHeader(blocks, "Region", false);
        for (Tally tally : counts.byRegion()) {
            tallyRow(blocks, tally, false);
        }
    }

    private static void changes(SheetBlocks blocks, Changes changes) {
        var previous = changes.previous();
        var scan = previous.result().metadata();
        blocks.section("Changes since last run");
        blocks.pair("Previous scan", scan.scanId() + ", started " + FindingsTable.timestamp(scan.startedAt())
                + " (" + previous.fileName() + ", SHA-256 " + previous.sha256() + ")");
        blocks.pair("Newly non-compliant (NON_COMPLIANT now, not before)", changes.newlyNonCompliant());
        blocks.pair("Resolved (NON_COMPLIANT before, COMPLIANT now)", changes.resolved());
        blocks.pair("Still non-compliant", changes.stillNonCompliant());
        blocks.pair("Findings whose status changed (new ones included)", changes.changedRows());
        blocks.pair("New accounts", changes.newAccounts().size());
        blocks.pair("Removed accounts", changes.removedAccounts().size());
        if (!changes.newAccounts().isEmpty() || !changes.removedAccounts().isEmpty()) {
            blocks.header("Account change", "Account ID", "Account name", "OU path");
            accounts(blocks, "NEW", changes.newAccounts());
            accounts(blocks, "REMOVED", changes.removedAccounts());
        }
        blocks.note("Per finding: the previous_status and status_changed columns of the Findings sheet "
                + "and findings.csv.");
    }

    /** The register applied, and its entries that need people: expired ones and orphans. */
    private static void exceptionsReview(SheetBlocks blocks, ExceptionMatches exceptions) {
        ExceptionRegister register = exceptions.register().orElseThrow();
        blocks.section("Exceptions review");
        blocks.pair("Exceptions register", register.fileName() + " (SHA-256 " + register.sha256() + ")");
        blocks.pair("Entries", register.entries().size());
        blocks.pair("Expiry judged on (the scan's end, UTC)", exceptions.scanDay().toString());
        blocks.pair("NON_COMPLIANT findings with an unexpired exception", exceptions.nonCompliantWithException());
        blocks.pair("NON_COMPLIANT findings without one", exceptions.nonCompliantWithoutException());
        blocks.pair("Expired entries (no longer apply)", exceptions.expired().size());
        blocks.pair("Orphan entries (match no finding)", exceptions.orphans().size());
        if (!exceptions.expired().isEmpty() || !exceptions.orphans().isEmpty()) {
            blocks.header("Entry needing review", "Register row", "Finding or pattern", "Disposition", "Owner",
                    "Expires");
            entries(blocks, "EXPIRED", exceptions.expired());
            entries(blocks, "ORPHAN", exceptions.orphans());
        }
        blocks.note("A disposition never changes a status, a reason or the exit code. An expired entry is not applied: "
                + "decide its findings again on the Exceptions sheet. Per finding: the exception_* columns of "
                + "the Findings sheet and findings.csv.");
    }

    private static void entries(SheetBlocks blocks, String state, List<ExceptionEntry> entries) {
        for (ExceptionEntry entry : entries) {
            blocks.values(state, entry.row(), entry.selector(), entry.disposition().name(), entry.owner(),
                    entry.expires() == null ? "" : entry.expires().toString());
        }
    }

    private static void accounts(SheetBlocks blocks, String change, List<AccountRef> accounts) {
        for (AccountRef account : accounts) {
            blocks.values(change, account.id(), account.name(), account.ouPath());
        }
    }

    private static void tallyHeader(SheetBlocks blocks, String key, boolean withAccounts) {
        blocks.header(key, withAccounts ? "Accounts" : "", "COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE",
                "INSUFFICIENT_DATA", "Coverage (%)", "Result");
    }

    private static void tallyRow(SheetBlocks blocks, Tally tally, boolean withAccounts) {
        blocks.values(tally.key(), withAccounts ? (Object) tally.accounts() : null,
                tally.count(ComplianceStatus.COMPLIANT), tally.count(ComplianceStatus.NON_COMPLIANT),
                tally.count(ComplianceStatus.NOT_APPLICABLE), tally.count(ComplianceStatus.INSUFFICIENT_DATA),
                tally.coverage(), tally.result().name());
    }

    /** A column chart of findings per status, each bar in its status's colour, beside the Result block. */
    private static void chart(WorkbookContext workbook, CoverageCounts counts, int firstRow, int lastRow, int top,
                              int bottom) {
        XSSFSheet underlying = workbook.workbook().getXSSFWorkbook().getSheet(NAME);
        XSSFDrawing drawing = underlying.createDrawingPatriarch();
        // Beside the Result block and the status table (columns A to C), above everything else.
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, top, 9, bottom);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Findings (account x region) by status");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis statuses = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis rows = chart.createValueAxis(AxisPosition.LEFT);
        rows.setCrosses(AxisCrosses.AUTO_ZERO);
        ComplianceStatus[] all = ComplianceStatus.values();
        String[] names = new String[all.length];
        Long[] perStatus = new Long[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].name();
            perStatus[i] = counts.rows(all[i]);
        }
        String sheetRef = NAME + "!$";
        var categories = XDDFDataSourcesFactory.fromArray(names,
                sheetRef + "A$" + (firstRow + 1) + ":$A$" + (lastRow + 1));
        var values = XDDFDataSourcesFactory.fromArray(perStatus,
                sheetRef + "C$" + (firstRow + 1) + ":$C$" + (lastRow + 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, statuses, rows);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(categories, values);
        series.setTitle("Rows", null);
        for (int i = 0; i < all.length; i++) {
            int rgb = MatrixSheet.fontColour(all[i]);
            series.getDataPoint(i).setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(
                    new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb})));
        }
        chart.plot(data);
    }
}
