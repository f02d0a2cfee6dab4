package io.orgscan.report.xlsx;

import io.orgscan.report.SpreadsheetText;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * What sheet writers share: the streaming workbook and a fixed palette of cell styles, created once
 * (a workbook holds at most 64,000 styles; colours come from conditional formatting, never from a
 * style per cell), and the one way to put text in a cell.
 */
public final class WorkbookContext {
    private final SXSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle code;

    WorkbookContext(SXSSFWorkbook workbook) {
        this.workbook = workbook;
        short textFormat = workbook.createDataFormat().getFormat("@");

        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setDataFormat(textFormat);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);

        // Text format and a quote prefix: Excel keeps the value text even after F2+Enter, so an
        // account id never turns into a number and a value never turns into a formula.
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        text.setQuotePrefixed(true);

        code = workbook.createCellStyle();
        code.cloneStyleFrom(text);
        code.setAlignment(HorizontalAlignment.CENTER);
    }

    public SXSSFWorkbook workbook() {
        return workbook;
    }

    /** A new sheet, after those already created. */
    public SXSSFSheet createSheet(String name) {
        WorkbookUtil.validateSheetName(name);
        return workbook.createSheet(name);
    }

    /** Bold, shaded: header rows and labels. */
    public CellStyle headerStyle() {
        return header;
    }

    /** Text, quote-prefixed: every data cell. */
    public CellStyle textStyle() {
        return text;
    }

    /** As {@link #textStyle()}, centred: the Matrix sheet's status codes. */
    public CellStyle codeStyle() {
        return code;
    }

    /**
     * Puts {@code value} in a string cell: never a formula ({@code setCellValue(String)} only writes
     * strings, so even {@code "=1+1"} stays text), cut to Excel's cell limit if longer. Callers
     * neutralise free text first ({@link SpreadsheetText#neutralize}), so a CSV exported from the
     * sheet is as safe as findings.csv.
     */
    public static Cell setText(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(SpreadsheetText.fitCell(value == null ? "" : value));
        cell.setCellStyle(style);
        return cell;
    }

    /** Sets column widths in characters, from a fixed table (no autosizing: slow, and needs fonts). */
    public static void setWidth(SXSSFSheet sheet, int column, int characters) {
        sheet.setColumnWidth(column, Math.min(255, characters) * 256);
    }

    /**
     * Turns off Excel's "number stored as text" marker on {@code range}: account ids are text on
     * purpose (12 digits, leading zeros), and a green triangle on each would only be noise.
     */
    public void ignoreNumbersAsText(SXSSFSheet sheet, CellRangeAddress range) {
        workbook.getXSSFWorkbook().getSheet(sheet.getSheetName())
                .addIgnoredErrors(range, IgnoredErrorType.NUMBER_STORED_AS_TEXT);
    }
}
