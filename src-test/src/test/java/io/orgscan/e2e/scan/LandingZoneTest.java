package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code samples/landing-zone-org.json} scanned in-process through the real SDK against the simulator,
 * which enforces its SCPs: every cell under both policies, with and without
 * {@code --scp-denied-regions not-applicable}, against the hand-worked {@link LandingZoneCells}; the
 * Organizations calls the option adds, exactly; and a scan that cannot read the SCPs.
 */
class LandingZoneTest {
    static final Path SCENARIO = Path.of("../samples/landing-zone-org.json");
    static final String ORG_ROLE = "arn:aws:iam::100000000001:role/OrgScanOrganizationReadOnly";
    static final String OPTION = "--scp-denied-regions=not-applicable";
    /** Regions where a ListAnalyzers of the scan is denied by an SCP (sandbox, prod-eu, dev): all but af-south-1. */
    static final Set<String> SCP_DENIED_REGIONS = Set.of("ap-southeast-2", "eu-central-1", "eu-west-1", "us-east-1", "us-west-2");
    static final List<String> POLICY_OPERATIONS = List.of("ListPolicies", "DescribePolicy", "ListTargetsForPolicy",
            "ListPoliciesForTarget");

    static Scenario scenario;
    static AwsSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        scenario = ScenarioLoader.load(SCENARIO);
        simulator = AwsSimulator.start(scenario, 0, 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.resetStats();
    }

