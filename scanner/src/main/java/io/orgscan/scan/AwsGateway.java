package io.orgscan.scan;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every AWS call the scan makes, as plain Java. The only implementation lives in
 * {@code io.orgscan.aws}, the one package that imports the AWS SDK; failures arrive as
 * {@link AwsCallException} carrying the AWS error code and message.
 */
public interface AwsGateway extends AutoCloseable {
    CallerIdentity callerIdentity() throws AwsCallException;

    OrganizationInfo organization() throws AwsCallException;

    /** The IAM Access Analyzer delegated administrator, if the organization has one. */
    Optional<String> accessAnalyzerDelegatedAdministrator() throws AwsCallException;

    List<OrgNode> roots() throws AwsCallException;

    List<OrgNode> organizationalUnits(String parentId) throws AwsCallException;

    /**
     * The accounts directly under {@code parentId}, handed to {@code onPage} page by page as each page
     * arrives, before the next is asked for: a parent of a thousand accounts is fifty pages, and its
     * first accounts need not wait for the last page.
     */
    void accounts(String parentId, Consumer<List<AccountListing>> onPage) throws AwsCallException;

    /** The service control policies: ListPolicies with the SCP filter, one call per page. */
    List<ScpSummary> serviceControlPolicies() throws AwsCallException;

    /** A policy's document, exactly as DescribePolicy returns it. */
    String policyContent(String policyId) throws AwsCallException;

    /** The root, OU and account ids a policy is attached to: ListTargetsForPolicy, one call per page. */
    List<String> policyTargets(String policyId) throws AwsCallException;

    /**
     * Opens read access to an account: AssumeRole of {@link #memberRoleName()}, or the caller's own
     * credentials for its own account, or, for the management account, the role of
     * {@code --org-role-arn} when that role is in it.
     */
    AccountSession session(String accountId) throws AwsCallException;

    /** The role {@link #session} assumes in member accounts, as the user named it. */
    String memberRoleName();

    @Override
    void close();
}
