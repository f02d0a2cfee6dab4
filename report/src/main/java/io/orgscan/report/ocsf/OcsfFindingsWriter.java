package io.orgscan.report.ocsf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;

/**
 * findings.ocsf.json: one OCSF 1.6.0 Compliance Finding (class_uid 2003, cloud profile) per account x
 * region, in findings.csv's order, as a JSON array with one event per line (docs/OUTPUTS.md says why and
 * lists every attribute). Events are streamed: memory holds one event, never the array, whatever the
 * size of the matrix; the parts every event shares are serialised once and written raw. The same scan
 * gives the same bytes: every value comes from the scan, none from the time or the build of rendering.
 */
public final class OcsfFindingsWriter {
    /** {@code metadata.version}: the OCSF version the events follow. */
    public static final String OCSF_VERSION = "1.6.0";
    /** Findings (category 2), Compliance Finding (class 3 of it). */
    public static final int CATEGORY_UID = 2;
    public static final int CLASS_UID = 2003;
    /** Every event reports the finding as this scan saw it: Create; consumers upsert by finding_info.uid. */
    public static final int ACTIVITY_ID = 1;
    public static final int TYPE_UID = CLASS_UID * 100 + ACTIVITY_ID;
    /** OCSF's account.type_id for an AWS account. */
    static final int AWS_ACCOUNT_TYPE_ID = 10;
    /** resource_details.role_id: the subject of the finding, and a resource related to it. */
    static final int ROLE_TARGET = 1;
    static final int ROLE_RELATED = 4;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Characters outside the BMP (an emoji in an account name) as UTF-8, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final ScanMetadata scan;
    private final Control control;
    private final long time;
    private final String metadata;
    private final String standards;
    private final String requirements;

    private OcsfFindingsWriter(RenderInput input) throws IOException {
        this.scan = input.scan().metadata();
        this.control = input.control();
        this.time = scan.finishedAt().toEpochMilli();
        this.metadata = json(gen -> {
            gen.writeStartObject();
            gen.writeStringField("version", OCSF_VERSION);
            gen.writeObjectFieldStart("product");
            gen.writeStringField("name", scan.toolName());
            gen.writeStringField("vendor_name", scan.toolName());
            gen.writeStringField("version", scan.toolVersion());
            gen.writeEndObject();
            gen.writeArrayFieldStart("profiles");
            gen.writeString("cloud");
            gen.writeEndArray();
            gen.writeStringField("correlation_uid", scan.scanId());
            gen.writeEndObject();
        });
        List<Control.CisReference> cis = control.cisReferences();
        this.standards = json(gen -> {
            gen.writeStartArray();
            for (Control.CisReference reference : cis) {
                gen.writeString(control.cisBenchmark() + " v" + reference.version());
            }
            gen.writeEndArray();
        });
        this.requirements = json(gen -> {
            gen.writeStartArray();
            for (Control.CisReference reference : cis) {
                gen.writeString(control.cisBenchmark() + " v" + reference.version() + " " + reference.recommendation());
            }
            gen.writeEndArray();
        });
    }

    /**
     * Writes findings.ocsf.json for {@code input} to {@code out}; flushes but does not close it.
     *
     * @return the number of events written: one per cell
     */
    public static long write(RenderInput input, OutputStream out) throws IOException {
        return new OcsfFindingsWriter(input).writeEvents(input, out);
    }

