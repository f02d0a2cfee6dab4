package io.orgscan.report.table;

import java.util.List;

/**
 * A rectangular table of text with a fixed header: rendered as one CSV file
 * ({@link io.orgscan.report.csv.CsvTableWriter}) and as one workbook sheet
 * ({@link io.orgscan.report.xlsx.TableSheet}) with the same cells, so a CSV and its sheet cannot
 * drift apart. Rows are produced lazily, in output order, so that large tables stream.
 *
 * @param <R> the row type the columns read
 */
public interface Table<R> {
    List<Column<R>> columns();

    /** The rows in output order. May be iterated more than once. */
    Iterable<R> rows();

    /** The header names, in column order. */
    default List<String> header() {
        return columns().stream().map(Column::name).toList();
    }
}
