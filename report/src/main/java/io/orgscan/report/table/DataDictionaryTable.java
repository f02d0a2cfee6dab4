package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.BOOLEAN;
import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.IDENTIFIER;
import static io.orgscan.report.table.ColumnType.INTEGER;
import static io.orgscan.report.table.ColumnType.TEXT;

import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.RunFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * data_dictionary.csv: every column of every CSV of the run folder, itself included, with its type,
 * whether it may be empty, its allowed values and its meaning. It is generated from the very column
 * definitions that write the CSVs, so it cannot drift from them; it is the same for every run.
 */
public final class DataDictionaryTable implements Table<DataDictionaryTable.Entry> {
    public static final int SCHEMA_VERSION = 1;

    /** One column of one file. */
    public record Entry(String file, int position, Column<?> column) {
    }

    private static final List<Column<Entry>> COLUMNS = List.of(
            Column.<Entry>of("schema_version", 9, INTEGER, e -> Integer.toString(SCHEMA_VERSION))
                    .allowing(Integer.toString(SCHEMA_VERSION))
                    .meaning("Version of these columns; a change other than appending a column increases it."),
            Column.<Entry>of("file", 20, IDENTIFIER, Entry::file)
                    .allowing("findings.csv|accounts.csv|errors.csv|control_result.csv|data_dictionary.csv")
                    .meaning("The CSV file."),
            Column.<Entry>of("position", 9, INTEGER, e -> Integer.toString(e.position()))
                    .meaning("The column's position in the file, from 1."),
            Column.<Entry>of("column", 28, IDENTIFIER, e -> e.column().name())
                    .meaning("The column's exact header (snake_case)."),
            Column.<Entry>of("type", 12, ENUM, e -> e.column().type().dictionaryName())
                    .allowing(Arrays.stream(ColumnType.values()).filter(t -> t != ColumnType.INPUT)
                            .map(ColumnType::dictionaryName).collect(Collectors.joining("|")))
                    .meaning("integer; decimal (two decimals); boolean (true/false); timestamp (YYYY-MM-DDTHH:MM:SSZ, "
                            + "UTC); date (YYYY-MM-DD); enum (one of allowed_values); identifier; account_id (12 digits, import as text); "
                            + "arn; list (|-joined); text (written by orgscan); free_text (from AWS, account owners or an "
                            + "exceptions register; neutralised: a value starting with = + - @ tab CR LF or NUL gets a "
                            + "leading ')."),
            Column.<Entry>of("required", 9, BOOLEAN, e -> Boolean.toString(e.column().required()))
                    .allowing("true|false").meaning("true if the value is never empty."),
            Column.<Entry>of("allowed_values", 40, TEXT, e -> e.column().allowedValues()).optional()
                    .meaning("The vocabulary (|-joined) or the shape of the values."),
            Column.<Entry>of("description", 80, TEXT, e -> e.column().description())
                    .meaning("What the column means."));

    private final List<Entry> entries;

    private DataDictionaryTable(RenderInput input) {
        List<Entry> list = new ArrayList<>();
        add(list, RunFile.FINDINGS_CSV, FindingsTable.documentation(input.scan()).columns());
        add(list, RunFile.ACCOUNTS_CSV, AccountsTable.of(input).columns());
        add(list, RunFile.ERRORS_CSV, ErrorsTable.of(input).columns());
        add(list, RunFile.CONTROL_RESULT_CSV,
                ControlResultTable.documentation(new ControlResultTable.Result(input, null, null)).columns());
        add(list, RunFile.DATA_DICTIONARY_CSV, COLUMNS);
        entries = List.copyOf(list);
    }

    public static DataDictionaryTable of(RenderInput input) {
        return new DataDictionaryTable(input);
    }

    private static void add(List<Entry> entries, RunFile file, List<? extends Column<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            entries.add(new Entry(file.fileName(), i + 1, columns.get(i)));
        }
    }

    @Override
    public List<Column<Entry>> columns() {
        return COLUMNS;
    }

    @Override
    public Iterable<Entry> rows() {
        return entries;
    }
}
