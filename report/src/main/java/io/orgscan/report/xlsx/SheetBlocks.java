package io.orgscan.report.xlsx;

import io.orgscan.report.table.SpreadsheetText;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes a sheet made of blocks (a title, sections, label/value rows, small tables, paragraphs) top
 * to bottom, keeping the next row's index. Values that came from the scan are neutralised here
 * ({@link SpreadsheetText#neutralize}); labels and headers are orgscan's own text.
 */
final class SheetBlocks {
    private final WorkbookContext workbook;
    private final SXSSFSheet sheet;
    private int next;

    SheetBlocks(WorkbookContext workbook, SXSSFSheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    SXSSFSheet sheet() {
        return sheet;
    }

    /** The index of the row the next block starts on. */
    int nextRow() {
        return next;
    }

    /** Moves to a row further down (never up: rows stream in order). */
    void skipTo(int row) {
        if (row < next) {
            throw new IllegalArgumentException("row " + row + " is already written");
        }
        next = row;
    }

    Row row() {
        return sheet.createRow(next++);
    }

    void title(String text) {
        WorkbookContext.setText(row(), 0, text, workbook.titleStyle());
    }

    /** A blank row, then a bold heading. */
    void section(String text) {
        if (next > 0) {
            next++;
        }
        WorkbookContext.setText(row(), 0, text, workbook.sectionStyle());
    }

    /** A label and a text value (neutralised). */
    void pair(String label, String value) {
        Row row = row();
        WorkbookContext.setText(row, 0, label, workbook.labelStyle());
        WorkbookContext.setText(row, 1, SpreadsheetText.neutralize(value), workbook.wrappedStyle());
        fit(row, label, value);
    }

    /** A label and a whole number. */
    void pair(String label, long value) {
        Row row = row();
        WorkbookContext.setText(row, 0, label, workbook.labelStyle());
        fit(row, label);
        WorkbookContext.setNumber(row, 1, value, workbook.integerStyle());
    }

    /** A label and a percentage with two decimals, or {@code n/a}. */
    void pair(String label, Optional<BigDecimal> percent) {
        Row row = row();
        WorkbookContext.setText(row, 0, label, workbook.labelStyle());
        fit(row, label);
        number(row, 1, percent);
    }

    /** A line of orgscan's text in column 0, not wrapped (it runs on over the empty cells to its right). */
    void note(String text) {
        WorkbookContext.setText(row(), 0, text, workbook.textStyle());
    }

    /** A paragraph of orgscan's text in column {@code column}, wrapped. */
    void paragraph(int column, String text) {
        Row row = row();
        WorkbookContext.setText(row, column, text, workbook.wrappedStyle());
        WorkbookContext.fitLines(row, WorkbookContext.lines(text, WorkbookContext.widthOf(sheet, column)));
    }

    /** A header row. */
    void header(String... names) {
        Row row = row();
        for (int c = 0; c < names.length; c++) {
            WorkbookContext.setText(row, c, names[c], workbook.headerStyle());
        }
        fit(row, (Object[]) names);
    }

    /**
     * A row of values from column 0: a {@code String} is text (neutralised), a {@code Long} or
     * {@code Integer} a whole number, an {@code Optional<BigDecimal>} a percentage, null an empty cell.
     */
    Row values(Object... values) {
        return values(row(), values);
    }

    /** As {@link #values(Object...)}, on a row taken earlier with {@link #row()}. */
    Row values(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof String text) {
                WorkbookContext.setText(row, c, SpreadsheetText.neutralize(text), workbook.wrappedStyle());
            } else if (value instanceof Long || value instanceof Integer) {
                WorkbookContext.setNumber(row, c, ((Number) value).doubleValue(), workbook.integerStyle());
            } else if (value instanceof Optional<?> optional) {
                number(row, c, optional.map(BigDecimal.class::cast));
            } else if (value != null) {
                throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName());
            }
        }
        fit(row, values);
        return row;
    }

    /** Makes the row tall enough for its texts, cell c of {@code texts} in column c (non-text ignored). */
    private void fit(Row row, Object... texts) {
        int lines = 1;
        for (int c = 0; c < texts.length; c++) {
            if (texts[c] instanceof String text) {
                lines = Math.max(lines, WorkbookContext.lines(text, WorkbookContext.widthOf(sheet, c)));
            }
        }
        WorkbookContext.fitLines(row, lines);
    }

    /** A text cell with an explicit style, on an existing row. */
    void text(Row row, int column, String text, CellStyle style) {
        WorkbookContext.setText(row, column, SpreadsheetText.neutralize(text), style);
    }

    private void number(Row row, int column, Optional<BigDecimal> percent) {
        if (percent.isPresent()) {
            WorkbookContext.setNumber(row, column, percent.get().doubleValue(), workbook.decimalStyle());
        } else {
            WorkbookContext.setText(row, column, "n/a", workbook.textStyle());
        }
    }
}
