package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management account, where a service-managed StackSet never deploys the member role and
 * OrganizationAccountAccessRole does not exist: read through the role of {@code --org-role-arn} when
 * that role is in it, and, when nothing can read it under {@code --policy org}, said on stderr at once.
 * On scenarios/scan-rules.json with the management account's roles changed.
 */
class ManagementAccountTest {
    static final String MANAGEMENT = "111111111111";
    static final String ORG_ROLE = "OrgScanOrganizationReadOnly";
    static final String ORG_ROLE_ARN = "arn:aws:iam::" + MANAGEMENT + ":role/" + ORG_ROLE;
    static final String UNREADABLE = "orgscan: the management account 111111111111's analyzers cannot be read (role"
            + " OrganizationAccountAccessRole: AccessDenied): members without an analyzer of their own are"
            + " INSUFFICIENT_DATA wherever the delegated administrator has no ACTIVE organization analyzer; give"
            + " --org-role-arn a role in the management account, or deploy the member role there";

    @TempDir
    Path dir;

    /** scan-rules.json with the management account holding exactly these roles. */
    static Scenario withManagementRoles(String... roles) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = (ObjectNode) json.readTree(Path.of("src/test/resources/scenarios/scan-rules.json").toFile());
        for (var account : file.get("accounts")) {
            if (account.get("id").asText().equals(MANAGEMENT)) {
                ArrayNode names = ((ObjectNode) account).putArray("roles");
                List.of(roles).forEach(names::add);
            }
        }
        return ScenarioLoader.parse(json.writeValueAsString(file), "scan-rules.json");
    }

    static OrgscanInProcess.Result scan(AwsSimulator simulator, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", out.toString()));
        args.addAll(List.of(extra));
        return OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), args.toArray(String[]::new));
    }

    @Test
    void theOrgRoleInTheManagementAccountReadsItsRegionsAndAnalyzers() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(withManagementRoles(ORG_ROLE), 0, 0)) {
            OrgscanInProcess.Result result = scan(simulator, dir, "--org-role-arn", ORG_ROLE_ARN);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            assertThat(result.err()).doesNotContain("cannot be read");
            // Every cell as when the member role can be assumed there: the management account's own
            // cells (its ACCOUNT analyzer in us-east-1, none in eu-central-1) come from the org role's reads.
            Map<String, String> expected = ExpectedCells.forPolicy("org");
            Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
            assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((cell, reason) -> assertThat(csv.get(cell).get("reason")).as(cell).isEqualTo(reason));
            assertThat(Files.readString(dir.resolve("errors.csv"))).doesNotContain(MANAGEMENT);

            CallStats stats = simulator.stats();
            // The org role once; then every member account but the scan's own and the management account,
            // which OrganizationAccountAccessRole (--role-name) would have been refused.
            assertThat(stats.count("sts", "AssumeRole")).isEqualTo(1 + ScanEndToEndTest.ASSUMED.size() - 1);
            assertThat(stats.count("ec2", "DescribeRegions", MANAGEMENT)).isEqualTo(1);
            assertThat(stats.count("access-analyzer", "ListAnalyzers", MANAGEMENT)).isEqualTo(4); // its enabled regions
            assertThat(stats.calls()).filteredOn(c -> c.accountId().equals(MANAGEMENT)).allMatch(c -> c.errors() == 0);
            assertThat(stats.calls()).filteredOn(c -> c.service().equals("organizations"))
                    .allMatch(c -> c.accountId().equals(MANAGEMENT));
        }
    }

    @Test
    void withNeitherTheMemberRoleNorTheOrgRoleThereTheScanSaysSoOnceAndStillReports() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(withManagementRoles(), 0, 0)) {
            OrgscanInProcess.Result result = scan(simulator, dir);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            assertThat(result.err().lines().filter(line -> line.contains("cannot be read")).toList())
                    .containsExactly(UNREADABLE);
            Map<String, String> expected = ExpectedCells.forPolicy("org");
            Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
            assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(csv.get("111111111111 eu-central-1").get("reason")).isEqualTo("ASSUME_ROLE_FAILED");
            // A member without an analyzer of its own, where the delegated administrator has none active:
            // the management account's unknown analyzers leave it undecided, not NON_COMPLIANT.
            assertThat(expected.get("444444444444 eu-central-1")).isEqualTo("NO_EXTERNAL_ACCESS_ANALYZER");
            assertThat(csv.get("444444444444 eu-central-1").get("status")).isEqualTo("INSUFFICIENT_DATA");
            // Where the delegated administrator's organization analyzer is ACTIVE, coverage stays certain.
            assertThat(csv.get("444444444444 us-east-1").get("reason")).isEqualTo("ACTIVE_ORGANIZATION_ANALYZER");
            assertThat(Files.readString(dir.resolve("errors.csv"))).contains("111111111111,,AssumeRole,AccessDenied");
        }
    }

    @Test
    void underTheAccountPolicyTheManagementAccountIsJustAnotherAccount() throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(withManagementRoles(), 0, 0)) {
            OrgscanInProcess.Result result = scan(simulator, dir, "--policy", "account");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            assertThat(result.err()).doesNotContain("cannot be read");
        }
    }
}
