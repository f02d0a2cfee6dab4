package io.orgscan.aws;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS shared config and credentials files, found as the AWS CLI finds them but through the CLI's
 * injected environment ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}), falling back
 * to the SDK's defaults ({@code ~/.aws/config}, {@code ~/.aws/credentials}).
 */
public final class SharedFiles {
    static final String CONFIG_FILE = "AWS_CONFIG_FILE";
    static final String CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";

    private SharedFiles() {
    }

    static ProfileFile profileFile(Map<String, String> env) {
        String config = env.get(CONFIG_FILE);
        String credentials = env.get(CREDENTIALS_FILE);
        if (config == null && credentials == null) {
            return ProfileFile.defaultProfileFile();
        }
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        files.addFile(config == null ? defaultFile(ProfileFile.Type.CONFIGURATION)
                : file(Path.of(config), ProfileFile.Type.CONFIGURATION));
        files.addFile(credentials == null ? defaultFile(ProfileFile.Type.CREDENTIALS)
                : file(Path.of(credentials), ProfileFile.Type.CREDENTIALS));
        return files.build();
    }

    /**
     * The {@code region} of a named profile, as the AWS CLI uses it when {@code --region} and the
     * region variables are absent; empty when the profile names none (or the files do not exist).
     * {@code env} is the CLI's environment.
     */
    public static Optional<String> profileRegion(Map<String, String> env, String profile) {
        try {
            return profileFile(env).profile(profile).flatMap((Profile p) -> p.property(ProfileProperty.REGION))
                    .map(String::strip).filter(region -> !region.isEmpty());
        } catch (RuntimeException unreadable) {
            // The credentials provider reports an unreadable file, with its own words, at the first call.
            return Optional.empty();
        }
    }

    private static ProfileFile file(Path path, ProfileFile.Type type) {
        if (!path.toFile().isFile()) {
            return ProfileFile.aggregator().build();
        }
        return ProfileFile.builder().content(path).type(type).build();
    }

    private static ProfileFile defaultFile(ProfileFile.Type type) {
        Path home = Path.of(System.getProperty("user.home"), ".aws", type == ProfileFile.Type.CONFIGURATION ? "config" : "credentials");
        return file(home, type);
    }
}
