package io.orgscan.plan;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every file a plan folder can hold, in the order they are written; SHA256SUMS last, over all the
 * others. {@code orgscan remediate --apply} adds the two remediation logs and writes SHA256SUMS again.
 */
public enum PlanFile {
    PLAN_JSON("plan.json"),
    PLAN_MD("plan.md"),
    ORGANIZATION_TEMPLATE("organization-analyzer.yaml"),
    ACCOUNT_TEMPLATE("account-analyzer.yaml"),
    REMEDIATION_LOG_JSON("remediation_log.json"),
    REMEDIATION_LOG_CSV("remediation_log.csv"),
    SHA256SUMS("SHA256SUMS");

    private final String fileName;

    PlanFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** Every name, for the folder check: a plan folder holding anything else is never replaced. */
    public static Set<String> names() {
        return Arrays.stream(values()).map(PlanFile::fileName).collect(Collectors.toUnmodifiableSet());
    }
}
