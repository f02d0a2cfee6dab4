package io.orgscan.report.table;

import static io.orgscan.report.table.ColumnType.ENUM;
import static io.orgscan.report.table.ColumnType.FREE_TEXT;
import static io.orgscan.report.table.ColumnType.TEXT;

import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import io.orgscan.report.evidence.RenderInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The Parameters sheet: every parameter of the scan as scan.json records it (value as used, and
 * whether it came from a default or the command line), then the parameters of this rendering.
 */
public final class ParametersTable implements Table<ParametersTable.Row> {
    /** One parameter; {@code appliesTo} is {@code scan} or {@code report}. */
    public record Row(String name, String value, ParameterSource source, String appliesTo) {
    }

    private static final List<Column<Row>> COLUMNS = List.of(
            Column.<Row>of("parameter", 28, TEXT, Row::name),
            Column.<Row>of("value", 70, FREE_TEXT, Row::value).optional(),
            Column.<Row>of("source", 14, ENUM, r -> r.source().name()).allowing(ParameterSource.class),
            Column.<Row>of("applies_to", 11, ENUM, Row::appliesTo).allowing("scan|report"));

    private final List<Row> rows;

    private ParametersTable(RenderInput input) {
        List<Row> list = new ArrayList<>();
        for (Parameter parameter : input.scan().metadata().parameters()) {
            list.add(new Row(parameter.name(), parameter.value(), parameter.source(), "scan"));
        }
        list.add(input.comparison()
                .map(changes -> new Row("--previous", changes.previous().fileName() + " (scan "
                        + changes.previous().result().metadata().scanId() + ", SHA-256 " + changes.previous().sha256() + ")",
                        ParameterSource.COMMAND_LINE, "report"))
                .orElse(new Row("--previous", "", ParameterSource.DEFAULT, "report")));
        // The register scan.json records (given to the scan, or to a later report that replaced it): it
        // annotates the reports and judges nothing, so it applies to the report.
        list.add(input.exceptions().register()
                .map(register -> new Row("--exceptions", register.fileName() + " (" + register.entries().size()
                        + " entries, SHA-256 " + register.sha256() + ")", ParameterSource.COMMAND_LINE, "report"))
                .orElse(new Row("--exceptions", "", ParameterSource.DEFAULT, "report")));
        rows = List.copyOf(list);
    }

    public static ParametersTable of(RenderInput input) {
        return new ParametersTable(input);
    }

    @Override
    public List<Column<Row>> columns() {
        return COLUMNS;
    }

    @Override
    public Iterable<Row> rows() {
        return rows;
    }
}
