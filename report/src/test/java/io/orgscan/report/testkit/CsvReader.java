package io.orgscan.report.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSVs back with the one parser the tests use, configured here on its own (RFC 4180, a
 * header row), never with the writer's format: a writer bug cannot be mirrored by its reader.
 */
public final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(',')
            .setQuote('"')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .get();

    private CsvReader() {
    }

    /** The records of a CSV, checking the conventions first: UTF-8 without BOM, CRLF after every record. */
    public static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertThat(bytes.length).isGreaterThan(2);
        assertThat(bytes[0]).as("no BOM").isNotEqualTo((byte) 0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        try (CSVParser parser = parser(text)) {
            assertThat(parser.getHeaderNames().get(0)).isEqualTo("schema_version");
            return parser.getRecords();
        }
    }

    /** As {@link #parse(byte[])}, from a file. */
    public static List<CSVRecord> parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** The header row's names. */
    public static List<String> header(byte[] bytes) throws IOException {
        try (CSVParser parser = parser(new String(bytes, StandardCharsets.UTF_8))) {
            return parser.getHeaderNames();
        }
    }

    /** Every row, the header first, each as its list of fields. */
    public static List<List<String>> rows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(bytes));
        parse(bytes).forEach(record -> rows.add(record.toList()));
        return rows;
    }

    private static CSVParser parser(String text) throws IOException {
        return CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
    }
}
