package io.orgscan.report.evidence;

import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Reason;
import java.util.List;

/**
 * What each reason means, and the decision table that gives them. Shown on the Method and Legend
 * sheets, listed in data_dictionary.csv. (What each status means, and its names in other frameworks,
 * is the control's data: {@link Control#statuses()}.)
 */
public final class Reasons {
    /** One rule of the decision table, in the order the evaluator applies them (first match wins). */
    public record Rule(Reason reason, String when) {
        public ComplianceStatus status() {
            return reason.status();
        }
    }

    /** The decision table, first match wins (the scanner's CoverageEvaluator; the README's table). */
    public static final List<Rule> RULES = List.of(
            new Rule(Reason.ACCOUNT_NOT_ACTIVE, "The account's State is SUSPENDED, PENDING_CLOSURE, CLOSED, "
                    + "PENDING_ACTIVATION or unknown; it is not contacted."),
            new Rule(Reason.EXCLUDED, "The account or region is left out by --accounts, --exclude-accounts, --ous, "
                    + "--regions or --exclude-regions; the cell is kept, never dropped."),
            new Rule(Reason.ASSUME_ROLE_FAILED, "The member role could not be assumed: the account's regions are unknown, "
                    + "so every cell is undecided, even where an organization analyzer might cover it."),
            new Rule(Reason.ACCESS_DENIED, "DescribeRegions was denied for the account (API_ERROR for any other failure)."),
            new Rule(Reason.REGION_NOT_ENABLED, "The region is not enabled (not-opted-in) for the account, or "
                    + "DescribeRegions did not list it."),
            new Rule(Reason.API_ERROR, "ListAnalyzers failed in the region after its retries (ACCESS_DENIED when denied)."),
            new Rule(Reason.ACTIVE_ACCOUNT_ANALYZER, "The account owns an ACTIVE analyzer of type ACCOUNT in the region."),
            new Rule(Reason.ACTIVE_ORGANIZATION_ANALYZER, "An ACTIVE ORGANIZATION analyzer covers it: the account's own, "
                    + "or under the org policy one of the management account or the delegated administrator in that region."),
            new Rule(Reason.ACCESS_DENIED, "Org policy only: no own analyzer, and the management or delegated-administrator "
                    + "account's analyzers in the region could not be read (API_ERROR for failures other than denial)."),
            new Rule(Reason.ANALYZER_NOT_ACTIVE, "An ACCOUNT or ORGANIZATION analyzer exists but is CREATING, DISABLED or FAILED."),
            new Rule(Reason.NO_EXTERNAL_ACCESS_ANALYZER, "No analyzer, or only unused-access or internal-access analyzers "
                    + "(they do not analyze external access)."));

    private Reasons() {
    }

    /** What a reason means: one line, for the Legend and the data dictionary. */
    public static String meaning(Reason reason) {
        return switch (reason) {
            case ACTIVE_ACCOUNT_ANALYZER -> "The account owns an ACTIVE analyzer of type ACCOUNT in the region.";
            case ACTIVE_ORGANIZATION_ANALYZER -> "An ACTIVE ORGANIZATION analyzer in the region covers the account.";
            case NO_EXTERNAL_ACCESS_ANALYZER -> "No external-access analyzer, or only unused- or internal-access ones.";
            case ANALYZER_NOT_ACTIVE -> "An ACCOUNT or ORGANIZATION analyzer exists but is CREATING, DISABLED or FAILED.";
            case REGION_NOT_ENABLED -> "The region is not enabled for the account.";
            case ACCOUNT_NOT_ACTIVE -> "The account is not ACTIVE; it is not scanned.";
            case EXCLUDED -> "Left out by the scan's scope parameters.";
            case ASSUME_ROLE_FAILED -> "The scan role could not be assumed in the account.";
            case ACCESS_DENIED -> "A read call was denied.";
            case API_ERROR -> "A read call failed for another reason, throttling included, after its retries.";
        };
    }
}
