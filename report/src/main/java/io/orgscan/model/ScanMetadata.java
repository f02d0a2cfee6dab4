package io.orgscan.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who ran the scan, when, against which organization, with which parameters: what an auditor needs
 * to rely on the report as information produced by the entity.
 *
 * @param scanId                   a unique id for the run (a UUID)
 * @param callerArn                the identity the scan ran as (STS GetCallerIdentity)
 * @param callerAccountId          the account the scan ran from
 * @param delegatedAdministratorId the IAM Access Analyzer delegated administrator, or null if none
 *                                 (or if it could not be read; see the scan's errors)
 * @param partition                {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param serviceControlPolicies   the SCPs read for {@code --scp-denied-regions not-applicable}, or
 *                                 null when the scan did not read them
 */
public record ScanMetadata(
        String scanId,
        Instant startedAt,
        Instant finishedAt,
        String callerArn,
        String callerAccountId,
        String organizationId,
        String managementAccountId,
        String delegatedAdministratorId,
        String partition,
        CoveragePolicy policy,
        String toolName,
        String toolVersion,
        List<Parameter> parameters,
        List<ServiceControlPolicy> serviceControlPolicies) {
    public ScanMetadata {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(callerArn, "callerArn");
        AwsNames.requireAccountId(callerAccountId);
        Objects.requireNonNull(organizationId, "organizationId");
        AwsNames.requireAccountId(managementAccountId);
        if (delegatedAdministratorId != null) {
            AwsNames.requireAccountId(delegatedAdministratorId);
        }
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
        parameters = List.copyOf(parameters);
        serviceControlPolicies = serviceControlPolicies == null ? null : List.copyOf(serviceControlPolicies);
    }

    /** The metadata of a scan that read no service control policy. */
    public ScanMetadata(String scanId, Instant startedAt, Instant finishedAt, String callerArn, String callerAccountId,
                        String organizationId, String managementAccountId, String delegatedAdministratorId,
                        String partition, CoveragePolicy policy, String toolName, String toolVersion,
                        List<Parameter> parameters) {
        this(scanId, startedAt, finishedAt, callerArn, callerAccountId, organizationId, managementAccountId,
                delegatedAdministratorId, partition, policy, toolName, toolVersion, parameters, null);
    }
}
