package io.orgscan.report.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the CSVs back with a parser configured here, on its own, not with the writer's format. */
public final class CsvFiles {
    static final CSVFormat READER = CSVFormat.Builder.create()
            .setDelimiter(',')
            .setQuote('"')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .get();

    private CsvFiles() {
    }

    /** The records of a CSV, checking the conventions first: UTF-8 without BOM, CRLF after every record. */
    public static List<CSVRecord> parse(byte[] bytes) throws IOException {
        assertThat(bytes.length).isGreaterThan(2);
        assertThat(bytes[0]).as("no BOM").isNotEqualTo((byte) 0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READER).get()) {
            assertThat(parser.getHeaderNames().get(0)).isEqualTo("schema_version");
            return parser.getRecords();
        }
    }

    public static List<String> header(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
                .setFormat(READER).get()) {
            return parser.getHeaderNames();
        }
    }
}
