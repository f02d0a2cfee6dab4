package io.orgscan.remediate;

/** What {@code remediate --apply} did for one planned analyzer. */
public enum Outcome {
    /** CreateAnalyzer created it. */
    CREATED,
    /** An analyzer of the planned name and type was already there (an earlier apply, or a StackSet): nothing created. */
    ALREADY_EXISTS,
    /** Another ACTIVE analyzer of the planned type already covers the place (made since the scan): nothing created. */
    ALREADY_COVERED,
    /** A call failed, or the name is taken by an analyzer of another type: see the error columns. */
    FAILED
}
