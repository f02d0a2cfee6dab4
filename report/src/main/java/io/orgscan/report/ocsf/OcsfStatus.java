package io.orgscan.report.ocsf;

import io.orgscan.model.ComplianceStatus;

/**
 * How each status is said in an OCSF 1.6 Compliance Finding: {@code compliance.status_id} and its
 * caption, and the event's {@code severity_id}. The statuses map one to one (docs/OUTPUTS.md, "Status
 * mapping"); severity says how much attention the finding asks for, not the control's risk.
 *
 * @param statusId   {@code compliance.status_id}: 1 Pass, 2 Warning, 3 Fail, 99 Other
 * @param status     {@code compliance.status}: the caption of {@code statusId}, or for 99 what "Other" is
 * @param severityId {@code severity_id}: 1 Informational, 2 Low
 * @param severity   {@code severity}: the caption of {@code severityId}
 */
public record OcsfStatus(int statusId, String status, int severityId, String severity) {
    private static final OcsfStatus PASS = new OcsfStatus(1, "Pass", 1, "Informational");
    // Low is how Prowler rates its accessanalyzer_enabled check (prowler-cloud/prowler at 3064fcc0a613,
    // accessanalyzer_enabled.metadata.json); the project states no severity of its own for IAM.28.
    private static final OcsfStatus FAIL = new OcsfStatus(3, "Fail", 2, "Low");
    // OCSF's Warning: "did not yield a result due to missing information". An unknown cell may hide a
    // gap, so it asks for as much attention as a failure.
    private static final OcsfStatus WARNING = new OcsfStatus(2, "Warning", 2, "Low");
    // OCSF 1.6 has no Not Applicable status: 99 Other names it in compliance.status, as the schema
    // says to for Other. Nothing to act on: Informational.
    private static final OcsfStatus NOT_APPLICABLE = new OcsfStatus(99, "Not Applicable", 1, "Informational");

    /** The OCSF form of {@code status}. */
    public static OcsfStatus of(ComplianceStatus status) {
        return switch (status) {
            case COMPLIANT -> PASS;
            case NON_COMPLIANT -> FAIL;
            case INSUFFICIENT_DATA -> WARNING;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
        };
    }

    /** As the Legend and control.json write it, e.g. {@code 99 Other (Not Applicable)}. */
    public String label() {
        return statusId == 99 ? statusId + " Other (" + status + ")" : statusId + " " + status;
    }
}
