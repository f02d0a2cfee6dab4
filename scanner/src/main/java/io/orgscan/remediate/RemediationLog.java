package io.orgscan.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.model.AnalyzerType;
import io.orgscan.plan.PlanJson;
import io.orgscan.report.table.Column;
import io.orgscan.report.table.ColumnType;
import io.orgscan.report.table.FindingsTable;
import io.orgscan.report.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * remediation_log.json and remediation_log.csv: every {@code remediate --apply} run on a plan, oldest
 * first (a second apply adds its run; it does not replace the first one's evidence). The CSV has one row
 * per entry of every run; its free text (AWS error messages) is neutralised as in every orgscan CSV.
 */
public final class RemediationLog {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RemediationLog() {
    }

    public static byte[] json(List<RemediationRun> runs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("log_version", VERSION);
        ArrayNode array = root.putArray("runs");
        for (RemediationRun run : runs) {
            ObjectNode node = array.addObject().put("run_id", run.runId()).put("caller_arn", run.callerArn())
                    .put("plan_sha256", run.planSha256()).put("started_at", time(run.startedAt()))
                    .put("finished_at", time(run.finishedAt()));
            ArrayNode entries = node.putArray("entries");
            for (RemediationEntry e : run.entries()) {
                entries.addObject().put("action_id", e.actionId()).put("account_id", e.accountId()).put("region", e.region())
                        .put("analyzer_type", e.analyzerType().name()).put("analyzer_name", e.analyzerName())
                        .put("role_arn", e.roleArn()).put("at", time(e.at())).put("outcome", e.outcome().name())
                        .put("request_id", e.requestId()).put("before_status", e.beforeStatus())
                        .put("after_status", e.afterStatus()).put("analyzer_arn", e.analyzerArn())
                        .put("error_code", e.errorCode()).put("error_message", e.errorMessage())
                        .put("findings_targeted", e.findingsTargeted());
            }
        }
        return PlanJson.prettyBytes(root);
    }

    /** The runs of an existing log, so that a new run is added after them. */
    public static List<RemediationRun> read(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root.path("log_version").asInt() != VERSION) {
                throw new IllegalArgumentException("log_version is not " + VERSION);
            }
            List<RemediationRun> runs = new ArrayList<>();
            for (JsonNode run : root.path("runs")) {
                List<RemediationEntry> entries = new ArrayList<>();
                for (JsonNode e : run.path("entries")) {
                    entries.add(new RemediationEntry(e.path("action_id").asText(), e.path("account_id").asText(),
                            e.path("region").asText(), AnalyzerType.valueOf(e.path("analyzer_type").asText()),
                            e.path("analyzer_name").asText(), e.path("role_arn").asText(), Instant.parse(e.path("at").asText()),
                            Outcome.valueOf(e.path("outcome").asText()), e.path("request_id").asText(),
                            e.path("before_status").asText(), e.path("after_status").asText(), e.path("analyzer_arn").asText(),
                            e.path("error_code").asText(), e.path("error_message").asText(),
                            e.path("findings_targeted").asInt()));
                }
                runs.add(new RemediationRun(run.path("run_id").asText(), run.path("caller_arn").asText(),
                        run.path("plan_sha256").asText(), Instant.parse(run.path("started_at").asText()),
                        Instant.parse(run.path("finished_at").asText()), entries));
            }
            return runs;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("remediation_log.json cannot be read: " + e.getMessage(), e);
        }
    }

    /** A run's entry with its run, a row of the CSV. */
    public record Row(RemediationRun run, RemediationEntry entry) {
    }

    /** The CSV's table: one row per entry of every run, runs oldest first. */
    public static Table<Row> table(List<RemediationRun> runs) {
        List<Row> rows = new ArrayList<>();
        runs.forEach(run -> run.entries().forEach(e -> rows.add(new Row(run, e))));
        List<Column<Row>> columns = List.of(
                Column.of("schema_version", 6, ColumnType.INTEGER, r -> Integer.toString(VERSION)),
                Column.of("run_id", 36, ColumnType.IDENTIFIER, r -> r.run().runId()),
                Column.of("caller_arn", 60, ColumnType.FREE_TEXT, r -> r.run().callerArn()),
                Column.of("role_arn", 60, ColumnType.FREE_TEXT, r -> r.entry().roleArn()),
                Column.of("at", 20, ColumnType.TIMESTAMP, r -> time(r.entry().at())),
                Column.of("action_id", 50, ColumnType.IDENTIFIER, r -> r.entry().actionId()),
                Column.of("account_id", 14, ColumnType.ACCOUNT_ID, r -> r.entry().accountId()),
                Column.of("region", 16, ColumnType.IDENTIFIER, r -> r.entry().region()),
                Column.of("analyzer_type", 14, ColumnType.ENUM, r -> r.entry().analyzerType().name()),
                Column.of("analyzer_name", 40, ColumnType.IDENTIFIER, r -> r.entry().analyzerName()),
                Column.of("outcome", 16, ColumnType.ENUM, r -> r.entry().outcome().name()),
                Column.of("request_id", 38, ColumnType.IDENTIFIER, r -> r.entry().requestId()),
                Column.of("before_status", 12, ColumnType.ENUM, r -> r.entry().beforeStatus()),
                Column.of("after_status", 12, ColumnType.ENUM, r -> r.entry().afterStatus()),
                Column.of("analyzer_arn", 60, ColumnType.FREE_TEXT, r -> r.entry().analyzerArn()),
                Column.of("error_code", 24, ColumnType.FREE_TEXT, r -> r.entry().errorCode()),
                Column.of("error_message", 60, ColumnType.FREE_TEXT, r -> r.entry().errorMessage()),
                Column.of("findings_targeted", 8, ColumnType.INTEGER, r -> Integer.toString(r.entry().findingsTargeted())));
        return new Table<>() {
            @Override
            public List<Column<Row>> columns() {
                return columns;
            }

            @Override
            public Iterable<Row> rows() {
                return rows;
            }
        };
    }

    private static String time(Instant instant) {
        return FindingsTable.timestamp(instant);
    }
}
