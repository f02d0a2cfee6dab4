package io.orgscan.report.exceptions;

import io.orgscan.model.ExceptionEntry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A register kept as a CSV: RFC 4180, UTF-8 (a BOM, as Excel writes one, is skipped), a header row
 * naming some of {@link RegisterRow#COLUMNS} in any order. {@code disposition} is required, and
 * {@code finding_id} or both {@code account_id} and {@code region}. Any other column is refused, so a
 * misspelt {@code expiry} cannot silently make every entry open-ended. Blank rows are skipped.
 */
final class CsvRegister {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvRegister() {
    }

    static List<ExceptionEntry> entries(Path file, byte[] bytes) throws RegisterException {
        String text = utf8(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = null;
            List<ExceptionEntry> entries = new ArrayList<>();
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber();
                if (header == null) {
                    header = header(file, record);
                    continue;
                }
                if (blank(record)) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw RegisterException.atRow(file, row, record.size() + " fields, but the header has "
                            + header.size());
                }
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(header.get(c), record.get(c));
                }
                entries.add(RegisterRow.entry(file, row, values, RegisterRow.EXPIRES));
            }
            if (header == null) {
                throw new RegisterException(file, "empty: no header row (expected columns "
                        + String.join(",", RegisterRow.COLUMNS) + ")", null);
            }
            return entries;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RegisterException(file, "not a valid CSV: " + firstLine(e.getMessage()), e);
        }
    }

    private static List<String> header(Path file, CSVRecord record) throws RegisterException {
        List<String> names = new ArrayList<>();
        for (String raw : record) {
            String name = raw.strip();
            if (!RegisterRow.COLUMNS.contains(name)) {
                throw RegisterException.atRow(file, 1, "unknown column \"" + name + "\" (a register's columns are "
                        + String.join(", ", RegisterRow.COLUMNS) + ")");
            }
            if (names.contains(name)) {
                throw RegisterException.atRow(file, 1, "column \"" + name + "\" twice");
            }
            names.add(name);
        }
        if (!names.contains(RegisterRow.DISPOSITION)) {
            throw RegisterException.atRow(file, 1, "missing required column \"disposition\"");
        }
        boolean pattern = names.contains(RegisterRow.ACCOUNT_ID) && names.contains(RegisterRow.REGION);
        if (!names.contains(RegisterRow.FINDING_ID) && !pattern) {
            throw RegisterException.atRow(file, 1, "missing required column \"finding_id\" (or both \"account_id\" "
                    + "and \"region\")");
        }
        return names;
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(Path file, byte[] bytes) throws RegisterException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RegisterException(file, "not UTF-8 text: neither a CSV register nor an xlsx workbook", e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
