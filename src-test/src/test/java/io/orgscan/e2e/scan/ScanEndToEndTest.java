package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code orgscan scan} in-process against the simulator through the real AWS SDK, on a scenario that
 * exercises every rule and fault; findings.csv and scan.json are read back by independent readers
 * and compared cell by cell with {@link ExpectedCells}, and the traffic is checked on the simulator.
 */
class ScanEndToEndTest {
    static final String SECURITY = "222222222222";
    static final String SECRET = "rules-security-secret-DO-NOT-LOG";
    static final Set<String> NOT_ACTIVE = Set.of("777777777777", "777777777778");
    static final List<String> ASSUMED = List.of("111111111111", "333333333333", "444444444444", "555555555555",
            "666666666666", "888888888888", "999999999999", "123456789012");

    static Scenario scenario;
    static AwsSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() throws Exception {
        scenario = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        simulator = AwsSimulator.start(scenario, 0, 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetStats() {
        simulator.resetStats();
    }

    static Map<String, String> env(String keyId, String secret) {
        return Map.of("AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secret, "AWS_REGION", "us-east-1");
    }

    static Map<String, String> securityEnv() {
        return env("AKIARULESSECURITY001", SECRET);
    }

    OrgscanInProcess.Result scan(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", dir.toString()));
        args.addAll(List.of(extra));
        return OrgscanInProcess.run(securityEnv(), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"org", "account"})
    void judgesEveryCellAsExpected(String policy) throws IOException {
        OrgscanInProcess.Result result = scan("--policy", policy);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        Map<String, String> expected = ExpectedCells.forPolicy(policy);
        Map<String, CSVRecord> csv = findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> {
            CSVRecord row = csv.get(cell);
            assertThat(row.get("reason")).as("findings.csv reason of " + cell).isEqualTo(reason);
            assertThat(row.get("status")).as("findings.csv status of " + cell).isEqualTo(ExpectedCells.statusOf(reason));
        });

        JsonNode json = new ObjectMapper().readTree(dir.resolve("scan.json").toFile());
        Map<String, JsonNode> cells = new HashMap<>();
        json.get("cells").forEach(c -> cells.put(c.get("account_id").asText() + " " + c.get("region").asText(), c));
        assertThat(cells.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> {
            assertThat(cells.get(cell).get("reason").asText()).as("scan.json reason of " + cell).isEqualTo(reason);
            assertThat(cells.get(cell).get("status").asText()).as("scan.json status of " + cell).isEqualTo(ExpectedCells.statusOf(reason));
        });
        assertThat(json.get("scan").get("policy").asText()).isEqualToIgnoringCase(policy);
        assertThat(json.get("scan").get("delegated_administrator_id").asText()).isEqualTo(SECURITY);
        assertThat(json.get("scan").get("management_account_id").asText()).isEqualTo("111111111111");
        assertThat(json.get("scan").get("caller_arn").asText()).isEqualTo("arn:aws:iam::222222222222:user/orgscan");
    }

    @Test
    void undecidedCellsCarryTheAwsErrorAndCoveredCellsTheAnalyzer() throws IOException {
        scan();
        Map<String, CSVRecord> csv = findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.get("666666666666 eu-central-1").get("detail")).contains("AssumeRole").contains("AccessDenied");
        // Certain organization coverage decides a cell whose own call failed; the failure is still an error row.
        assertThat(csv.get("888888888888 eu-west-1").get("covered_by_arn"))
                .isEqualTo("arn:aws:access-analyzer:eu-west-1:222222222222:analyzer/org-analyzer");
        assertThat(Files.readString(dir.resolve("errors.csv")))
                .containsPattern("888888888888,eu-west-1,ListAnalyzers,AccessDeniedException");
        assertThat(csv.get("999999999999 us-west-2").get("detail")).contains("ThrottlingException");
        assertThat(csv.get("444444444444 us-east-1").get("covered_by_arn"))
                .isEqualTo("arn:aws:access-analyzer:us-east-1:222222222222:analyzer/org-analyzer");
        assertThat(csv.get("555555555555 eu-central-1").get("detail")).contains("FAILED").contains("SERVICE_LINKED_ROLE_CREATION_FAILED");
        assertThat(csv.get("555555555555 us-west-2").get("analyzer_statuses")).isEqualTo("CREATING");
        assertThat(csv.get("444444444444 eu-central-1").get("analyzer_types")).isEqualTo("ACCOUNT_UNUSED_ACCESS");
        assertThat(csv.get("333333333333 af-south-1").get("region_opt_status")).isEqualTo("opted-in");
        assertThat(csv.get("333333333333 ap-east-1").get("region_opt_status")).isEqualTo("not-opted-in");
        assertThat(csv.get("333333333333 us-east-1").get("region_opt_status")).isEqualTo("opt-in-not-required");
        assertThat(csv.get("333333333333 us-east-1").get("ou_path")).isEqualTo("Root/Workloads/Prod");
        assertThat(csv.get("333333333333 us-east-1").get("finding_id")).isEqualTo("iam-aa-coverage:aws:333333333333:us-east-1");
    }

    @Test
    void trafficIsExactlyWhatTheScanNeeds() {
        OrgscanInProcess.Result result = scan();
        assertThat(result.exitCode()).isEqualTo(4);
        CallStats stats = simulator.stats();

        assertThat(stats.count("sts", "AssumeRole")).isEqualTo(ASSUMED.size());
        assertThat(stats.count("sts", "AssumeRole", SECURITY)).as("every AssumeRole with the caller's credentials").isEqualTo(ASSUMED.size());
        assertThat(stats.calls()).as("nothing runs as the account whose role was refused")
                .noneMatch(c -> c.accountId().equals("666666666666"));
        // Fault-free accounts: one listing per enabled region (page size 1, one analyzer or none per region).
        assertThat(stats.count("access-analyzer", "ListAnalyzers", "333333333333")).isEqualTo(5);
        assertThat(stats.count("access-analyzer", "ListAnalyzers", "555555555555")).isEqualTo(4);
        for (String account : NOT_ACTIVE) {
            assertThat(stats.calls()).noneMatch(c -> c.accountId().equals(account));
        }
        // ListAnalyzers only in regions enabled for the account whose credentials made the call.
        stats.calls().stream().filter(c -> c.operation().equals("ListAnalyzers")).forEach(c ->
                assertThat(scenario.isRegionEnabled(scenario.account(c.accountId()).orElseThrow(), c.region()))
                        .as("ListAnalyzers by %s in %s", c.accountId(), c.region()).isTrue());
        // One DescribeRegions per scanned account (the caller's own included, the denied role's not).
        assertThat(stats.count("ec2", "DescribeRegions")).isEqualTo(ASSUMED.size());
        for (String account : ASSUMED) {
            assertThat(stats.count("ec2", "DescribeRegions", account)).isEqualTo(account.equals("666666666666") ? 0 : 1);
        }
        assertThat(stats.count("ec2", "DescribeRegions", SECURITY)).isEqualTo(1);
        // Organizations is walked top-down: no ListAccounts, no ListParents.
        assertThat(stats.count("organizations", "ListParents")).isZero();
        assertThat(stats.count("organizations", "ListAccounts")).isZero();
        assertThat(stats.count("organizations", "ListRoots")).isEqualTo(1);
    }

    @Test
    void reportRerendersTheSameCsvFromScanJsonWithoutAws() throws IOException {
        scan();
        Path again = dir.resolve("again");
        long callsBefore = simulator.stats().total();
        OrgscanInProcess.Result result = OrgscanInProcess.run(Map.of(), "report", dir.resolve("scan.json").toString(), "--out-dir", again.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(simulator.stats().total()).isEqualTo(callsBefore);
        assertThat(Files.readAllBytes(again.resolve("findings.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("findings.csv")));
        assertThat(Files.readAllBytes(again.resolve("scan.json"))).isEqualTo(Files.readAllBytes(dir.resolve("scan.json")));
        assertThat(again.resolve("coverage.xlsx")).isNotEmptyFile();
    }

    @Test
    void scopeOptionsMarkCellsExcluded() throws IOException {
        OrgscanInProcess.Result result = scan("--exclude-accounts", "444444444444", "--exclude-regions", "ap-east-1",
                "--ous", "ou-ru1e-workload,ou-ru1e-security");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        Map<String, CSVRecord> csv = findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.get("444444444444 us-east-1").get("reason")).isEqualTo("EXCLUDED");
        assertThat(csv.get("123456789012 us-east-1").get("reason")).isEqualTo("EXCLUDED"); // Sandbox is outside --ous
        assertThat(csv.get("333333333333 ap-east-1").get("reason")).isEqualTo("EXCLUDED");
        assertThat(csv.get("333333333333 us-east-1").get("reason")).isEqualTo("ACTIVE_ACCOUNT_ANALYZER"); // Prod is under Workloads
        assertThat(csv.get("777777777777 us-east-1").get("reason")).isEqualTo("ACCOUNT_NOT_ACTIVE");
        // Out of scope: never contacted. The management account is, because its organization analyzers count.
        assertThat(simulator.stats().calls()).noneMatch(c -> c.accountId().equals("123456789012") || c.accountId().equals("444444444444"));
        assertThat(simulator.stats().count("access-analyzer", "ListAnalyzers", "111111111111")).isPositive();
        assertThat(simulator.stats().calls()).noneMatch(c -> c.region().equals("ap-east-1") && c.operation().equals("ListAnalyzers"));
    }

    @Test
    void regionsOptionSetsTheUniverse() throws IOException {
        OrgscanInProcess.Result result = scan("--regions", "us-east-1,eu-west-1", "--accounts", "333333333333");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(0);
        Map<String, CSVRecord> csv = findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.keySet()).allMatch(k -> k.endsWith(" us-east-1") || k.endsWith(" eu-west-1"));
        assertThat(csv).hasSize(11 * 2);
    }

    @Test
    void scanFromTheManagementAccountUsesItsOwnCredentialsThere() {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIARULESMANAGEMENT1", "rules-management-secret"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        CallStats stats = simulator.stats();
        assertThat(stats.count("sts", "AssumeRole")).isEqualTo(ASSUMED.size()); // security in, management out
        assertThat(stats.count("ec2", "DescribeRegions", "111111111111")).isEqualTo(1);
    }

    @Test
    void credentialsNeverAppearInOutputOrReports() throws IOException {
        OrgscanInProcess.Result result = scan();
        assertThat(result.all()).doesNotContain(SECRET);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void aMemberWithoutOrganizationsAccessCannotStartAndWritesNothing() throws IOException {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIARULESMEMBER00001", "rules-member-secret"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ListRoots").contains("AccessDenied").doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    /** A member may not list the organization; --org-role-arn names a role that may, for those calls only. */
    @Test
    void aMemberListsTheOrganizationThroughTheRoleOfOrgRoleArn() throws IOException {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIARULESMEMBER00001", "rules-member-secret"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                "--org-role-arn", "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        Map<String, String> expected = ExpectedCells.forPolicy("org");
        Map<String, CSVRecord> csv = findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> assertThat(csv.get(cell).get("reason")).as(cell).isEqualTo(reason));
        JsonNode scan = new ObjectMapper().readTree(dir.resolve("scan.json").toFile()).get("scan");
        assertThat(scan.get("caller_account_id").asText()).isEqualTo("333333333333");
        CallStats stats = simulator.stats();
        for (String operation : List.of("DescribeOrganization", "ListDelegatedAdministrators", "ListRoots")) {
            assertThat(stats.count("organizations", operation, "111111111111")).as(operation + " as the role").isEqualTo(1);
            assertThat(stats.count("organizations", operation, "333333333333")).as(operation + " as the member").isZero();
        }
        assertThat(stats.count("organizations", "ListAccountsForParent", "333333333333")).isZero();
        // the role once, then every member account but the scan's own and the management account,
        // which the role, being there, reads itself
        assertThat(stats.count("sts", "AssumeRole")).isEqualTo(1 + ASSUMED.size() - 1);
    }

    @Test
    void aRefusedOrgRoleArnIsReportedAsSuchAndNothingIsWritten() throws IOException {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIARULESMEMBER00001", "rules-member-secret"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                "--org-role-arn", "arn:aws:iam::111111111111:role/NoSuchRole");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.startLine())
                .contains("cannot assume --org-role-arn arn:aws:iam::111111111111:role/NoSuchRole (sts:AssumeRole): AccessDenied")
                .doesNotContain("must run from an account of an AWS Organization")
                .doesNotContain("\tat ");
        assertThat(simulator.stats().count("organizations", "DescribeOrganization")).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void anAccountOutsideAnyOrganizationCannotStart() {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIARULESOUTSIDER001", "rules-outsider-secret"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("DescribeOrganization").contains("AWSOrganizationsNotInUseException")
                .contains("no report was written").doesNotContain("\tat ");
    }

    @Test
    void unknownCredentialsCannotStart() {
        OrgscanInProcess.Result result = OrgscanInProcess.run(env("AKIANOBODY0000000000", "x"),
                "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("GetCallerIdentity").contains("InvalidClientTokenId").doesNotContain("\tat ");
    }

    static Map<String, CSVRecord> findingsByCell(Path file) throws IOException {
        Map<String, CSVRecord> rows = new java.util.LinkedHashMap<>();
        for (CSVRecord row : CsvReader.parse(file)) {
            rows.put(row.get("account_id") + " " + row.get("region"), row);
        }
        return rows;
    }
}
