package io.orgscan.report.asff;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
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

    private final RenderInput input;
    private final SecurityHubTarget target;
    private final ScanMetadata scan;
    private final Control control;
    private final String time;
    private final String generatorId;
    // Values that are the same in many findings, serialised once (about a fifth of each finding).
    private final String types;
    private final String relatedRequirements;
    private final Map<Reason, String> statusReasons = new EnumMap<>(Reason.class);

    private AsffFindingsWriter(RenderInput input, SecurityHubTarget target) {
        this.input = input;
        this.target = target;
        this.scan = input.scan().metadata();
        this.control = input.control();
        this.time = FindingsTable.timestamp(scan.finishedAt());
        this.generatorId = AsffText.fit(scan.toolName() + "/" + control.securityHubControlId(), GENERATOR_ID_LIMIT);
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
    private static String json(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            value.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes the file to {@code out} (left open); returns the number of findings. */
    public static long write(RenderInput input, SecurityHubTarget target, OutputStream out) throws IOException {
        return new AsffFindingsWriter(input, target).write(out);
    }

    private long write(OutputStream out) throws IOException {
        long findings = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new BatchLayout());
            g.writeStartArray();
            for (AccountRef account : input.scan().matrix().accounts()) {
                for (Cell cell : input.scan().matrix().cellsOf(account.id())) {
                    if (cell.status() == ComplianceStatus.NOT_APPLICABLE) {
                        continue;
                    }
                    if (findings % BATCH_SIZE == 0) {
                        if (findings > 0) {
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                        g.writeStartObject();
                        g.writeArrayFieldStart("Findings");
                    }
                    finding(g, account, cell);
                    findings++;
                }
            }
            if (findings > 0) {
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
        return findings;
    }

    private void finding(JsonGenerator g, AccountRef account, Cell cell) throws IOException {
        String region = cell.key().region();
        ComplianceStatus status = cell.status();
        g.writeStartObject();
        g.writeStringField("SchemaVersion", SCHEMA_VERSION);
        g.writeStringField("Id", FindingsTable.findingId(scan.partition(), account.id(), region));
        g.writeStringField("ProductArn", target.productArn());
        g.writeStringField("ProductName", scan.toolName());
        g.writeStringField("GeneratorId", generatorId);
        g.writeStringField("AwsAccountId", target.accountId());
        g.writeFieldName("Types");
        g.writeRawValue(types);
        g.writeStringField("CreatedAt", time);
        g.writeStringField("UpdatedAt", time);
        g.writeObjectFieldStart("Severity");
        // Security Hub labels a PASSED control finding INFORMATIONAL; a FAILED one, and a WARNING (the
        // check could not tell), keep the control's severity (control.json's security_hub_severity).
        g.writeStringField("Label", status == ComplianceStatus.COMPLIANT ? "INFORMATIONAL" : control.securityHubSeverity());
        g.writeEndObject();
        g.writeStringField("Title", AsffText.fit(control.title() + " (account " + account.id() + ", " + region + ")",
                TITLE_LIMIT));
        g.writeStringField("Description", AsffText.fit(description(account, cell), DESCRIPTION_LIMIT));
        if (status == ComplianceStatus.NON_COMPLIANT) {
            g.writeObjectFieldStart("Remediation");
            g.writeObjectFieldStart("Recommendation");
            g.writeStringField("Text", REMEDIATION_TEXT);
            g.writeStringField("Url", REMEDIATION_URL);
            g.writeEndObject();
            g.writeEndObject();
        }
        productFields(g, account, cell);
        g.writeArrayFieldStart("Resources");
        g.writeStartObject();
        g.writeStringField("Type", "AwsAccount");
        g.writeStringField("Id", "AWS::::Account:" + account.id());
        if (RESOURCE_PARTITIONS.contains(scan.partition())) {
            g.writeStringField("Partition", scan.partition());
        }
        g.writeStringField("Region", region);
        g.writeEndObject();
        g.writeEndArray();
        compliance(g, cell);
        g.writeObjectFieldStart("Workflow");
        g.writeStringField("Status", status == ComplianceStatus.COMPLIANT ? "RESOLVED" : "NEW");
        g.writeEndObject();
        g.writeStringField("RecordState", "ACTIVE");
        g.writeEndObject();
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

    private void productFields(JsonGenerator g, AccountRef account, Cell cell) throws IOException {
        g.writeObjectFieldStart("ProductFields");
        field(g, "orgscan/ScanId", scan.scanId());
        field(g, "orgscan/OrganizationId", scan.organizationId());
        field(g, "orgscan/Policy", scan.policy().name());
        field(g, "orgscan/RegionOptStatus", cell.regionOptStatus().awsValue());
        field(g, "orgscan/AccountName", account.name());
        field(g, "orgscan/OuPath", account.ouPath());
        field(g, "orgscan/CoveredByArn", cell.coveredByArn());
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String key, String value) throws IOException {
        String fitted = AsffText.fit(value, PRODUCT_FIELD_LIMIT);
        if (fitted != null) {
            g.writeStringField(key, fitted);
        }
    }

    private void compliance(JsonGenerator g, Cell cell) throws IOException {
        g.writeObjectFieldStart("Compliance");
        g.writeStringField("Status", control.statuses().get(cell.status().ordinal()).asff());
        g.writeFieldName("RelatedRequirements");
        g.writeRawValue(relatedRequirements);
        g.writeFieldName("StatusReasons");
        g.writeRawValue(statusReasons.get(cell.reason()));
        g.writeEndObject();
    }
}
