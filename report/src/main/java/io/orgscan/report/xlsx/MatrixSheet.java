package io.orgscan.report.xlsx;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoverageMatrix;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.SpreadsheetText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The Matrix sheet: one row per account (id, name, OU path, frozen at the left), one column per
 * region, each cell the status's short code ({@link ComplianceStatus#shortCode()}). Colour comes from
 * one conditional-formatting rule per status over the whole range, so the style count stays constant,
 * the colour follows the value after a sort, and the code (never only a colour) carries the status.
 *
 * <p>Layout: row 1 is a legend (each code, coloured by the same rules, and the status it stands
 * for); row 2 is the header (bold, with an auto-filter, so an auditor can list the accounts with
 * {@code NC} in a region); both rows and the three account columns are frozen.
 */
public final class MatrixSheet implements SheetWriter {
    public static final String NAME = Reconciliation.MATRIX_SHEET;

    static final int LEGEND_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int FIRST_ACCOUNT_ROW = 2;
    static final int FIRST_REGION_COLUMN = 3;

    private static final int[] ACCOUNT_WIDTHS = {15, 30, 40};
    private static final String[] ACCOUNT_HEADERS = {"Account ID", "Account name", "OU path"};
    private static final int REGION_WIDTH = 15;

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        CoverageMatrix matrix = input.scan().matrix();
        List<String> regions = matrix.regions();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int c = 0; c < ACCOUNT_WIDTHS.length; c++) {
            WorkbookContext.setWidth(sheet, c, ACCOUNT_WIDTHS[c]);
        }
        for (int r = 0; r < Math.max(regions.size(), 2 * ComplianceStatus.values().length); r++) {
            WorkbookContext.setWidth(sheet, FIRST_REGION_COLUMN + r, REGION_WIDTH);
        }

        Row legend = sheet.createRow(LEGEND_ROW);
        WorkbookContext.setText(legend, 0, "Legend", workbook.headerStyle());
        int column = FIRST_REGION_COLUMN;
        for (ComplianceStatus status : ComplianceStatus.values()) {
            WorkbookContext.setText(legend, column++, status.shortCode(), workbook.codeStyle());
            WorkbookContext.setText(legend, column++, status.name(), workbook.textStyle());
        }
        int legendEnd = column - 1;

        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < ACCOUNT_HEADERS.length; c++) {
            WorkbookContext.setText(header, c, ACCOUNT_HEADERS[c], workbook.headerStyle());
        }
        for (int r = 0; r < regions.size(); r++) {
            WorkbookContext.setText(header, FIRST_REGION_COLUMN + r, regions.get(r), workbook.headerStyle());
        }
        sheet.createFreezePane(FIRST_REGION_COLUMN, FIRST_ACCOUNT_ROW);

        // The matrix's cells are sorted by account then region: each account's cells come in a run.
        Iterator<Cell> cells = matrix.cells().iterator();
        int rowIndex = FIRST_ACCOUNT_ROW;
        for (AccountRef account : matrix.accounts()) {
            Row row = sheet.createRow(rowIndex++);
            WorkbookContext.setText(row, 0, account.id(), workbook.textStyle());
            WorkbookContext.setText(row, 1, SpreadsheetText.neutralize(account.name()), workbook.textStyle());
            WorkbookContext.setText(row, 2, SpreadsheetText.neutralize(account.ouPath()), workbook.textStyle());
            for (int r = 0; r < regions.size(); r++) {
                Cell cell = cells.next();
                if (!cell.key().accountId().equals(account.id()) || !cell.key().region().equals(regions.get(r))) {
                    throw new IllegalStateException("matrix cells out of order at " + cell.key());
                }
                WorkbookContext.setText(row, FIRST_REGION_COLUMN + r, cell.status().shortCode(), workbook.codeStyle());
            }
        }
        int lastRow = rowIndex - 1;
        workbook.countRows(NAME, lastRow - FIRST_ACCOUNT_ROW + 1);

        List<CellRangeAddress> coloured = new ArrayList<>();
        coloured.add(new CellRangeAddress(LEGEND_ROW, LEGEND_ROW, FIRST_REGION_COLUMN, legendEnd));
        if (!regions.isEmpty() && lastRow >= FIRST_ACCOUNT_ROW) {
            coloured.add(new CellRangeAddress(FIRST_ACCOUNT_ROW, lastRow, FIRST_REGION_COLUMN,
                    FIRST_REGION_COLUMN + regions.size() - 1));
        }
        colourByStatus(sheet, coloured.toArray(CellRangeAddress[]::new));
        int lastColumn = FIRST_REGION_COLUMN + regions.size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(lastRow, HEADER_ROW), 0, lastColumn));
        if (lastRow >= FIRST_ACCOUNT_ROW) {
            workbook.ignoreNumbersAsText(sheet, new CellRangeAddress(FIRST_ACCOUNT_ROW, lastRow, 0, 0));
        }
    }

    /** One rule per status: cell equals the code, fill and font from Excel's good/bad/neutral palette. */
    static void colourByStatus(SXSSFSheet sheet, CellRangeAddress[] ranges) {
        for (ComplianceStatus status : ComplianceStatus.values()) {
            WorkbookContext.colourWhenEquals(sheet, ranges, status.shortCode(), fillColour(status), fontColour(status));
        }
    }

    static int fillColour(ComplianceStatus status) {
        return switch (status) {
            case COMPLIANT -> 0xC6EFCE;
            case NON_COMPLIANT -> 0xFFC7CE;
            case NOT_APPLICABLE -> 0xE7E6E6;
            case INSUFFICIENT_DATA -> 0xFFEB9C;
        };
    }

    static int fontColour(ComplianceStatus status) {
        return switch (status) {
            case COMPLIANT -> 0x006100;
            case NON_COMPLIANT -> 0x9C0006;
            case NOT_APPLICABLE -> 0x3A3838;
            case INSUFFICIENT_DATA -> 0x9C5700;
        };
    }
}
