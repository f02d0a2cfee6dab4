package io.orgscan.report.asff;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * findings.asff.json: every cell that is not NOT_APPLICABLE as an AWS Security Finding Format
 * finding, in batches of at most {@value #BATCH_SIZE}, each batch a {@code {"Findings": [...]}} object
 * that {@code aws securityhub batch-import-findings --cli-input-json} takes as it is. The file is a JSON
 * array of those batches, streamed: nothing but the current finding is held in memory.
 *
 * <p>Fields and their sources are in docs/OUTPUTS.md. Only members of the Security Hub model of
 * 2018-10-26 as older AWS CLIs ship it are used (no {@code Compliance.SecurityControlId}), so that
 * the CLI's own validation accepts the batches. NOT_APPLICABLE cells are left out: Security Hub would
 * file them as NOT_AVAILABLE and archive them, and they are not findings about the account.
 */
public final class AsffFindingsWriter {
    /** BatchImportFindings takes at most 100 findings a call. */
    public static final int BATCH_SIZE = 100;
    /** The only ASFF schema version. */
    public static final String SCHEMA_VERSION = "2018-10-08";
    /** The ASFF finding type of a CIS benchmark check. */
    public static final String FINDING_TYPE =
            "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";
    static final String REMEDIATION_URL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html";
    static final String REMEDIATION_TEXT = "Create an IAM Access Analyzer external access analyzer (type ACCOUNT) in "
            + "this region of the account, or an ORGANIZATION analyzer in this region in the management account or "
            + "the IAM Access Analyzer delegated administrator.";

    // The length limits of the Security Hub API reference (AwsSecurityFinding, ProductFields);
    // StatusReason.Description has none documented and gets Description's (its text is the reason's
    // meaning, a sentence; the cell's detail is in Description).
    static final int TITLE_LIMIT = 256;
    static final int DESCRIPTION_LIMIT = 1024;
    static final int REASON_DESCRIPTION_LIMIT = 1024;
    static final int PRODUCT_FIELD_LIMIT = 2048;
    static final int GENERATOR_ID_LIMIT = 512;
    private static final Set<String> RESOURCE_PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    // Field names, and values that are the same in many findings, encoded (and where they are JSON,
    // serialised) once: a 10,000-account scan writes each of them up to 350,000 times.
    private static final SerializedString SCHEMA_VERSION_ = new SerializedString("SchemaVersion");
    private static final SerializedString ID_ = new SerializedString("Id");
    private static final SerializedString PRODUCT_ARN_ = new SerializedString("ProductArn");
    private static final SerializedString PRODUCT_NAME_ = new SerializedString("ProductName");
    private static final SerializedString GENERATOR_ID_ = new SerializedString("GeneratorId");
    private static final SerializedString AWS_ACCOUNT_ID_ = new SerializedString("AwsAccountId");
    private static final SerializedString TYPES_ = new SerializedString("Types");
    private static final SerializedString CREATED_AT_ = new SerializedString("CreatedAt");
    private static final SerializedString UPDATED_AT_ = new SerializedString("UpdatedAt");
    private static final SerializedString SEVERITY_ = new SerializedString("Severity");
    private static final SerializedString LABEL_ = new SerializedString("Label");
    private static final SerializedString TITLE_ = new SerializedString("Title");
    private static final SerializedString DESCRIPTION_ = new SerializedString("Description");
    private static final SerializedString REMEDIATION_ = new SerializedString("Remediation");
    private static final SerializedString PRODUCT_FIELDS_ = new SerializedString("ProductFields");
    private static final SerializedString RESOURCES_ = new SerializedString("Resources");
    private static final SerializedString TYPE_ = new SerializedString("Type");
    private static final SerializedString PARTITION_ = new SerializedString("Partition");
    private static final SerializedString REGION_ = new SerializedString("Region");
    private static final SerializedString COMPLIANCE_ = new SerializedString("Compliance");
    private static final SerializedString STATUS_ = new SerializedString("Status");
    private static final SerializedString RELATED_REQUIREMENTS_ = new SerializedString("RelatedRequirements");
    private static final SerializedString STATUS_REASONS_ = new SerializedString("StatusReasons");
    private static final SerializedString WORKFLOW_ = new SerializedString("Workflow");
    private static final SerializedString RECORD_STATE_ = new SerializedString("RecordState");
    private static final SerializedString SCAN_ID_FIELD = new SerializedString("orgscan/ScanId");
    private static final SerializedString ORGANIZATION_ID_FIELD = new SerializedString("orgscan/OrganizationId");
    private static final SerializedString POLICY_FIELD = new SerializedString("orgscan/Policy");
    private static final SerializedString REGION_OPT_STATUS_FIELD = new SerializedString("orgscan/RegionOptStatus");
    private static final SerializedString ACCOUNT_NAME_FIELD = new SerializedString("orgscan/AccountName");
    private static final SerializedString OU_PATH_FIELD = new SerializedString("orgscan/OuPath");
    private static final SerializedString COVERED_BY_ARN_FIELD = new SerializedString("orgscan/CoveredByArn");
    private static final SerializedString EXCEPTION_DISPOSITION_FIELD = new SerializedString("orgscan/ExceptionDisposition");
    private static final SerializedString EXCEPTION_OWNER_FIELD = new SerializedString("orgscan/ExceptionOwner");
    private static final SerializedString EXCEPTION_TICKET_FIELD = new SerializedString("orgscan/ExceptionTicket");
    private static final SerializedString EXCEPTION_EXPIRES_FIELD = new SerializedString("orgscan/ExceptionExpires");
    private static final SerializedString SCHEMA_VERSION_VALUE = new SerializedString(SCHEMA_VERSION);
    private static final SerializedString AWS_ACCOUNT = new SerializedString("AwsAccount");
    private static final SerializedString ACTIVE = new SerializedString("ACTIVE");
    private static final SerializedString INFORMATIONAL = new SerializedString("INFORMATIONAL");
    private static final SerializedString RESOLVED = new SerializedString("RESOLVED");
    private static final SerializedString NEW = new SerializedString("NEW");

    private final RenderInput input;
    private final ScanMetadata scan;
    private final Control control;
    private final SerializedString productArn;
    private final SerializedString productName;
    private final SerializedString awsAccountId;
    private final SerializedString time;
    private final SerializedString generatorId;
    private final SerializedString severity;
    private final SerializedString partition;
    private final SerializedString types;
    private final SerializedString remediation;
    private final SerializedString relatedRequirements;
    private final Map<Reason, SerializedString> statusReasons = new EnumMap<>(Reason.class);
    private final Map<ComplianceStatus, SerializedString> complianceStatuses = new EnumMap<>(ComplianceStatus.class);
    /** The ProductFields that are the same in every finding, fitted once. */
    private final String scanId;
    private final String organizationId;
    private final String policy;

    private AsffFindingsWriter(RenderInput input, SecurityHubTarget target) {
        this.input = input;
        this.scan = input.scan().metadata();
        this.control = input.control();
        this.productArn = new SerializedString(target.productArn());
        this.productName = new SerializedString(scan.toolName());
        this.awsAccountId = new SerializedString(target.accountId());
        this.time = new SerializedString(FindingsTable.timestamp(scan.finishedAt()));
        this.generatorId = new SerializedString(AsffText.fit(scan.toolName() + "/" + control.securityHubControlId(),
                GENERATOR_ID_LIMIT));
        this.severity = new SerializedString(control.securityHubSeverity());
        this.partition = RESOURCE_PARTITIONS.contains(scan.partition()) ? new SerializedString(scan.partition()) : null;
        this.scanId = AsffText.fit(scan.scanId(), PRODUCT_FIELD_LIMIT);
        this.organizationId = AsffText.fit(scan.organizationId(), PRODUCT_FIELD_LIMIT);
        this.policy = AsffText.fit(scan.policy().name(), PRODUCT_FIELD_LIMIT);
        for (ComplianceStatus status : ComplianceStatus.values()) {
            complianceStatuses.put(status, new SerializedString(control.statuses().get(status.ordinal()).asff()));
        }
        this.remediation = json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("Recommendation");
            g.writeStringField("Text", REMEDIATION_TEXT);
            g.writeStringField("Url", REMEDIATION_URL);
            g.writeEndObject();
            g.writeEndObject();
        });
        this.types = json(g -> {
            g.writeStartArray();
            g.writeString(FINDING_TYPE);
            g.writeEndArray();
        });
        this.relatedRequirements = json(g -> {
            g.writeStartArray();
            for (Control.CisReference cis : control.cisReferences()) {
                g.writeString("CIS AWS Foundations Benchmark v" + cis.version() + "/" + cis.recommendation());
            }
            g.writeEndArray();
        });
        for (Reason reason : Reason.values()) {
            statusReasons.put(reason, json(g -> {
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringField("ReasonCode", reason.name());
                g.writeStringField("Description", AsffText.fit(reason.meaning(), REASON_DESCRIPTION_LIMIT));
                g.writeEndObject();
                g.writeEndArray();
            }));
        }
    }

    private interface JsonValue {
        void write(JsonGenerator g) throws IOException;
    }

    /** One value as compact JSON text, to be written raw into findings. */
    private static SerializedString json(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            value.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SerializedString(text.toString());
    }

    /** Writes the file to {@code out} (left open); returns the number of findings. */
    public static long write(RenderInput input, SecurityHubTarget target, OutputStream out) throws IOException {
        return new AsffFindingsWriter(input, target).write(out);
    }

    /**
     * Each finding is written as a value of its own, compact; the batches around them are written
     * raw: each batch and each finding starts a line, so that line tools ({@code grep}, {@code wc -l},
     * a diff) see one finding per line while the file stays small.
     */
    private long write(OutputStream out) throws IOException {
        long findings = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            for (AccountRef account : input.scan().matrix().accounts()) {
                AccountFields fields = null;
                for (Cell cell : input.scan().matrix().cellsOf(account.id())) {
                    if (cell.status() == ComplianceStatus.NOT_APPLICABLE) {
                        continue;
                    }
                    if (fields == null) {
                        fields = new AccountFields(account);
                    }
                    if (findings % BATCH_SIZE == 0) {
                        g.writeRaw(findings == 0 ? "[\n{\"Findings\":[\n" : "\n]},\n{\"Findings\":[\n");
                    } else {
                        g.writeRaw(",\n");
                    }
                    finding(g, account, fields, cell);
                    findings++;
                }
            }
            g.writeRaw(findings == 0 ? "[]\n" : "\n]}\n]\n");
        }
        return findings;
    }

    /** What every finding of one account shares: its fitted name and OU path, and its resource id. */
    private static final class AccountFields {
        final String name;
        final String ouPath;
        final SerializedString resourceId;

        AccountFields(AccountRef account) {
            this.name = AsffText.fit(account.name(), PRODUCT_FIELD_LIMIT);
            this.ouPath = AsffText.fit(account.ouPath(), PRODUCT_FIELD_LIMIT);
            this.resourceId = new SerializedString("AWS::::Account:" + account.id());
        }
    }

    private void finding(JsonGenerator g, AccountRef account, AccountFields fields, Cell cell) throws IOException {
        String region = cell.key().region();
        ComplianceStatus status = cell.status();
        g.writeStartObject();
        field(g, SCHEMA_VERSION_, SCHEMA_VERSION_VALUE);
        g.writeFieldName(ID_);
        g.writeString(FindingsTable.findingId(scan.partition(), account.id(), region));
        field(g, PRODUCT_ARN_, productArn);
        field(g, PRODUCT_NAME_, productName);
        field(g, GENERATOR_ID_, generatorId);
        field(g, AWS_ACCOUNT_ID_, awsAccountId);
        g.writeFieldName(TYPES_);
        g.writeRawValue(types);
        field(g, CREATED_AT_, time);
        field(g, UPDATED_AT_, time);
        g.writeFieldName(SEVERITY_);
        g.writeStartObject();
        // Security Hub labels a PASSED control finding INFORMATIONAL; a FAILED one, and a WARNING (the
        // check could not tell), keep the control's severity (control.json's security_hub_severity).
        field(g, LABEL_, status == ComplianceStatus.COMPLIANT ? INFORMATIONAL : severity);
        g.writeEndObject();
        g.writeFieldName(TITLE_);
        g.writeString(AsffText.fit(control.title() + " (account " + account.id() + ", " + region + ")", TITLE_LIMIT));
        g.writeFieldName(DESCRIPTION_);
        g.writeString(AsffText.fit(description(account, cell), DESCRIPTION_LIMIT));
        if (status == ComplianceStatus.NON_COMPLIANT) {
            g.writeFieldName(REMEDIATION_);
            g.writeRawValue(remediation);
        }
        productFields(g, fields, cell);
        g.writeFieldName(RESOURCES_);
        g.writeStartArray();
        g.writeStartObject();
        field(g, TYPE_, AWS_ACCOUNT);
        field(g, ID_, fields.resourceId);
        if (partition != null) {
            field(g, PARTITION_, partition);
        }
        g.writeFieldName(REGION_);
        g.writeString(region);
        g.writeEndObject();
        g.writeEndArray();
        g.writeFieldName(COMPLIANCE_);
        g.writeStartObject();
        field(g, STATUS_, complianceStatuses.get(status));
        g.writeFieldName(RELATED_REQUIREMENTS_);
        g.writeRawValue(relatedRequirements);
        g.writeFieldName(STATUS_REASONS_);
        g.writeRawValue(statusReasons.get(cell.reason()));
        g.writeEndObject();
        g.writeFieldName(WORKFLOW_);
        g.writeStartObject();
        field(g, STATUS_, status == ComplianceStatus.COMPLIANT ? RESOLVED : NEW);
        g.writeEndObject();
        field(g, RECORD_STATE_, ACTIVE);
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, SerializedString name, SerializedString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private String description(AccountRef account, Cell cell) {
        StringBuilder text = new StringBuilder()
                .append(cell.status()).append(": ")
                .append(control.statuses().get(cell.status().ordinal()).meaning())
                .append(" Account ").append(account.id());
        if (!account.name().isBlank()) {
            text.append(" (").append(account.name()).append(')');
        }
        text.append(", region ").append(cell.key().region()).append(". Reason ").append(cell.reason()).append(": ")
                .append(cell.reason().meaning());
        if (!cell.detail().isBlank()) {
            text.append(" Detail: ").append(cell.detail());
        }
        return text.toString();
    }

    private void productFields(JsonGenerator g, AccountFields account, Cell cell) throws IOException {
        g.writeFieldName(PRODUCT_FIELDS_);
        g.writeStartObject();
        fitted(g, SCAN_ID_FIELD, scanId);
        fitted(g, ORGANIZATION_ID_FIELD, organizationId);
        fitted(g, POLICY_FIELD, policy);
        fitted(g, REGION_OPT_STATUS_FIELD, AsffText.fit(cell.regionOptStatus().awsValue(), PRODUCT_FIELD_LIMIT));
        fitted(g, ACCOUNT_NAME_FIELD, account.name);
        fitted(g, OU_PATH_FIELD, account.ouPath);
        fitted(g, COVERED_BY_ARN_FIELD, AsffText.fit(cell.coveredByArn(), PRODUCT_FIELD_LIMIT));
        Optional<ExceptionEntry> exception = input.exceptions().applying(cell.key());
        if (exception.isPresent()) {
            // ProductFields, which each import updates; Workflow and Note belong to the Security Hub user.
            ExceptionEntry entry = exception.get();
            fitted(g, EXCEPTION_DISPOSITION_FIELD, entry.disposition().name());
            fitted(g, EXCEPTION_OWNER_FIELD, AsffText.fit(entry.owner(), PRODUCT_FIELD_LIMIT));
            fitted(g, EXCEPTION_TICKET_FIELD, AsffText.fit(entry.ticket(), PRODUCT_FIELD_LIMIT));
            fitted(g, EXCEPTION_EXPIRES_FIELD, entry.expires() == null ? null : entry.expires().toString());
        }
        g.writeEndObject();
    }

    /** A field whose value {@link AsffText#fit} made; left out if it gave null. */
    private static void fitted(JsonGenerator g, SerializedString key, String fitted) throws IOException {
        if (fitted != null) {
            g.writeFieldName(key);
            g.writeString(fitted);
        }
    }
}
