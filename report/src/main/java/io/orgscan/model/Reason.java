package io.orgscan.model;

/** Why a cell has its status. Each reason belongs to exactly one status. */
public enum Reason {
    /** The account owns an ACTIVE analyzer of type ACCOUNT in the region. */
    ACTIVE_ACCOUNT_ANALYZER(ComplianceStatus.COMPLIANT),
    /** An ACTIVE ORGANIZATION analyzer in the region covers the account (see the policy in force). */
    ACTIVE_ORGANIZATION_ANALYZER(ComplianceStatus.COMPLIANT),
    /** No external-access analyzer at all, or only unused-access or internal-access analyzers. */
    NO_EXTERNAL_ACCESS_ANALYZER(ComplianceStatus.NON_COMPLIANT),
    /** An ACCOUNT or ORGANIZATION analyzer exists but is CREATING, DISABLED or FAILED. */
    ANALYZER_NOT_ACTIVE(ComplianceStatus.NON_COMPLIANT),
    /** The region is not enabled (not opted in) for the account. */
    REGION_NOT_ENABLED(ComplianceStatus.NOT_APPLICABLE),
    /** The account is SUSPENDED, PENDING_CLOSURE, CLOSED or PENDING_ACTIVATION; it is not scanned. */
    ACCOUNT_NOT_ACTIVE(ComplianceStatus.NOT_APPLICABLE),
    /** The account or region was left out by the scan's scope options. */
    EXCLUDED(ComplianceStatus.NOT_APPLICABLE),
    /** The scan role could not be assumed in the account, so none of its regions could be read. */
    ASSUME_ROLE_FAILED(ComplianceStatus.INSUFFICIENT_DATA),
    /** A read call was denied (AccessDenied, UnauthorizedOperation and the like). */
    ACCESS_DENIED(ComplianceStatus.INSUFFICIENT_DATA),
    /** A read call failed for another reason, including throttling once its retries were spent. */
    API_ERROR(ComplianceStatus.INSUFFICIENT_DATA);

    private final ComplianceStatus status;

    Reason(ComplianceStatus status) {
        this.status = status;
    }

    public ComplianceStatus status() {
        return status;
    }
}
