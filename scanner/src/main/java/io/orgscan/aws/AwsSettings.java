package io.orgscan.aws;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach AWS: the AWS CLI's own notions of profile, region and endpoint URL.
 *
 * @param profile     a named profile of the shared config files, or null
 * @param region      the home region: STS, Organizations and DescribeRegions are called there
 * @param endpointUrl one endpoint for every service (as the AWS CLI's {@code --endpoint-url}), or null
 * @param keys        explicit keys (from the environment), or null for the SDK's default chain
 */
public record AwsSettings(String profile, String region, URI endpointUrl, StaticKeys keys) {
    public AwsSettings {
        Objects.requireNonNull(region, "region");
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
