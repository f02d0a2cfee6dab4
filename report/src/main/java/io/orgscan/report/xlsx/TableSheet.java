package io.orgscan.report.xlsx;

import io.orgscan.model.ScanResult;
import io.orgscan.report.Column;
import io.orgscan.report.FindingsTable;
import io.orgscan.report.Table;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * A {@link Table} as a sheet with exactly the table's columns and values (the CSV's, when the table
 * is also a CSV): bold frozen header, auto-filter, fixed widths, every cell text. A table longer than
 * Excel's 1,048,575 data rows continues on {@code "<name> (2)"} and so on, each with its header.
 *
 * @param <R> the table's row type
 */
public final class TableSheet<R> implements SheetWriter {
    /** Excel's row limit, less the header row. */
    public static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private final String name;
    private final Function<ScanResult, ? extends Table<R>> tableOf;
    private final int maxDataRows;

    public TableSheet(String name, Function<ScanResult, ? extends Table<R>> tableOf) {
        this(name, tableOf, MAX_DATA_ROWS);
    }

    TableSheet(String name, Function<ScanResult, ? extends Table<R>> tableOf, int maxDataRows) {
        this.name = Objects.requireNonNull(name, "name");
        this.tableOf = Objects.requireNonNull(tableOf, "tableOf");
        if (maxDataRows < 1 || maxDataRows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be 1.." + MAX_DATA_ROWS);
        }
        this.maxDataRows = maxDataRows;
    }

    /** The Findings sheet: findings.csv's columns and values. */
    public static TableSheet<FindingsTable.Row> findings() {
        return new TableSheet<>("Findings", FindingsTable::of);
    }

    @Override
    public void write(ScanResult result, WorkbookContext workbook) {
        Table<R> table = tableOf.apply(result);
        List<Column<R>> columns = table.columns();
        int part = 1;
        SXSSFSheet sheet = start(workbook, name, columns);
        int rowIndex = 1;
        for (R value : table.rows()) {
            if (rowIndex > maxDataRows) {
                finish(workbook, sheet, rowIndex - 1, columns.size());
                part++;
                sheet = start(workbook, name + " (" + part + ")", columns);
                rowIndex = 1;
            }
            Row row = sheet.createRow(rowIndex++);
            for (int c = 0; c < columns.size(); c++) {
                WorkbookContext.setText(row, c, columns.get(c).value(value), workbook.textStyle());
            }
        }
        finish(workbook, sheet, rowIndex - 1, columns.size());
    }

    private static <R> SXSSFSheet start(WorkbookContext workbook, String sheetName, List<Column<R>> columns) {
        SXSSFSheet sheet = workbook.createSheet(sheetName);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            WorkbookContext.setWidth(sheet, c, columns.get(c).width());
            WorkbookContext.setText(header, c, columns.get(c).name(), workbook.headerStyle());
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void finish(WorkbookContext workbook, SXSSFSheet sheet, int lastRow, int columnCount) {
        CellRangeAddress used = new CellRangeAddress(0, lastRow, 0, columnCount - 1);
        sheet.setAutoFilter(used);
        workbook.ignoreNumbersAsText(sheet, used);
    }
}
