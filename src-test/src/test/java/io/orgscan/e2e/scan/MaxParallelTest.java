package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --max-parallel N} is the most calls in flight at once, all services together (the
 * organization walk's calls included), as the simulator counts them: never more, and more than half
 * of them used.
 */
class MaxParallelTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16})
    void noMoreCallsInFlightThanMaxParallel(int maxParallel, @TempDir Path dir) throws IOException {
        // 12 accounts in 3 OUs, about 230 calls, answered 10 ms after they arrive so that they overlap.
        Scenario scenario = SyntheticOrganization.generate(7, 12, 3);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 10)) {
            Scenario.Credentials management = scenario.credentials().get(0);
            OrgscanInProcess.Result result = OrgscanInProcess.run(
                    Map.of("AWS_ACCESS_KEY_ID", management.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                            management.secretAccessKey(), "AWS_REGION", "us-east-1"),
                    "scan", "--endpoint-url", simulator.endpoint().toString(), "--out-dir", dir.toString(),
                    "--max-parallel", Integer.toString(maxParallel), "--format", "csv");

            assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
            assertThat(result.err()).doesNotContain("\tat ");
            assertThat(simulator.stats().total()).as("the whole organization was scanned").isGreaterThan(200);
            assertThat(simulator.stats().peakInFlight()).isLessThanOrEqualTo(maxParallel)
                    .as("calls did run in parallel").isGreaterThan(maxParallel / 2);
        }
    }
}