    private long writeEvents(RenderInput input, OutputStream out) throws IOException {
        long events = 0;
        try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            gen.setRootValueSeparator(null);
            for (FindingsTable.Row row : FindingsTable.of(input.scan()).rows()) {
                gen.writeRaw(events++ == 0 ? "[\n" : ",\n");
                writeEvent(gen, row.account(), row.cell());
            }
            gen.writeRaw(events == 0 ? "[\n]\n" : "\n]\n");
        }
        out.flush();
        return events;
    }

    private void writeEvent(JsonGenerator gen, AccountRef account, Cell cell) throws IOException {
        OcsfStatus status = OcsfStatus.of(cell.status());
        String region = cell.key().region();
        gen.writeStartObject();
        gen.writeNumberField("activity_id", ACTIVITY_ID);
        gen.writeStringField("activity_name", "Create");
        gen.writeNumberField("category_uid", CATEGORY_UID);
        gen.writeStringField("category_name", "Findings");
        gen.writeNumberField("class_uid", CLASS_UID);
        gen.writeStringField("class_name", "Compliance Finding");
        gen.writeNumberField("type_uid", TYPE_UID);
        gen.writeStringField("type_name", "Compliance Finding: Create");
        gen.writeNumberField("severity_id", status.severityId());
        gen.writeStringField("severity", status.severity());
        gen.writeNumberField("time", time);
        gen.writeStringField("status_detail", cell.detail().isEmpty()
                ? cell.reason().name() : cell.reason().name() + ": " + cell.detail());
        gen.writeFieldName("metadata");
        gen.writeRawValue(metadata);

        gen.writeObjectFieldStart("finding_info");
        gen.writeStringField("uid", FindingsTable.findingId(scan.partition(), account.id(), region));
        gen.writeStringField("title", control.title());
        gen.writeStringField("desc", cell.reason().meaning());
        gen.writeEndObject();

        gen.writeObjectFieldStart("cloud");
        gen.writeStringField("provider", "AWS");
        gen.writeStringField("cloud_partition", scan.partition());
        gen.writeStringField("region", region);
        gen.writeObjectFieldStart("account");
        gen.writeStringField("uid", account.id());
        if (!account.name().isEmpty()) {
            gen.writeStringField("name", account.name());
        }
        gen.writeNumberField("type_id", AWS_ACCOUNT_TYPE_ID);
        gen.writeStringField("type", "AWS Account");
        gen.writeEndObject();
        gen.writeObjectFieldStart("org");
        gen.writeStringField("uid", scan.organizationId());
        gen.writeEndObject();
        gen.writeEndObject();

        gen.writeObjectFieldStart("compliance");
        gen.writeStringField("control", control.securityHubControlId());
        gen.writeFieldName("standards");
        gen.writeRawValue(standards);
        gen.writeFieldName("requirements");
        gen.writeRawValue(requirements);
        gen.writeNumberField("status_id", status.statusId());
        gen.writeStringField("status", status.status());
        gen.writeEndObject();

        gen.writeArrayFieldStart("resources");
        writeResource(gen, account.id(), "AWS::::Account", region, ROLE_TARGET, "Target");
        if (cell.status() == ComplianceStatus.COMPLIANT) {
            writeResource(gen, cell.coveredByArn(), "AWS::AccessAnalyzer::Analyzer", region, ROLE_RELATED, "Related");
        }
        gen.writeEndArray();

        if (cell.status() == ComplianceStatus.NON_COMPLIANT) {
            gen.writeObjectFieldStart("remediation");
            gen.writeStringField("desc", "Create an IAM Access Analyzer analyzer of type ACCOUNT in the account and "
                    + "region, or of type ORGANIZATION in the region from the management account or the delegated "
                    + "administrator, and keep it ACTIVE.");
            gen.writeArrayFieldStart("references");
            gen.writeString(control.configRuleSource());
            gen.writeEndArray();
            gen.writeEndObject();
        }

        gen.writeObjectFieldStart("unmapped");
        gen.writeStringField("reason", cell.reason().name());
        gen.writeStringField("region_opt_status", cell.regionOptStatus().awsValue());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private void writeResource(JsonGenerator gen, String uid, String type, String region, int roleId, String role)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("uid", uid);
        gen.writeStringField("type", type);
        gen.writeStringField("cloud_partition", scan.partition());
        gen.writeStringField("region", region);
        gen.writeNumberField("role_id", roleId);
        gen.writeStringField("role", role);
        gen.writeEndObject();
    }

    private interface JsonContent {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    private static String json(JsonContent content) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(text)) {
            content.writeTo(gen);
        }
        return text.toString();
    }
}
