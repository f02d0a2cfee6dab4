package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.AccountsTable;
import io.orgscan.report.table.Column;
import io.orgscan.report.table.ColumnType;
import io.orgscan.report.table.ErrorsTable;
import io.orgscan.report.table.ExceptionsTable;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.table.Table;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * A {@link Table} as a sheet with exactly the table's columns and values (the CSV's, when the table
 * is also a CSV): bold frozen header, auto-filter, fixed widths. Integer and decimal columns are
 * numeric cells (they sum and sort as numbers); every other value is text. Input columns are empty
 * shaded cells, with a dropdown when the column lists its allowed values. A table longer than Excel's
 * 1,048,575 data rows continues on {@code "<name> (2)"} and so on, each with its header. The data rows
 * written are counted for the Reconciliation sheet.
 *
 * @param <R> the table's row type
 */
public final class TableSheet<R> implements SheetWriter {
    /** Excel's row limit, less the header row. */
    public static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private final String name;
    private final Function<RenderInput, ? extends Table<R>> tableOf;
    private final int maxDataRows;

    public TableSheet(String name, Function<RenderInput, ? extends Table<R>> tableOf) {
        this(name, tableOf, MAX_DATA_ROWS);
    }

    TableSheet(String name, Function<RenderInput, ? extends Table<R>> tableOf, int maxDataRows) {
        this.name = Objects.requireNonNull(name, "name");
        this.tableOf = Objects.requireNonNull(tableOf, "tableOf");
        if (maxDataRows < 1 || maxDataRows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be 1.." + MAX_DATA_ROWS);
        }
        this.maxDataRows = maxDataRows;
    }

    /** The Findings sheet: findings.csv's columns and values. */
    public static TableSheet<FindingsTable.Row> findings() {
        return new TableSheet<>(Reconciliation.FINDINGS_SHEET, FindingsTable::of);
    }

    /** The Accounts sheet: accounts.csv. */
    public static TableSheet<?> accounts() {
        return new TableSheet<>(Reconciliation.ACCOUNTS_SHEET, AccountsTable::of);
    }

    /** The Errors sheet: errors.csv. */
    public static TableSheet<?> errors() {
        return new TableSheet<>(Reconciliation.ERRORS_SHEET, ErrorsTable::of);
    }

    /** The Exceptions sheet: NON_COMPLIANT and INSUFFICIENT_DATA findings with columns for people. */
    public static TableSheet<?> exceptions() {
        return new TableSheet<>(Reconciliation.EXCEPTIONS_SHEET, ExceptionsTable::of);
    }

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        Table<R> table = tableOf.apply(input);
        List<Column<R>> columns = table.columns();
        CellStyle[] styles = new CellStyle[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            styles[c] = switch (columns.get(c).type()) {
                case INTEGER -> workbook.integerStyle();
                case DECIMAL -> workbook.decimalStyle();
                case INPUT -> workbook.inputStyle();
                default -> workbook.textStyle();
            };
        }
        int part = 1;
        long rows = 0;
        SXSSFSheet sheet = start(workbook, name, columns);
        int rowIndex = 1;
        for (R value : table.rows()) {
            if (rowIndex > maxDataRows) {
                finish(workbook, sheet, rowIndex - 1, columns);
                part++;
                sheet = start(workbook, name + " (" + part + ")", columns);
                rowIndex = 1;
            }
            Row row = sheet.createRow(rowIndex++);
            rows++;
            for (int c = 0; c < columns.size(); c++) {
                Column<R> column = columns.get(c);
                ColumnType type = column.type();
                String text = column.value(value);
                if (type == ColumnType.INPUT && text.isEmpty()) {
                    WorkbookContext.setBlank(row, c, styles[c]);
                    continue;
                }
                if (!type.numeric()) {
                    WorkbookContext.setText(row, c, text, styles[c]);
                } else if (text.isEmpty()) {
                    WorkbookContext.setText(row, c, "", workbook.textStyle());
                } else {
                    WorkbookContext.setNumber(row, c, Double.parseDouble(text), styles[c]);
                }
            }
        }
        finish(workbook, sheet, rowIndex - 1, columns);
        workbook.countRows(name, rows);
    }

    private static <R> SXSSFSheet start(WorkbookContext workbook, String sheetName, List<Column<R>> columns) {
        SXSSFSheet sheet = workbook.createSheet(sheetName);
        Row header = sheet.createRow(0);
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            WorkbookContext.setWidth(sheet, c, columns.get(c).width());
            WorkbookContext.setText(header, c, columns.get(c).name(), workbook.headerStyle());
            lines = Math.max(lines, WorkbookContext.lines(columns.get(c).name(), columns.get(c).width()));
        }
        WorkbookContext.fitLines(header, lines);
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static <R> void finish(WorkbookContext workbook, SXSSFSheet sheet, int lastRow, List<Column<R>> columns) {
        CellRangeAddress used = new CellRangeAddress(0, lastRow, 0, columns.size() - 1);
        sheet.setAutoFilter(used);
        workbook.ignoreNumbersAsText(sheet, used);
        if (lastRow < 1) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            if (column.type() != ColumnType.INPUT || column.allowedValues().isEmpty()) {
                continue;
            }
            DataValidation dropdown = helper.createValidation(
                    helper.createExplicitListConstraint(column.allowedValues().split("\\|")),
                    new CellRangeAddressList(1, lastRow, c, c));
            // XSSF's inverted flag: true shows the in-cell arrow.
            dropdown.setSuppressDropDownArrow(true);
            dropdown.setShowErrorBox(true);
            dropdown.createErrorBox(column.name(), "Choose one of " + column.allowedValues().replace("|", ", ")
                    + ", or leave it empty.");
            dropdown.setEmptyCellAllowed(true);
            sheet.addValidationData(dropdown);
        }
    }
}
