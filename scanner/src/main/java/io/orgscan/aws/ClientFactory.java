package io.orgscan.aws;

import io.orgscan.scan.ScanLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

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
    private final EndpointBreaker breaker;
    /** What the credentials providers built here hold (STS clients, refresh threads), closed with the factory. */
    private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();

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
        ProxyEnvironment proxies = ProxyEnvironment.from(settings.environment());
        ApacheHttpClient.Builder apache = ApacheHttpClient.builder();
        URI endpoint = settings.endpointUrl();
        if (endpoint != null && proxies.proxyFor(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort()).isPresent()
                && "http".equalsIgnoreCase(endpoint.getScheme())) {
            // A proxy that forwards plain http (not a CONNECT tunnel) may close the connection after each
            // answer without saying so (tinyproxy does), and a pooled connection it closed fails the next
            // call with NoHttpResponseException, attempt after attempt: one connection a call there.
            apache.connectionTimeToLive(Duration.ofMillis(1));
        }
        this.http = new CallsInFlight(apache
                .maxConnections(limits.connections())
                .connectionTimeout(limits.connectTimeout())
                .socketTimeout(limits.socketTimeout())
                // The proxies as the AWS CLI chooses them, per request; the SDK's own reading
                // (HTTP_PROXY and http.proxyHost only, for every scheme) is off.
                .proxyConfiguration(ProxyConfiguration.builder()
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariableValues(false)
                        .build())
                .httpRoutePlanner(new ProxyRoutePlanner(proxies))
                .build(), limits.maxParallel());
        this.breaker = new EndpointBreaker(limits.unansweredAttempts());
        this.baseCredentials = baseCredentials(settings);
    }

    /**
     * The endpoint a client of the service whose host name starts with {@code prefix} calls in
     * {@code region}: {@code --endpoint-url} if given, else the partition's regional endpoint, which
     * is what the SDK calls for the services of this scan (STS regional, Organizations in its
     * partition's home region, which is the region the scan gives it).
     */
    URI endpoint(String prefix, Region region) {
        if (settings.endpointUrl() != null) {
            return settings.endpointUrl();
        }
        PartitionMetadata partition = PartitionMetadata.of(region);
        // Organizations has one endpoint per partition, in its home region.
        String regionId = !prefix.equals("organizations") ? region.id() : switch (partition.id()) {
            case "aws-us-gov" -> "us-gov-west-1";
            case "aws-cn" -> "cn-northwest-1";
            default -> "us-east-1";
        };
        return URI.create("https://" + prefix + "." + regionId + "." + partition.dnsSuffix());
    }

    /**
     * The name under which the scan's {@link EndpointBreaker} counts the unanswered attempts of the
     * client of {@code prefix} in {@code region}: its endpoint (scheme, host, port), one per service and
     * region on AWS. With {@code --endpoint-url}, which every client shares, the service and region are
     * added: a region that stops answering behind it is then told from those that answer, whose answers
     * would otherwise close the breaker again at once.
     */
    String endpointName(String prefix, Region region) {
        String endpoint = EndpointBreaker.key(endpoint(prefix, region));
        return settings.endpointUrl() == null ? endpoint : endpoint + " (" + prefix + " " + region.id() + ")";
    }

    /** Why a call to the endpoint named {@code endpointName} is not sent (it stopped answering), or empty. */
    Optional<String> refusal(String endpointName) {
        return breaker.refusal(endpointName);
    }

    AwsCredentialsProvider baseCredentials() {
        return baseCredentials;
    }

    /**
     * Configures a client builder for the service whose endpoints start with {@code prefix}.
     * {@code maxAttempts} counts the first try. The retry quota (circuit breaker) is off: clients are
     * shared across accounts, and one account's throttling must not use up the retries of unrelated
     * accounts. What is on is the scan's {@link EndpointBreaker}: an endpoint that stops answering
     * stops being called.
     */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String prefix, Region region,
                                                                               AwsCredentialsProvider credentials,
                                                                               int maxAttempts) {
        StandardRetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .circuitBreakerEnabled(false)
                .build();
        return build(builder, region, credentials, new BreakingRetryStrategy(retries, breaker, endpointName(prefix, region)),
                limits.callTimeout());
    }

    /**
     * The Organizations client. Organizations throttles the calling account at rates AWS does not
     * publish, shared with the organization's other automation, and a listing page that still fails
     * loses the walk: so its retries are adaptive (after a throttle the client also slows the calls it
     * sends, all of them, as the one caller Organizations sees) and back off, with half jitter, within
     * {@link ScanLimits#organizationsRetries()}'s budget of minutes; its call timeout leaves room for
     * that budget. The retry quota stays as the SDK sets it (AdaptiveRetryStrategy offers no switch):
     * at most {@link ScanLimits#organizationsParallel()} calls retry at once, 4 x 13 retries x 5 of its
     * 500 tokens, and a call that succeeds gives back what its retries took. The budget is for throttling
     * only ({@link ThrottlingOnlyBudget}): a call that fails otherwise, an answer that cannot be parsed
     * included, gets {@link ScanLimits#organizationsOtherAttempts()}, and the scan says so in seconds.
     */
    OrganizationsClient organizations(Region region, AwsCredentialsProvider credentials) {
        ScanLimits.RetryBudget budget = limits.organizationsRetries();
        AdaptiveRetryStrategy retries = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(budget.attempts())
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(budget.baseDelay(), budget.maxBackoff()))
                .build();
        return build(OrganizationsClient.builder(), region, credentials,
                new ThrottlingOnlyBudget(retries, limits.organizationsOtherAttempts()), limits.organizationsCallTimeout());
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

    /**
     * An StsClient for credentials providers, as the scan's own (home region, proxies, {@code
     * --endpoint-url}, timeouts), calling with {@code credentials}; closed with this factory.
     */
    private StsClient credentialsSts(AwsCredentialsProvider credentials) {
        StsClient sts = build(StsClient.builder(), "sts", Region.of(settings.region()), credentials, limits.stsAttempts());
        owned.add(sts);
        return sts;
    }

    private AwsCredentialsProvider baseCredentials(AwsSettings settings) {
        if (settings.keys() != null) {
            AwsSettings.StaticKeys keys = settings.keys();
            return StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (settings.profile() != null) {
            ProfileFile files = SharedFiles.profileFile(settings.environment());
            Optional<Profile> profile = files.profile(settings.profile());
            if (profile.isPresent() && profile.get().property("login_session").isPresent()
                    && profile.get().property("credential_process").isEmpty()) {
                // `aws login` profiles need the SDK's signin module, which this SDK line does not have.
                String name = settings.profile();
                return () -> {
                    throw SdkClientException.create("profile '" + name + "' uses login_session (aws login): set"
                            + " credential_process = aws configure export-credentials --profile " + name + " --format process");
                };
            }
            AwsCredentialsProvider provider = new ProfileCredentials(files, this::credentialsSts).of(settings.profile());
            if (provider instanceof AutoCloseable closeable) {
                owned.add(closeable);
            }
            return provider;
        }
        Map<String, String> env = settings.environment();
        if (env.containsKey("AWS_ROLE_ARN") && env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE")) {
            // Where the SDK's default chain would take them (after keys, before profiles), but through the
            // scan's own StsClient, as ProfileCredentials does for a web_identity_token_file profile.
            AwsCredentialsProvider provider = software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider
                    .builder()
                    .stsClient(credentialsSts(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()))
                    .roleArn(env.get("AWS_ROLE_ARN"))
                    .roleSessionName(env.getOrDefault("AWS_ROLE_SESSION_NAME", "orgscan-" + System.currentTimeMillis()))
                    .webIdentityTokenFile(java.nio.file.Path.of(env.get("AWS_WEB_IDENTITY_TOKEN_FILE")))
                    .build();
            owned.add((AutoCloseable) provider);
            return provider;
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : owned) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing what only held connections and a refresh thread: nothing to report
            }
        }
        http.close();
        timers.shutdownNow();
    }
}
