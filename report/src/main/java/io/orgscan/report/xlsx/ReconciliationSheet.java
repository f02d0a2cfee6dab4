package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The Reconciliation sheet: each check with expected, actual, difference and PASS/FAIL (coloured by
 * conditional formatting). Its rows are written once every other sheet is: the checks compare the
 * CSVs' record counts with the rows the later sheets actually hold.
 */
public final class ReconciliationSheet implements SheetWriter {
    public static final String NAME = "Reconciliation";

    private static final String[] HEADERS = {"Check", "Description", "Expected", "Actual", "Difference", "Result"};
    private static final int[] WIDTHS = {26, 90, 14, 14, 12, 10};

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        Row header = sheet.createRow(0);
        for (int c = 0; c < HEADERS.length; c++) {
            WorkbookContext.setWidth(sheet, c, WIDTHS[c]);
            WorkbookContext.setText(header, c, HEADERS[c], workbook.headerStyle());
        }
        sheet.createFreezePane(0, 1);
        workbook.afterAllSheets(complete -> {
            Reconciliation reconciliation = workbook.reconciliation(complete);
            int rowIndex = 1;
            for (Reconciliation.Check check : reconciliation.checks()) {
                Row row = sheet.createRow(rowIndex++);
                WorkbookContext.setText(row, 0, check.id(), workbook.textStyle());
                WorkbookContext.setText(row, 1, check.description(), workbook.wrappedStyle());
                WorkbookContext.setNumber(row, 2, check.expected(), workbook.integerStyle());
                WorkbookContext.setNumber(row, 3, check.actual(), workbook.integerStyle());
                WorkbookContext.setNumber(row, 4, check.difference(), workbook.integerStyle());
                WorkbookContext.setText(row, 5, check.result(), workbook.codeStyle());
            }
            int lastRow = rowIndex - 1;
            sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, HEADERS.length - 1));
            CellRangeAddress[] results = {new CellRangeAddress(1, Math.max(1, lastRow), 5, 5)};
            WorkbookContext.colourWhenEquals(sheet, results, "PASS", 0xC6EFCE, 0x006100);
            WorkbookContext.colourWhenEquals(sheet, results, "FAIL", 0xFFC7CE, 0x9C0006);
        });
    }
}
