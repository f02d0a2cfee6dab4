package io.orgscan.report.ocsf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

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
    /** resource_details.role_id: the subject of the finding (Target), and a resource related to it (Related). */
    static final int ROLE_TARGET = 1;
    static final int ROLE_RELATED = 4;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Characters outside the BMP (an emoji in an account name) as UTF-8, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    // Field names (NAME_) and constant values encoded to UTF-8 once: a 10,000-account scan writes each
    // of them 350,000 times.
    private static final SerializedString ACTIVITY_ID_ = encoded("activity_id");
    private static final SerializedString CATEGORY_UID_ = encoded("category_uid");
    private static final SerializedString CLASS_UID_ = encoded("class_uid");
    private static final SerializedString TYPE_UID_ = encoded("type_uid");
    private static final SerializedString SEVERITY_ID_ = encoded("severity_id");
    private static final SerializedString SEVERITY_ = encoded("severity");
    private static final SerializedString TIME_ = encoded("time");
    private static final SerializedString STATUS_DETAIL_ = encoded("status_detail");
    private static final SerializedString METADATA_ = encoded("metadata");
    private static final SerializedString FINDING_INFO_ = encoded("finding_info");
    private static final SerializedString UID_ = encoded("uid");
    private static final SerializedString TITLE_ = encoded("title");
    private static final SerializedString DESC_ = encoded("desc");
    private static final SerializedString CLOUD_ = encoded("cloud");
    private static final SerializedString PROVIDER_ = encoded("provider");
    private static final SerializedString CLOUD_PARTITION_ = encoded("cloud_partition");
    private static final SerializedString REGION_ = encoded("region");
    private static final SerializedString ACCOUNT_ = encoded("account");
    private static final SerializedString NAME_ = encoded("name");
    private static final SerializedString TYPE_ID_ = encoded("type_id");
    private static final SerializedString TYPE_ = encoded("type");
    private static final SerializedString ORG_ = encoded("org");
    private static final SerializedString COMPLIANCE_ = encoded("compliance");
    private static final SerializedString CONTROL_ = encoded("control");
    private static final SerializedString STANDARDS_ = encoded("standards");
    private static final SerializedString REQUIREMENTS_ = encoded("requirements");
    private static final SerializedString STATUS_ID_ = encoded("status_id");
    private static final SerializedString STATUS_ = encoded("status");
    private static final SerializedString RESOURCES_ = encoded("resources");
    private static final SerializedString ROLE_ID_ = encoded("role_id");
    private static final SerializedString REMEDIATION_ = encoded("remediation");
    private static final SerializedString REFERENCES_ = encoded("references");
    private static final SerializedString UNMAPPED_ = encoded("unmapped");
    private static final SerializedString REASON_ = encoded("reason");
    private static final SerializedString REGION_OPT_STATUS_ = encoded("region_opt_status");
    private static final SerializedString EXCEPTION_DISPOSITION_ = encoded("exception_disposition");
    private static final SerializedString EXCEPTION_OWNER_ = encoded("exception_owner");
    private static final SerializedString EXCEPTION_TICKET_ = encoded("exception_ticket");
    private static final SerializedString EXCEPTION_EXPIRES_ = encoded("exception_expires");
    private static final SerializedString AWS = encoded("AWS");
    private static final SerializedString AWS_ACCOUNT = encoded("AWS Account");
    private static final SerializedString ACCOUNT_RESOURCE = encoded("AWS::::Account");
    private static final SerializedString ANALYZER_RESOURCE = encoded("AWS::AccessAnalyzer::Analyzer");
    private static final String REMEDIATION = "Create an IAM Access Analyzer analyzer of type ACCOUNT in the account "
            + "and region, or of type ORGANIZATION in the region from the management account or the delegated "
            + "administrator, and keep it ACTIVE.";

    private static SerializedString encoded(String text) {
        return new SerializedString(text);
    }

    private final ScanMetadata scan;
    private final Control control;
    private final ExceptionMatches exceptions;
    private final java.util.Map<io.orgscan.model.ComplianceStatus, OcsfStatus> statuses =
            new java.util.EnumMap<>(io.orgscan.model.ComplianceStatus.class);
    private final long time;
    private final SerializedString partition;
    private final SerializedString title;
    private final SerializedString metadata;
    private final SerializedString org;
    private final SerializedString standards;
    private final SerializedString requirements;
    private final SerializedString remediation;

    private OcsfFindingsWriter(RenderInput input) throws IOException {
        this.scan = input.scan().metadata();
        this.control = input.control();
        this.exceptions = input.exceptions();
        for (io.orgscan.model.ComplianceStatus s : io.orgscan.model.ComplianceStatus.values()) {
            statuses.put(s, OcsfStatus.of(s, control));
        }
        this.time = scan.finishedAt().toEpochMilli();
        this.partition = encoded(scan.partition());
        this.title = encoded(control.title());
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
                gen.writeString("CIS v" + reference.version() + " " + reference.recommendation());
            }
            gen.writeEndArray();
        });
        this.org = json(gen -> {
            gen.writeStartObject();
            gen.writeStringField("uid", scan.organizationId());
            gen.writeEndObject();
        });
        this.remediation = json(gen -> {
            gen.writeStartObject();
            gen.writeStringField("desc", REMEDIATION);
            gen.writeArrayFieldStart("references");
            gen.writeString(control.configRuleSource());
            gen.writeEndArray();
            gen.writeEndObject();
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
        OcsfStatus status = statuses.get(cell.status());
        String region = cell.key().region();
        gen.writeStartObject();
        gen.writeFieldName(ACTIVITY_ID_);
        gen.writeNumber(ACTIVITY_ID);
        gen.writeFieldName(CATEGORY_UID_);
        gen.writeNumber(CATEGORY_UID);
        gen.writeFieldName(CLASS_UID_);
        gen.writeNumber(CLASS_UID);
        gen.writeFieldName(TYPE_UID_);
        gen.writeNumber(TYPE_UID);
        gen.writeFieldName(SEVERITY_ID_);
        gen.writeNumber(status.severityId());
        gen.writeFieldName(SEVERITY_);
        gen.writeString(status.severity());
        gen.writeFieldName(TIME_);
        gen.writeNumber(time);
        gen.writeFieldName(STATUS_DETAIL_);
        gen.writeString(cell.detail().isEmpty() ? cell.reason().name() : cell.reason().name() + ": " + cell.detail());
        gen.writeFieldName(METADATA_);
        gen.writeRawValue(metadata);

        gen.writeFieldName(FINDING_INFO_);
        gen.writeStartObject();
        gen.writeFieldName(UID_);
        gen.writeString(FindingsTable.findingId(scan.partition(), account.id(), region));
        gen.writeFieldName(TITLE_);
        gen.writeString(title);
        gen.writeFieldName(DESC_);
        gen.writeString(cell.reason().meaning());
        gen.writeEndObject();

        gen.writeFieldName(CLOUD_);
        gen.writeStartObject();
        gen.writeFieldName(PROVIDER_);
        gen.writeString(AWS);
        gen.writeFieldName(CLOUD_PARTITION_);
        gen.writeString(partition);
        gen.writeFieldName(REGION_);
        gen.writeString(region);
        gen.writeFieldName(ACCOUNT_);
        gen.writeStartObject();
        gen.writeFieldName(UID_);
        gen.writeString(account.id());
        if (!account.name().isEmpty()) {
            gen.writeFieldName(NAME_);
            gen.writeString(account.name());
        }
        gen.writeFieldName(TYPE_ID_);
        gen.writeNumber(AWS_ACCOUNT_TYPE_ID);
        gen.writeFieldName(TYPE_);
        gen.writeString(AWS_ACCOUNT);
        gen.writeEndObject();
        gen.writeFieldName(ORG_);
        gen.writeRawValue(org);
        gen.writeEndObject();

        gen.writeFieldName(COMPLIANCE_);
        gen.writeStartObject();
        gen.writeFieldName(CONTROL_);
        gen.writeString(control.securityHubControlId());
        gen.writeFieldName(STANDARDS_);
        gen.writeRawValue(standards);
        gen.writeFieldName(REQUIREMENTS_);
        gen.writeRawValue(requirements);
        gen.writeFieldName(STATUS_ID_);
        gen.writeNumber(status.statusId());
        gen.writeFieldName(STATUS_);
        gen.writeString(status.status());
        gen.writeEndObject();

        gen.writeFieldName(RESOURCES_);
        gen.writeStartArray();
        writeResource(gen, account.id(), ACCOUNT_RESOURCE, region, ROLE_TARGET);
        if (cell.status() == ComplianceStatus.COMPLIANT) {
            writeResource(gen, cell.coveredByArn(), ANALYZER_RESOURCE, region, ROLE_RELATED);
        }
        gen.writeEndArray();

        if (cell.status() == ComplianceStatus.NON_COMPLIANT) {
            gen.writeFieldName(REMEDIATION_);
            gen.writeRawValue(remediation);
        }

        gen.writeFieldName(UNMAPPED_);
        gen.writeStartObject();
        gen.writeFieldName(REASON_);
        gen.writeString(cell.reason().name());
        gen.writeFieldName(REGION_OPT_STATUS_);
        gen.writeString(cell.regionOptStatus().awsValue());
        Optional<ExceptionEntry> exception = exceptions.applying(cell.key());
        if (exception.isPresent()) {
            writeException(gen, exception.get());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * The exceptions register entry that applies to the cell, as findings.csv's four exception columns
     * have it (empty values left out). OCSF has no attribute for a disposition that changes nothing:
     * the finding's own status stays as found.
     */
    private static void writeException(JsonGenerator gen, ExceptionEntry entry) throws IOException {
        gen.writeFieldName(EXCEPTION_DISPOSITION_);
        gen.writeString(entry.disposition().name());
        if (!entry.owner().isEmpty()) {
            gen.writeFieldName(EXCEPTION_OWNER_);
            gen.writeString(entry.owner());
        }
        if (!entry.ticket().isEmpty()) {
            gen.writeFieldName(EXCEPTION_TICKET_);
            gen.writeString(entry.ticket());
        }
        if (entry.expires() != null) {
            gen.writeFieldName(EXCEPTION_EXPIRES_);
            gen.writeString(entry.expires().toString());
        }
    }

    private static void writeResource(JsonGenerator gen, String uid, SerializedString type, String region, int roleId)
            throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(UID_);
        gen.writeString(uid);
        gen.writeFieldName(TYPE_);
        gen.writeString(type);
        gen.writeFieldName(REGION_);
        gen.writeString(region);
        gen.writeFieldName(ROLE_ID_);
        gen.writeNumber(roleId);
        gen.writeEndObject();
    }

    private interface JsonContent {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    /** A constant part of every event, serialised once; written raw (as UTF-8 bytes) into each. */
    private static SerializedString json(JsonContent content) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(text)) {
            content.writeTo(gen);
        }
        return new SerializedString(text.toString());
    }
}
