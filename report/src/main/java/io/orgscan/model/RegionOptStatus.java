package io.orgscan.model;

/** A region's opt-in status for one account, as EC2 DescribeRegions reports it. */
public enum RegionOptStatus {
    /** A default region, enabled for every account. */
    OPT_IN_NOT_REQUIRED("opt-in-not-required", true),
    /** An opt-in region the account has enabled. */
    OPTED_IN("opted-in", true),
    /** An opt-in region the account has not enabled. */
    NOT_OPTED_IN("not-opted-in", false),
    /** Not known: the account was not scanned, its regions could not be read, or AWS did not list the region. */
    UNKNOWN("unknown", false);

    private final String awsValue;
    private final boolean enabled;

    RegionOptStatus(String awsValue, boolean enabled) {
        this.awsValue = awsValue;
        this.enabled = enabled;
    }

    /** The value as AWS spells it (and as findings.csv carries it). */
    public String awsValue() {
        return awsValue;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public static RegionOptStatus fromAws(String value) {
        for (RegionOptStatus status : values()) {
            if (status.awsValue.equals(value)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
