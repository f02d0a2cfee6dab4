package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.server.CallStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organizations throttles listing calls at low rates shared with the organization's other automation;
 * a page that is throttled again and again must be retried, with its NextToken, until it is answered,
 * not lose the scan. Through the real SDK against the simulator, on scenarios/scan-rules.json.
 */
class OrganizationsThrottlingTest {
    static final String WORKLOADS = "ou-ru1e-workload";
    /**
     * Organizations' back-off capped at 1 s instead of 20 s (the budget of minutes stays): with the
     * real cap, ten back-offs of half to all of 1, 2, 4, 8, 16, 20 ... s made this scan take 110 s;
     * with it, about 28 s, most of it the adaptive client's own slowing down after ten throttles
     * (it then sends Organizations calls at its floor of one every two seconds, and recovers).
     */
    static final String MAX_BACKOFF_MS = "1000";

    @TempDir
    Path dir;

    /**
     * Workloads holds three accounts, two to a page: its second page, one account, is throttled ten
     * times in a row, then answered; every cell is judged as if nothing had been throttled.
     */
    @Test
    void tenThrottlesOfOnePageInARowStillGiveTheCompleteReport() throws Exception {
        Scenario rules = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        Faults faults = rules.faults();
        List<Faults.ThrottleRule> throttle = new ArrayList<>(faults.throttle());
        throttle.add(new Faults.ThrottleRule(ScanEndToEndTest.SECURITY, "us-east-1", "organizations",
                "ListAccountsForParent", WORKLOADS, 1, 10));
        Scenario throttled = rules.withFaults(new Faults(faults.latencyMs(), faults.assumeRoleDenied(),
                faults.listAnalyzersDenied(), throttle, faults.internalError(), faults.credentialLifetime()));

        try (AwsSimulator simulator = AwsSimulator.start(throttled, 0, 0)) {
            Map<String, String> env = new HashMap<>(ScanEndToEndTest.securityEnv());
            env.put("ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS", MAX_BACKOFF_MS);
            long started = System.nanoTime();
            OrgscanInProcess.Result result = OrgscanInProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--out-dir", dir.toString());
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4); // as unthrottled: scan-rules has its own faults
            Map<String, String> expected = ExpectedCells.forPolicy("org");
            Map<String, CSVRecord> csv = ScanEndToEndTest.findingsByCell(dir.resolve("findings.csv"));
            assertThat(csv.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((cell, reason) -> assertThat(csv.get(cell).get("reason")).as(cell).isEqualTo(reason));
            assertThat(Files.readString(dir.resolve("errors.csv"))).doesNotContain("TooManyRequestsException");

            CallStats stats = simulator.stats();
            // Workloads' second page holds 999999999999: listed, so scanned.
            assertThat(stats.count("ec2", "DescribeRegions", "999999999999")).isEqualTo(1);
            CallStats.CallCount listings = stats.calls().stream()
                    .filter(c -> c.operation().equals("ListAccountsForParent")).findFirst().orElseThrow();
            // One call per page: the root 1, Security 1, Workloads 2, Prod 2, Sandbox 2; plus ten throttled.
            assertThat(listings.count()).isEqualTo(8 + 10);
            assertThat(listings.errors()).isEqualTo(10);
            assertThat(stats.calls()).filteredOn(c -> c.service().equals("organizations") && c.accountId().equals(ScanEndToEndTest.SECURITY))
                    .hasSize(5); // DescribeOrganization, ListDelegatedAdministrators, ListRoots and the two listings
            System.out.printf("OrganizationsThrottlingTest: the scan took %d s through ten throttles%n", seconds);
        }
    }
}
