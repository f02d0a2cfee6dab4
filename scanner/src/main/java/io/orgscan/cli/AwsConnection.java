package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.SharedFiles;

/** How a command that calls AWS finds its credentials, home region and endpoint: as the AWS CLI does. */
final class AwsConnection {
    private AwsConnection() {
    }

    /**
     * The profile ({@code --profile}, else AWS_PROFILE), the home region (--region, AWS_REGION,
     * AWS_DEFAULT_REGION, the profile's region, else us-east-1) and the endpoint (--endpoint-url, else
     * AWS_ENDPOINT_URL).
     */
    static AwsSettings settings(CliContext context, String profile, String region, String endpointUrl)
            throws UsageException {
        String profileName = ScanCommand.firstNonNull(profile, context.env("AWS_PROFILE"));
        // As the AWS CLI: the profile's own region comes after the options and variables that name one.
        String profileRegion = profileName == null ? null : SharedFiles.profileRegion(context.env(), profileName).orElse(null);
        String home = InputChecks.region(region == null && context.env("AWS_REGION") == null
                        && context.env("AWS_DEFAULT_REGION") == null && profileRegion != null ? "region of profile " + profileName : "--region",
                ScanCommand.firstNonNull(region, context.env("AWS_REGION"), context.env("AWS_DEFAULT_REGION"), profileRegion, "us-east-1"));
        return new AwsSettings(
                profileName,
                home,
                InputChecks.endpoint(ScanCommand.firstNonNull(endpointUrl, context.env("AWS_ENDPOINT_URL"))),
                profile == null ? EnvironmentKeys.from(context) : null,
                AwsSettings.networkVariables(context.env()));
    }
}
