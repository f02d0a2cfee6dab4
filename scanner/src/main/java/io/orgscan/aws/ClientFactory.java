package io.orgscan.aws;

import io.orgscan.scan.ScanLimits;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Builds every SDK client of a scan: one shared HTTP connection pool behind one limit on calls in
 * flight ({@link CallsInFlight}), the same profile, region and {@code --endpoint-url} for all, and
 * explicit retry settings (the SDK's default mode differs between versions); every number comes
 * from the scan's {@link ScanLimits}.
 */
final class ClientFactory implements AutoCloseable {
    private final AwsSettings settings;
    private final ScanLimits limits;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider baseCredentials;
    private final ScheduledThreadPoolExecutor timers;

    ClientFactory(AwsSettings settings, ScanLimits limits) {
        this.settings = settings;
        this.limits = limits;
        // The timeouts of every call of every client: one small pool instead of the SDK's default of
        // five threads per client, and a cancelled timeout (nearly all of them) leaves its queue at
        // once instead of staying there, with its request, until it would have fired: at 1,000 calls
        // a second and a 3-minute call timeout that would hold some 180,000 of them.
        this.timers = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "orgscan-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.http = new CallsInFlight(ApacheHttpClient.builder()
                .maxConnections(limits.connections())
                .connectionTimeout(limits.connectTimeout())
                .socketTimeout(limits.socketTimeout())
                .build(), limits.maxParallel());
        this.baseCredentials = baseCredentials(settings);
    }

    AwsCredentialsProvider baseCredentials() {
        return baseCredentials;
    }

    /**
     * Configures a client builder. {@code maxAttempts} counts the first try. The retry quota
     * (circuit breaker) is off: clients are shared across accounts, and one account's throttling
     * must not use up the retries of unrelated accounts.
     */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
                                                                               AwsCredentialsProvider credentials,
                                                                               int maxAttempts) {
        StandardRetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .circuitBreakerEnabled(false)
                .build();
        return build(builder, region, credentials, retries, limits.callTimeout());
    }

    /**
     * The Organizations client. Organizations throttles the calling account at rates AWS does not
     * publish, shared with the organization's other automation, and a listing page that still fails
     * loses the walk: so its retries are adaptive (after a throttle the client also slows the calls it
     * sends, all of them, as the one caller Organizations sees) and back off, with half jitter, within
     * {@link ScanLimits#organizationsRetries()}'s budget of minutes; its call timeout leaves room for
     * that budget. The retry quota stays as the SDK sets it (AdaptiveRetryStrategy offers no switch):
     * at most {@link ScanLimits#organizationsParallel()} calls retry at once, 4 x 13 retries x 5 of its
     * 500 tokens, and a call that succeeds gives back what its retries took.
     */
    OrganizationsClient organizations(Region region, AwsCredentialsProvider credentials) {
        ScanLimits.RetryBudget budget = limits.organizationsRetries();
        AdaptiveRetryStrategy retries = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(budget.attempts())
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(budget.baseDelay(), budget.maxBackoff()))
                .build();
        return build(OrganizationsClient.builder(), region, credentials, retries, limits.organizationsCallTimeout());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
                                                                                       AwsCredentialsProvider credentials,
                                                                                       RetryStrategy retries,
                                                                                       Duration callTimeout) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retries)
                        .scheduledExecutorService(timers)
                        .apiCallAttemptTimeout(limits.attemptTimeout())
                        .apiCallTimeout(callTimeout)
                        .build());
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(settings.endpointUrl());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider baseCredentials(AwsSettings settings) {
        if (settings.keys() != null) {
            AwsSettings.StaticKeys keys = settings.keys();
            return StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void close() {
        http.close();
        timers.shutdownNow();
    }
}
