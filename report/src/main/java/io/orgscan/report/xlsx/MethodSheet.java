package io.orgscan.report.xlsx;

import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.DecisionRule;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.Parameter;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ServiceControlPolicy;
import io.orgscan.report.evidence.RenderInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The Method: how the result was produced, for an auditor testing the logic once and relying on
 * change control afterwards: the procedure step by step (the AWS calls, the role assumed, where the
 * regions come from), the decision table, the policy in force and the known limitations.
 */
public final class MethodSheet implements SheetWriter {
    public static final String NAME = "Method";

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        ScanMetadata scan = input.scan().metadata();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        WorkbookContext.setWidth(sheet, 0, 8);
        WorkbookContext.setWidth(sheet, 1, 110);
        WorkbookContext.setWidth(sheet, 2, 20);
        WorkbookContext.setWidth(sheet, 3, 30);
        SheetBlocks blocks = new SheetBlocks(workbook, sheet);
        blocks.title("Method");

        blocks.section("Procedure");
        blocks.header("Step", "What orgscan did");
        List<String> steps = List.of(
                "Identified the caller with sts:GetCallerIdentity; its ARN is on the Cover.",
                "Read the organization with organizations:DescribeOrganization (id, management account) and "
                        + "organizations:ListDelegatedAdministrators for access-analyzer.amazonaws.com (the IAM Access "
                        + "Analyzer delegated administrator).",
                "Listed the population: organizations:ListRoots, then for every root and OU "
                        + "ListOrganizationalUnitsForParent and ListAccountsForParent, every page. Every account listed "
                        + "is a row of the Accounts sheet whatever its State; its OU path comes from this walk.",
                "Applied the scope parameters (Parameters sheet). Accounts and regions left out stay in every output "
                        + "as NOT_APPLICABLE / EXCLUDED rows: nothing is dropped.",
                "For each ACTIVE account in scope (and, under the org policy, the management account and the delegated "
                        + "administrator even when out of scope, because their organization analyzers decide other "
                        + "accounts' rows): sts:AssumeRole into the member role " + role(scan) + ". Accounts not ACTIVE "
                        + "are not contacted.",
                "Read the account's regions with ec2:DescribeRegions (AllRegions=true) using the member role: each "
                        + "region's opt-in status. The region universe (the Matrix columns) is --regions when given, "
                        + "else every region any account listed plus the home region; every account gets one row per "
                        + "region of the universe.",
                "Listed the analyzers with access-analyzer:ListAnalyzers (every page, every type) in each enabled "
                        + "region in scope, using the member role. Throttling and server errors were retried (the AWS "
                        + "SDK's standard retry); a call that still failed is an Errors row, and the rows it leaves "
                        + "undecided are INSUFFICIENT_DATA.",
                "Judged every account x region with the decision table below, once every observation was in (pure "
                        + "code, no AWS call).",
                "Wrote scan.json (every observation, judgement and failed call: the evidence of record), then rendered "
                        + "every other file from it: the CSVs, this workbook, control_result.csv, run_manifest.json and "
                        + "SHA256SUMS. orgscan is read-only: it calls no other AWS operation.");
        for (int i = 0; i < steps.size(); i++) {
            blocks.values((long) (i + 1), steps.get(i));
        }

        blocks.section("Completeness");
        blocks.paragraph(1, "The population is every account Organizations lists, whatever its State, times every "
                + "region of the universe. Each account x region is exactly one findings row, so rows reconcile to "
                + "accounts x regions; rows are never dropped for an error or an exclusion. The Reconciliation sheet "
                + "checks the counts of this render.");

        blocks.section("Decision table (first match wins)");
        blocks.header("Rule", "When", "Status", "Reason");
        DecisionRule[] rules = DecisionRule.values();
        for (int i = 0; i < rules.length; i++) {
            DecisionRule rule = rules[i];
            blocks.values((long) (i + 1), rule.when(), rule.status().name(),
                    rule.reasons().stream().map(Reason::name).collect(Collectors.joining(" / ")));
        }

        blocks.section("Policy in force: " + scan.policy().name().toLowerCase(Locale.ROOT));
        blocks.paragraph(1, policy(scan.policy()));
        CoveragePolicy other = scan.policy() == CoveragePolicy.ORG ? CoveragePolicy.ACCOUNT : CoveragePolicy.ORG;
        blocks.paragraph(1, "The other policy, " + other.name().toLowerCase(Locale.ROOT) + " (not used in this run): "
                + policy(other));
        managementUnreadable(input).ifPresent(failure -> blocks.paragraph(1, "The management account "
                + scan.managementAccountId() + "'s analyzers could not be read (" + failure.describe() + "). Its "
                + "organization analyzers may cover members, so under this policy members without an analyzer of their "
                + "own are INSUFFICIENT_DATA wherever the delegated administrator has no ACTIVE organization analyzer. "
                + "To fix: give --org-role-arn a role in the management account (samples/iam/org-role-policy.json), or "
                + "deploy the member role there."));

