package io.orgscan.report.folder;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Parameter;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.Evidence;
import io.orgscan.report.evidence.Population;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * run_manifest.json: the run's metadata, parameters, population counts, reconciliation, and each
 * file's name, bytes, rows and SHA-256, for a machine to check what the Cover tells a person. Fields
 * in a fixed order, two-space indentation, {@code \n} line ends, a final newline: the same render
 * gives the same bytes. Described field by field in docs/OUTPUTS.md.
 */
public final class RunManifest {
    /** The version of this file's fields. */
    public static final int MANIFEST_VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private RunManifest() {
    }

    /** @param files every file written before the manifest, in writing order */
    public static void write(Evidence evidence, Reconciliation reconciliation, List<WrittenFile> files,
                             RenderOptions options, OutputStream out) throws IOException {
        ScanMetadata scan = evidence.scan().metadata();
        Population population = evidence.population();
        Control control = evidence.control();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            json.writeStartObject();
            json.writeNumberField("manifest_version", MANIFEST_VERSION);
            json.writeStringField("run_id", scan.scanId());

            json.writeObjectFieldStart("tool");
            json.writeStringField("name", scan.toolName());
            json.writeStringField("version", scan.toolVersion());
            json.writeStringField("rendered_by_version", options.rendererVersion());
            json.writeEndObject();

            json.writeObjectFieldStart("scan");
            json.writeStringField("scan_id", scan.scanId());
            json.writeStringField("started_at", FindingsTable.timestamp(scan.startedAt()));
            json.writeStringField("finished_at", FindingsTable.timestamp(scan.finishedAt()));
            json.writeStringField("caller_arn", scan.callerArn());
            json.writeStringField("caller_account_id", scan.callerAccountId());
            json.writeStringField("organization_id", scan.organizationId());
            json.writeStringField("management_account_id", scan.managementAccountId());
            json.writeStringField("delegated_administrator_id", scan.delegatedAdministratorId());
            json.writeStringField("partition", scan.partition());
            json.writeStringField("policy", scan.policy().name());
            json.writeEndObject();

            json.writeObjectFieldStart("control");
            json.writeStringField("title", control.title());
            json.writeStringField("security_hub_control_id", control.securityHubControlId());
            json.writeStringField("config_rule", control.configRuleName());
            json.writeStringField("config_rule_identifier", control.configRuleIdentifier());
            json.writeArrayFieldStart("cis");
            for (Control.CisReference reference : control.cisReferences()) {
                json.writeStartObject();
                json.writeStringField("version", reference.version());
                json.writeStringField("recommendation", reference.recommendation());
                json.writeStringField("title", reference.title());
                json.writeStringField("source", reference.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            json.writeArrayFieldStart("parameters");
            for (Parameter parameter : scan.parameters()) {
                json.writeStartObject();
                json.writeStringField("name", parameter.name());
                json.writeStringField("value", parameter.value());
                json.writeStringField("source", parameter.source().name());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeFieldName("previous_scan");
            if (evidence.changes() == null) {
                json.writeNull();
            } else {
                PreviousScan previous = evidence.changes().previous();
                json.writeStartObject();
                json.writeStringField("file", previous.fileName());
                json.writeStringField("sha256", previous.sha256());
                json.writeStringField("scan_id", previous.result().metadata().scanId());
                json.writeStringField("started_at", FindingsTable.timestamp(previous.result().metadata().startedAt()));
                json.writeEndObject();
            }

            json.writeObjectFieldStart("population");
            json.writeNumberField("accounts_listed", population.accountsListed());
            json.writeNumberField("accounts_in_scope", population.accountsEvaluated());
            json.writeNumberField("accounts_not_active", population.accountsNotActive());
            json.writeNumberField("accounts_excluded", population.accountsExcluded());
            json.writeNumberField("accounts_fully_covered", population.accountsFullyCovered());
            json.writeNumberField("regions", population.regions());
            json.writeNumberField("rows_total", population.rows());
            json.writeObjectFieldStart("rows_by_status");
            for (ComplianceStatus status : ComplianceStatus.values()) {
                json.writeNumberField(status.name(), population.rows(status));
            }
            json.writeEndObject();
            json.writeFieldName("coverage_pct");
            if (population.coverage().isPresent()) {
                json.writeNumber(population.coverage().get());
            } else {
                json.writeNull();
            }
            json.writeNumberField("errors", population.errors());
            json.writeEndObject();

            json.writeObjectFieldStart("result");
            json.writeStringField("control_result", population.controlResult().name());
            json.writeBooleanField("scan_complete", population.scanComplete());
            json.writeStringField("reconciliation", reconciliation.result());
            json.writeEndObject();

            json.writeArrayFieldStart("reconciliation");
            for (Reconciliation.Check check : reconciliation.checks()) {
                json.writeStartObject();
                json.writeStringField("check", check.id());
                json.writeStringField("description", check.description());
                json.writeNumberField("expected", check.expected());
                json.writeNumberField("actual", check.actual());
                json.writeStringField("result", check.result());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("files");
            for (WrittenFile file : files) {
                json.writeStartObject();
                json.writeStringField("name", file.name());
                json.writeNumberField("bytes", file.bytes());
                json.writeFieldName("rows");
                if (file.rows() == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(file.rows());
                }
                json.writeStringField("sha256", file.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }
}
