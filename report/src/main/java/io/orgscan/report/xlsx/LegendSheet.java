package io.orgscan.report.xlsx;

import io.orgscan.model.Disposition;
import io.orgscan.model.Reason;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.DataDictionaryTable;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The Legend: the status and reason vocabulary, the colour key (the same conditional formatting as
 * the Matrix), the statuses' names in AWS Config, Security Hub (ASFF), OCSF and CISO Assistant, the
 * Exceptions dispositions, and every column of every CSV (data_dictionary.csv).
 */
public final class LegendSheet implements SheetWriter {
    public static final String NAME = "Legend";

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        int[] widths = {30, 26, 70, 18, 26, 26, 18};
        for (int c = 0; c < widths.length; c++) {
            WorkbookContext.setWidth(sheet, c, widths[c]);
        }
        SheetBlocks blocks = new SheetBlocks(workbook, sheet);
        blocks.title("Legend");

        blocks.section("Statuses and their colours");
        blocks.header("Status", "Code (Matrix)", "Meaning", "AWS Config", "Security Hub ASFF Compliance.Status",
                "OCSF compliance.status_id", "CISO Assistant");
        int first = blocks.nextRow();
        for (Control.StatusMapping mapping : input.control().statuses()) {
            blocks.values(mapping.status().name(), mapping.status().shortCode(), mapping.meaning(), mapping.awsConfig(),
                    mapping.asff(), mapping.ocsf(), mapping.cisoAssistant());
        }
        MatrixSheet.colourByStatus(sheet, new CellRangeAddress[] {new CellRangeAddress(first, blocks.nextRow() - 1, 1, 1)});
        blocks.paragraph(2, "Colours come from conditional formatting on the code: the code is always in the cell, so "
                + "colour never carries the status alone, and it follows the value after a sort or filter. On the "
                + "Reconciliation sheet PASS is green and FAIL red.");

        blocks.section("Reasons");
        blocks.header("Reason", "Status", "Meaning");
        for (Reason reason : Reason.values()) {
            blocks.values(reason.name(), reason.status().name(), reason.meaning());
        }

        blocks.section("Dispositions (Exceptions sheet)");
        blocks.header("Disposition", "", "Meaning");
        for (Disposition disposition : Disposition.values()) {
            blocks.values(disposition.name(), null, disposition.meaning());
        }
        blocks.paragraph(2, "A disposition never changes a finding's status: the next scan judges again.");

        blocks.section("Columns of the CSV files (data_dictionary.csv)");
        blocks.header("File", "Column", "Description", "Type", "Allowed values", "Required");
        for (DataDictionaryTable.Entry entry : DataDictionaryTable.of(input).rows()) {
            blocks.values(entry.file(), entry.column().name(), entry.column().description(),
                    entry.column().type().dictionaryName(), entry.column().allowedValues(),
                    Boolean.toString(entry.column().required()));
        }
    }
}
