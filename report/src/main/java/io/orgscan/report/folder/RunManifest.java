package io.orgscan.report.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run_manifest.json: the run's metadata, parameters, population counts, reconciliation, and each
 * file's name, bytes, rows and SHA-256, for a machine to check what the Cover tells a person. The
 * records below are the file, field for field in their order; two-space indentation, {@code \n}
 * line ends, a final newline: the same render gives the same bytes. Described field by field in
 * docs/OUTPUTS.md.
 */
@JsonPropertyOrder({"manifest_version", "run_id", "tool", "scan", "control", "parameters", "previous_scan",
        "population", "result", "reconciliation", "files"})
public record RunManifest(
        @JsonProperty("manifest_version") int manifestVersion,
        @JsonProperty("run_id") String runId,
        Tool tool,
        Scan scan,
        ManifestControl control,
        List<ManifestParameter> parameters,
        @JsonProperty("previous_scan") Previous previousScan,
        ManifestPopulation population,
        Result result,
        List<Check> reconciliation,
        List<ManifestFile> files) {

    /** The version of this file's fields. */
    public static final int MANIFEST_VERSION = 1;

    private static final ObjectWriter WRITER = JsonMapper.builder(
                    JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build())
            .build()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @JsonPropertyOrder({"name", "version", "rendered_by_version"})
    record Tool(String name, String version, @JsonProperty("rendered_by_version") String renderedByVersion) {
    }

    @JsonPropertyOrder({"scan_id", "started_at", "finished_at", "caller_arn", "caller_account_id", "organization_id",
            "management_account_id", "delegated_administrator_id", "partition", "policy"})
    record Scan(@JsonProperty("scan_id") String scanId, @JsonProperty("started_at") String startedAt,
                @JsonProperty("finished_at") String finishedAt, @JsonProperty("caller_arn") String callerArn,
                @JsonProperty("caller_account_id") String callerAccountId,
                @JsonProperty("organization_id") String organizationId,
                @JsonProperty("management_account_id") String managementAccountId,
                @JsonProperty("delegated_administrator_id") String delegatedAdministratorId,
                String partition, String policy) {
    }

    @JsonPropertyOrder({"title", "security_hub_control_id", "config_rule", "config_rule_identifier", "cis"})
    record ManifestControl(String title, @JsonProperty("security_hub_control_id") String securityHubControlId,
                           @JsonProperty("config_rule") String configRule,
                           @JsonProperty("config_rule_identifier") String configRuleIdentifier,
                           List<Control.CisReference> cis) {
    }

    @JsonPropertyOrder({"name", "value", "source"})
    record ManifestParameter(String name, String value, String source) {
    }

    @JsonPropertyOrder({"file", "sha256", "scan_id", "started_at"})
    record Previous(String file, String sha256, @JsonProperty("scan_id") String scanId,
                    @JsonProperty("started_at") String startedAt) {
    }

    /** {@code rows_by_status} in the statuses' order; {@code coverage_pct} null when nothing applies. */
    @JsonPropertyOrder({"accounts_listed", "accounts_in_scope", "accounts_not_active", "accounts_excluded",
            "accounts_fully_covered", "regions", "rows_total", "rows_by_status", "coverage_pct", "errors"})
    record ManifestPopulation(@JsonProperty("accounts_listed") long accountsListed,
                              @JsonProperty("accounts_in_scope") long accountsInScope,
                              @JsonProperty("accounts_not_active") long accountsNotActive,
                              @JsonProperty("accounts_excluded") long accountsExcluded,
                              @JsonProperty("accounts_fully_covered") long accountsFullyCovered,
                              int regions,
                              @JsonProperty("rows_total") long rowsTotal,
                              @JsonProperty("rows_by_status") Map<String, Long> rowsByStatus,
                              @JsonProperty("coverage_pct") BigDecimal coveragePct,
                              int errors) {
    }

    @JsonPropertyOrder({"control_result", "scan_complete", "reconciliation"})
    record Result(@JsonProperty("control_result") String controlResult,
                  @JsonProperty("scan_complete") boolean scanComplete, String reconciliation) {
    }

    @JsonPropertyOrder({"check", "description", "expected", "actual", "result"})
    record Check(String check, String description, long expected, long actual, String result) {
    }

    /** {@code rows}: data rows of a CSV, null for other files. */
    @JsonPropertyOrder({"name", "bytes", "rows", "sha256"})
    record ManifestFile(String name, long bytes, Long rows, String sha256) {
    }

    /**
     * The manifest of a render.
     *
     * @param files every file written before the manifest, in writing order
     */
    public static RunManifest of(RenderInput input, Reconciliation reconciliation, List<WrittenFile> files,
                                 RenderOptions options) {
        ScanMetadata scan = input.scan().metadata();
        CoverageCounts counts = input.counts();
        Control control = input.control();
        Map<String, Long> rowsByStatus = new LinkedHashMap<>();
        for (ComplianceStatus status : ComplianceStatus.values()) {
            rowsByStatus.put(status.name(), counts.rows(status));
        }
        Previous previous = null;
        if (input.changes() != null) {
            PreviousScan scanBefore = input.changes().previous();
            previous = new Previous(scanBefore.fileName(), scanBefore.sha256(), scanBefore.result().metadata().scanId(),
                    FindingsTable.timestamp(scanBefore.result().metadata().startedAt()));
        }
        return new RunManifest(MANIFEST_VERSION, scan.scanId(),
                new Tool(scan.toolName(), scan.toolVersion(), options.rendererVersion()),
                new Scan(scan.scanId(), FindingsTable.timestamp(scan.startedAt()), FindingsTable.timestamp(scan.finishedAt()),
                        scan.callerArn(), scan.callerAccountId(), scan.organizationId(), scan.managementAccountId(),
                        scan.delegatedAdministratorId(), scan.partition(), scan.policy().name()),
                new ManifestControl(control.title(), control.securityHubControlId(), control.configRuleName(),
                        control.configRuleIdentifier(), control.cisReferences()),
                scan.parameters().stream()
                        .map(p -> new ManifestParameter(p.name(), p.value(), p.source().name())).toList(),
                previous,
                new ManifestPopulation(counts.accountsListed(), counts.accountsEvaluated(),
                        counts.accountsNotActive(), counts.accountsExcluded(), counts.accountsFullyCovered(),
                        counts.regions(), counts.rows(), rowsByStatus, counts.coverage().orElse(null),
                        counts.errors()),
                new Result(counts.controlResult().name(), counts.scanComplete(), reconciliation.result()),
                reconciliation.checks().stream()
                        .map(c -> new Check(c.id(), c.description(), c.expected(), c.actual(), c.result())).toList(),
                files.stream().map(f -> new ManifestFile(f.name(), f.bytes(), f.rows(), f.sha256())).toList());
    }

    /** Writes the manifest, then a final newline, to {@code out}; flushes but does not close it. */
    public void write(OutputStream out) throws IOException {
        WRITER.writeValue(out, this);
        out.write('\n');
        out.flush();
    }
}
