package io.orgscan.model;

/** IAM Access Analyzer analyzer types. Only ACCOUNT and ORGANIZATION analyze external access. */
public enum AnalyzerType {
    ACCOUNT,
    ORGANIZATION,
    ACCOUNT_UNUSED_ACCESS,
    ORGANIZATION_UNUSED_ACCESS,
    ACCOUNT_INTERNAL_ACCESS,
    ORGANIZATION_INTERNAL_ACCESS,
    /** A type this version of orgscan does not know; never counted as external access. */
    UNKNOWN;

    /** True for the analyzers the control asks for: external access, account or organization zone of trust. */
    public boolean analyzesExternalAccess() {
        return this == ACCOUNT || this == ORGANIZATION;
    }

    public static AnalyzerType fromAws(String value) {
        for (AnalyzerType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
