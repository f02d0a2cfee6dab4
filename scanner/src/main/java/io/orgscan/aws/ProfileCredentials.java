package io.orgscan.aws;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/**
 * A named profile's credentials, read as the AWS CLI reads them, with one difference from the SDK's
 * {@link ProfileCredentialsProvider}: the profiles whose credentials come from STS ({@code role_arn}
 * with {@code source_profile} or {@code credential_source}, {@code web_identity_token_file}) call it
 * through an StsClient the scan builds ({@code sts}: the home region's regional endpoint, the scan's
 * proxies, {@code --endpoint-url}, its timeouts and retries). The SDK's own providers build an
 * StsClient of their own that knows none of those: behind a proxy their AssumeRole never arrived,
 * and without a region they called the global endpoint, whose tokens opt-in regions refuse. Every
 * other profile (keys, SSO, {@code credential_process}) is the SDK's provider.
 */
final class ProfileCredentials {
    private final ProfileFile files;
    private final Function<AwsCredentialsProvider, StsClient> sts;

    /** @param sts the scan's StsClient calling with the given credentials */
    ProfileCredentials(ProfileFile files, Function<AwsCredentialsProvider, StsClient> sts) {
        this.files = files;
        this.sts = sts;
    }

    AwsCredentialsProvider of(String name) {
        return of(name, new LinkedHashSet<>());
    }

    private AwsCredentialsProvider of(String name, Set<String> chain) {
        Optional<Profile> found = files.profile(name);
        if (found.isEmpty()) {
            return sdk(name); // the SDK's own words for a profile that is not there
        }
        Profile profile = found.get();
        Optional<String> roleArn = profile.property("role_arn");
        if (roleArn.isEmpty()) {
            return sdk(name);
        }
        if (profile.property("mfa_serial").isPresent()) {
            return failing("profile '" + name + "' needs an MFA code (mfa_serial), which orgscan cannot ask for: use a"
                    + " profile with credential_process, or the AWS_* keys of a session you started");
        }
        Optional<String> token = profile.property("web_identity_token_file");
        if (token.isPresent()) {
            return StsWebIdentityTokenFileCredentialsProvider.builder()
                    .stsClient(sts.apply(AnonymousCredentialsProvider.create()))
                    .roleArn(roleArn.get())
                    .roleSessionName(sessionName(profile))
                    .webIdentityTokenFile(Path.of(token.get()))
                    .build();
        }
        if (!chain.add(name)) {
            return failing("profile '" + name + "': source_profile goes round in a loop (" + String.join(" > ", chain)
                    + " > " + name + ")");
        }
        AwsCredentialsProvider source;
        Optional<String> sourceProfile = profile.property("source_profile");
        Optional<String> credentialSource = profile.property("credential_source");
        if (sourceProfile.isPresent()) {
            // A profile that is its own source uses its own keys, as in the AWS CLI.
            source = sourceProfile.get().equals(name) ? keys(profile) : of(sourceProfile.get(), chain);
        } else if (credentialSource.isPresent()) {
            source = switch (credentialSource.get()) {
                case "Environment" -> EnvironmentVariableCredentialsProvider.create();
                case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
                case "EcsContainer" -> ContainerCredentialsProvider.builder().build();
                default -> failing("profile '" + name + "': credential_source " + credentialSource.get()
                        + " is not one of Environment, Ec2InstanceMetadata, EcsContainer");
            };
        } else {
            return sdk(name); // the SDK says what is missing
        }
        StsClient client = sts.apply(source);
        Optional<String> externalId = profile.property("external_id");
        Optional<Integer> duration = profile.property("duration_seconds").map(String::strip).map(Integer::valueOf);
        String session = sessionName(profile);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(r -> r.roleArn(roleArn.get()).roleSessionName(session)
                        .externalId(externalId.orElse(null)).durationSeconds(duration.orElse(null)))
                .build();
    }

    private AwsCredentialsProvider sdk(String name) {
        return ProfileCredentialsProvider.builder().profileFile(files).profileName(name).build();
    }

    /** The AWS CLI's {@code role_session_name}, else one naming orgscan and the moment, as the SDK's does. */
    private static String sessionName(Profile profile) {
        return profile.property("role_session_name").orElse("orgscan-" + System.currentTimeMillis());
    }

    private static AwsCredentialsProvider keys(Profile profile) {
        Optional<String> id = profile.property("aws_access_key_id");
        Optional<String> secret = profile.property("aws_secret_access_key");
        if (id.isEmpty() || secret.isEmpty()) {
            return failing("profile '" + profile.name() + "' is its own source_profile but has no aws_access_key_id"
                    + " and aws_secret_access_key");
        }
        Optional<String> token = profile.property("aws_session_token");
        return StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(id.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(id.get(), secret.get()));
    }

    private static AwsCredentialsProvider failing(String reason) {
        return () -> {
            throw SdkClientException.create(reason);
        };
    }
}
