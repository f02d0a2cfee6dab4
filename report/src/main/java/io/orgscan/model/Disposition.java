package io.orgscan.model;

/**
 * What a person decided for a finding in the exceptions register (the Exceptions sheet's dropdown).
 * A disposition never changes a finding's status, reason or the exit code: the next scan judges again.
 */
public enum Disposition {
    /** An analyzer will be enabled; the ticket and target date say when. */
    REMEDIATE("An analyzer will be enabled; give the ticket and target date (YYYY-MM-DD)."),
    /** The gap is accepted by its owner. */
    RISK_ACCEPTED("The gap is accepted by its owner; the status stays as found."),
    /** The finding is believed wrong. */
    FALSE_POSITIVE("The finding is believed wrong; say why in the comment."),
    /** The row could not be decided or was fixed: scan again. */
    RETEST("The row could not be decided (INSUFFICIENT_DATA) or was fixed: scan again.");

    private final String meaning;

    Disposition(String meaning) {
        this.meaning = meaning;
    }

    /** One sentence for the Legend sheet. */
    public String meaning() {
        return meaning;
    }
}
