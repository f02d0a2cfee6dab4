package io.orgscan.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a service control policy that denies (nearly) everything outside a set of
 * regions: the shape of AWS Control Tower's region deny control and of the custom SCPs keyed on
 * {@code aws:RequestedRegion}. {@link RegionDenyStatements} decides which statements have it.
 *
 * @param policyId   the SCP's id ({@code p-...})
 * @param sid        the statement's {@code Sid}, or {@code #n} (its position, from 1) when it has none
 * @param conditions its conditions on {@code aws:RequestedRegion}; a region is denied when it is
 *                   allowed by none of them (IAM ANDs the conditions of a statement)
 */
public record RegionDeny(String policyId, String sid, List<RegionCondition> conditions) {
    /**
     * One {@code StringNotEquals}/{@code StringNotEqualsIfExists} ({@code wildcards} false) or
     * {@code StringNotLike} ({@code wildcards} true) condition on {@code aws:RequestedRegion}.
     *
     * @param regions the regions it leaves alone
     */
    public record RegionCondition(boolean wildcards, List<String> regions) {
        public RegionCondition {
            regions = List.copyOf(regions);
        }

        boolean allows(String region) {
            for (String allowed : regions) {
                if (wildcards ? matches(allowed, region) : allowed.equals(region)) {
                    return true;
                }
            }
            return false;
        }
    }

    public RegionDeny {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(sid, "sid");
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a region deny has at least one region condition");
        }
    }

    /** True when a call to {@code region} is denied by this statement. */
    public boolean denies(String region) {
        for (RegionCondition condition : conditions) {
            if (condition.allows(region)) {
                return false;
            }
        }
        return true;
    }

    /** How a cell names it. */
    public String describe() {
        return "SCP " + policyId + " statement " + sid;
    }

    /**
     * IAM's {@code StringLike} matching: {@code *} any run of characters, {@code ?} one character;
     * case-sensitive, as IAM's string operators are.
     */
    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    private static boolean matches(String pattern, int p, String value, int v) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = v; rest <= value.length(); rest++) {
                    if (matches(pattern, p + 1, value, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (v >= value.length() || (c != '?' && c != value.charAt(v))) {
                return false;
            }
            p++;
            v++;
        }
        return v == value.length();
    }
}
