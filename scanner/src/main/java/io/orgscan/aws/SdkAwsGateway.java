package io.orgscan.aws;

import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.scan.AccountListing;
import io.orgscan.scan.AccountSession;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.AwsGateway;
import io.orgscan.scan.CallerIdentity;
import io.orgscan.scan.OrgNode;
import io.orgscan.scan.OrganizationInfo;
import io.orgscan.scan.ScanLimits;
import io.orgscan.scan.ScpSummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The scan's AWS calls through the AWS SDK for Java v2. One client per service (and per region for
 * Access Analyzer), shared by every account; each account's calls carry that account's
 * credentials per request. At most {@link ScanLimits#maxParallel()} calls are in flight, all
 * services together ({@link CallsInFlight}); STS and Organizations throttle on the calling account,
 * so they get their own smaller limits on top.
 */
public final class SdkAwsGateway implements AwsGateway {
    static final String ACCESS_ANALYZER_PRINCIPAL = "access-analyzer.amazonaws.com";

    private final ClientFactory clients;
    private final ScanLimits limits;
    private final RoleSettings roles;
    private final Region home;
    private final StsClient sts;
    private final OrganizationsClient organizations;
    /** Built by the first DescribeRegions ({@link #ec2()}), so the opening calls do not wait for its classes. */
    private Ec2Client ec2;
    private final Map<String, AccessAnalyzerClient> analyzersByRegion = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AutoCloseable> closeables = new ConcurrentLinkedQueue<>();
    private final Semaphore stsPermits;
    private final Semaphore organizationsPermits;
    /** The role of {@code --org-role-arn}, or null when the Organizations calls use the scan's own credentials. */
    private final StsAssumeRoleCredentialsProvider organizationRole;
    /** The account of {@code --org-role-arn}'s role, or null. */
    private final String organizationRoleAccount;
    private volatile CallerIdentity caller;
    private volatile String managementAccount;

    public SdkAwsGateway(AwsSettings settings, RoleSettings roles, ScanLimits limits) {
        this.clients = new ClientFactory(settings, limits);
        this.limits = limits;
        this.roles = roles;
        this.home = Region.of(settings.region());
        this.sts = clients.build(StsClient.builder(), "sts", home, clients.baseCredentials(), limits.stsAttempts());
        this.organizationRole = roles.orgRoleArn() == null ? null : assumeRole(roles.orgRoleArn());
        this.organizationRoleAccount = roles.orgRoleArn() == null ? null : roles.orgRoleArn().split(":")[4];
        AwsCredentialsProvider organizationsCredentials = organizationRole == null ? clients.baseCredentials() : organizationRole;
        this.organizations = clients.organizations(home, organizationsCredentials);
        this.stsPermits = new Semaphore(limits.stsParallel());
        this.organizationsPermits = new Semaphore(limits.organizationsParallel());
    }

    @Override
    public CallerIdentity callerIdentity() throws AwsCallException {
        // Bounded by one attempt's time, retries included: at the start, an endpoint that does not
        // answer is reported within 30 seconds, as a network problem.
        GetCallerIdentityResponse response = limited(stsPermits, "GetCallerIdentity", clients.endpoint("sts", home),
                () -> sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.apiCallTimeout(limits.startTimeout()))));
        caller = new CallerIdentity(response.arn(), response.account());
        return caller;
    }

    @Override
    public OrganizationInfo organization() throws AwsCallException {
        var organization = organizationsCall("DescribeOrganization",
                () -> organizations.describeOrganization().organization());
        managementAccount = organization.masterAccountId();
        return new OrganizationInfo(organization.id(), organization.masterAccountId());
    }

    @Override
    public Optional<String> accessAnalyzerDelegatedAdministrator() throws AwsCallException {
        List<DelegatedAdministrator> administrators = organizationsCall("ListDelegatedAdministrators",
                () -> organizations.listDelegatedAdministratorsPaginator(r -> r.servicePrincipal(ACCESS_ANALYZER_PRINCIPAL))
                        .stream().flatMap(page -> page.delegatedAdministrators().stream()).toList());
        return administrators.stream().map(DelegatedAdministrator::id).sorted().findFirst();
    }

    @Override
    public List<OrgNode> roots() throws AwsCallException {
        return organizationsCall("ListRoots", () -> organizations.listRootsPaginator(r -> { })
                .stream().flatMap(page -> page.roots().stream())
                .map(root -> new OrgNode(root.id(), root.name()))
                .toList());
    }

    @Override
    public List<OrgNode> organizationalUnits(String parentId) throws AwsCallException {
        return organizationsCall("ListOrganizationalUnitsForParent",
                () -> organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parentId))
                        .stream().flatMap(page -> page.organizationalUnits().stream())
                        .map(ou -> new OrgNode(ou.id(), ou.name()))
                        .toList());
    }

    @Override
    public void accounts(String parentId, Consumer<List<AccountListing>> onPage) throws AwsCallException {
        // Page by page, one call each, with the accounts handed on between calls: the next page is
        // asked for only after they are.
        String token = null;
        do {
            String after = token;
            ListAccountsForParentResponse page = organizationsCall("ListAccountsForParent",
                    () -> organizations.listAccountsForParent(r -> r.parentId(parentId).nextToken(after)));
            onPage.accept(page.accounts().stream().map(SdkAwsGateway::listing).toList());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
    }

    @Override
    public List<ScpSummary> serviceControlPolicies() throws AwsCallException {
        List<ScpSummary> policies = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            ListPoliciesResponse page = organizationsCall("ListPolicies",
                    () -> organizations.listPolicies(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY).nextToken(after)));
            page.policies().forEach(policy -> policies.add(new ScpSummary(policy.id(), policy.name())));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return policies;
    }

    @Override
    public String policyContent(String policyId) throws AwsCallException {
        return organizationsCall("DescribePolicy", () -> organizations.describePolicy(r -> r.policyId(policyId)).policy().content());
    }

    @Override
    public List<String> policyTargets(String policyId) throws AwsCallException {
        List<String> targets = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            ListTargetsForPolicyResponse page = organizationsCall("ListTargetsForPolicy",
                    () -> organizations.listTargetsForPolicy(r -> r.policyId(policyId).nextToken(after)));
            page.targets().forEach(target -> targets.add(target.targetId()));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return targets;
    }

    /** AWS retired {@code Status} for {@code State}; Status is only a fallback for old responses. */
    private static AccountListing listing(Account account) {
        String state = account.stateAsString() != null ? account.stateAsString() : account.statusAsString();
        return new AccountListing(account.id(), account.name(), account.email(), AccountState.fromAws(state));
    }

    @Override
    public AccountSession session(String accountId) throws AwsCallException {
        CallerIdentity self = caller != null ? caller : callerIdentity();
        if (accountId.equals(self.accountId())) {
            return new Session(clients.baseCredentials());
        }
        if (accountId.equals(organizationRoleAccount) && accountId.equals(managementAccount())) {
            // StackSets never deploy the member role to the management account, and
            // OrganizationAccountAccessRole does not exist there; the role of --org-role-arn does, and is
            // already assumed for the Organizations calls: it reads the account, with no AssumeRole more.
            try {
                organizationRole.resolveCredentials();
            } catch (RuntimeException e) {
                throw Failures.of("AssumeRole", e);
            }
            return new Session(organizationRole);
        }
        String roleArn = "arn:" + self.partition() + ":iam::" + accountId + ":role/" + roles.roleName();
        StsAssumeRoleCredentialsProvider provider = assumeRole(roleArn);
        // Assume now, once, so a refusal is seen here and not as a failure of every region.
        limited(stsPermits, "AssumeRole", clients.endpoint("sts", home), provider::resolveCredentials);
        return new Session(provider);
    }

    @Override
    public String memberRoleName() {
        return roles.roleName();
    }

    private String managementAccount() throws AwsCallException {
        String known = managementAccount;
        return known != null ? known : organization().managementAccountId();
    }

    private StsAssumeRoleCredentialsProvider assumeRole(String roleArn) {
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn)
                        .roleSessionName(roles.roleSessionName())
                        .externalId(roles.externalId()))
                .build();
        closeables.add(provider);
        return provider;
    }

    /** One member account's read access: its credentials on the shared clients. */
    private final class Session implements AccountSession {
        private final AwsCredentialsProvider credentials;

        Session(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
        }

        @Override
        public Map<String, RegionOptStatus> regions() throws AwsCallException {
            try {
                Map<String, RegionOptStatus> regions = new LinkedHashMap<>();
                ec2().describeRegions(r -> r.allRegions(true).overrideConfiguration(o -> o.credentialsProvider(credentials)))
                        .regions()
                        .forEach(region -> regions.put(region.regionName(), RegionOptStatus.fromAws(region.optInStatus())));
                return regions;
            } catch (RuntimeException e) {
                throw Failures.of("DescribeRegions", clients.endpoint("ec2", home), e);
            }
        }

        @Override
        public List<Analyzer> analyzers(String region) throws AwsCallException {
            AccessAnalyzerClient client = SdkAwsGateway.this.analyzers(region);
            URI endpoint = clients.endpoint("access-analyzer", Region.of(region));
            Optional<String> refusal = clients.refusal(endpoint);
            if (refusal.isPresent()) {
                throw Failures.unanswering("ListAnalyzers", refusal.get());
            }
            try {
                List<Analyzer> analyzers = new ArrayList<>();
                client.listAnalyzersPaginator(r -> r.overrideConfiguration(o -> o.credentialsProvider(credentials)))
                        .analyzers()
                        .forEach(summary -> analyzers.add(analyzer(summary)));
                return analyzers;
            } catch (RuntimeException e) {
                throw Failures.of("ListAnalyzers", endpoint, e);
            }
        }
    }

    private synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = clients.build(Ec2Client.builder(), "ec2", home, clients.baseCredentials(), limits.memberAttempts());
        }
        return ec2;
    }

    private AccessAnalyzerClient analyzers(String region) {
        return analyzersByRegion.computeIfAbsent(region,
                r -> clients.build(AccessAnalyzerClient.builder(), "access-analyzer", Region.of(r), clients.baseCredentials(), limits.memberAttempts()));
    }

    /** Maps the SDK's summary to the model; SDK enums (and UNKNOWN_TO_SDK_VERSION) stop here. */
    private static Analyzer analyzer(AnalyzerSummary summary) {
        String reason = summary.statusReason() == null ? null : summary.statusReason().codeAsString();
        return new Analyzer(summary.arn(), summary.name(), AnalyzerType.fromAws(summary.typeAsString()),
                AnalyzerStatus.fromAws(summary.statusAsString()), reason);
    }

    private interface Call<T> {
        T get();
    }

    /**
     * An Organizations call. With {@code --org-role-arn} the role is assumed first (once; then only
     * when its credentials are due), so that a refusal is reported as AssumeRole's, not as the
     * Organizations call's. Without an STS permit, unlike a member's AssumeRole: nearly always this
     * only reads the cached credentials, and must not wait behind the members' AssumeRole calls.
     */
    private <T> T organizationsCall(String operation, Call<T> call) throws AwsCallException {
        if (organizationRole != null) {
            try {
                organizationRole.resolveCredentials();
            } catch (RuntimeException e) {
                throw Failures.organizationRole(e);
            }
        }
        return limited(organizationsPermits, operation, clients.endpoint("organizations", home), call);
    }

    private static <T> T limited(Semaphore permits, String operation, URI endpoint, Call<T> call) throws AwsCallException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.of(operation, new IllegalStateException("interrupted", e));
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw Failures.of(operation, endpoint, e);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a credentials cache cannot lose data
            }
        }
        analyzersByRegion.values().forEach(AccessAnalyzerClient::close);
        synchronized (this) {
            if (ec2 != null) {
                ec2.close();
            }
        }
        organizations.close();
        sts.close();
        clients.close();
    }
}
