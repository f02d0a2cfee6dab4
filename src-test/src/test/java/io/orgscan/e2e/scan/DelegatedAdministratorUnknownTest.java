package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: when ListDelegatedAdministrators fails (here denied by an SCP), the cells the
 * delegated administrator's organization analyzers cover are undecided, never NON_COMPLIANT, and
 * errors.csv's ListDelegatedAdministrators row counts them. scenarios/scan-rules.json, scanned from
 * the security account (the delegated administrator), once as it is and once with the lookup denied.
 */
class DelegatedAdministratorUnknownTest {
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/scan-rules.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFailedLookupLeavesTheAdministratorsCoverageUndecidedAndCountsIt() throws Exception {
        Scenario rules = ScenarioLoader.load(SCENARIO);
        Map<String, CSVRecord> baseline = scan(rules, dir.resolve("baseline"));

        // Denied by a service control policy on the security account: not retried, so the test does not
        // wait out the Organizations retry budget of minutes that a lookup throttled for good would.
        ObjectNode tree = (ObjectNode) JSON.readTree(Files.readString(SCENARIO));
        tree.putArray("serviceControlPolicies").add(JSON.readTree("""
                {"id": "p-denylookup1", "name": "DenyDelegatedAdministratorLookup", "targets": ["%s"],
                 "content": {"Version": "2012-10-17", "Statement": [{"Sid": "DenyLookup", "Effect": "Deny",
                   "Action": "organizations:ListDelegatedAdministrators", "Resource": "*"}]}}
                """.formatted(ScanEndToEndTest.SECURITY)));
        Scenario denied = ScenarioLoader.parse(JSON.writeValueAsString(tree), "scan-rules.json with the lookup denied");
        Path out = dir.resolve("denied");
        Map<String, CSVRecord> cells = scan(denied, out);

        String adminArn = ":" + ScanEndToEndTest.SECURITY + ":analyzer/";
        int undecided = 0;
        for (Map.Entry<String, CSVRecord> entry : baseline.entrySet()) {
            CSVRecord before = entry.getValue();
            CSVRecord after = cells.get(entry.getKey());
            boolean byAdministrator = before.get("reason").equals("ACTIVE_ORGANIZATION_ANALYZER")
                    && before.get("covered_by_arn").contains(adminArn)
                    && !before.get("account_id").equals(ScanEndToEndTest.SECURITY);
            if (byAdministrator) {
                // Undecided: for the lookup, or for the account's own failed calls, which the
                // administrator's certain coverage no longer overrides.
                assertThat(after.get("status")).as(entry.getKey()).isEqualTo("INSUFFICIENT_DATA");
                if (after.get("reason").equals("DENIED_BY_SCP")) {
                    assertThat(after.get("detail")).as(entry.getKey()).startsWith("ListDelegatedAdministrators: AccessDeniedException");
                    undecided++;
                }
            } else if (!after.get("detail").startsWith("ListDelegatedAdministrators")) {
                assertThat(after.get("reason")).as(entry.getKey()).isEqualTo(before.get("reason"));
            }
            assertThat(after.get("covered_by_arn").contains(adminArn) && !after.get("account_id").equals(ScanEndToEndTest.SECURITY))
                    .as(entry.getKey() + " is not covered by an administrator nobody knows").isFalse();
        }
        assertThat(undecided).as("the scenario's delegated administrator covers cells").isPositive();
        long linked = cells.values().stream().filter(c -> c.get("detail").startsWith("ListDelegatedAdministrators")).count();
        CSVRecord lookup = CsvReader.parse(out.resolve("errors.csv")).stream()
                .filter(e -> e.get("operation").equals("ListDelegatedAdministrators")).findFirst().orElseThrow();
        assertThat(lookup.get("account_id")).isEmpty();
        assertThat(lookup.get("region")).isEmpty();
        assertThat(Long.parseLong(lookup.get("rows_affected"))).isEqualTo(linked).isGreaterThanOrEqualTo(undecided);
    }

    private static Map<String, CSVRecord> scan(Scenario scenario, Path out) throws Exception {
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            Map<String, String> env = new HashMap<>(ScanEndToEndTest.securityEnv());
            env.put("ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS", "200");
            OrgscanInProcess.Result result = OrgscanInProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--out-dir", out.toString());
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            return ScanEndToEndTest.findingsByCell(out.resolve("findings.csv"));
        }
    }
}
