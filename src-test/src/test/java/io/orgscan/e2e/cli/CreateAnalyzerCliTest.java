package io.orgscan.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 step 2: the simulator's CreateAnalyzer as the AWS CLI sees it, the calls {@code orgscan
 * remediate --apply} makes: a taken name, an ORGANIZATION analyzer from an account that may not create one,
 * and without trusted access for IAM Access Analyzer in the organization (the demo organization, with
 * {@code organization.trustedAccessDisabled} for the last).
 */
class CreateAnalyzerCliTest {
    private static final String ADMIN = "131091502096";
    private static final String MANAGEMENT = "179974257960";
    private static final String MEMBER = "213841004111";
    private static final String REGION = "ap-northeast-3";
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    @TempDir
    static Path dir;
    static Path executable;
    static ScenarioFacts facts;
    static Path demo;

    @BeforeAll
    static void findTheCli() {
        Optional<Path> found = AwsCli.locate();
        if (found.isEmpty()) {
            String message = "AWS CLI not found; install it with: " + AwsCli.INSTALL_HINT;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        executable = found.get();
        for (Path d = Path.of("").toAbsolutePath(); d != null && demo == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("samples/demo-org.json"))) {
                demo = d.resolve("samples/demo-org.json");
            }
        }
        facts = ScenarioFacts.read(demo);
    }

    @Test
    void aTakenNameAndAnOrganizationAnalyzerOfAMemberAreRefusedAsAwsRefusesThem() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ScenarioLoader.load(demo), 0, 0)) {
            AwsCli cli = new AwsCli(executable, sim.endpoint(), Files.createDirectories(dir.resolve("a")), Duration.ofSeconds(60));
            CliCredentials member = CliCredentials.fromAssumeRole(cli.run(facts.credentialsOf(MANAGEMENT), "us-east-1",
                    "sts", "assume-role", "--role-arn", "arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole",
                    "--role-session-name", "remediate").json());

            CliResult created = cli.run(member, REGION, "accessanalyzer", "create-analyzer", "--analyzer-name",
                    "orgscan-account-external-access", "--type", "ACCOUNT", "--client-token", "t-1");
            assertThat(created.json().path("arn").asText())
                    .isEqualTo("arn:aws:access-analyzer:" + REGION + ":" + MEMBER + ":analyzer/orgscan-account-external-access");
            CliResult retried = cli.run(member, REGION, "accessanalyzer", "create-analyzer", "--analyzer-name",
                    "orgscan-account-external-access", "--type", "ACCOUNT", "--client-token", "t-1");
            assertThat(retried.json().path("arn").asText()).isEqualTo(created.json().path("arn").asText());
            CliResult taken = cli.run(member, REGION, "accessanalyzer", "create-analyzer", "--analyzer-name",
                    "orgscan-account-external-access", "--type", "ACCOUNT", "--client-token", "t-2");
            assertThat(taken.errorCode()).as(taken.describe()).contains("ConflictException");
            assertThat(taken.exitCode()).isEqualTo(CliResult.SERVICE_ERROR_EXIT);

            CliResult organization = cli.run(member, REGION, "accessanalyzer", "create-analyzer", "--analyzer-name",
                    "org", "--type", "ORGANIZATION");
            assertThat(organization.errorCode()).as(organization.describe()).contains("AccessDeniedException");

            CliResult byAdmin = cli.run(facts.credentialsOf(ADMIN), REGION, "accessanalyzer", "create-analyzer",
                    "--analyzer-name", "orgscan-organization-external-access", "--type", "ORGANIZATION");
            assertThat(byAdmin.json().path("arn").asText()).endsWith(":" + ADMIN + ":analyzer/orgscan-organization-external-access");
            CliResult listed = cli.run(facts.credentialsOf(ADMIN), REGION, "accessanalyzer", "list-analyzers");
            assertThat(listed.json().path("analyzers")).extracting(a -> a.path("name").asText() + " " + a.path("type").asText()
                    + " " + a.path("status").asText()).containsExactly("orgscan-organization-external-access ORGANIZATION ACTIVE");
        }
    }

    @Test
    void withoutTrustedAccessNoOrganizationAnalyzerCanBeCreated() throws Exception {
        ObjectNode scenario = (ObjectNode) JSON.readTree(demo.toFile());
        ((ObjectNode) scenario.path("organization")).putArray("trustedAccessDisabled").add("access-analyzer.amazonaws.com");
        Path file = dir.resolve("no-trusted-access.json");
        JSON.writeValue(file.toFile(), scenario);
        try (AwsSimulator sim = AwsSimulator.start(ScenarioLoader.load(file), 0, 0)) {
            AwsCli cli = new AwsCli(executable, sim.endpoint(), Files.createDirectories(dir.resolve("b")), Duration.ofSeconds(60));
            for (String account : new String[] {ADMIN, MANAGEMENT}) {
                CliResult refused = cli.run(facts.credentialsOf(account), REGION, "accessanalyzer", "create-analyzer",
                        "--analyzer-name", "org", "--type", "ORGANIZATION");
                assertThat(refused.errorCode()).as(refused.describe()).contains("ValidationException");
                assertThat(refused.stderr()).contains("Service not enabled for AWS Organizations");
            }
            // An ACCOUNT analyzer does not need the organization.
            assertThat(cli.run(facts.credentialsOf(ADMIN), REGION, "accessanalyzer", "create-analyzer",
                    "--analyzer-name", "mine", "--type", "ACCOUNT").exitCode()).isZero();
        }
    }
}
