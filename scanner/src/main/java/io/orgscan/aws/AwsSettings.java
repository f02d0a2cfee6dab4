package io.orgscan.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach AWS: the AWS CLI's own notions of profile, region and endpoint URL.
 *
 * @param profile     a named profile of the shared config files, or null
 * @param region      the home region: STS, Organizations and DescribeRegions are called there
 * @param endpointUrl one endpoint for every service (as the AWS CLI's {@code --endpoint-url}), or null
 * @param keys        explicit keys (from the environment), or null for the SDK's default chain
 * @param environment the variables of the environment that decide how AWS is reached, from the CLI's
 *                    injected environment: the proxies ({@code https_proxy}, {@code http_proxy},
 *                    {@code no_proxy}, either case), routed as in the AWS CLI, and the shared files'
 *                    paths ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE})
 */
public record AwsSettings(String profile, String region, URI endpointUrl, StaticKeys keys, Map<String, String> environment) {
    public AwsSettings {
        Objects.requireNonNull(region, "region");
        environment = Map.copyOf(environment);
    }

    /** Without proxies (every call goes directly) and with the SDK's default shared files. */
    public AwsSettings(String profile, String region, URI endpointUrl, StaticKeys keys) {
        this(profile, region, endpointUrl, keys, Map.of());
    }

    /** The variables of a web identity from the environment (EKS IRSA, GitHub Actions OIDC), as the SDK reads them. */
    public static final java.util.List<String> WEB_IDENTITY_VARIABLES =
            java.util.List.of("AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME");

    /** The variables of {@code env} that {@link #environment()} keeps, and nothing else of it. */
    public static Map<String, String> networkVariables(Map<String, String> env) {
        Map<String, String> proxies = new TreeMap<>();
        env.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.equals("https_proxy") || lower.equals("http_proxy") || lower.equals("no_proxy")
                    || name.equals(SharedFiles.CONFIG_FILE) || name.equals(SharedFiles.CREDENTIALS_FILE)
                    || WEB_IDENTITY_VARIABLES.contains(name)) && value != null) {
                proxies.put(name, value);
            }
        });
        return proxies;
    }

    /** Explicit credentials. {@link #toString()} never shows the secret or the token. */
    public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                    + (sessionToken == null ? "" : ", sessionToken=****") + "]";
        }
    }
}
