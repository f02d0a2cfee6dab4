package io.orgscan.report.ocsf;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.report.evidence.Control;
import java.util.List;

/**
 * How each status is said in an OCSF 1.6 Compliance Finding: {@code compliance.status_id} and its
 * caption, and the event's {@code severity_id}. The statuses map one to one (docs/OUTPUTS.md, "Status
 * mapping"); severity says how much attention the finding asks for, not the control's risk.
 *
 * @param statusId   {@code compliance.status_id}: 1 Pass, 2 Warning, 3 Fail, 99 Other
 * @param status     {@code compliance.status}: the caption of {@code statusId}, or for 99 what "Other" is
 * @param severityId {@code severity_id}: 1 Informational ... 5 Critical
 * @param severity   {@code severity}: the caption of {@code severityId}
 */
public record OcsfStatus(int statusId, String status, int severityId, String severity) {
    /** OCSF's severity captions, from {@code severity_id} 1; in the order of {@link Control#SEVERITY_LABELS}. */
    private static final List<String> SEVERITIES = List.of("Informational", "Low", "Medium", "High", "Critical");

    /**
     * The OCSF form of {@code status}. A pass, and NOT_APPLICABLE, are Informational, as Security Hub
     * labels a passed control finding; a failure keeps the control's Security Hub severity, and so does
     * a Warning (OCSF's "did not yield a result due to missing information"): an unknown cell may hide a
     * gap. OCSF 1.6 has no Not Applicable status: 99 Other names it in compliance.status, as the schema
     * says to for Other.
     */
    public static OcsfStatus of(ComplianceStatus status, Control control) {
        int controlSeverity = Control.SEVERITY_LABELS.indexOf(control.securityHubSeverity()) + 1;
        return switch (status) {
            case COMPLIANT -> new OcsfStatus(1, "Pass", 1, SEVERITIES.get(0));
            case NON_COMPLIANT -> new OcsfStatus(3, "Fail", controlSeverity, SEVERITIES.get(controlSeverity - 1));
            case INSUFFICIENT_DATA -> new OcsfStatus(2, "Warning", controlSeverity, SEVERITIES.get(controlSeverity - 1));
            case NOT_APPLICABLE -> new OcsfStatus(99, "Not Applicable", 1, SEVERITIES.get(0));
        };
    }

    /** As the Legend and control.json write it, e.g. {@code 99 Other (Not Applicable)}. */
    public String label() {
        return statusId == 99 ? statusId + " Other (" + status + ")" : statusId + " " + status;
    }
}