        blocks.section("Service control policies");
        if (scan.serviceControlPolicies() == null) {
            blocks.paragraph(1, "Not read (--scp-denied-regions report-only): a region that an SCP denies is judged like "
                    + "any other; a call an SCP denied leaves its cells INSUFFICIENT_DATA / DENIED_BY_SCP.");
        } else {
            blocks.paragraph(1, "Read with --scp-denied-regions not-applicable: a cell that is not COMPLIANT in a region "
                    + "that a region-deny statement attached to the root, an OU on the account's path or the account "
                    + "denies is NOT_APPLICABLE / REGION_DENIED_BY_SCP. SCPs never restrict the management account. "
                    + "The policies read, with the SHA-256 of their text as DescribePolicy returned it:");
            blocks.header("Policy", "Name", "Content SHA-256", "Region-deny statements", "Attached to");
            for (ServiceControlPolicy policy : scan.serviceControlPolicies()) {
                blocks.values(policy.id(), policy.name(), policy.sha256(),
                        policy.regionDenySids().isEmpty() ? "none" : String.join(", ", policy.regionDenySids()),
                        policy.regionDenySids().isEmpty() ? "not read (denies no region)" : String.join(", ", policy.targets()));
            }
        }

        blocks.section("Known limitations");
        List<String> limitations = List.of(
                "The result is the organization as it was during the scan: accounts created, regions enabled or "
                        + "analyzers changed afterwards are not covered.",
                "Under the org policy an ORGANIZATION analyzer of the management account or the delegated administrator "
                        + "covers member accounts. Security Hub IAM.28 and the CIS audit procedure look at each account's "
                        + "own analyzers; the account policy gives that reading.",
                "AWS Config's " + input.control().configRuleName() + " is not available in every region (China, "
                        + "GovCloud and some newer regions); orgscan evaluates every region of the universe, so some rows "
                        + "have no AWS Config counterpart.",
                "Only whether analyzers exist and are ACTIVE is tested, not their findings or archive rules.",
                "An analyzer CREATING at scan time counts as not active. Unused-access and internal-access analyzers "
                        + "never count: they do not analyze external access.",
                "A denied or failed call leaves rows INSUFFICIENT_DATA, never COMPLIANT: those rows need a retest "
                        + "(Exceptions sheet).",
                "orgscan relies on the AWS APIs' answers and on the credentials it was given; it does not test AWS.");
        for (int i = 0; i < limitations.size(); i++) {
            blocks.values((long) (i + 1), limitations.get(i));
        }
    }

    /** Under the org policy, the AssumeRole failure that hid the management account's analyzers, if any. */
    private static Optional<Failure> managementUnreadable(RenderInput input) {
        ScanMetadata scan = input.scan().metadata();
        if (scan.policy() != CoveragePolicy.ORG) {
            return Optional.empty();
        }
        return input.scan().errors().stream()
                .filter(e -> scan.managementAccountId().equals(e.accountId()) && "AssumeRole".equals(e.failure().operation()))
                .map(ErrorRecord::failure)
                .findFirst();
    }

    private static String policy(CoveragePolicy policy) {
        return switch (policy) {
            case ORG -> "An ACTIVE ORGANIZATION analyzer in a region, owned by the management account or the IAM Access "
                    + "Analyzer delegated administrator, covers every ACTIVE account of the organization in which that "
                    + "region is enabled (reason ACTIVE_ORGANIZATION_ANALYZER). If those accounts' analyzers in the region "
                    + "cannot be read, members without their own ACTIVE analyzer are INSUFFICIENT_DATA.";
            case ACCOUNT -> "Only the analyzers an account owns count for it: the reading of Security Hub IAM.28 and of "
                    + "the CIS audit procedure, which looks in each account's own console.";
        };
    }

    private static String role(ScanMetadata scan) {
        String role = parameter(scan, "--role-name");
        String session = parameter(scan, "--role-session-name");
        String externalId = parameter(scan, "--external-id");
        StringBuilder text = new StringBuilder(role.isEmpty() ? "(its name is not among this run's parameters)" : "'" + role + "'");
        if (!session.isEmpty()) {
            text.append(", session name '").append(session).append("'");
        }
        if (!externalId.isEmpty()) {
            text.append(", with an external id");
        }
        return text.toString();
    }

    private static String parameter(ScanMetadata scan, String name) {
        return scan.parameters().stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst().orElse("");
    }
}
