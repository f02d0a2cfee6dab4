package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.table.SpreadsheetText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * What sheet writers share: the streaming workbook, a fixed palette of cell styles created once (a
 * workbook holds at most 64,000 styles; colours come from conditional formatting, never from a style
 * per cell), the one way to put text or a number in a cell, the data-row counts of the sheets written
 * so far, and work to do once every sheet is written (the Reconciliation sheet, which counts the
 * sheets after it).
 */
public final class WorkbookContext {
    /** The height of one line of the default 11 pt font, in points. */
    private static final float LINE_HEIGHT = 15f;

    private final SXSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle code;
    private final CellStyle wrapped;
    private final CellStyle title;
    private final CellStyle section;
    private final CellStyle label;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle input;
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    private final List<Consumer<RenderInput>> afterAllSheets = new ArrayList<>();
    private final FilesBeside filesBeside;

    WorkbookContext(SXSSFWorkbook workbook) {
        this(workbook, FilesBeside.NONE);
    }

    WorkbookContext(SXSSFWorkbook workbook, FilesBeside filesBeside) {
        this.workbook = workbook;
        this.filesBeside = filesBeside;
        short textFormat = workbook.createDataFormat().getFormat("@");

        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setDataFormat(textFormat);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setWrapText(true);

        // Text format and a quote prefix: Excel keeps the value text even after F2+Enter, so an
        // account id never turns into a number and a value never turns into a formula.
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        text.setQuotePrefixed(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);

        code = workbook.createCellStyle();
        code.cloneStyleFrom(text);
        code.setAlignment(HorizontalAlignment.CENTER);

        wrapped = workbook.createCellStyle();
        wrapped.cloneStyleFrom(text);
        wrapped.setWrapText(true);

        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.cloneStyleFrom(text);
        title.setFont(large);

        Font medium = workbook.createFont();
        medium.setBold(true);
        medium.setFontHeightInPoints((short) 12);
        section = workbook.createCellStyle();
        section.cloneStyleFrom(text);
        section.setFont(medium);

        label = workbook.createCellStyle();
        label.cloneStyleFrom(text);
        label.setFont(bold);
        label.setWrapText(true);

        integer = workbook.createCellStyle();
        integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        integer.setVerticalAlignment(VerticalAlignment.TOP);

        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        decimal.setVerticalAlignment(VerticalAlignment.TOP);

        // Cells left for people (owner, disposition, sign-off): shaded so they are seen, text so that
        // whatever is typed stays text.
        input = workbook.createCellStyle();
        input.setDataFormat(textFormat);
        input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        input.setBorderBottom(BorderStyle.HAIR);
        input.setVerticalAlignment(VerticalAlignment.TOP);
    }

    public SXSSFWorkbook workbook() {
        return workbook;
    }

    /**
     * A new sheet, after those already created, set to print landscape on A4, one page wide: an
     * auditor printing the workbook to PDF gets whole rows.
     */
    public SXSSFSheet createSheet(String name) {
        WorkbookUtil.validateSheetName(name);
        SXSSFSheet sheet = workbook.createSheet(name);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        return sheet;
    }

    /** Bold, shaded, wrapped: header rows. */
    public CellStyle headerStyle() {
        return header;
    }

    /** Text, quote-prefixed: every data cell. */
    public CellStyle textStyle() {
        return text;
    }

    /** As {@link #textStyle()}, centred: status codes. */
    public CellStyle codeStyle() {
        return code;
    }

    /** As {@link #textStyle()}, wrapped: paragraphs. */
    public CellStyle wrappedStyle() {
        return wrapped;
    }

    /** Bold 14 pt: a sheet's title. */
    public CellStyle titleStyle() {
        return title;
    }

    /** Bold 12 pt: a section's heading. */
    public CellStyle sectionStyle() {
        return section;
    }

    /** Bold text: the label of a key/value row. */
    public CellStyle labelStyle() {
        return label;
    }

    /** A whole number with thousands separators. */
    public CellStyle integerStyle() {
        return integer;
    }

    /** A number with two decimals (coverage in percent). */
    public CellStyle decimalStyle() {
        return decimal;
    }

    /** An empty, shaded text cell for people to fill in. */
    public CellStyle inputStyle() {
        return input;
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

    /** Puts a number in a numeric cell. */
    public static Cell setNumber(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    /** An empty cell with a style (an input cell). */
    public static Cell setBlank(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    /**
     * Sets a row's height to show {@code lines} lines of wrapped text. Spreadsheet programs do not all
     * grow rows to fit wrapped text on opening (LibreOffice does not, nor does a PDF export), so rows
     * that wrap carry an explicit height.
     */
    public static void fitLines(Row row, int lines) {
        if (lines > 1) {
            row.setHeightInPoints(Math.min(409f, lines * LINE_HEIGHT));
        }
    }

    /** The lines {@code text} takes wrapped in a column {@code width} characters wide (an estimate). */
    public static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        // A column's width is counted in '0' digits; text in the default font averages narrower.
        int perLine = Math.max(1, width * 115 / 100);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    /** The width of a column in characters. */
    public static int widthOf(SXSSFSheet sheet, int column) {
        return sheet.getColumnWidth(column) / 256;
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

    /**
     * Colours cells of {@code ranges} whose text equals {@code value}: one conditional-formatting rule
     * (fill and font), so the colour follows the value and no style is created per cell.
     */
    public static void colourWhenEquals(SXSSFSheet sheet, CellRangeAddress[] ranges, String value, int fillRgb,
                                        int fontRgb) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(
                ComparisonOperator.EQUAL, "\"" + value + "\"");
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(rgb(fillRgb));
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        rule.createFontFormatting().setFontColor(rgb(fontRgb));
        formatting.addConditionalFormatting(ranges, rule);
    }

    static XSSFColor rgb(int rgb) {
        return new XSSFColor(new byte[] {(byte) 0xFF, (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
    }

    /** Records how many data rows a sheet (its continuation sheets included) holds, for the Reconciliation. */
    public void countRows(String sheet, long rows) {
        rowCounts.merge(sheet, rows, Long::sum);
    }

    /** Data rows per sheet written so far. */
    public Map<String, Long> rowCounts() {
        return Map.copyOf(rowCounts);
    }

    /**
     * The completeness checks of this render, for the sheets that show them: only from
     * {@link #afterAllSheets}, with the input it gives, when every sheet's rows are counted and every
     * file written beside the workbook is done.
     */
    public Reconciliation reconciliation(RenderInput complete) {
        return Reconciliation.of(complete, rowCounts());
    }

    /** The files written on another thread while this workbook is. */
    public FilesBeside filesBeside() {
        return filesBeside;
    }

    /**
     * Runs {@code task} once every sheet writer has run (rows may still be added to earlier sheets)
     * and the {@link #filesBeside} are written, with the input those files completed.
     */
    public void afterAllSheets(Consumer<RenderInput> task) {
        afterAllSheets.add(task);
    }

    void finish(RenderInput input) throws IOException {
        List<WrittenFile> beside = filesBeside.await();
        RenderInput complete = input;
        if (!beside.isEmpty()) {
            List<WrittenFile> files = new ArrayList<>(input.files());
            files.addAll(beside);
            complete = input.withFiles(files);
        }
        for (int i = 0; i < afterAllSheets.size(); i++) {
            afterAllSheets.get(i).accept(complete);
        }
    }
}
