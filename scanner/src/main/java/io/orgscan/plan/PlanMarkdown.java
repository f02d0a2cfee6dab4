package io.orgscan.plan;

import io.orgscan.model.AnalyzerType;
import java.util.List;
import java.util.Map;

/**
 * plan.md, the plan for people: what is created where and why, what it costs, how to apply it, what
 * it repairs instead of creating, and what it cannot fix yet. Account names are free text from AWS:
 * they are escaped so that no name becomes markup, a link or a table column.
 */
public final class PlanMarkdown {
    private PlanMarkdown() {
    }

    /** @param accountNames account id to name, as the scan listed them */
    public static String render(RemediationPlan plan, Map<String, String> accountNames) {
        StringBuilder md = new StringBuilder();
        AnalyzerType type = plan.analyzerType();
        int fixedByActions = plan.actions().stream().mapToInt(a -> a.findingIds().size()).sum();
        int fixedByRepairs = plan.repairs().stream().mapToInt(r -> r.findingIds().size()).sum();
        md.append("# IAM Access Analyzer remediation plan\n\n");
        md.append("Made by `orgscan plan` from scan `").append(plan.scanId()).append("` (scan.json SHA-256 `")
                .append(plan.scanFileSha256()).append("`), organization `").append(plan.organizationId())
                .append("`, partition `").append(plan.partition()).append("`, policy `").append(plan.policy().name())
                .append("`")
                .append(plan.exceptionRegisterSha256() == null ? "" : ", honouring the exceptions register of SHA-256 `"
                        + plan.exceptionRegisterSha256() + "` (cells it marks RISK_ACCEPTED or FALSE_POSITIVE are not planned)")
                .append(".\n\nThis plan changes nothing by itself. Review it, apply it (below), then scan again: every "
                        + "cell it targets should be COMPLIANT, and nothing else should have changed.\n\n");

        md.append("## Summary\n\n");
        md.append("* ").append(plan.actions().size()).append(" ").append(type.name())
                .append(" analyzer(s) to create, fixing ").append(fixedByActions).append(" NON_COMPLIANT cell(s)")
                .append(type == AnalyzerType.ORGANIZATION ? ": one per region, in the IAM Access Analyzer delegated "
                        + "administrator `" + plan.delegatedAdministratorId() + "`; it covers every ACTIVE account "
                        + "of the organization that has the region enabled.\n"
                        : ": one per account and region that fails, in that account.\n");
        md.append("* ").append(plan.repairs().size()).append(" existing analyzer(s) that are not ACTIVE, to repair "
                + "(not duplicated), fixing ").append(fixedByRepairs).append(" cell(s).\n");
        md.append("* ").append(plan.notFixable().size()).append(" cell(s) this plan cannot fix yet (see the last "
                + "section).\n\n");

        md.append("## Cost\n\nExternal-access analyzers (types ACCOUNT and ORGANIZATION) are free of charge. This plan "
                + "never creates an unused-access analyzer (ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS: charged per "
                + "IAM role and user analyzed each month, and they do not analyze external access, so they do not pass "
                + "this control) or an internal-access analyzer (charged per resource analyzed).\n\n");

        if (!plan.prerequisites().isEmpty()) {
            md.append("## Before you start\n\n");
            int n = 1;
            for (Prerequisite p : plan.prerequisites()) {
                md.append(n++).append(". ").append(p.description()).append("\n\n   ```sh\n   ").append(p.command())
                        .append("\n   ```\n\n");
            }
        }

        if (!plan.actions().isEmpty()) {
            md.append("## Analyzers to create\n\n");
            md.append("| action_id | account | name of the account | region | type | analyzer name | cells fixed |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (PlannedAnalyzer a : plan.actions()) {
                md.append("| ").append(a.actionId()).append(" | ").append(a.accountId()).append(" | ")
                        .append(escape(accountNames.getOrDefault(a.accountId(), ""))).append(" | ").append(a.region())
                        .append(" | ").append(a.type().name()).append(" | ").append(a.name()).append(" | ")
                        .append(a.findingIds().size()).append(" |\n");
            }
            md.append("\nplan.json lists the `finding_id` of every cell each analyzer fixes.\n\n");
            md.append("## How to apply\n\nChoose one way.\n\n");
            md.append("**A. orgscan** assumes a remediation role in each target account (samples/iam: "
                    + "`remediation-role-policy.json`, `remediation-role-stackset.yaml`) and creates the analyzers "
                    + "with the AWS API; it then reads the touched cells again and writes `remediation_log.json` and "
                    + "`remediation_log.csv` into this folder:\n\n```sh\n"
                    + "orgscan remediate plan.json                 # prints what it would do, changes nothing\n"
                    + "orgscan remediate plan.json --apply --role-name OrgScanRemediation\n```\n\n");
            List<String> stackSet = DeployCommands.stackSet(plan);
            if (!stackSet.isEmpty()) {
                md.append("**B. CloudFormation StackSet** (from the management account, or from a StackSets delegated "
                        + "administrator with `--call-as DELEGATED_ADMIN`), with `")
                        .append(AnalyzerTemplate.fileName(type)).append("` from this folder. Accounts that need the "
                        + "same regions form one group, deployed by one `create-stack-instances`: each account gets a "
                        + "stack instance in exactly its failing regions, and no account outside the plan gets one "
                        + "(the root as the OU, the group's accounts with `AccountFilterType=INTERSECTION`). Each "
                        + "command starts an operation: wait for it to finish (`aws cloudformation "
                        + "list-stack-set-operations --stack-set-name ")
                        .append(AnalyzerTemplate.stackSetName(type)).append("`) before the next.\n\n```sh\n");
                stackSet.forEach(c -> md.append(c).append('\n'));
                md.append("```\n\n");
            }
            List<String> management = DeployCommands.managementAccountStacks(plan);
            if (!management.isEmpty()) {
                md.append("StackSets never deploy to the management account `").append(plan.managementAccountId())
                        .append("`: create its analyzers as plain stacks, from that account:\n\n```sh\n");
                management.forEach(c -> md.append(c).append('\n'));
                md.append("```\n\n");
            }
        }

        if (!plan.repairs().isEmpty()) {
            md.append("## Analyzers to repair\n\nThese analyzers exist but are not ACTIVE. Creating another beside them "
                    + "would not help; do this instead.\n\n");
            for (Repair r : plan.repairs()) {
                md.append("* `").append(r.analyzerName()).append("` (").append(r.analyzerType().name()).append(") in ")
                        .append(r.accountId()).append(" ").append(r.region()).append(": ").append(r.status().name())
                        .append(r.statusReason() == null ? "" : " (" + r.statusReason() + ")").append(", ")
                        .append(r.findingIds().size()).append(" cell(s). ").append(r.whatToDo()).append('\n');
            }
            md.append('\n');
        }

        if (!plan.notFixable().isEmpty()) {
            md.append("## Cells this plan cannot fix yet\n\n");
            md.append("| finding_id | reason | obstacle | what to do |\n|---|---|---|---|\n");
            for (NotFixable n : plan.notFixable()) {
                md.append("| ").append(n.findingId()).append(" | ").append(n.reason().name()).append(" | ")
                        .append(n.obstacle().name()).append(" | ").append(n.whatToDo().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Afterwards\n\nScan again into a new folder and give the auditor both scans, this folder "
                + "(plan.md, plan.json, the template, the remediation logs if orgscan applied it) and SHA256SUMS "
                + "(`sha256sum -c SHA256SUMS` in this folder).\n");
        return md.toString();
    }

    /** Free text as inert Markdown: every character that could start markup is backslash-escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#!|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}
