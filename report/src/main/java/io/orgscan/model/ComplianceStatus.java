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

    /**
     * The result of a set of cells (an account's, or the whole run's), as AWS Config rolls resource
     * results up to a rule: NON_COMPLIANT if any cell is; else INSUFFICIENT_DATA if any cell is
     * undecided; else COMPLIANT if any cell is; else NOT_APPLICABLE (nothing applicable at all).
     * A known gap outranks an unknown here: one NON_COMPLIANT cell fails the control whatever the
     * undecided cells would show. Whether the scan was complete is a separate question.
     *
     * @param counts cells per status; a missing status counts zero
     */
    public static ComplianceStatus overall(java.util.Map<ComplianceStatus, Long> counts) {
        for (ComplianceStatus status : new ComplianceStatus[] {NON_COMPLIANT, INSUFFICIENT_DATA, COMPLIANT}) {
            if (counts.getOrDefault(status, 0L) > 0) {
                return status;
            }
        }
        return NOT_APPLICABLE;
    }

    /** The code shown in the Matrix sheet's cells. */
    public String shortCode() {
        return shortCode;
    }
}
