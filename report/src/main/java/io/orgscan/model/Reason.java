package io.orgscan.model;

/**
 * Why a cell has its status. Each reason belongs to exactly one status; {@link DecisionRule} says
 * which rule gives it, and {@link #meaning()} is the line the Legend and the data dictionary show.
 */
public enum Reason {
    ACTIVE_ACCOUNT_ANALYZER(ComplianceStatus.COMPLIANT,
            "The account owns an ACTIVE analyzer of type ACCOUNT in the region."),
    ACTIVE_ORGANIZATION_ANALYZER(ComplianceStatus.COMPLIANT,
            "An ACTIVE ORGANIZATION analyzer in the region covers the account."),
    NO_EXTERNAL_ACCESS_ANALYZER(ComplianceStatus.NON_COMPLIANT,
            "No external-access analyzer, or only unused- or internal-access ones."),
    ANALYZER_NOT_ACTIVE(ComplianceStatus.NON_COMPLIANT,
            "An ACCOUNT or ORGANIZATION analyzer exists but is CREATING, DISABLED or FAILED."),
    REGION_NOT_ENABLED(ComplianceStatus.NOT_APPLICABLE, "The region is not enabled for the account."),
    ACCOUNT_NOT_ACTIVE(ComplianceStatus.NOT_APPLICABLE, "The account is not ACTIVE; it is not scanned."),
    EXCLUDED(ComplianceStatus.NOT_APPLICABLE, "Left out by the scan's scope parameters."),
    REGION_DENIED_BY_SCP(ComplianceStatus.NOT_APPLICABLE,
            "A service control policy's region deny applies to the account there (--scp-denied-regions not-applicable)."),
    ASSUME_ROLE_FAILED(ComplianceStatus.INSUFFICIENT_DATA, "The scan role could not be assumed in the account."),
    /** The error message says a service control policy denied it (explicitly, or by allowing nothing). */
    DENIED_BY_SCP(ComplianceStatus.INSUFFICIENT_DATA, "A read call was denied by a service control policy."),
    /** AccessDenied, UnauthorizedOperation and the like, when no SCP is named. */
    ACCESS_DENIED(ComplianceStatus.INSUFFICIENT_DATA, "A read call was denied."),
    /** Throttling too, once its retries were spent. */
    API_ERROR(ComplianceStatus.INSUFFICIENT_DATA,
            "A read call failed for another reason, throttling included, after its retries.");

    private final ComplianceStatus status;
    private final String meaning;

    Reason(ComplianceStatus status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public ComplianceStatus status() {
        return status;
    }

    /** What it means, in one sentence. */
    public String meaning() {
        return meaning;
    }
}
