package io.orgscan.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.state.SecurityHubImports;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * findings.asff.json of a real scan (samples/demo-org.json, scanned in-process through the SDK) fed
 * batch by batch to Debian's AWS CLI, {@code aws securityhub batch-import-findings --cli-input-json
 * file://batch.json}: the CLI validates each batch against its own copy of the Security Hub model before
 * it sends anything, and the simulator's BatchImportFindings records what arrives, which must be what
 * the file holds. A batch signed by another account than the one the file was written for is refused,
 * as Security Hub refuses it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHubImportTest {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOME = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tempDir;

    private AwsSimulator sim;
    private AwsCli cli;
    private Scenario.Credentials scanner;
    private Scenario.Credentials management;
    private Path run;

    @BeforeAll
    void scanTheDemoOrganization() throws Exception {
        Optional<Path> executable = AwsCli.locate();
        if (executable.isEmpty()) {
            String message = "AWS CLI not found (ORGSCAN_AWS_CLI, /usr/bin/aws, PATH); install it with: " + AwsCli.INSTALL_HINT;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        Scenario scenario = ScenarioLoader.load(findUp(Path.of("samples", "demo-org.json")));
        scanner = scenario.credentials().get(0);
        management = scenario.credentials().stream().filter(c -> c.accountId().equals(scenario.managementAccountId()))
                .findFirst().orElseThrow();
        sim = AwsSimulator.start(scenario, 0, 0);
        cli = new AwsCli(executable.get(), sim.endpoint(), Files.createDirectories(tempDir.resolve("cli")), CALL_TIMEOUT);
        run = tempDir.resolve("run");
        OrgscanInProcess.Result scan = OrgscanInProcess.run(env(scanner), "scan", "--endpoint-url", sim.endpoint().toString(),
                "--format", "json,asff,junit", "--out-dir", run.toString());
        assertThat(scan.exitCode()).as(scan.err()).isIn(0, 3, 4);
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static Map<String, String> env(Scenario.Credentials credentials) {
        return Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                credentials.secretAccessKey(), "AWS_REGION", HOME);
    }

    private static CliCredentials cliCredentials(Scenario.Credentials credentials) {
        return CliCredentials.base(credentials.accessKeyId(), credentials.secretAccessKey());
    }

    private CliResult importBatch(JsonNode batch, Scenario.Credentials as, String region, String name) throws Exception {
        Path file = Files.write(tempDir.resolve(name + ".json"), JSON.writeValueAsBytes(batch));
        return cli.run(cliCredentials(as), region, "securityhub", "batch-import-findings",
                "--cli-input-json", "file://" + file);
    }

    private List<SecurityHubImports.Import> importsSince(int before) {
        List<SecurityHubImports.Import> all = sim.securityHubImports();
        return all.subList(before, all.size());
    }

    @Test
    void everyBatchOfARealScanPassesTheCliAndArrivesAsTheFileHoldsIt() throws Exception {
        JsonNode file = JSON.readTree(run.resolve("findings.asff.json").toFile());
        JsonNode cells = JSON.readTree(run.resolve("scan.json").toFile()).get("cells");
        long applicable = 0;
        for (JsonNode cell : cells) {
            applicable += cell.get("status").asText().equals("NOT_APPLICABLE") ? 0 : 1;
        }
        assertThat(file.size()).as("batches").isGreaterThan(1);
        int before = sim.securityHubImports().size();

        long imported = 0;
        for (int i = 0; i < file.size(); i++) {
            JsonNode batch = file.get(i);
            CliResult result = importBatch(batch, scanner, HOME, "batch-" + i);
            JsonNode answer = result.json();
            assertThat(answer.get("FailedCount").asInt()).as(result.describe()).isZero();
            assertThat(answer.get("SuccessCount").asInt()).isEqualTo(batch.get("Findings").size());
            imported += answer.get("SuccessCount").asInt();
        }

        assertThat(imported).isEqualTo(applicable);
        List<SecurityHubImports.Import> arrived = importsSince(before);
        assertThat(arrived).hasSize(file.size());
        for (int i = 0; i < arrived.size(); i++) {
            SecurityHubImports.Import request = arrived.get(i);
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.callerAccountId()).isEqualTo(scanner.accountId());
            assertThat(request.region()).isEqualTo(HOME);
            assertThat(JSON.readTree(request.body())).as("batch %d as it arrived", i).isEqualTo(file.get(i));
        }
        JsonNode first = file.get(0).get("Findings").get(0);
        assertThat(first.get("AwsAccountId").asText()).isEqualTo(scanner.accountId());
        assertThat(first.get("ProductArn").asText()).isEqualTo("arn:aws:securityhub:" + HOME + ":" + scanner.accountId()
                + ":product/" + scanner.accountId() + "/default");
    }

    @Test
    void aBatchSignedByAnotherAccountIsRefusedWhole() throws Exception {
        JsonNode batch = JSON.readTree(run.resolve("findings.asff.json").toFile()).get(0);
        int before = sim.securityHubImports().size();

        CliResult result = importBatch(batch, management, HOME, "foreign");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(CliResult.SERVICE_ERROR_EXIT);
        assertThat(result.errorCode()).contains("AccessDeniedException");
        assertThat(result.stderr()).contains("securityhub:BatchImportFindings on resource: arn:aws:securityhub:" + HOME + ":"
                + scanner.accountId() + ":product/");
        assertThat(importsSince(before)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void theCliRefusesABatchTheModelForbidsBeforeSendingIt() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(run.resolve("findings.asff.json").toFile()).get(0).deepCopy();
        ((ObjectNode) batch.get("Findings").get(0)).remove("GeneratorId");
        int before = sim.securityHubImports().size();

        CliResult result = importBatch(batch, scanner, HOME, "no-generator");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stderr()).contains("Parameter validation failed").contains("GeneratorId");
        assertThat(importsSince(before)).isEmpty();
    }

    @Test
    void anInvalidFindingTheCliLetsThroughIsListedInFailedFindings() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(run.resolve("findings.asff.json").toFile()).get(0).deepCopy();
        ArrayNode findings = (ArrayNode) batch.get("Findings");
        ((ObjectNode) findings.get(0)).put("Title", "x".repeat(257));

        JsonNode answer = importBatch(batch, scanner, HOME, "long-title").json();

        assertThat(answer.get("FailedCount").asInt()).isEqualTo(1);
        assertThat(answer.get("SuccessCount").asInt()).isEqualTo(findings.size() - 1);
        assertThat(answer.get("FailedFindings").get(0).get("ErrorCode").asText()).isEqualTo("InvalidInput");
        assertThat(answer.get("FailedFindings").get(0).get("Id").asText()).isEqualTo(findings.get(0).get("Id").asText());
    }

    @Test
    void reportWritesTheFileForAnotherImportingAccountAndRegion() throws Exception {
        Path again = tempDir.resolve("for-management");
        OrgscanInProcess.Result report = OrgscanInProcess.run("report", run.resolve("scan.json").toString(),
                "--format", "asff", "--securityhub-account", management.accountId(), "--securityhub-region", "eu-west-1",
                "--out-dir", again.toString());
        assertThat(report.exitCode()).as(report.err()).isIn(0, 3, 4);
        JsonNode batch = JSON.readTree(again.resolve("findings.asff.json").toFile()).get(0);
        assertThat(batch.get("Findings").get(0).get("AwsAccountId").asText()).isEqualTo(management.accountId());

        JsonNode answer = importBatch(batch, management, "eu-west-1", "management-batch").json();

        assertThat(answer.get("FailedCount").asInt()).isZero();
        assertThat(answer.get("SuccessCount").asInt()).isEqualTo(batch.get("Findings").size());
    }

    @Test
    void aBatchWithExceptionsRegisterEntriesPassesTheCliAndArrivesAsTheFileHoldsIt() throws Exception {
        Path again = tempDir.resolve("with-register");
        OrgscanInProcess.Result report = OrgscanInProcess.run("report", run.resolve("scan.json").toString(),
                "--format", "asff", "--exceptions", findUp(Path.of("samples", "demo-exceptions.csv")).toString(),
                "--out-dir", again.toString());
        assertThat(report.exitCode()).as(report.err()).isIn(0, 3, 4);
        JsonNode file = JSON.readTree(again.resolve("findings.asff.json").toFile());
        JsonNode batch = null;
        for (JsonNode candidate : file) {
            for (JsonNode finding : candidate.get("Findings")) {
                if (finding.get("ProductFields").has("orgscan/ExceptionDisposition")) {
                    batch = candidate;
                }
            }
        }
        assertThat(batch).as("a finding the demo register covers").isNotNull();
        int before = sim.securityHubImports().size();

        CliResult result = importBatch(batch, scanner, HOME, "register-batch");

        assertThat(result.json().get("FailedCount").asInt()).as(result.describe()).isZero();
        List<SecurityHubImports.Import> arrived = importsSince(before);
        assertThat(arrived).hasSize(1);
        assertThat(JSON.readTree(arrived.get(0).body())).isEqualTo(batch);
    }

    @Test
    void theRealScansJunitXmlValidatesAgainstJenkinsSchema() throws Exception {
        var xsd = SecurityHubImportTest.class.getResource("/io/orgscan/report/junit/junit-10.xsd");
        assertThat(xsd).as("junit-10.xsd from report's test-jar").isNotNull();
        byte[] xml = Files.readAllBytes(run.resolve("junit.xml"));

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));

        List<String> names = new ArrayList<>();
        new String(xml, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("  <testsuite "))
                .forEach(names::add);
        assertThat(names).hasSize(42);
    }

    @Test
    void badSecurityHubOptionsAreOneLineAndExitTwo() {
        OrgscanInProcess.Result account = OrgscanInProcess.run("report", run.resolve("scan.json").toString(), "--format",
                "asff", "--securityhub-account", "12345", "--out-dir", tempDir.resolve("bad").toString());
        assertThat(account.exitCode()).isEqualTo(2);
        assertThat(account.err().strip()).isEqualTo("orgscan: --securityhub-account: '12345' is not a 12-digit account id");

        OrgscanInProcess.Result region = OrgscanInProcess.run(env(scanner), "scan", "--endpoint-url",
                sim.endpoint().toString(), "--securityhub-region", "Europe", "--out-dir", tempDir.resolve("bad2").toString());
        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.err()).contains("--securityhub-region: 'Europe' is not a region name").doesNotContain("\tat ");
        assertThat(tempDir.resolve("bad2")).doesNotExist();
    }

    private static Path findUp(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
