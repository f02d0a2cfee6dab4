package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.ResponseMode;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 7 on a whole scan: one region's Access Analyzer endpoint stops answering for every
 * account of a 40-account organization. After two unanswered attempts the region's remaining calls
 * fail at once (EndpointBreaker), so the scan costs about two attempt timeouts more than an unspoiled
 * one, not 4 attempts of every account's call (40 x 4 x 2 s over 8 calls in flight: 40 s); the
 * region's cells are INSUFFICIENT_DATA / API_ERROR saying the endpoint did not answer, every other
 * cell as unspoiled, exit 4. ORGSCAN_TEST_TIMEOUT_MS=2000 stands for the real 30 s.
 */
class HungRegionTest {
    static final String HUNG = "eu-west-1";
    static final Duration ATTEMPT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    record Run(OrgscanInProcess.Result result, Duration took, Map<String, CSVRecord> cells, long hungCalls) {
    }

    private Run scan(Scenario scenario, String out) throws Exception {
        Scenario.Credentials management = scenario.credentials().get(0);
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", management.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", management.secretAccessKey(), "AWS_REGION", "us-east-1",
                "ORGSCAN_TEST_TIMEOUT_MS", Long.toString(ATTEMPT.toMillis()));
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0)) {
            long started = System.nanoTime();
            OrgscanInProcess.Result result = OrgscanInProcess.run(env, "scan", "--endpoint-url",
                    simulator.endpoint().toString(), "--policy", "account", "--max-parallel", "8",
                    "--out-dir", dir.resolve(out).toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long hungCalls = simulator.stats().calls().stream()
                    .filter(c -> c.operation().equals("ListAnalyzers") && HUNG.equals(c.region()))
                    .mapToLong(c -> c.count()).sum();
            return new Run(result, took, ScanEndToEndTest.findingsByCell(dir.resolve(out).resolve("findings.csv")),
                    hungCalls);
        }
    }

    @Test
    void aRegionThatStopsAnsweringCostsTheWholeScanAboutTwoAttemptTimeouts() throws Exception {
        Scenario organization = SyntheticOrganization.generate(13, 40, 4);
        Run clean = scan(organization, "clean");
        Run hung = scan(organization.withFaults(organization.faults().withResponse(
                new Faults.ResponseRule("access-analyzer", "ListAnalyzers", null, HUNG, ResponseMode.HANG, null))), "hung");

        assertThat(hung.result().exitCode()).as(hung.result().all()).isEqualTo(4);
        assertThat(hung.result().err()).doesNotContain("\tat ");
        long listed = 0;
        for (Map.Entry<String, CSVRecord> cell : clean.cells().entrySet()) {
            CSVRecord before = cell.getValue();
            CSVRecord after = hung.cells().get(cell.getKey());
            boolean listedThere = before.get("region").equals(HUNG) && before.get("region_opt_status").matches("opt-in-not-required|opted-in")
                    && !before.get("reason").equals("ACCOUNT_NOT_ACTIVE");
            if (listedThere) {
                listed++;
                assertThat(after.get("status") + "/" + after.get("reason")).as(cell.getKey())
                        .isEqualTo("INSUFFICIENT_DATA/API_ERROR");
                assertThat(after.get("detail")).as(cell.getKey()).contains("did not answer");
            } else {
                assertThat(after.get("status") + "/" + after.get("reason") + " " + after.get("detail")).as(cell.getKey())
                        .isEqualTo(before.get("status") + "/" + before.get("reason") + " " + before.get("detail"));
            }
        }
        assertThat(listed).as("accounts whose %s was to be listed", HUNG).isGreaterThan(30);
        // The breaker's own line: the calls not sent name the endpoint, the service and the region.
        assertThat(hung.cells().values()).anySatisfy(c -> assertThat(c.get("detail")).contains("EndpointNotAnswering")
                .contains("(access-analyzer " + HUNG + ") did not answer (2 attempts in a row timed out)"));
        // Each hung call costs at most one attempt timeout before the breaker opens: about the calls in flight.
        assertThat(hung.hungCalls()).as("ListAnalyzers calls sent to %s", HUNG).isLessThan(listed);
        assertThat(hung.took()).as("clean scan %s", clean.took()).isLessThan(clean.took().plus(ATTEMPT.multipliedBy(4)));
        // Without the breaker: every listing's 4 attempts, 8 in flight. (The clean scan, the JVM's first, is slow.)
        Duration withoutBreaker = ATTEMPT.multipliedBy(listed * 4 / 8);
        assertThat(hung.took()).isLessThan(withoutBreaker.dividedBy(2));
        System.out.printf("HungRegionTest: clean %d ms, hung %d ms, %d of %d %s listings sent%n", clean.took().toMillis(),
                hung.took().toMillis(), hung.hungCalls(), listed, HUNG);
    }
}
