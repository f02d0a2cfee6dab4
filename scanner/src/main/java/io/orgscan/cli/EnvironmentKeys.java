package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;

/** Credentials from the AWS_* environment variables, as the AWS CLI reads them. */
final class EnvironmentKeys {
    private EnvironmentKeys() {
    }

    /** The keys in the environment, or null to let the SDK's default chain decide. */
    static AwsSettings.StaticKeys from(CliContext context) {
        String keyId = context.env("AWS_ACCESS_KEY_ID");
        String secret = context.env("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            return null;
        }
        return new AwsSettings.StaticKeys(keyId, secret, context.env("AWS_SESSION_TOKEN"));
    }
}
