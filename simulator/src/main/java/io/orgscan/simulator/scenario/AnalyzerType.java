package io.orgscan.simulator.scenario;

/** IAM Access Analyzer {@code Type}, spelled as on the wire. */
public enum AnalyzerType {
    ACCOUNT(false),
    ORGANIZATION(true),
    ACCOUNT_UNUSED_ACCESS(false),
    ORGANIZATION_UNUSED_ACCESS(true),
    ACCOUNT_INTERNAL_ACCESS(false),
    ORGANIZATION_INTERNAL_ACCESS(true);

    private final boolean organizationLevel;

    AnalyzerType(boolean organizationLevel) {
        this.organizationLevel = organizationLevel;
    }

    /** Organization-level analyzers belong to the management or delegated-administrator account. */
    public boolean isOrganizationLevel() {
        return organizationLevel;
    }

    /** The enum constant for a wire value, or null. */
    public static AnalyzerType fromWire(String value) {
        for (AnalyzerType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
