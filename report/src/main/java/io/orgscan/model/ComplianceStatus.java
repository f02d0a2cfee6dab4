package io.orgscan.model;

/**
 * The result of one account x region cell, in AWS Config's vocabulary so that GRC tools and
 * Security Hub users read it without a mapping table.
 */
public enum ComplianceStatus {
    /** An active external-access analyzer covers the account in the region. */
    COMPLIANT("C"),
    /** The region is enabled for the account and no active external-access analyzer covers it. */
    NON_COMPLIANT("NC"),
    /** The control does not apply: region not enabled, account not active, or left out of scope. */
    NOT_APPLICABLE("NA"),
    /** The scan could not tell: a call failed after its retries. Never to be read as a pass. */
    INSUFFICIENT_DATA("ID");

    private final String shortCode;

    ComplianceStatus(String shortCode) {
        this.shortCode = shortCode;
    }

    /** The code shown in the Matrix sheet's cells. */
    public String shortCode() {
        return shortCode;
    }
}
