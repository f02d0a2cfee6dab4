package io.orgscan.e2e.sim;

import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioException;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A fresh simulator of {@code scenarios/sim-wire-test.json} (fault counters start full) plus real SDK
 * clients pointed at it through {@code endpointOverride}, the Apache HTTP client and static credentials.
 * Retries are the SDK's standard strategy (3 attempts, AWS retry conditions) with millisecond backoff,
 * so retried faults are visible in the stats without slowing the suite.
 */
final class WireFixture implements AutoCloseable {
    static final String MANAGEMENT = "111111111111";
    static final String SECURITY = "222222222222";
    static final String DENIED = "333333333333";
    static final String MEMBER = "444444444444";
    static final String THROTTLED = "555555555555";
    static final String OPTED_IN = "666666666666";
    static final String SUSPENDED = "777777777777";
    static final String NO_LEGACY_STATUS = "888888888888";
    static final String OUTSIDER = "999999999999";
    static final String OPTED_IN_EXTERNAL_ID = "orgscan-external-id";
    static final String ROOT = "r-sim1";
    static final String WORKLOADS = "ou-sim1-workload";
    static final String ROLE = "OrganizationAccountAccessRole";
    static final int MAX_ATTEMPTS = 3;

    static final AwsCredentialsProvider MANAGEMENT_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMWIREMGMT00001", "mgmt-secret"));
    static final AwsCredentialsProvider SECURITY_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMWIRESECURITY1", "security-secret"));
    static final AwsCredentialsProvider MEMBER_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMWIREMEMBER001", "member-secret"));
    static final AwsCredentialsProvider OUTSIDER_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMWIREOUTSIDER1", "outsider-secret"));
    static final AwsCredentialsProvider UNKNOWN_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIANOBODYKNOWSTHIS1", "whatever"));

    final AwsSimulator simulator;
    private final SdkHttpClient http;

    private WireFixture(Scenario scenario, int latencyMs) {
        try {
            this.simulator = AwsSimulator.start(scenario, 0, latencyMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.http = ApacheHttpClient.builder().maxConnections(64).build();
    }

    static WireFixture start() {
        return new WireFixture(scenario(), 0);
    }

    static WireFixture start(Scenario scenario, int latencyMs) {
        return new WireFixture(scenario, latencyMs);
    }

    /** The wire-test scenario, read from the test classpath with the simulator's own loader. */
    static Scenario scenario() {
        try (InputStream in = WireFixture.class.getResourceAsStream("/scenarios/sim-wire-test.json")) {
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "scenarios/sim-wire-test.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static RetryStrategy fastRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(5)))
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(5)))
                .circuitBreakerEnabled(false)
                .build();
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().retryStrategy(fastRetries())
                .apiCallTimeout(Duration.ofSeconds(30)).build();
    }

    OrganizationsClient organizations(AwsCredentialsProvider credentials, Region region) {
        return OrganizationsClient.builder().endpointOverride(simulator.endpoint()).httpClient(http)
                .credentialsProvider(credentials).region(region).overrideConfiguration(overrides()).build();
    }

    StsClient sts(AwsCredentialsProvider credentials, Region region) {
        return StsClient.builder().endpointOverride(simulator.endpoint()).httpClient(http)
                .credentialsProvider(credentials).region(region).overrideConfiguration(overrides()).build();
    }

    Ec2Client ec2(AwsCredentialsProvider credentials, Region region) {
        return Ec2Client.builder().endpointOverride(simulator.endpoint()).httpClient(http)
                .credentialsProvider(credentials).region(region).overrideConfiguration(overrides()).build();
    }

    AccessAnalyzerClient accessAnalyzer(AwsCredentialsProvider credentials, Region region) {
        return AccessAnalyzerClient.builder().endpointOverride(simulator.endpoint()).httpClient(http)
                .credentialsProvider(credentials).region(region).overrideConfiguration(overrides()).build();
    }

    /** AssumeRole into an account with the management keys, from us-east-1. */
    StaticCredentialsProvider assume(String accountId) {
        return assume(accountId, accountId.equals(OPTED_IN) ? OPTED_IN_EXTERNAL_ID : null);
    }

    StaticCredentialsProvider assume(String accountId, String externalId) {
        try (StsClient sts = sts(MANAGEMENT_KEYS, Region.US_EAST_1)) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/" + ROLE)
                    .roleSessionName("wire-test").externalId(externalId)).credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }

    @Override
    public void close() {
        http.close();
        simulator.close();
    }
}
