package io.orgscan.model;

/** An analyzer's status. Only ACTIVE counts as enabled. */
public enum AnalyzerStatus {
    ACTIVE,
    CREATING,
    DISABLED,
    FAILED,
    /** A status this version of orgscan does not know; never counted as active. */
    UNKNOWN;

    public static AnalyzerStatus fromAws(String value) {
        for (AnalyzerStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
