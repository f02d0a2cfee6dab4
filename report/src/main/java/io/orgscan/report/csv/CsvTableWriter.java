package io.orgscan.report.csv;

import io.orgscan.report.table.Column;
import io.orgscan.report.table.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a {@link Table} as CSV for machines: RFC 4180, comma, CRLF after every record, UTF-8
 * without a BOM (a BOM ends up in the first header name of exact-header importers), one header row,
 * a field quoted only when it must be (embedded quotes doubled), empty string for no value.
 */
public final class CsvTableWriter {
    /** The one CSV dialect of every orgscan CSV. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setDelimiter(',')
            .setQuote('"')
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .setNullString("")
            .get();

    private CsvTableWriter() {
    }

    /**
     * Writes the header then every row. Flushes but does not close {@code out}.
     *
     * @return the data records written (the header excluded)
     */
    public static <R> long write(Table<R> table, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        List<Column<R>> columns = table.columns();
        printer.printRecord(table.header());
        List<String> values = new ArrayList<>(columns.size());
        long records = 0;
        for (R row : table.rows()) {
            records++;
            values.clear();
            for (Column<R> column : columns) {
                values.add(column.value(row));
            }
            printer.printRecord(values);
        }
        printer.flush();
        return records;
    }
}
