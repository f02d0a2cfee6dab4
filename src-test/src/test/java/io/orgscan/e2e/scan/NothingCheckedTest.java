package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3: a run that checked nothing it could pass on exits 4 and says why, never 0
 * "COMPLIANT"; an empty scope value is a usage error. Through the real SDK against the simulator.
 */
class NothingCheckedTest {
    @TempDir
    Path dir;

    @Test
    void aRegionTypoAndAnEmptyScopeAreNeverCompliant() throws Exception {
        Scenario rules = ScenarioLoader.load(Path.of("src/test/resources/scenarios/scan-rules.json"));
        try (AwsSimulator simulator = AwsSimulator.start(rules, 0, 0)) {
            String endpoint = simulator.endpoint().toString();

            OrgscanInProcess.Result typo = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--regions", "us-eest-1", "--out-dir", dir.resolve("typo").toString());
            assertThat(typo.exitCode()).as(typo.all()).isEqualTo(4);
            assertThat(typo.out()).contains("result: INCOMPLETE: us-eest-1 is not a region any account listed (exit 4)");

            String account = ScanEndToEndTest.SECURITY;
            OrgscanInProcess.Result none = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--accounts", account, "--exclude-accounts", account, "--policy", "account",
                    "--out-dir", dir.resolve("none").toString());
            assertThat(none.exitCode()).as(none.all()).isEqualTo(4);
            assertThat(none.out()).contains("result: INCOMPLETE: no applicable cell");

            OrgscanInProcess.Result empty = OrgscanInProcess.run(ScanEndToEndTest.securityEnv(), "scan", "--endpoint-url",
                    endpoint, "--regions", "", "--out-dir", dir.resolve("empty").toString());
            assertThat(empty.exitCode()).as(empty.all()).isEqualTo(2);
            assertThat(empty.err()).contains("--regions: the value is empty");
        }
    }
}
