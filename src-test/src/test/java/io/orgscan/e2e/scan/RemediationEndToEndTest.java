package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: the audit-close loop on the demo organization, in one simulator whose analyzers persist:
 * scan, plan, a dry run that calls nothing, apply, scan again. Every cell the plan targeted is
 * COMPLIANT; no other cell changed (but for the undecided cells an ORGANIZATION analyzer now proves
 * covered, which the evaluator's rule allows); exactly the planned analyzers were created, none of
 * another type; a second apply creates nothing. Under both policies. Read back with independent
 * readers: scan.json and plan.json as JSON trees, remediation_log.csv through commons-csv, the plan
 * folder's SHA256SUMS recomputed. And the remediation role's published policy allows exactly the calls
 * the apply made in the target accounts.
 */
class RemediationEndToEndTest {
    static final Path DEMO = Path.of("../samples/demo-org.json");
    static final Path IAM = Path.of("../samples/iam");
    static final String ADMIN = "131091502096";
    static final Map<String, String> ENV = ScanEndToEndTest.env("AKIA5SECTOOLINGDEMO1", "demo/Security+Tooling/orgscanScannerKey01");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--policy {0}")
    @ValueSource(strings = {"org", "account"})
    void scanPlanApplyScanAgainClosesExactlyThePlannedCells(String policy) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ScenarioLoader.load(DEMO), 0, 0)) {
            String endpoint = sim.endpoint().toString();
            OrgscanInProcess.Result first = OrgscanInProcess.run(ENV, "scan", "--endpoint-url", endpoint, "--policy", policy,
                    "--out-dir", dir.resolve("before").toString());
            assertThat(first.exitCode()).as(first.all()).isEqualTo(4);
            Path planDir = dir.resolve("plan");
            OrgscanInProcess.Result plan = OrgscanInProcess.run(ENV, "plan", dir.resolve("before/scan.json").toString(),
                    "--out-dir", planDir.toString());
            assertThat(plan.exitCode()).as(plan.all()).isZero();
            JsonNode planJson = JSON.readTree(planDir.resolve("plan.json").toFile());
            String type = policy.equals("org") ? "ORGANIZATION" : "ACCOUNT";
            assertThat(planJson.path("actions").size()).isPositive();

            // The dry run prints the plan and calls nothing.
            sim.resetStats();
            OrgscanInProcess.Result dry = OrgscanInProcess.run(ENV, "remediate", planDir.resolve("plan.json").toString(),
                    "--endpoint-url", endpoint, "--role-name", "OrganizationAccountAccessRole");
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.out().lines().filter(l -> l.startsWith("would create " + type + " analyzer"))).hasSize(
                    planJson.path("actions").size());
            assertThat(sim.stats().calls()).isEmpty();

            OrgscanInProcess.Result apply = OrgscanInProcess.run(ENV, "remediate", planDir.resolve("plan.json").toString(),
                    "--apply", "--endpoint-url", endpoint, "--role-name", "OrganizationAccountAccessRole");
            assertThat(apply.exitCode()).as(apply.all()).isZero();
            CallStats applied = sim.stats();
            assertThat(applied.count("access-analyzer", "CreateAnalyzer")).isEqualTo(planJson.path("actions").size());
            assertCallsAreTheRemediationPolicys(applied);

            OrgscanInProcess.Result second = OrgscanInProcess.run(ENV, "scan", "--endpoint-url", endpoint, "--policy", policy,
                    "--out-dir", dir.resolve("after").toString());
            assertThat(second.exitCode()).as(second.all()).isIn(3, 4);
            assertOnlyPlannedCellsChanged(planJson, JSON.readTree(dir.resolve("before/scan.json").toFile()),
                    JSON.readTree(dir.resolve("after/scan.json").toFile()));

            List<CSVRecord> log = readCsv(planDir.resolve("remediation_log.csv"));
            assertThat(log).hasSize(planJson.path("actions").size()).allSatisfy(row -> {
                assertThat(row.get("outcome")).isEqualTo("CREATED");
                assertThat(row.get("before_status")).isEqualTo("ABSENT");
                assertThat(row.get("after_status")).isEqualTo("ACTIVE");
                assertThat(row.get("request_id")).isNotBlank();
                assertThat(row.get("analyzer_type")).isEqualTo(type);
                assertThat(row.get("caller_arn")).isEqualTo("arn:aws:iam::" + ADMIN + ":user/orgscan-scanner");
            });
            assertSumsVerify(planDir);

            // A second apply finds every analyzer there and creates nothing.
            sim.resetStats();
            OrgscanInProcess.Result again = OrgscanInProcess.run(ENV, "remediate", planDir.resolve("plan.json").toString(),
                    "--apply", "--endpoint-url", endpoint, "--role-name", "OrganizationAccountAccessRole");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(sim.stats().count("access-analyzer", "CreateAnalyzer")).isZero();
            List<CSVRecord> both = readCsv(planDir.resolve("remediation_log.csv"));
            assertThat(both).hasSize(2 * log.size());
            assertThat(both.subList(log.size(), both.size())).allSatisfy(row ->
                    assertThat(row.get("outcome")).isEqualTo("ALREADY_EXISTS"));
            assertThat(JSON.readTree(planDir.resolve("remediation_log.json").toFile()).path("runs").size()).isEqualTo(2);
            assertSumsVerify(planDir);
        }
    }

    @Test
    void anEditedPlanIsRefusedBeforeAnyCall() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ScenarioLoader.load(DEMO), 0, 0)) {
            String endpoint = sim.endpoint().toString();
            assertThat(OrgscanInProcess.run(ENV, "scan", "--endpoint-url", endpoint, "--out-dir",
                    dir.resolve("scan").toString(), "--format", "json").exitCode()).isEqualTo(4);
            Path planDir = dir.resolve("plan");
            assertThat(OrgscanInProcess.run(ENV, "plan", dir.resolve("scan/scan.json").toString(), "--out-dir",
                    planDir.toString()).exitCode()).isZero();
            Path planFile = planDir.resolve("plan.json");
            Files.writeString(planFile, Files.readString(planFile).replace(ADMIN, "123456789012"));
            sim.resetStats();
            OrgscanInProcess.Result refused = OrgscanInProcess.run(ENV, "remediate", planFile.toString(), "--apply",
                    "--endpoint-url", endpoint);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().lines()).hasSize(1).first().asString().contains("SHA256SUMS");
            assertThat(sim.stats().calls()).isEmpty();
        }
    }

    /** A role that cannot be assumed fails its accounts' lines, exit 4; the caller's own account is still fixed. */
    @Test
    void aRefusedRoleIsAFailedLineAndEveryOtherActionStillRuns() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ScenarioLoader.load(DEMO), 0, 0)) {
            String endpoint = sim.endpoint().toString();
            assertThat(OrgscanInProcess.run(ENV, "scan", "--endpoint-url", endpoint, "--policy", "account", "--out-dir",
                    dir.resolve("scan").toString(), "--format", "json").exitCode()).isEqualTo(4);
            Path planDir = dir.resolve("plan");
            assertThat(OrgscanInProcess.run(ENV, "plan", dir.resolve("scan/scan.json").toString(), "--out-dir",
                    planDir.toString()).exitCode()).isZero();
            // No demo account has this role.
            sim.resetStats();
            OrgscanInProcess.Result apply = OrgscanInProcess.run(ENV, "remediate", planDir.resolve("plan.json").toString(),
                    "--apply", "--endpoint-url", endpoint, "--role-name", "OrgScanRemediation");
            assertThat(apply.exitCode()).as(apply.all()).isEqualTo(4);
            List<CSVRecord> log = readCsv(planDir.resolve("remediation_log.csv"));
            assertThat(log).isNotEmpty().allSatisfy(row -> {
                if (row.get("account_id").equals(ADMIN)) {
                    assertThat(row.get("outcome")).isEqualTo("CREATED");
                    assertThat(row.get("after_status")).isEqualTo("ACTIVE");
                } else {
                    assertThat(row.get("outcome")).isEqualTo("FAILED");
                    assertThat(row.get("error_code")).isEqualTo("AccessDenied");
                    assertThat(row.get("error_message")).startsWith("AssumeRole: ");
                    assertThat(row.get("role_arn")).endsWith(":role/OrgScanRemediation");
                }
            });
            assertThat(log).anyMatch(row -> row.get("account_id").equals(ADMIN));
            // One AssumeRole per account, however many of its regions the plan has.
            long accounts = log.stream().map(r -> r.get("account_id")).filter(a -> !a.equals(ADMIN)).distinct().count();
            assertThat(sim.stats().count("sts", "AssumeRole")).isEqualTo(accounts);
            assertThat(apply.out()).contains("FAILED ACCOUNT analyzer");
        }
    }

    /** The scanner's published policies still allow no write; the remediation role's allows exactly its calls. */
    @Test
    void theRemediationPolicyIsTheOnlyOneThatWrites() throws Exception {
        for (String file : new String[] {"scanner-policy.json", "member-role-policy.json", "org-role-policy.json"}) {
            assertThat(LeastPrivilegeTest.actions(IAM.resolve(file))).as(file)
                    .noneMatch(a -> a.matches("[a-z0-9-]+:(Create|Put|Update|Delete|Enable|Register)\\w*"));
        }
        assertThat(LeastPrivilegeTest.actions(IAM.resolve("remediation-role-policy.json"))).containsExactlyInAnyOrder(
                "access-analyzer:ListAnalyzers", "access-analyzer:CreateAnalyzer", "iam:CreateServiceLinkedRole");
        assertThat(LeastPrivilegeTest.actions(IAM.resolve("remediation-caller-policy.json"))).containsExactlyInAnyOrder(
                "sts:AssumeRole", "access-analyzer:ListAnalyzers", "access-analyzer:CreateAnalyzer",
                "iam:CreateServiceLinkedRole");
        assertThat(LeastPrivilegeTest.assumableRoles(IAM.resolve("remediation-caller-policy.json")))
                .containsExactly("arn:aws:iam::*:role/OrgScanRemediation");
    }

    /**
     * Every call of the apply, by account: the target accounts' calls are exactly the role policy's
     * Access Analyzer actions (iam:CreateServiceLinkedRole is AWS's own call, made inside CreateAnalyzer),
     * the caller's are the caller policy's.
     */
    private static void assertCallsAreTheRemediationPolicys(CallStats stats) throws Exception {
        Set<String> role = LeastPrivilegeTest.actions(IAM.resolve("remediation-role-policy.json"));
        Set<String> caller = LeastPrivilegeTest.actions(IAM.resolve("remediation-caller-policy.json"));
        Set<String> byTargets = new TreeSet<>();
        for (CallStats.CallCount call : stats.calls()) {
            String action = LeastPrivilegeTest.ACTION_PREFIX.get(call.service()) + ":" + call.operation();
            if (LeastPrivilegeTest.NEEDS_NO_PERMISSION.contains(action)) {
                continue;
            }
            Set<String> granted = call.accountId().equals(ADMIN) ? caller : role;
            assertThat(granted).as("%s called by account %s", action, call.accountId()).contains(action);
            if (!call.accountId().equals(ADMIN)) {
                byTargets.add(action);
            }
        }
        Set<String> roleApiActions = new TreeSet<>(role);
        roleApiActions.remove("iam:CreateServiceLinkedRole");
        if (!byTargets.isEmpty()) {
            assertThat(byTargets).isEqualTo(roleApiActions);
        }
    }

    private static void assertOnlyPlannedCellsChanged(JsonNode plan, JsonNode before, JsonNode after) {
        Set<String> targeted = new HashSet<>();
        Set<String> created = new HashSet<>();
        Set<String> organizationRegions = new HashSet<>();
        for (JsonNode action : plan.path("actions")) {
            action.path("finding_ids").forEach(f -> targeted.add(cellOf(f.asText())));
            created.add(action.path("account_id").asText() + "/" + action.path("region").asText() + "/"
                    + action.path("analyzer_name").asText() + "/" + action.path("analyzer_type").asText());
            if (action.path("analyzer_type").asText().equals("ORGANIZATION")) {
                organizationRegions.add(action.path("region").asText());
            }
        }
        Map<String, JsonNode> old = cells(before);
        Map<String, JsonNode> now = cells(after);
        assertThat(now.keySet()).isEqualTo(old.keySet());
        Set<String> analyzersBefore = analyzers(before);
        Set<String> analyzersAfter = analyzers(after);
        Set<String> added = new TreeSet<>(analyzersAfter);
        added.removeAll(analyzersBefore);
        assertThat(analyzersAfter).containsAll(analyzersBefore);
        // Exactly the planned analyzers, of the planned type; nothing of another type.
        assertThat(added).isEqualTo(new TreeSet<>(created));
        List<String> changedUnplanned = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
            JsonNode was = entry.getValue();
            JsonNode is = now.get(entry.getKey());
            if (targeted.contains(entry.getKey())) {
                assertThat(is.path("status").asText()).as(entry.getKey()).isEqualTo("COMPLIANT");
                continue;
            }
            boolean same = was.path("status").equals(is.path("status")) && was.path("reason").equals(is.path("reason"));
            boolean undecidedNowCoveredByThePlan = was.path("status").asText().equals("INSUFFICIENT_DATA")
                    && is.path("reason").asText().equals("ACTIVE_ORGANIZATION_ANALYZER")
                    && organizationRegions.contains(is.path("region").asText())
                    && is.path("covered_by_arn").asText().endsWith(":" + ADMIN + ":analyzer/orgscan-organization-external-access");
            if (!same && !undecidedNowCoveredByThePlan) {
                changedUnplanned.add(entry.getKey() + ": " + was.path("reason").asText() + " -> " + is.path("reason").asText());
            }
        }
        assertThat(changedUnplanned).isEmpty();
    }

    private static String cellOf(String findingId) {
        String[] parts = findingId.split(":");
        return parts[2] + "/" + parts[3];
    }

    private static Map<String, JsonNode> cells(JsonNode scan) {
        Map<String, JsonNode> cells = new HashMap<>();
        scan.path("cells").forEach(c -> cells.put(c.path("account_id").asText() + "/" + c.path("region").asText(), c));
        return cells;
    }

    /** Every analyzer the scan saw, as account/region/name/type, with its status apart. */
    private static Set<String> analyzers(JsonNode scan) {
        Set<String> all = new HashSet<>();
        scan.path("cells").forEach(c -> c.path("analyzers").forEach(a -> all.add(c.path("account_id").asText() + "/"
                + c.path("region").asText() + "/" + a.path("name").asText() + "/" + a.path("type").asText())));
        return all;
    }

    private static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static void assertSumsVerify(Path folder) throws Exception {
        Map<String, String> listed = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"))) {
            listed.put(line.substring(66), line.substring(0, 64));
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SHA256SUMS")).forEach(files::add);
        }
        assertThat(listed.keySet()).isEqualTo(files);
        for (String file : files) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(file))));
            assertThat(listed.get(file)).as(file).isEqualTo(sha);
        }
    }
}
