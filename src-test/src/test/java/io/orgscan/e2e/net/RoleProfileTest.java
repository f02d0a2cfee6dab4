package io.orgscan.e2e.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles whose credentials come from STS call it through the scan's own StsClient (issue 13 item 6):
 * {@code --endpoint-url}, the home region, the proxies. With the SDK's own provider the AssumeRole of a
 * {@code role_arn} profile went to https://sts.us-east-1.amazonaws.com whatever --endpoint-url said, so
 * the scan could not start here; now the simulator answers it, and the scan runs as the assumed role.
 * Only AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE say where the files are; no AWS_* keys.
 */
class RoleProfileTest {
    static final String ROLE = "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole";

    @TempDir
    Path dir;
    Path config;
    Path credentials;

    @BeforeEach
    void files() throws Exception {
        credentials = Files.writeString(dir.resolve("credentials"), """
                [base]
                aws_access_key_id = AKIAHOSTILEMGMT00001
                aws_secret_access_key = hostile-management-secret
                """);
        config = Files.writeString(dir.resolve("config"), """
                [profile audit]
                role_arn = %s
                source_profile = base
                role_session_name = orgscan-profile-test
                region = eu-west-1

                [profile chained]
                role_arn = %s
                source_profile = audit
                role_session_name = chained-test

                [profile federated]
                role_arn = %s
                web_identity_token_file = %s
                role_session_name = federated-test
                region = us-east-1
                """.formatted(ROLE, ROLE, ROLE, Files.writeString(dir.resolve("token"), "eyJhbGciOi.fake.token")));
    }

    private OrgscanInProcess.Result scan(AwsSimulator simulator, String profile, String out) {
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                credentials.toString(), "ORGSCAN_TEST_TIMEOUT_MS", "5000");
        return OrgscanInProcess.run(env, "scan", "--profile", profile, "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", dir.resolve(out).toString());
    }

    @Test
    void aRoleArnProfilesAssumeRoleReachesTheEndpointUrlAndTheScanRunsAsTheRole() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/scenarios/hostile-answers.json"));
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            OrgscanInProcess.Result audit = scan(simulator, "audit", "audit");

            assertThat(audit.exitCode()).as(audit.all()).isZero();
            // Only the simulator's AssumeRole, asked with the base profile's keys, mints this identity.
            assertThat(callerArn("audit")).isEqualTo("arn:aws:sts::111111111111:assumed-role/OrganizationAccountAccessRole/"
                    + "orgscan-profile-test");
            assertThat(simulator.stats().count("sts", "AssumeRole", "111111111111")).isGreaterThanOrEqualTo(1);

            // A role profile whose source is a role profile: two AssumeRoles, both on the simulator.
            OrgscanInProcess.Result chained = scan(simulator, "chained", "chained");
            assertThat(chained.exitCode()).as(chained.all()).isZero();
            assertThat(callerArn("chained")).endsWith("assumed-role/OrganizationAccountAccessRole/chained-test");
        }
    }

    @Test
    void aWebIdentityProfilesCallReachesTheEndpointUrl() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/scenarios/hostile-answers.json"));
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            OrgscanInProcess.Result federated = scan(simulator, "federated", "federated");

            // The simulator has no AssumeRoleWithWebIdentity: what matters is that it, not AWS, was asked.
            assertThat(federated.exitCode()).as(federated.all()).isEqualTo(2);
            // Unsigned, as AssumeRoleWithWebIdentity is: the simulator, which knows callers by their signature, refused it.
            assertThat(federated.startLine()).contains("MissingAuthenticationToken");
            assertThat(simulator.stats().total()).as(federated.all()).isGreaterThanOrEqualTo(1);
            System.out.println("RoleProfileTest web identity: " + federated.err().strip());
        }
    }

    @Test
    void aWebIdentityFromTheEnvironmentReachesTheEndpointUrlToo() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/scenarios/hostile-answers.json"));
        Path empty = Files.writeString(dir.resolve("empty-config"), "");
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            // EKS (IRSA) and CI OIDC set these and no profile; without --profile they come before any profile.
            Map<String, String> env = Map.of("AWS_CONFIG_FILE", empty.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                    empty.toString(), "ORGSCAN_TEST_TIMEOUT_MS", "5000", "AWS_REGION", "us-east-1",
                    "AWS_ROLE_ARN", ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                    Files.writeString(dir.resolve("env-token"), "eyJhbGciOi.fake.token").toString());
            OrgscanInProcess.Result federated = OrgscanInProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--out-dir", dir.resolve("env-federated").toString());

            // As for the profile: the simulator (not AWS, not the SDK's own STS client) was asked, unsigned.
            assertThat(federated.exitCode()).as(federated.all()).isEqualTo(2);
            assertThat(federated.startLine()).contains("MissingAuthenticationToken");
            assertThat(simulator.stats().total()).as(federated.all()).isGreaterThanOrEqualTo(1);
        }
    }

    private String callerArn(String out) throws Exception {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("scan.json").toFile()).findValue("caller_arn").asText();
    }
}
