package io.orgscan.aws;

import static io.orgscan.aws.InvalidResponse.check;
import static io.orgscan.aws.InvalidResponse.require;
import static io.orgscan.aws.InvalidResponse.requireList;

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
        caller = limited(stsPermits, "GetCallerIdentity", clients.endpoint("sts", home), () -> {
            GetCallerIdentityResponse response = sts.getCallerIdentity(
                    r -> r.overrideConfiguration(o -> o.apiCallTimeout(limits.startTimeout())));
            String account = require(response.account(), "GetCallerIdentity", "Account");
            String arn = require(response.arn(), "GetCallerIdentity", "Arn");
            check(account.matches("\\d{12}"), "GetCallerIdentity", "an Account that is not a 12-digit id: " + account);
            return new CallerIdentity(arn, account);
        });
        return caller;
    }

    @Override
    public OrganizationInfo organization() throws AwsCallException {
        OrganizationInfo organization = organizationsCall("DescribeOrganization", () -> {
            var described = require(organizations.describeOrganization().organization(), "DescribeOrganization", "Organization");
            String management = require(described.masterAccountId(), "DescribeOrganization", "Organization.MasterAccountId");
            check(management.matches("\\d{12}"), "DescribeOrganization",
                    "a MasterAccountId that is not a 12-digit id: " + management);
            return new OrganizationInfo(require(described.id(), "DescribeOrganization", "Organization.Id"), management);
        });
        managementAccount = organization.managementAccountId();
        return organization;
    }

    @Override
    public Optional<String> accessAnalyzerDelegatedAdministrator() throws AwsCallException {
        List<DelegatedAdministrator> administrators = organizationsCall("ListDelegatedAdministrators",
                () -> organizations.listDelegatedAdministratorsPaginator(r -> r.servicePrincipal(ACCESS_ANALYZER_PRINCIPAL))
                        .stream().flatMap(page -> requireList(page.delegatedAdministrators(), "ListDelegatedAdministrators",
                                "DelegatedAdministrators").stream())
                        .peek(administrator -> require(administrator.id(), "ListDelegatedAdministrators", "a DelegatedAdministrator's Id"))
                        .toList());
        return administrators.stream().map(DelegatedAdministrator::id).sorted().findFirst();
    }

    @Override
    public List<OrgNode> roots() throws AwsCallException {
        return organizationsCall("ListRoots", () -> {
            List<OrgNode> roots = organizations.listRootsPaginator(r -> { })
                    .stream().flatMap(page -> requireList(page.roots(), "ListRoots", "Roots").stream())
                    .map(root -> new OrgNode(require(root.id(), "ListRoots", "a Root's Id"), root.name()))
                    .toList();
            // Every organization has exactly one root: none would make every account vanish from the scan.
            check(!roots.isEmpty(), "ListRoots", "no root (an organization always has one)");
            return roots;
        });
    }

    @Override
    public List<OrgNode> organizationalUnits(String parentId) throws AwsCallException {
        return organizationsCall("ListOrganizationalUnitsForParent",
                () -> organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parentId))
                        .stream().flatMap(page -> requireList(page.organizationalUnits(), "ListOrganizationalUnitsForParent",
                                "OrganizationalUnits").stream())
                        .map(ou -> new OrgNode(require(ou.id(), "ListOrganizationalUnitsForParent", "an OrganizationalUnit's Id"),
                                ou.name()))
                        .toList());
    }

    @Override
    public void accounts(String parentId, Consumer<List<AccountListing>> onPage) throws AwsCallException {
        // Page by page, one call each, with the accounts handed on between calls: the next page is
        // asked for only after they are.
        String token = null;
        do {
            String after = token;
            ListAccountsForParentResponse page = organizationsCall("ListAccountsForParent", () -> {
                ListAccountsForParentResponse answer = organizations.listAccountsForParent(r -> r.parentId(parentId).nextToken(after));
                requireList(answer.accounts(), "ListAccountsForParent", "Accounts").forEach(SdkAwsGateway::requireAccount);
                return answer;
            });
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
            ListPoliciesResponse page = organizationsCall("ListPolicies", () -> {
                ListPoliciesResponse answer = organizations.listPolicies(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY).nextToken(after));
                requireList(answer.policies(), "ListPolicies", "Policies")
                        .forEach(policy -> require(policy.id(), "ListPolicies", "a Policy's Id"));
                return answer;
            });
            page.policies().forEach(policy -> policies.add(new ScpSummary(policy.id(), policy.name())));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return policies;
    }

    @Override
    public String policyContent(String policyId) throws AwsCallException {
        return organizationsCall("DescribePolicy", () -> {
            var policy = require(organizations.describePolicy(r -> r.policyId(policyId)).policy(), "DescribePolicy", "Policy");
            return require(policy.content(), "DescribePolicy", "Policy.Content");
        });
    }

    @Override
    public List<String> policyTargets(String policyId) throws AwsCallException {
        List<String> targets = new ArrayList<>();
        String token = null;
        do {
            String after = token;
            ListTargetsForPolicyResponse page = organizationsCall("ListTargetsForPolicy", () -> {
                ListTargetsForPolicyResponse answer = organizations.listTargetsForPolicy(r -> r.policyId(policyId).nextToken(after));
                requireList(answer.targets(), "ListTargetsForPolicy", "Targets")
                        .forEach(target -> require(target.targetId(), "ListTargetsForPolicy", "a Target's TargetId"));
                return answer;
            });
            page.targets().forEach(target -> targets.add(target.targetId()));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return targets;
    }

    /** An account without an id, or with one that is not an account id, cannot be placed in the matrix. */
    private static void requireAccount(Account account) {
        String id = require(account.id(), "ListAccountsForParent", "an Account's Id");
        check(id.matches("\\d{12}"), "ListAccountsForParent", "an Account Id that is not a 12-digit id: " + id);
        check(account.stateAsString() != null || account.statusAsString() != null, "ListAccountsForParent",
                "account " + id + " without State or Status");
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
                requireList(ec2().describeRegions(r -> r.allRegions(true).overrideConfiguration(o -> o.credentialsProvider(credentials)))
                        .regions(), "DescribeRegions", "regionInfo")
                        .forEach(region -> regions.put(require(region.regionName(), "DescribeRegions", "a region's regionName"),
                                RegionOptStatus.fromAws(region.optInStatus())));
                // Every account has the regions that need no opt-in; an answer without one would make
                // the account's cells NOT_APPLICABLE on the word of a broken answer.
                check(regions.containsValue(RegionOptStatus.OPT_IN_NOT_REQUIRED), "DescribeRegions",
                        "no region with optInStatus opt-in-not-required (every account has some)");
                return regions;
            } catch (RuntimeException e) {
                throw Failures.of("DescribeRegions", clients.endpoint("ec2", home), e);
            }
        }

        @Override
        public List<Analyzer> analyzers(String region) throws AwsCallException {
            AccessAnalyzerClient client = SdkAwsGateway.this.analyzers(region);
            URI endpoint = clients.endpoint("access-analyzer", Region.of(region));
            Optional<String> refusal = clients.refusal(clients.endpointName("access-analyzer", Region.of(region)));
            if (refusal.isPresent()) {
                throw Failures.unanswering("ListAnalyzers", refusal.get());
            }
            try {
                List<Analyzer> analyzers = new ArrayList<>();
                client.listAnalyzersPaginator(r -> r.overrideConfiguration(o -> o.credentialsProvider(credentials)))
                        .stream()
                        .flatMap(page -> requireList(page.analyzers(), "ListAnalyzers", "analyzers").stream())
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
    static Analyzer analyzer(AnalyzerSummary summary) {
        require(summary.arn(), "ListAnalyzers", "an analyzer's arn");
        require(summary.typeAsString(), "ListAnalyzers", "analyzer " + summary.arn() + "'s type");
        require(summary.statusAsString(), "ListAnalyzers", "analyzer " + summary.arn() + "'s status");
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
                throw Failures.organizationRole(roles.orgRoleArn(), e);
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
