package io.orgscan.report.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orgscan.model.ComplianceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The control this tool tests, its identifiers in each framework and the names its statuses have
 * there, kept as data in {@code io/orgscan/report/evidence/control.json} with the source of every
 * CIS number: CIS renumbers this control across versions, so the numbers are data, never code, and
 * never part of a finding id.
 *
 * @param cisReferences       the recommendation's number in each CIS AWS Foundations version checked
 * @param cisNotConfirmed     what was not checked, said on the Cover
 * @param statuses            each status's meaning for this control and its names in other frameworks,
 *                            in {@link ComplianceStatus} order
 * @param securityHubSeverity the severity Security Hub gives the control (an ASFF {@code Severity.Label}):
 *                            what findings.asff.json and findings.ocsf.json give a finding that is not a pass
 */
public record Control(
        @JsonProperty(value = "statement", required = true) String statement,
        @JsonProperty(value = "cis_benchmark", required = true) String cisBenchmark,
        @JsonProperty(value = "cis_references", required = true) List<CisReference> cisReferences,
        @JsonProperty(value = "cis_not_confirmed", required = true) String cisNotConfirmed,
        @JsonProperty(value = "statuses", required = true) List<StatusMapping> statuses,
        @JsonProperty(value = "security_hub_control_id", required = true) String securityHubControlId,
        @JsonProperty(value = "security_hub_severity", required = true) String securityHubSeverity,
        @JsonProperty(value = "security_hub_severity_source", required = true) String securityHubSeveritySource,
        @JsonProperty(value = "config_rule_name", required = true) String configRuleName,
        @JsonProperty(value = "config_rule_identifier", required = true) String configRuleIdentifier,
        @JsonProperty(value = "config_rule_source", required = true) String configRuleSource) {

    /** One CIS version: its recommendation number and title, and where that was checked. */
    public record CisReference(
            @JsonProperty(value = "version", required = true) String version,
            @JsonProperty(value = "recommendation", required = true) String recommendation,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty(value = "source", required = true) String source) {
        public CisReference {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(recommendation, "recommendation");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * One status, what it means for this control, and its name in the vocabularies GRC tools and AWS
     * services use: AWS Config's compliance type, Security Hub's ASFF {@code Compliance.Status}, OCSF's
     * {@code compliance.status_id} of a Compliance Finding, CISO Assistant's result.
     */
    public record StatusMapping(
            @JsonProperty(value = "status", required = true) ComplianceStatus status,
            @JsonProperty(value = "meaning", required = true) String meaning,
            @JsonProperty(value = "aws_config", required = true) String awsConfig,
            @JsonProperty(value = "security_hub_asff", required = true) String asff,
            @JsonProperty(value = "ocsf", required = true) String ocsf,
            @JsonProperty(value = "ciso_assistant", required = true) String cisoAssistant) {
        public StatusMapping {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(awsConfig, "awsConfig");
            Objects.requireNonNull(asff, "asff");
            Objects.requireNonNull(ocsf, "ocsf");
            Objects.requireNonNull(cisoAssistant, "cisoAssistant");
        }
    }

    /** The ASFF severity labels, in rising order (ASFF {@code Severity.Label}). */
    public static final List<String> SEVERITY_LABELS = List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    // After SEVERITY_LABELS: the constructor checks against it.
    private static final Control STANDARD = load();

    /**
     * @throws IllegalArgumentException unless {@code statuses} has each status once, in the enum's order,
     *                                  and the severity is an ASFF label
     */
    public Control {
        if (!SEVERITY_LABELS.contains(securityHubSeverity)) {
            throw new IllegalArgumentException("security_hub_severity must be one of " + SEVERITY_LABELS + ", not "
                    + securityHubSeverity);
        }
        cisReferences = List.copyOf(cisReferences);
        statuses = List.copyOf(statuses);
        if (!statuses.stream().map(StatusMapping::status).toList().equals(List.of(ComplianceStatus.values()))) {
            throw new IllegalArgumentException("statuses must list " + List.of(ComplianceStatus.values())
                    + " once each, in that order");
        }
    }

    /** The control of this release, from control.json. */
    public static Control standard() {
        return STANDARD;
    }

    /** The newest CIS version's title: the control's name. */
    public String title() {
        return cisReferences.get(cisReferences.size() - 1).title();
    }

    private static Control load() {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Control.class.getResourceAsStream("control.json")) {
            if (in == null) {
                throw new IllegalStateException("control.json is missing from this build");
            }
            return mapper.readValue(in, Control.class);
        } catch (IOException e) {
            throw new UncheckedIOException("control.json is not valid", e);
        }
    }
}
