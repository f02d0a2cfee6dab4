package io.orgscan.bench;

import io.orgscan.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The whole environment of a benchmarked AWS client: the organization's keys, and no user config of AWS. */
final class AwsEnvironment {
    private AwsEnvironment() {
    }

    /**
     * @param dir  where the client's home folder and empty AWS config file go
     * @param path the client's {@code PATH}
     */
    static Map<String, String> of(Path dir, Scenario.Credentials credentials, String path) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path emptyConfig = Files.writeString(dir.resolve("empty-aws-config"), "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", emptyConfig.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", emptyConfig.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }
}
