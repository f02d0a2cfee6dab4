package io.orgscan.model;

import java.util.List;

/**
 * The decision table: how one account x region cell is judged. The rules apply in declaration order
 * and the first that matches decides. The scanner's evaluator runs them in this order (a switch over
 * this enum, so a new rule does not compile until it is judged); the README's table, the Method
 * sheet and the Legend are written from them, and a test holds the README to them.
 */
public enum DecisionRule {
    ACCOUNT_NOT_ACTIVE(null, "the account's State is SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION or "
            + "unknown; it is not contacted", Reason.ACCOUNT_NOT_ACTIVE),
    EXCLUDED(null, "left out by --accounts, --exclude-accounts, --ous or --exclude-regions; the cell is kept, "
            + "never dropped", Reason.EXCLUDED),
    REGION_NOT_ENABLED(null, "the account's DescribeRegions lists the region as not-opted-in, or does not list it",
            Reason.REGION_NOT_ENABLED),
    OWN_ANALYZER(null, "the account's own ListAnalyzers in the region lists an ACTIVE analyzer of type ACCOUNT or "
            + "ORGANIZATION", Reason.ACTIVE_ACCOUNT_ANALYZER, Reason.ACTIVE_ORGANIZATION_ANALYZER),
    ORGANIZATION_COVERAGE(CoveragePolicy.ORG, "an ACTIVE ORGANIZATION analyzer of the management account or the "
            + "Access Analyzer delegated administrator was read in the region, and the region is known to be enabled "
            + "for the account (its DescribeRegions says so, or the region is opt-in-not-required, enabled in every "
            + "account): certain even when the account's own calls failed (they still go to errors.csv)",
            Reason.ACTIVE_ORGANIZATION_ANALYZER),
    REGION_DENIED_BY_SCP(null, "only with --scp-denied-regions not-applicable: a region-deny statement of a service "
            + "control policy attached to the root, an OU on the account's path or the account denies the region "
            + "(never to the management account)", Reason.REGION_DENIED_BY_SCP),
    ROLE_NOT_ASSUMED(null, "the member role could not be assumed: the account's regions are unknown",
            Reason.ASSUME_ROLE_FAILED),
    REGIONS_NOT_READ(null, "DescribeRegions failed for the account", Reason.DENIED_BY_SCP, Reason.ACCESS_DENIED,
            Reason.API_ERROR),
    ANALYZERS_NOT_READ(null, "ListAnalyzers failed in the region (throttling and 5xx are retried first)",
            Reason.DENIED_BY_SCP, Reason.ACCESS_DENIED, Reason.API_ERROR),
    ORGANIZATION_ANALYZERS_NOT_READ(CoveragePolicy.ORG, "no own analyzer, and the management or delegated-"
            + "administrator account's analyzers in the region could not be read", Reason.DENIED_BY_SCP,
            Reason.ACCESS_DENIED, Reason.API_ERROR),
    DELEGATED_ADMINISTRATOR_UNKNOWN(CoveragePolicy.ORG, "no own ACTIVE analyzer, ListDelegatedAdministrators failed, "
            + "and an organization analyzer of an unknown delegated administrator could cover the region: an ACTIVE "
            + "account other than the management account holds an ACTIVE ORGANIZATION analyzer there, or some ACTIVE "
            + "account's analyzers there were not read", Reason.DENIED_BY_SCP, Reason.ACCESS_DENIED, Reason.API_ERROR),
    ANALYZER_NOT_ACTIVE(null, "an ACCOUNT or ORGANIZATION analyzer that would count exists but is CREATING, "
            + "DISABLED or FAILED", Reason.ANALYZER_NOT_ACTIVE),
    NO_EXTERNAL_ACCESS_ANALYZER(null, "no analyzer, or only unused-access or internal-access analyzers (they do "
            + "not analyze external access)", Reason.NO_EXTERNAL_ACCESS_ANALYZER);

    private final CoveragePolicy onlyUnder;
    private final String when;
    private final List<Reason> reasons;

    DecisionRule(CoveragePolicy onlyUnder, String when, Reason... reasons) {
        this.onlyUnder = onlyUnder;
        this.when = when;
        this.reasons = List.of(reasons);
        for (Reason reason : reasons) {
            if (reason.status() != reasons[0].status()) {
                throw new IllegalStateException(name() + ": every reason of a rule has the rule's status");
            }
        }
    }

    /** The status every cell this rule decides gets. */
    public ComplianceStatus status() {
        return reasons.get(0).status();
    }

    /** The reasons it gives: a failed call's rules give the failure's kind (denied, or another error). */
    public List<Reason> reasons() {
        return reasons;
    }

    /** True when the rule is part of the table under {@code policy}. */
    public boolean appliesUnder(CoveragePolicy policy) {
        return onlyUnder == null || onlyUnder == policy;
    }

    /** When it matches, one clause for people, with the policy it is limited to, if any. */
    public String when() {
        return onlyUnder == null ? when : "only under the " + onlyUnder.name().toLowerCase(java.util.Locale.ROOT)
                + " policy: " + when;
    }
}
