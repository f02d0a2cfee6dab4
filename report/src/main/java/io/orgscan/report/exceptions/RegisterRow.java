package io.orgscan.report.exceptions;

import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a register, by the CSV register's column names, turned into an {@link ExceptionEntry}:
 * the one place both formats' values are checked, so a CSV and a workbook register follow one set of
 * rules.
 */
final class RegisterRow {
    static final String FINDING_ID = "finding_id";
    static final String ACCOUNT_ID = "account_id";
    static final String REGION = "region";
    static final String DISPOSITION = "disposition";
    static final String OWNER = "owner";
    static final String APPROVER = "approver";
    static final String JUSTIFICATION = "justification";
    static final String TICKET = "ticket";
    static final String EXPIRES = "expires";

    /** The CSV register's columns, in the order the documentation gives them. */
    static final List<String> COLUMNS = List.of(FINDING_ID, ACCOUNT_ID, REGION, DISPOSITION, OWNER, APPROVER,
            JUSTIFICATION, TICKET, EXPIRES);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private RegisterRow() {
    }

    /**
     * The entry of row {@code row}; {@code values} maps column names to the cell's text (absent or
     * empty for none); {@code expiresColumn} is what the file calls {@code expires}, for messages.
     */
    static ExceptionEntry entry(Path file, int row, Map<String, String> values, String expiresColumn)
            throws RegisterException {
        String findingId = value(values, FINDING_ID);
        String account = value(values, ACCOUNT_ID);
        String region = value(values, REGION);
        if (findingId.isEmpty() && account.isEmpty() && region.isEmpty()) {
            throw RegisterException.atRow(file, row, "no finding_id and no account_id/region: say which findings "
                    + "the entry is for");
        }
        Disposition disposition = disposition(file, row, value(values, DISPOSITION));
        LocalDate expires = expires(file, row, value(values, EXPIRES), expiresColumn);
        try {
            return new ExceptionEntry(row, findingId.isEmpty() ? null : findingId, account.isEmpty() ? null : account,
                    region.isEmpty() ? null : region, disposition, value(values, OWNER), value(values, APPROVER),
                    value(values, JUSTIFICATION), value(values, TICKET), expires);
        } catch (IllegalArgumentException e) {
            throw RegisterException.atRow(file, row, e.getMessage());
        }
    }

    private static String value(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }

    private static Disposition disposition(Path file, int row, String text) throws RegisterException {
        for (Disposition disposition : Disposition.values()) {
            if (disposition.name().equalsIgnoreCase(text)) {
                return disposition;
            }
        }
        throw RegisterException.atRow(file, row, (text.isEmpty() ? "no disposition" : "unknown disposition \""
                + text + "\"") + ", expected one of " + Arrays.stream(Disposition.values()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    private static LocalDate expires(Path file, int row, String text, String column) throws RegisterException {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw RegisterException.atRow(file, row, column + " \"" + text + "\" is not a date YYYY-MM-DD");
        }
    }
}