    OrgscanInProcess.Result scan(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", out.toString(), "--format=json,csv"));
        args.addAll(List.of(extra));
        return OrgscanInProcess.run(ScanEndToEndTest.env("AKIALANDINGSECURITY1", "landing-security-secret-DO-NOT-LOG"),
                args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "--policy {0}, option {1}")
    @CsvSource({"org, false", "account, false", "org, true", "account, true"})
    void judgesEveryCellAsWorkedOutByHand(String policy, boolean option) throws IOException {
        List<String> args = new ArrayList<>(List.of("--policy", policy, "--org-role-arn", ORG_ROLE));
        if (option) {
            args.add(OPTION);
        }
        OrgscanInProcess.Result result = scan(dir, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        Map<String, String> expected = LandingZoneCells.reasons(policy, option);
        Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> {
            assertThat(csv.get(cell).get("reason")).as("reason of " + cell).isEqualTo(reason);
            assertThat(csv.get(cell).get("status")).as("status of " + cell).isEqualTo(LandingZoneCells.statusOf(reason));
        });
        Map<String, String> denies = LandingZoneCells.denies();
        expected.forEach((cell, reason) -> {
            if (reason.equals("REGION_DENIED_BY_SCP")) {
                assertThat(csv.get(cell).get("detail")).as("detail of " + cell)
                        .isEqualTo("region denied by SCP " + denies.get(cell).replace(" ", " statement "));
            }
        });
        // The scan says how many cells lie in SCP-denied regions, and names the option, only without it.
        long inDeniedRegions = expected.entrySet().stream()
                .filter(e -> SCP_DENIED_REGIONS.contains(e.getKey().split(" ")[1]))
                .filter(e -> Set.of("NON_COMPLIANT", "INSUFFICIENT_DATA").contains(LandingZoneCells.statusOf(e.getValue())))
                .count();
        if (option) {
            assertThat(result.out()).doesNotContain("SCP-denied regions");
        } else {
            assertThat(result.out()).contains("SCP-denied regions: " + inDeniedRegions + " NON_COMPLIANT or INSUFFICIENT_DATA cells")
                    .contains("(ap-southeast-2, eu-central-1, eu-west-1, us-east-1, us-west-2)")
                    .contains("--scp-denied-regions not-applicable");
        }
        String parameter = option ? "not-applicable" : "report-only";
        assertThat(Files.readString(dir.resolve("scan.json"))).containsPattern("\"--scp-denied-regions\"[\\s\\S]{0,80}\"" + parameter + "\"");
    }

    /**
     * The one rule of the decision table the landing zone's own cells cannot show, EXCLUDED, outranks
     * every rule after it, an SCP's region deny included: an account left out by --exclude-accounts and
     * a region left out by --exclude-regions keep their cells, EXCLUDED; every other cell is as the
     * table says.
     */
    @ParameterizedTest(name = "--policy {0}")
    @CsvSource({"org", "account"})
    void excludedCellsOutrankTheRestAndChangeNoOtherCell(String policy) throws IOException {
        OrgscanInProcess.Result result = scan(dir, "--policy", policy, "--org-role-arn", ORG_ROLE, OPTION,
                "--exclude-accounts", "100000000010", "--exclude-regions", "ap-southeast-2");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        Map<String, String> expected = new java.util.LinkedHashMap<>(LandingZoneCells.reasons(policy, true));
        expected.replaceAll((cell, reason) -> reason.equals("ACCOUNT_NOT_ACTIVE") ? reason
                : cell.startsWith("100000000010 ") || cell.endsWith(" ap-southeast-2") ? "EXCLUDED" : reason);
        Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
        assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cell, reason) -> assertThat(csv.get(cell).get("reason")).as("reason of " + cell).isEqualTo(reason));
    }

    /**
     * The option adds exactly ListPolicies pages (8 policies, FullAWSAccess included, at 3 a page: 3),
     * one DescribePolicy per policy (8), and ListTargetsForPolicy pages for the five policies with a
     * region-deny statement (one target each: 5): not for FullAWSAccess, the decoy or the allow list.
     * Without it, no policy call at all, and the other calls are the same.
     */
    @Test
    void theOptionAddsExactlyThePolicyReads() throws IOException {
        OrgscanInProcess.Result without = scan(dir.resolve("without"), "--org-role-arn", ORG_ROLE);
        assertThat(without.exitCode()).as(without.all()).isEqualTo(4);
        CallStats before = simulator.stats();
        simulator.resetStats();
        OrgscanInProcess.Result with = scan(dir.resolve("with"), "--org-role-arn", ORG_ROLE, OPTION);
        assertThat(with.exitCode()).as(with.all()).isEqualTo(4);
        CallStats after = simulator.stats();

        for (String operation : POLICY_OPERATIONS) {
            assertThat(before.count("organizations", operation)).as(operation + " without the option").isZero();
        }
        int pageSize = scenario.pageSizes().organizations();
        int policies = scenario.policies().size();
        assertThat(policies).isEqualTo(8);
        assertThat(after.count("organizations", "ListPolicies")).isEqualTo((policies + pageSize - 1) / pageSize);
        assertThat(after.count("organizations", "DescribePolicy")).isEqualTo(policies);
        assertThat(after.count("organizations", "ListTargetsForPolicy")).isEqualTo(5);
        assertThat(after.count("organizations", "ListPoliciesForTarget")).isZero();
        // Every policy call as the management account's organization role.
        for (String operation : POLICY_OPERATIONS) {
            assertThat(after.count("organizations", operation)).isEqualTo(after.count("organizations", operation, "100000000001"));
        }
        assertThat(operationCounts(after, true)).isEqualTo(operationCounts(before, true));
        assertThat(operationCounts(after, false)).isEqualTo(operationCounts(before, false));
    }

    @Test
    void withoutTheRightToReadTheScpsTheScanCannotStartAndWritesNothing() throws IOException {
        // From the security account without --org-role-arn: a delegated administrator may list the
        // organization, but not its policies.
        OrgscanInProcess.Result result = scan(dir, OPTION);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.startLine()).contains("organizations:ListPolicies").contains("AccessDeniedException").contains("--org-role-arn");
        assertThat(result.err()).doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(simulator.stats().count("access-analyzer", "ListAnalyzers")).as("no account is opened").isZero();
    }

    @Test
    void theDemoRunsTheLandingZone() throws IOException {
        OrgscanInProcess.Result result = OrgscanInProcess.run("demo", "--scenario", "landing-zone", OPTION,
                "--format=json,csv", "--out-dir", dir.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
        LandingZoneCells.reasons("org", true).forEach((cell, reason) ->
                assertThat(csv.get(cell).get("reason")).as(cell).isEqualTo(reason));
    }

    /** Per organizations operation other than the policy reads (or per other service), the calls made. */
    private static Map<String, Long> operationCounts(CallStats stats, boolean organizations) {
        Map<String, Long> counts = new TreeMap<>();
        for (CallStats.CallCount call : stats.calls()) {
            boolean isOrganizations = call.service().equals("organizations");
            if (isOrganizations != organizations || POLICY_OPERATIONS.contains(call.operation())) {
                continue;
            }
            counts.merge(call.service() + ":" + call.operation() + ":" + call.accountId() + ":" + call.region(),
                    (long) call.count(), Long::sum);
        }
        return counts;
    }
}
