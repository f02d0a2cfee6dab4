package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan that outlives its assumed-role credentials refreshes them instead of failing: the
 * simulator refuses expired credentials (ExpiredToken) as AWS does.
 */
class CredentialRefreshTest {
    @TempDir
    Path dir;

    @Test
    void shortLivedCredentialsAreRefreshedNotReportedAsFailures() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        Faults shortLived = new Faults(0, java.util.Set.of(), java.util.Set.of(), java.util.List.of(), java.util.List.of(),
                Optional.of(java.time.Duration.ofSeconds(5)));
        try (AwsSimulator simulator = AwsSimulator.start(base.withFaults(shortLived), 0, 0)) {
            OrgscanInProcess.Result result = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan",
                    "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString());
            // No faults left but the short lifetime: everything the scan reads, it decides.
            assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
            assertThat(result.out()).contains("0 INSUFFICIENT_DATA");
            assertThat(simulator.stats().count("sts", "AssumeRole")).isGreaterThan(8);
        }
    }
}
