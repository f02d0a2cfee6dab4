package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails when the scanner calls an AWS operation that the published least-privilege policies in
 * samples/iam do not grant: the caller's calls against scanner-policy.json, every member account's
 * calls against member-role-policy.json, and, with {@code --org-role-arn} naming a role in the
 * management account, that account's calls (the Organizations calls and its own two reads) against
 * org-role-policy.json.
 */
class LeastPrivilegeTest {
    static final Path IAM = Path.of("../samples/iam");
    /** The simulator's service names and the IAM action prefix of each. */
    static final Map<String, String> ACTION_PREFIX = Map.of(
            "organizations", "organizations", "sts", "sts", "ec2", "ec2", "access-analyzer", "access-analyzer");
    /** Operations AWS lets every principal call. */
    static final Set<String> NEEDS_NO_PERMISSION = Set.of("sts:GetCallerIdentity");

    @TempDir
    Path dir;

    @Test
    void everyOperationTheScannerCallsIsGranted() throws Exception {
        Set<String> scannerActions = actions(IAM.resolve("scanner-policy.json"));
        Set<String> memberActions = actions(IAM.resolve("member-role-policy.json"));
        Set<String> called = new TreeSet<>();
        try (AwsSimulator simulator = AwsSimulator.start(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json")), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            CallStats stats = simulator.stats();
            for (CallStats.CallCount call : stats.calls()) {
                String action = ACTION_PREFIX.get(call.service()) + ":" + call.operation();
                called.add(action);
                if (NEEDS_NO_PERMISSION.contains(action)) {
                    continue;
                }
                Set<String> granted = call.accountId().equals(ScanEndToEndTest.SECURITY) ? scannerActions : memberActions;
                assertThat(granted).as("%s called by account %s", action, call.accountId()).contains(action);
            }
        }
        assertThat(called).contains("organizations:ListAccountsForParent", "sts:AssumeRole",
                "access-analyzer:ListAnalyzers", "ec2:DescribeRegions");
        // Nothing that changes AWS, ever: every action is a read.
        assertThat(called).allMatch(a -> a.matches("[a-z0-9-]+:(List|Describe|Get)\\w+") || a.equals("sts:AssumeRole"));
    }

    /**
     * With --scp-denied-regions not-applicable, from the landing zone's security account: the Organizations
     * calls, SCP reads included, and the management account's own reads go through the management
     * account's organization role (org-role-policy.json); the security account's own calls are
     * scanner-policy.json's; members only list analyzers and regions.
     */
    @Test
    void theScpReadsAreGrantedToo() throws Exception {
        Set<String> scannerActions = actions(IAM.resolve("scanner-policy.json"));
        Set<String> orgRoleActions = actions(IAM.resolve("org-role-policy.json"));
        Set<String> memberActions = actions(IAM.resolve("member-role-policy.json"));
        Set<String> called = new TreeSet<>();
        try (AwsSimulator simulator = AwsSimulator.start(ScenarioLoader.load(LandingZoneTest.SCENARIO), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(
                    ScanEndToEndTest.env("AKIALANDINGSECURITY1", "landing-security-secret-DO-NOT-LOG"), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(), "--format=json",
                    "--org-role-arn", LandingZoneTest.ORG_ROLE, LandingZoneTest.OPTION);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            for (CallStats.CallCount call : simulator.stats().calls()) {
                String action = ACTION_PREFIX.get(call.service()) + ":" + call.operation();
                called.add(action);
                if (NEEDS_NO_PERMISSION.contains(action)) {
                    continue;
                }
                Set<String> granted = switch (call.accountId()) {
                    case "100000000001" -> orgRoleActions;
                    case "100000000002" -> scannerActions;
                    default -> memberActions;
                };
                assertThat(granted).as("%s called by account %s", action, call.accountId()).contains(action);
            }
        }
        assertThat(called).contains("organizations:ListPolicies", "organizations:DescribePolicy",
                "organizations:ListTargetsForPolicy");
    }

    @Test
    void everyOperationOfAScanThroughTheOrgRoleIsGranted() throws Exception {
        Set<String> scannerActions = actions(IAM.resolve("scanner-policy.json"));
        Set<String> orgRoleActions = actions(IAM.resolve("org-role-policy.json"));
        Set<String> memberActions = actions(IAM.resolve("member-role-policy.json"));
        Set<String> byOrgRole = new TreeSet<>();
        // The management account as a StackSet leaves it: no member role, only the org role.
        try (AwsSimulator simulator = AwsSimulator.start(ManagementAccountTest.withManagementRoles(ManagementAccountTest.ORG_ROLE), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                    "--org-role-arn", ManagementAccountTest.ORG_ROLE_ARN);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            for (CallStats.CallCount call : simulator.stats().calls()) {
                String action = ACTION_PREFIX.get(call.service()) + ":" + call.operation();
                if (NEEDS_NO_PERMISSION.contains(action)) {
                    continue;
                }
                Set<String> granted = switch (call.accountId()) {
                    case ScanEndToEndTest.SECURITY -> scannerActions;
                    case ManagementAccountTest.MANAGEMENT -> orgRoleActions;
                    default -> memberActions;
                };
                if (call.accountId().equals(ManagementAccountTest.MANAGEMENT)) {
                    byOrgRole.add(action);
                }
                assertThat(granted).as("%s called by account %s", action, call.accountId()).contains(action);
            }
        }
        assertThat(byOrgRole).contains("organizations:ListAccountsForParent", "ec2:DescribeRegions",
                "access-analyzer:ListAnalyzers");
        assertThat(assumableRoles(IAM.resolve("scanner-policy.json")))
                .contains("arn:aws:iam::MANAGEMENT_ACCOUNT_ID:role/" + ManagementAccountTest.ORG_ROLE);
    }

    @Test
    void publishedPoliciesGrantOnlyReadActions() throws IOException {
        for (String file : new String[] {"scanner-policy.json", "member-role-policy.json", "org-role-policy.json"}) {
            assertThat(actions(IAM.resolve(file)))
                    .as(file)
                    .isNotEmpty()
                    .allMatch(a -> a.matches("[a-z0-9-]+:(List|Describe|Get)\\w+") || a.equals("sts:AssumeRole"));
        }
    }

    /** The resources of the policy's Allow statements for sts:AssumeRole. */
    static Set<String> assumableRoles(Path policy) throws IOException {
        Set<String> roles = new TreeSet<>();
        for (JsonNode statement : new ObjectMapper().readTree(policy.toFile()).get("Statement")) {
            if ("Allow".equals(statement.get("Effect").asText()) && "sts:AssumeRole".equals(statement.get("Action").asText())) {
                roles.add(statement.get("Resource").asText());
            }
        }
        return roles;
    }

    /** The Allow actions of an IAM policy document, read independently of any AWS library. */
    static Set<String> actions(Path policy) throws IOException {
        JsonNode document = new ObjectMapper().readTree(policy.toFile());
        assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : document.get("Statement")) {
            if (!"Allow".equals(statement.get("Effect").asText())) {
                continue;
            }
            JsonNode action = statement.get("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        return actions;
    }
}
