package io.orgscan.plan;

import io.orgscan.model.AnalyzerType;
import io.orgscan.model.AwsNames;
import io.orgscan.model.CoveragePolicy;
import java.util.List;
import java.util.Objects;

/**
 * What to do to close a scan's NON_COMPLIANT cells, derived from the scan alone: the analyzers to
 * create, the inactive analyzers to repair instead, the cells that cannot be fixed yet and why. plan.json
 * holds it; {@code orgscan remediate} applies its {@link #actions}.
 *
 * @param scanFileSha256  SHA-256 of the scan.json the plan was made from
 * @param analyzerType    the type every action creates: ORGANIZATION (org policy) or ACCOUNT
 * @param stackInstanceGroups how a service-managed StackSet deploys the actions outside the management
 *                        account (StackSets never deploy there)
 * @param exceptionRegisterSha256 SHA-256 of the exceptions register the plan honoured, or null for none
 */
public record RemediationPlan(int planVersion, String scanId, String scanFileSha256, CoveragePolicy policy,
                              AnalyzerType analyzerType, String partition, String organizationId,
                              String managementAccountId, String delegatedAdministratorId,
                              List<Prerequisite> prerequisites, List<PlannedAnalyzer> actions,
                              List<StackInstanceGroup> stackInstanceGroups, List<Repair> repairs,
                              List<NotFixable> notFixable, String exceptionRegisterSha256) {
    /** The plan.json version this build writes and reads. */
    public static final int VERSION = 1;
    /** The name of every ORGANIZATION analyzer a plan creates. */
    public static final String ORGANIZATION_ANALYZER_NAME = "orgscan-organization-external-access";
    /** The name of every ACCOUNT analyzer a plan creates. */
    public static final String ACCOUNT_ANALYZER_NAME = "orgscan-account-external-access";

    public RemediationPlan {
        if (planVersion != VERSION) {
            throw new IllegalArgumentException("plan_version " + planVersion + " is not " + VERSION);
        }
        Objects.requireNonNull(scanId, "scan_id");
        if (scanFileSha256 == null || !scanFileSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("scan_file_sha256 is not a SHA-256: " + scanFileSha256);
        }
        Objects.requireNonNull(policy, "policy");
        if (analyzerType != AnalyzerType.ACCOUNT && analyzerType != AnalyzerType.ORGANIZATION) {
            throw new IllegalArgumentException("analyzer_type must be ACCOUNT or ORGANIZATION, not " + analyzerType);
        }
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(organizationId, "organization_id");
        AwsNames.requireAccountId(managementAccountId);
        if (delegatedAdministratorId != null) {
            AwsNames.requireAccountId(delegatedAdministratorId);
        }
        prerequisites = List.copyOf(prerequisites);
        actions = List.copyOf(actions);
        for (PlannedAnalyzer action : actions) {
            if (action.type() != analyzerType) {
                throw new IllegalArgumentException(action.actionId() + " creates a " + action.type()
                        + " analyzer in a plan of " + analyzerType + " analyzers");
            }
        }
        stackInstanceGroups = List.copyOf(stackInstanceGroups);
        repairs = List.copyOf(repairs);
        notFixable = List.copyOf(notFixable);
        if (exceptionRegisterSha256 != null && !exceptionRegisterSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("exception_register_sha256 is not a SHA-256: " + exceptionRegisterSha256);
        }
    }

    /** The name the plan gives an analyzer of this type. */
    public static String analyzerName(AnalyzerType type) {
        return type == AnalyzerType.ORGANIZATION ? ORGANIZATION_ANALYZER_NAME : ACCOUNT_ANALYZER_NAME;
    }
}
