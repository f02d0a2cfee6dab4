package io.orgscan.aws;

import static io.orgscan.aws.InvalidResponse.require;
import static io.orgscan.aws.InvalidResponse.requireList;

import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerType;
import io.orgscan.remediate.RemediationGateway;
import io.orgscan.scan.AwsCallException;
import io.orgscan.scan.CallerIdentity;
import io.orgscan.scan.ScanLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.CreateAnalyzerResponse;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS calls of {@code orgscan remediate --apply}, through the SDK with the scan's client factory:
 * the same credentials chain, endpoint override, proxies, retries (standard, the member calls' attempts)
 * and endpoint breaker. GetCallerIdentity, AssumeRole of the remediation role, ListAnalyzers and
 * CreateAnalyzer; nothing else.
 */
public final class SdkRemediationGateway implements RemediationGateway {
    private final ClientFactory clients;
    private final ScanLimits limits;
    private final RoleSettings roles;
    private final Region home;
    private final StsClient sts;
    private final Map<String, AccessAnalyzerClient> analyzersByRegion = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AutoCloseable> closeables = new ConcurrentLinkedQueue<>();
    private volatile CallerIdentity caller;

    public SdkRemediationGateway(AwsSettings settings, RoleSettings roles, ScanLimits limits) {
        this.clients = new ClientFactory(settings, limits);
        this.limits = limits;
        this.roles = roles;
        this.home = Region.of(settings.region());
        this.sts = clients.build(StsClient.builder(), "sts", home, clients.baseCredentials(), limits.stsAttempts());
    }

    @Override
    public CallerIdentity callerIdentity() throws AwsCallException {
        try {
            GetCallerIdentityResponse response = sts.getCallerIdentity(
                    r -> r.overrideConfiguration(o -> o.apiCallTimeout(limits.startTimeout())));
            caller = new CallerIdentity(require(response.arn(), "GetCallerIdentity", "Arn"),
                    require(response.account(), "GetCallerIdentity", "Account"));
            return caller;
        } catch (RuntimeException e) {
            throw Failures.of("GetCallerIdentity", clients.endpoint("sts", home), e);
        }
    }

    @Override
    public String roleArn(String accountId) {
        CallerIdentity self = caller;
        if (self != null && self.accountId().equals(accountId)) {
            return self.arn();
        }
        return "arn:" + (self == null ? "aws" : self.partition()) + ":iam::" + accountId + ":role/" + roles.roleName();
    }

    @Override
    public Target target(String accountId) throws AwsCallException {
        CallerIdentity self = caller != null ? caller : callerIdentity();
        if (accountId.equals(self.accountId())) {
            return new AccountTarget(clients.baseCredentials());
        }
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn(accountId)).roleSessionName(roles.roleSessionName())
                        .externalId(roles.externalId()))
                .build();
        closeables.add(provider);
        try {
            provider.resolveCredentials();
        } catch (RuntimeException e) {
            throw Failures.of("AssumeRole", clients.endpoint("sts", home), e);
        }
        return new AccountTarget(provider);
    }

    /** One account's calls, with its credentials on the shared regional clients. */
    private final class AccountTarget implements Target {
        private final AwsCredentialsProvider credentials;

        AccountTarget(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
        }

        @Override
        public List<Analyzer> analyzers(String region) throws AwsCallException {
            URI endpoint = clients.endpoint("access-analyzer", Region.of(region));
            try {
                List<Analyzer> analyzers = new ArrayList<>();
                client(region).listAnalyzersPaginator(r -> r.overrideConfiguration(o -> o.credentialsProvider(credentials)))
                        .stream()
                        .flatMap(page -> requireList(page.analyzers(), "ListAnalyzers", "analyzers").stream())
                        .forEach(summary -> analyzers.add(SdkAwsGateway.analyzer(summary)));
                return analyzers;
            } catch (RuntimeException e) {
                throw Failures.of("ListAnalyzers", endpoint, e);
            }
        }

        @Override
        public Created create(String region, String name, AnalyzerType type, String clientToken) throws AwsCallException {
            if (!type.analyzesExternalAccess()) {
                // The control asks for external access; remediate never creates a paid or another kind of analyzer.
                throw new IllegalArgumentException("remediate creates only ACCOUNT or ORGANIZATION analyzers, not " + type);
            }
            URI endpoint = clients.endpoint("access-analyzer", Region.of(region));
            try {
                CreateAnalyzerResponse response = client(region).createAnalyzer(r -> r.analyzerName(name)
                        .type(Type.fromValue(type.name())).clientToken(clientToken)
                        .overrideConfiguration(o -> o.credentialsProvider(credentials)));
                return new Created(require(response.arn(), "CreateAnalyzer", "arn"), response.responseMetadata().requestId());
            } catch (RuntimeException e) {
                throw Failures.of("CreateAnalyzer", endpoint, e);
            }
        }
    }

    private AccessAnalyzerClient client(String region) {
        return analyzersByRegion.computeIfAbsent(region, r -> clients.build(AccessAnalyzerClient.builder(), "access-analyzer",
                Region.of(r), clients.baseCredentials(), limits.memberAttempts()));
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        }
        analyzersByRegion.values().forEach(AccessAnalyzerClient::close);
        sts.close();
        clients.close();
    }
}
