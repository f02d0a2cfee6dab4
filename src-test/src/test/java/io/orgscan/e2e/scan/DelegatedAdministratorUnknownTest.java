package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanProcess;
import io.orgscan.report.testkit.CsvReader;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: when ListDelegatedAdministrators fails (throttled past its retries), the cells the
 * delegated administrator's organization analyzers cover are undecided, never NON_COMPLIANT, and
 * errors.csv's ListDelegatedAdministrators row counts them. scenarios/scan-rules.json, scanned from
 * the security account (the delegated administrator), once as it is and once with the lookup throttled.
 */
class DelegatedAdministratorUnknownTest {
    @TempDir
    Path dir;

    @Test
    void aThrottledLookupLeavesTheAdministratorsCoverageUndecidedAndCountsIt() throws Exception {
        Scenario rules = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        Map<String, CSVRecord> baseline = scan(rules, dir.resolve("baseline"));

        Faults faults = rules.faults();
        List<Faults.ThrottleRule> throttle = new ArrayList<>(faults.throttle());
        throttle.add(new Faults.ThrottleRule(ScanEndToEndTest.SECURITY, "us-east-1", "organizations",
                "ListDelegatedAdministrators", null, 0, 1000));
        Scenario throttled = rules.withFaults(new Faults(faults.latencyMs(), faults.assumeRoleDenied(),
                faults.listAnalyzersDenied(), throttle, faults.internalError(), faults.credentialLifetime()));
        Path out = dir.resolve("throttled");
        Map<String, CSVRecord> cells = scan(throttled, out);

        String adminArn = ":" + ScanEndToEndTest.SECURITY + ":analyzer/";
        int undecided = 0;
        for (Map.Entry<String, CSVRecord> entry : baseline.entrySet()) {
            CSVRecord before = entry.getValue();
            CSVRecord after = cells.get(entry.getKey());
            boolean byAdministrator = before.get("reason").equals("ACTIVE_ORGANIZATION_ANALYZER")
                    && before.get("covered_by_arn").contains(adminArn)
                    && !before.get("account_id").equals(ScanEndToEndTest.SECURITY);
            if (byAdministrator) {
                assertThat(after.get("status") + " " + after.get("reason")).as(entry.getKey())
                        .isEqualTo("INSUFFICIENT_DATA API_ERROR");
                assertThat(after.get("detail")).as(entry.getKey()).startsWith("ListDelegatedAdministrators: TooManyRequestsException");
                undecided++;
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
            OrgscanProcess.Result result = OrgscanProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--out-dir", out.toString());
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            return ScanEndToEndTest.findingsByCell(out.resolve("findings.csv"));
        }
    }
}
